import { customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

// 错误标注文件: the workbook a failed import leaves for its uploader (the uploaded rows, each bad cell
// marked with its reason). Kept in the database, so it survives a restart and any server of a
// cluster can hand it out; housekeeping deletes it when it expires.
export const customerImportErrorFiles = pgTable(
  'customer_import_error_files',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    // Random and unguessable; also the download link's last part.
    token: text('token').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    errorCount: integer('error_count').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.token] }),
    index('customer_import_error_files_expires_idx').on(table.expiresAt),
  ],
);
