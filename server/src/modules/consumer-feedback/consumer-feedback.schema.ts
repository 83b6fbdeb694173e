import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { tenants } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { tickets } from '../tickets/index.ts';
import { feedbackTopics } from './consumer-feedback.rules.ts';

// 消费者意见: what a consumer told a store, relayed by the store — the product it is about, the topic,
// the words and a photo — and the answer given back to the store. Each item is also a ticket
// (tickets module, type suggestion), filed when the item is: the queue's clock, warnings, escalation
// and the store's confirmation are the ticket's, so there is one SLA clock, not a copy.
const at = (name: string) => timestamp(name, { withTimezone: true });

export const consumerFeedback = pgTable(
  'consumer_feedback',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    // The store's branch, org path and manager, copied in (as tickets do) so a data scope needs no join.
    branchId: integer('branch_id').notNull(),
    orgPath: text('org_path').notNull(),
    managerId: integer('manager_id').notNull(),
    // The ticket that carries the SLA clock.
    ticketId: integer('ticket_id').notNull(),
    productId: integer('product_id'),
    topic: text('topic', { enum: feedbackTopics }).notNull(),
    text: text('text').notNull(),
    photoFileId: integer('photo_file_id'),
    answer: text('answer'),
    answeredAt: at('answered_at'),
    answeredBy: integer('answered_by'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      name: 'consumer_feedback_customer_fk',
      columns: [table.tenantId, table.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    foreignKey({
      name: 'consumer_feedback_ticket_fk',
      columns: [table.tenantId, table.ticketId],
      foreignColumns: [tickets.tenantId, tickets.id],
    }),
    foreignKey({
      name: 'consumer_feedback_product_fk',
      columns: [table.tenantId, table.productId],
      foreignColumns: [products.tenantId, products.id],
    }),
    foreignKey({
      name: 'consumer_feedback_photo_fk',
      columns: [table.tenantId, table.photoFileId],
      foreignColumns: [storedFiles.tenantId, storedFiles.id],
    }),
    uniqueIndex('consumer_feedback_ticket_key').on(table.tenantId, table.ticketId),
    index('consumer_feedback_created_idx').on(table.tenantId, table.createdAt),
    index('consumer_feedback_customer_idx').on(table.tenantId, table.customerId, table.createdAt),
  ],
);

export type FeedbackRow = typeof consumerFeedback.$inferSelect;
export type FeedbackInsert = typeof consumerFeedback.$inferInsert;
