import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// In-app notifications (站内消息), for staff and retailers alike (a retailer is a user too). Any
// module writes them through notifyIn; `ticket_id` links the ticket the message is about, if any.
export const notifications = pgTable(
  'notifications',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull(),
    ticketId: integer('ticket_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('notifications_user_idx').on(table.tenantId, table.userId, table.createdAt),
  ],
);
