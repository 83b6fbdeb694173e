import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import type { Segment } from '../supply/index.ts';

// 品牌培育 (C6): a brand programme names target products, a period, its target stores (a segment in
// the allocation's vocabulary, or a list), goals and actions. Its KPIs are not stored: they are read
// live from supply's per-store-per-product-per-week roll-up and visits' stock counts.

export const programmeStatuses = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

export const actionKinds = ['classroom', 'display', 'service'] as const;
export type ActionKind = (typeof actionKinds)[number];

// 品牌课堂, 陈列物料, a linked service-menu item of the visits module.
export type ProgrammeAction = { kind: ActionKind; title: string; date?: string; serviceItemId?: number };

// Goals as fractions (0–1) and the 存销比 band.
export type ProgrammeGoals = {
  shelvingRate?: number;
  sellThroughRate?: number;
  stockToSales?: { min: number; max: number };
};

export const brandProgrammes = pgTable(
  'brand_programmes',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    productIds: integer('product_ids').array().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    // Exactly one of the two says who the target stores are; neither: every store.
    segment: jsonb('segment').$type<Segment>(),
    customerIds: integer('customer_ids').array(),
    goals: jsonb('goals').$type<ProgrammeGoals>().notNull(),
    actions: jsonb('actions').$type<ProgrammeAction[]>().notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: programmeStatuses }).notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('brand_programmes_tenant_status_idx').on(table.tenantId, table.status),
  ],
);

export type ProgrammeRow = typeof brandProgrammes.$inferSelect;
