import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// 培育汇总: per programme and store, what the store ordered of the programme's products in the
// period's closed cycles, folded from supply's store_product_weeks once a cycle has closed (a closed
// cycle's orders no longer change). The KPIs read these for the closed weeks and the roll-up itself
// for the weeks still open, in one statement that also reads the fold's record, so a fold committing
// meanwhile is counted once (brand-facts.ts).

// Which weeks are folded: the period cycles with week_start ≤ through_week. Valid only while the
// programme still has the products and first Monday it was folded with and its period still reaches
// through_week; otherwise the KPIs ignore the fold and the next fold starts again.
export const brandFactFolds = pgTable(
  'brand_fact_folds',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    // Bit 0 of a store's weeks_mask: the Monday of the programme's start date.
    firstWeek: date('first_week', { mode: 'string' }).notNull(),
    productIds: integer('product_ids').array().notNull(), // sorted
    throughWeek: date('through_week', { mode: 'string' }).notNull(),
    foldedAt: timestamp('folded_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId] })],
);

// A store's folded weeks: bit i of weeks_mask is set when it ordered a target product in the cycle of
// the week first_week + 7·i; the sums are over its order lines' positions (limited: quota ≥ 0).
export const brandStoreFacts = pgTable(
  'brand_store_facts',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    customerId: integer('customer_id').notNull(),
    weeksMask: bigint('weeks_mask', { mode: 'bigint' }).notNull(),
    firstWeek: date('first_week', { mode: 'string' }).notNull(),
    lastWeek: date('last_week', { mode: 'string' }).notNull(),
    ordered: integer('ordered').notNull(),
    limitedOrdered: integer('limited_ordered').notNull(),
    allocated: integer('allocated').notNull(),
    limitedLines: integer('limited_lines').notNull(),
    fullLines: integer('full_lines').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId, table.customerId] })],
);

// The same store's weeks and quota sums week by week, for the trend (read in one pass without the
// table above): week i's figure is the digits 12·i … 12·i + 11 of each number (Σ v_i · 10^(12·i)), so
// summing the numbers over any set of stores sums every week at once, exactly (numeric). A week's
// figure stays below 10^12 for any city.
export const brandStoreWeekFacts = pgTable(
  'brand_store_week_facts',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    customerId: integer('customer_id').notNull(),
    weeksMask: bigint('weeks_mask', { mode: 'bigint' }).notNull(),
    limitedOrdered: numeric('limited_ordered').notNull(),
    allocated: numeric('allocated').notNull(),
    limitedLines: numeric('limited_lines').notNull(),
    fullLines: numeric('full_lines').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId, table.customerId] })],
);

// 培育分组汇总: the folded facts summed per grouping (none, branch, manager, class, format), group and
// weeks mask over the programme's target stores as they were when the kinds were taken (with the
// fold, in the same statement), so that the grouped KPIs of a whole city read a few hundred rows
// instead of every target store. Taken only for a city-wide reach and a segment without grades (or
// a list of stores); valid while the fold, the programme's segment or list and the products are
// those it was taken with. Stores whose 在营 status, segment columns or grouping columns changed
// since are corrected store by store from brand_store_moves (a trigger on customers writes it:
// updated_at does not move with them), as the stores ordered or counted since the fold are.
export const brandKindSnapshots = pgTable(
  'brand_kind_snapshots',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    firstWeek: date('first_week', { mode: 'string' }).notNull(),
    productIds: integer('product_ids').array().notNull(), // sorted, as the fold's
    throughWeek: date('through_week', { mode: 'string' }).notNull(),
    segment: jsonb('segment'), // the programme's, or null with a list of stores
    customerIds: integer('customer_ids').array(),
    // pg_current_snapshot() of the statement that took the kinds, as text: a move whose transaction
    // it does not see as committed is corrected.
    seen: text('seen').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId] })],
);

// The target stores the kinds counted, with the grouping columns they were counted under (a store
// moved or ordered since is taken out of its kind by these).
export const brandKindStores = pgTable(
  'brand_kind_stores',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    customerId: integer('customer_id').notNull(),
    branchId: integer('branch_id').notNull(),
    managerId: integer('manager_id').notNull(),
    classCode: text('class_code'),
    format: text('format').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId, table.customerId] })],
);

// Per grouping, group key (as the KPI statement keys it) and weeks mask (0: no folded week): the
// stores and their folded quota sums.
export const brandKinds = pgTable(
  'brand_kinds',
  {
    tenantId: integer('tenant_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    grouping: text('grouping').notNull(),
    key: text('key').notNull(),
    weeksMask: bigint('weeks_mask', { mode: 'bigint' }).notNull(),
    stores: integer('stores').notNull(),
    limitedOrdered: bigint('limited_ordered', { mode: 'number' }).notNull(),
    allocated: bigint('allocated', { mode: 'number' }).notNull(),
    limitedLines: bigint('limited_lines', { mode: 'number' }).notNull(),
    fullLines: bigint('full_lines', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.programmeId, table.grouping, table.key, table.weeksMask] })],
);

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

// A store inserted, deleted, or changed in status, segment or grouping columns: its transaction's
// id (the trigger of migration 0031). Pruned by the fold job once every snapshot of the city sees it.
export const brandStoreMoves = pgTable(
  'brand_store_moves',
  {
    tenantId: integer('tenant_id').notNull(),
    customerId: integer('customer_id').notNull(),
    xid: xid8('xid').notNull(),
  },
  (table) => [index('brand_store_moves_tenant_idx').on(table.tenantId, table.customerId)],
);
