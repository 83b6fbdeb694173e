import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { products } from '../products/index.ts';
import type { AllocationStrategy } from './allocation-strategy.rules.ts';
import { defaultLineCap } from './order.rules.ts';

// 货源 supply: grades (档位), weekly order cycles (订货周期), the allocation of each cycle's limited
// products to stores (货源投放), and the orders stores place against it (网上订货 / 电话订货).

export const gradeRunStatuses = ['draft', 'published'] as const;
export type GradeRunStatus = (typeof gradeRunStatuses)[number];
export type GradeWeights = { amount: number; quantity: number };

// One computation of every store's grade from its purchases over a period (13 weeks). A published
// run takes effect on its date; the runs are the grade history.
export const gradeRuns = pgTable(
  'grade_runs',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    weights: jsonb('weights').$type<GradeWeights>().notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: gradeRunStatuses }).notNull().default('draft'),
    storeCount: integer('store_count').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

// A store's grade in one run, with the purchases that decided it.
export const customerGrades = pgTable(
  'customer_grades',
  {
    tenantId: integer('tenant_id').notNull(),
    runId: integer('run_id').notNull(),
    customerId: integer('customer_id').notNull(),
    grade: smallint('grade').notNull(),
    score: real('score').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.runId, table.customerId] }),
    foreignKey({ columns: [table.tenantId, table.runId], foreignColumns: [gradeRuns.tenantId, gradeRuns.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('customer_grades_customer_idx').on(table.tenantId, table.customerId),
  ],
);

export const cycleStatuses = ['draft', 'published', 'closed'] as const;
export type CycleStatus = (typeof cycleStatuses)[number];

// 订货周期: one week of ordering. Stores order in their window (their order day, or the whole
// cycle) once the cycle's allocation is published.
export const orderCycles = pgTable(
  'order_cycles',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    orderDayOnly: boolean('order_day_only').notNull(),
    dailyCutoff: text('daily_cutoff').notNull(),
    // 每单每品限订: the most cartons of one product one order may hold, quota or not.
    lineCap: integer('line_cap').notNull().default(defaultLineCap),
    status: text('status', { enum: cycleStatuses }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('order_cycles_tenant_code_idx').on(table.tenantId, table.code),
    index('order_cycles_tenant_week_idx').on(table.tenantId, table.weekStart),
  ],
);

export type CycleProductOutcome = {
  allocated: number;
  eligibleStores: number;
  storesAtZero: number;
  scale: number;
};

// A product offered in a cycle: its supply (null: not limited) and how it is allocated.
// `position` is the product's index in every store_quotas row of the cycle.
export const cycleProducts = pgTable(
  'cycle_products',
  {
    tenantId: integer('tenant_id').notNull(),
    cycleId: integer('cycle_id').notNull(),
    productId: integer('product_id').notNull(),
    position: smallint('position').notNull(),
    supply: integer('supply'),
    strategy: jsonb('strategy').$type<AllocationStrategy>().notNull(),
    outcome: jsonb('outcome').$type<CycleProductOutcome>(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.cycleId, table.productId] }),
    foreignKey({
      columns: [table.tenantId, table.cycleId],
      foreignColumns: [orderCycles.tenantId, orderCycles.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
  ],
);

// What a store may order in a cycle and has ordered: one row per store, arrays by the cycle's
// product positions (-1: unlimited). An order locks this one row, so concurrent submissions for a
// store run one after another and can never pass a quota. Grade, class, credit level and recent
// purchases are what the allocation read, kept so each quota can be explained later.
export const storeQuotas = pgTable(
  'store_quotas',
  {
    tenantId: integer('tenant_id').notNull(),
    cycleId: integer('cycle_id').notNull(),
    customerId: integer('customer_id').notNull(),
    quotas: integer('quotas').array().notNull(),
    ordered: integer('ordered').array().notNull(),
    grade: smallint('grade').notNull(),
    customerClass: text('customer_class'),
    creditLevel: text('credit_level'),
    // Cartons bought in the last 4 weeks, by product position; only when a product allocates by it.
    recent: integer('recent').array(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.cycleId, table.customerId] }),
    foreignKey({
      columns: [table.tenantId, table.cycleId],
      foreignColumns: [orderCycles.tenantId, orderCycles.id],
    }).onDelete('cascade'),
  ],
);

// 店品周汇总: cartons a store ordered of a product in a cycle (week), with its quota then (-1:
// unlimited); a row only once the store has ordered the product. Kept equal to the store's
// store_quotas.ordered element by the statement that writes an order, so the brand KPIs (上柜率,
// 动销率, 重购率, 订足率, 存销比) read per-store-per-product-per-week figures instead of scanning
// order lines.
export const storeProductWeeks = pgTable(
  'store_product_weeks',
  {
    tenantId: integer('tenant_id').notNull(),
    productId: integer('product_id').notNull(),
    cycleId: integer('cycle_id').notNull(),
    customerId: integer('customer_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    ordered: integer('ordered').notNull(),
    quota: integer('quota').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.productId, table.cycleId, table.customerId] }),
    foreignKey({
      columns: [table.tenantId, table.cycleId],
      foreignColumns: [orderCycles.tenantId, orderCycles.id],
    }).onDelete('cascade'),
    index('store_product_weeks_customer_idx').on(table.tenantId, table.customerId, table.weekStart),
  ],
);

export const orderStatuses = ['submitted', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderChannelsOfOrders = ['online', 'phone', 'visit'] as const;
export type OrderChannelOfOrder = (typeof orderChannelsOfOrders)[number];
// 结算: how an order was paid — on time, late (by so many days), or the deduction failed (扣款失败);
// null until the service centre sets it or the settlement system's file is imported.
export const settlementStatuses = ['on_time', 'late', 'failed'] as const;
export type SettlementStatus = (typeof settlementStatuses)[number];
// appeal: an accepted credit appeal set it on time; the settlement system's file leaves it so.
export const settlementSources = ['entered', 'imported', 'appeal'] as const;
export type SettlementSource = (typeof settlementSources)[number];

// 订单: what a store ordered in a cycle, online from the portal or by phone through the service
// centre. A store may place several orders in a cycle and change or cancel them until its cutoff.
export const orders = pgTable(
  'orders',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    cycleId: integer('cycle_id').notNull(),
    customerId: integer('customer_id').notNull(),
    channel: text('channel', { enum: orderChannelsOfOrders }).notNull(),
    status: text('status', { enum: orderStatuses }).notNull().default('submitted'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    settlementStatus: text('settlement_status', { enum: settlementStatuses }),
    settlementLateDays: smallint('settlement_late_days'),
    settlementSource: text('settlement_source', { enum: settlementSources }),
    settlementRecordedBy: integer('settlement_recorded_by'),
    settlementRecordedAt: timestamp('settlement_recorded_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.cycleId],
      foreignColumns: [orderCycles.tenantId, orderCycles.id],
    }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('orders_tenant_cycle_customer_idx').on(table.tenantId, table.cycleId, table.customerId),
    index('orders_tenant_customer_idx').on(table.tenantId, table.customerId, table.createdAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    tenantId: integer('tenant_id').notNull(),
    orderId: integer('order_id').notNull(),
    productId: integer('product_id').notNull(),
    qty: integer('qty').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.orderId, table.productId] }),
    foreignKey({ columns: [table.tenantId, table.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
  ],
);

// A retried submission with the same Idempotency-Key gets the first answer back.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
);
