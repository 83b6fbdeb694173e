import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from '../identity/identity.schema.ts';

// The audit trail: one row per write, append-only. A trigger (migration 0001) refuses
// UPDATE, DELETE and TRUNCATE, so not even a bug can rewrite history.
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('audit_log_tenant_at_idx').on(table.tenantId, table.at),
    index('audit_log_tenant_entity_idx').on(table.tenantId, table.entity, table.entityId, table.at),
    index('audit_log_tenant_actor_idx').on(table.tenantId, table.actorId, table.at),
  ],
);
