import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { products } from '../products/index.ts';

// 价格监管 (C8): price observations reported by retailers (portal) and by inspectors' market checks
// (明察暗访), the warning rules (bands in index points) and the warnings they raise. The visits'
// own observations (visit_price_observations) stay the visits module's; the index reads both.

// Where an observation came from (visits' are 'visit', read through visits' index.ts).
export const priceReportSources = ['retailer', 'inspection'] as const;
export type PriceReportSource = (typeof priceReportSources)[number];

// 价格采集: one pack price seen at a store (customer_id) or at a store-less market point
// (market_point, its district given by hand). The store's district, branch and org path are
// copied in so the index and the data scope need no join. A price outside the plausible range that
// the reporter confirmed is kept with flagged = true and does not count in the index.
export const priceReports = pgTable(
  'price_reports',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    source: text('source', { enum: priceReportSources }).notNull(),
    productId: integer('product_id').notNull(),
    customerId: integer('customer_id'),
    marketPoint: text('market_point'),
    districtCode: text('district_code').notNull(),
    // The store's branch and org path; a market point's, when the inspector named a branch.
    branchId: integer('branch_id'),
    orgPath: text('org_path'),
    packPriceFen: integer('pack_price_fen').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id),
    flagged: boolean('flagged').notNull().default(false),
    // Why it was flagged (the plausibility rule's code), null when not flagged.
    flagReason: text('flag_reason'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
    // A week's observations (the index, the warnings, the list).
    index('price_reports_tenant_observed_idx').on(table.tenantId, table.observedAt),
    index('price_reports_tenant_product_observed_idx').on(table.tenantId, table.productId, table.observedAt),
    // The 20-reports-a-day limit per store and product, and a store's own observations.
    index('price_reports_tenant_customer_product_idx').on(
      table.tenantId,
      table.customerId,
      table.productId,
      table.observedAt,
    ),
    check('price_reports_price_check', sql`${table.packPriceFen} > 0`),
    check('price_reports_place_check', sql`${table.customerId} IS NOT NULL OR ${table.marketPoint} IS NOT NULL`),
  ],
);

export type PriceReportRow = typeof priceReports.$inferSelect;

// What a warning rule applies to: every product (default), a price class (一类–五类) or one product.
// The most specific rule wins: product > price class > default (> the built-in default).
export const warningRuleScopes = ['default', 'price_class', 'product'] as const;
export type WarningRuleScope = (typeof warningRuleScopes)[number];

// 预警规则: bands in index points (yellow outside [yellowFloor, yellowCeiling], red outside
// [redFloor, redCeiling]), a week-on-week drop of more than dropPoints (null: no drop rule), and the
// observations a figure needs before it can warn. Edited by the marketing centre.
export const priceWarningRules = pgTable(
  'price_warning_rules',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    scope: text('scope', { enum: warningRuleScopes }).notNull(),
    priceClass: smallint('price_class'),
    productId: integer('product_id'),
    yellowFloor: doublePrecision('yellow_floor').notNull(),
    yellowCeiling: doublePrecision('yellow_ceiling').notNull(),
    redFloor: doublePrecision('red_floor').notNull(),
    redCeiling: doublePrecision('red_ceiling').notNull(),
    dropPoints: doublePrecision('drop_points'),
    minObservations: integer('min_observations').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
    // One rule per target.
    uniqueIndex('price_warning_rules_target_key').on(
      table.tenantId,
      table.scope,
      sql`coalesce(${table.priceClass}, 0)`,
      sql`coalesce(${table.productId}, 0)`,
    ),
    check(
      'price_warning_rules_target_check',
      sql`(${table.scope} = 'default' AND ${table.priceClass} IS NULL AND ${table.productId} IS NULL)
        OR (${table.scope} = 'price_class' AND ${table.priceClass} BETWEEN 1 AND 5 AND ${table.productId} IS NULL)
        OR (${table.scope} = 'product' AND ${table.productId} IS NOT NULL AND ${table.priceClass} IS NULL)`,
    ),
    check(
      'price_warning_rules_bands_check',
      sql`${table.yellowFloor} < ${table.yellowCeiling} AND ${table.redFloor} < ${table.redCeiling}
        AND ${table.redFloor} <= ${table.yellowFloor} AND ${table.yellowCeiling} <= ${table.redCeiling}`,
    ),
    check('price_warning_rules_min_check', sql`${table.minObservations} >= 1`),
  ],
);

export type PriceWarningRuleRow = typeof priceWarningRules.$inferSelect;

export const warningRegionKinds = ['city', 'branch', 'district'] as const;
export type WarningRegionKind = (typeof warningRegionKinds)[number];

export const warningLevels = ['yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export const warningStatuses = ['new', 'acknowledged', 'action_taken', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

// 价格预警: a product's index in a region (the city, a branch, a district) outside its band or
// dropping too fast. A dip that lasts several weeks is one warning (first_week … week), updated each
// week while it is not closed; a region has at most one warning per product that is not closed.
export const priceWarnings = pgTable(
  'price_warnings',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    productId: integer('product_id').notNull(),
    regionKind: text('region_kind', { enum: warningRegionKinds }).notNull(),
    // The branch's id, the district's code, or "city".
    regionKey: text('region_key').notNull(),
    regionLabel: text('region_label').notNull(),
    // The branch's org path (the data scope); the city's and a district's: null (city-wide only).
    orgPath: text('org_path'),
    // ISO weeks ("2026-W49") and their Mondays: the first week of the dip and the latest one.
    firstWeek: text('first_week').notNull(),
    firstWeekStart: date('first_week_start', { mode: 'string' }).notNull(),
    week: text('week').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    weeks: integer('weeks').notNull().default(1),
    // The latest week's figures, and the week before's index (the drop rule's).
    indexValue: doublePrecision('index_value').notNull(),
    previousIndex: doublePrecision('previous_index'),
    observations: integer('observations').notNull(),
    meanPackPriceFen: doublePrecision('mean_pack_price_fen').notNull(),
    suggestedPackPriceFen: doublePrecision('suggested_pack_price_fen').notNull(),
    level: text('level', { enum: warningLevels }).notNull(),
    // The rule that fired, in words ("指数 93.20 低于黄色下限 95（价类二类规则）"), and its row (null:
    // the built-in default).
    rule: text('rule').notNull(),
    ruleEn: text('rule_en').notNull(),
    ruleId: integer('rule_id'),
    status: text('status', { enum: warningStatuses }).notNull().default('new'),
    ownerId: integer('owner_id').references(() => users.id),
    actionNote: text('action_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    actionTakenAt: timestamp('action_taken_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
    uniqueIndex('price_warnings_open_key')
      .on(table.tenantId, table.productId, table.regionKind, table.regionKey)
      .where(sql`${table.status} <> 'closed'`),
    index('price_warnings_tenant_status_idx').on(table.tenantId, table.status, table.weekStart),
  ],
);

export type PriceWarningRow = typeof priceWarnings.$inferSelect;

// 零售毛利率 roll-up (margin.repository.ts): per store and week, the retail and wholesale amounts of
// what it ordered (supply's store_product_weeks × the retail price that applied: its own observed
// price, else its district's, else the suggested) and the cartons valued at each source. Rows are
// written a week at a time, the whole week in one statement (delete + insert), by the refresh job
// once the week has ended; a week without a price_margin_refreshes row is read live.
export const priceMarginWeeks = pgTable(
  'price_margin_weeks',
  {
    tenantId: integer('tenant_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    customerId: integer('customer_id').notNull(),
    retailFen: doublePrecision('retail_fen').notNull(),
    wholesaleFen: doublePrecision('wholesale_fen').notNull(),
    cartons: integer('cartons').notNull(),
    ownCartons: integer('own_cartons').notNull(),
    districtCartons: integer('district_cartons').notNull(),
    suggestedCartons: integer('suggested_cartons').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.weekStart, table.customerId] })],
);

// Which weeks price_margin_weeks holds, and as of when (their inputs up to refreshed_at).
export const priceMarginRefreshes = pgTable(
  'price_margin_refreshes',
  {
    tenantId: integer('tenant_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
    stores: integer('stores').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.weekStart] })],
);

// The same sums per week and group of stores (branch, org path, manager, class, district — the
// stores' as the week was stored), written with price_margin_weeks in the same transaction: what a
// city's, a branch's or a manager's figures read (a few thousand rows a week instead of every store's).
export const priceMarginGroups = pgTable(
  'price_margin_groups',
  {
    tenantId: integer('tenant_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    branchId: integer('branch_id').notNull(),
    orgPath: text('org_path').notNull(),
    managerId: integer('manager_id').notNull(),
    classCode: text('class_code').notNull(),
    districtCode: text('district_code').notNull(),
    retailFen: doublePrecision('retail_fen').notNull(),
    wholesaleFen: doublePrecision('wholesale_fen').notNull(),
    cartons: integer('cartons').notNull(),
    ownCartons: integer('own_cartons').notNull(),
    districtCartons: integer('district_cartons').notNull(),
    suggestedCartons: integer('suggested_cartons').notNull(),
    storeWeeks: integer('store_weeks').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.tenantId,
        table.weekStart,
        table.branchId,
        table.orgPath,
        table.managerId,
        table.classCode,
        table.districtCode,
      ],
    }),
  ],
);

// The price index's weights (prices.repository.ts, weightCells): cartons ordered per week, product
// and group of stores (branch, org path, district, format, urban/rural — the stores' as the week was
// stored), from supply's store_product_weeks. Written with price_margin_weeks by the same refresh
// (refreshMarginWeeksIn: a week replaced whole, in the same transaction), so price_margin_refreshes
// says which weeks it holds; a week not stored is read from store_product_weeks live.
export const priceWeightGroups = pgTable(
  'price_weight_groups',
  {
    tenantId: integer('tenant_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    productId: integer('product_id').notNull(),
    branchId: integer('branch_id').notNull(),
    orgPath: text('org_path').notNull(),
    districtCode: text('district_code').notNull(),
    format: text('format').notNull(),
    urbanRural: text('urban_rural').notNull(),
    cartons: integer('cartons').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.tenantId,
        table.weekStart,
        table.productId,
        table.branchId,
        table.orgPath,
        table.districtCode,
        table.format,
        table.urbanRural,
      ],
    }),
  ],
);
