import { bigint, date, integer, numeric, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';

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
