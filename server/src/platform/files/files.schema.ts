import { customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from '../identity/identity.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

// Uploaded files (a complaint's photos, a visit's photos), in the database rather than on disk:
// they are small (≤ 5 MB, a few a ticket or visit), so a bytea costs little; they are then backed
// up, restored and moved with the rest of a city's data in one step, they are the same on PGlite and
// PostgreSQL, and a write that links a file to its ticket or visit commits or fails with the
// file — no second store to keep in step, no orphan on disk. The owning module keeps the link
// (ticket_attachments, visit_photos) and decides who may read the file.
export const storedFiles = pgTable(
  'files',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);
