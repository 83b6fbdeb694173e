import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { beijingTimeSql } from '../../platform/time/beijing.ts';
import { addDays } from '../../platform/time/weeks.ts';
import { customers, districts } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { cycleProducts, orderCycles, storeProductWeeks } from '../supply/index.ts';
import { visitPriceObservations, visits } from '../visits/index.ts';
import {
  countedRange,
  madFactor,
  madScale,
  minObservationsForMad,
  minToleranceShare,
  weightWeeks,
} from './price-index.rules.ts';
import {
  type PriceReportRow,
  priceMarginRefreshes,
  priceReports,
  priceWarningRules,
  priceWarnings,
  priceWeightGroups,
  type WarningStatus,
} from './prices.schema.ts';

// Queries only. The index is read live from the observations (nothing cached: a report posted a
// moment ago counts), filtered by the stated rule in SQL (price-index.rules.ts says it in words and
// computes the same in TypeScript for the tests).

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// ── The observations ──────────────────────────────────────────────────────────────────────────

export type ObservationFilter = {
  productIds?: readonly number[];
  // The list's (listObservationRows): flagged reports too, and which sources to read.
  includeFlagged?: boolean;
  sources?: readonly ('visit' | 'report')[];
};

const productFilter = (column: SQL, filter: ObservationFilter) =>
  filter.productIds ? sql`AND ${column} = ANY(${arrayLiteral(filter.productIds)}::int[])` : sql``;

// 价格采集 from every source, as one row set: visits' observations (the newest record of a visit's
// correction chain only: a visit another corrects is left out) and the price reports of retailers
// and inspectors that are not flagged. Columns: source ('visit' | 'retailer' | 'inspection'), ref_id
// (the visit's or the report's id), customer_id (null: a market point), product_id, district_code,
// branch_id, org_path, manager_id (the store's), pack_price_fen, observed_at. For other modules'
// reads (the margin) through index.ts: `FROM (${priceObservationsSql(…)}) o`.
export function priceObservationsSql(tenantId: number, from: Date, until: Date, filter: ObservationFilter = {}): SQL {
  const sources = filter.sources ?? ['visit', 'report'];
  const visitPart = sql`
    SELECT 'visit'::text AS source, o.visit_id AS ref_id, o.customer_id, o.product_id, c.district_code,
      c.branch_id, c.org_path, c.manager_id, o.pack_price_fen, o.observed_at
    FROM ${visitPriceObservations} o
    JOIN ${customers} c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
    WHERE o.tenant_id = ${tenantId} AND o.observed_at >= ${from} AND o.observed_at < ${until}
      ${productFilter(sql`o.product_id`, filter)}
      AND NOT EXISTS (SELECT 1 FROM ${visits} n WHERE n.tenant_id = o.tenant_id AND n.corrects_visit_id = o.visit_id)`;
  const reportPart = sql`
    SELECT r.source, r.id AS ref_id, r.customer_id, r.product_id, r.district_code, r.branch_id, r.org_path,
      rc.manager_id, r.pack_price_fen, r.observed_at
    FROM ${priceReports} r
    LEFT JOIN ${customers} rc ON rc.tenant_id = r.tenant_id AND rc.id = r.customer_id
    WHERE r.tenant_id = ${tenantId} ${filter.includeFlagged ? sql`` : sql`AND NOT r.flagged`}
      AND r.observed_at >= ${from} AND r.observed_at < ${until}
      ${productFilter(sql`r.product_id`, filter)}`;
  const parts = [
    ...(sources.includes('visit') ? [visitPart] : []),
    ...(sources.includes('report') ? [reportPart] : []),
  ];
  return parts.length === 0 ? sql`${visitPart} AND false` : sql.join(parts, sql` UNION ALL `);
}

// The observations that count (price-index.rules.ts, 1): the union with week_start (Beijing Monday)
// and suggested_fen (the suggested pack price), filtered per product, week and district over the
// whole tenant (a figure is the same whoever reads it; the scope then narrows the rows).
export function countedObservationsSql(tenantId: number, from: Date, until: Date, filter: ObservationFilter = {}): SQL {
  return sql`
    WITH obs AS (
      SELECT u.*, date_trunc('week', ${beijingTimeSql(sql`u.observed_at`)})::date AS week_start,
        p.retail_price_fen / 10.0 AS suggested_fen
      FROM (${priceObservationsSql(tenantId, from, until, filter)}) u
      JOIN ${products} p ON p.tenant_id = ${tenantId} AND p.id = u.product_id),
    ranged AS (
      SELECT * FROM obs
      WHERE pack_price_fen >= ${countedRange.min} * suggested_fen AND pack_price_fen <= ${countedRange.max} * suggested_fen),
    medians AS (
      SELECT product_id, week_start, district_code, count(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY pack_price_fen) AS median
      FROM ranged GROUP BY product_id, week_start, district_code),
    mads AS (
      SELECT r.product_id, r.week_start, r.district_code,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(r.pack_price_fen - m.median)) AS mad
      FROM ranged r JOIN medians m USING (product_id, week_start, district_code)
      GROUP BY r.product_id, r.week_start, r.district_code)
    SELECT r.* FROM ranged r
    JOIN medians m USING (product_id, week_start, district_code)
    JOIN mads d USING (product_id, week_start, district_code)
    WHERE m.n < ${minObservationsForMad}
      OR abs(r.pack_price_fen - m.median)
        <= greatest(${madFactor * madScale} * d.mad, ${minToleranceShare} * r.suggested_fen) + 0.000000001`;
}

// What a row of the index is keyed by, on the observations (k, with the store c) and on the orders
// (c): the region (branch, district, format, urban/rural) or the whole reach ('all').
export const regionGroupings = ['none', 'branch', 'district', 'format', 'urban_rural'] as const;
export type RegionGrouping = (typeof regionGroupings)[number];

function observationKeySql(grouping: RegionGrouping): SQL {
  switch (grouping) {
    case 'none':
      return sql`'all'`;
    case 'branch':
      return sql`coalesce(k.branch_id::text, 'none')`;
    case 'district':
      return sql`k.district_code`;
    case 'format':
      return sql`coalesce(c.format, 'market_point')`;
    case 'urban_rural':
      return sql`coalesce(c.urban_rural, 'market_point')`;
  }
}

function orderKeySql(grouping: RegionGrouping): SQL {
  switch (grouping) {
    case 'none':
      return sql`'all'`;
    case 'branch':
      return sql`c.branch_id::text`;
    case 'district':
      return sql`c.district_code`;
    case 'format':
      return sql`c.format`;
    case 'urban_rural':
      return sql`c.urban_rural`;
  }
}

export type Reach = DataScope | 'tenant';

const observationScope = (reach: Reach) =>
  reach === 'tenant'
    ? sql`true`
    : scopeCondition(reach, { orgPath: sql`k.org_path`, managerId: sql`k.manager_id`, customerId: sql`k.customer_id` });

export type CellRow = { key: string; weekStart: string; productId: number; observations: number; sumFen: number };

// Counted observations per region key, week and product, within the reach.
export async function observationCells(
  executor: Executor,
  params: {
    tenantId: number;
    from: Date;
    until: Date;
    grouping: RegionGrouping;
    reach: Reach;
    productIds?: readonly number[];
    region?: { kind: 'branch' | 'district'; key: string };
  },
): Promise<CellRow[]> {
  const key = observationKeySql(params.grouping);
  const region = params.region
    ? params.region.kind === 'branch'
      ? sql`AND k.branch_id::text = ${params.region.key}`
      : sql`AND k.district_code = ${params.region.key}`
    : sql``;
  const result = await executor.execute(sql`
    SELECT ${key} AS key, k.week_start::text AS week_start, k.product_id, count(*)::int AS observations,
      sum(k.pack_price_fen)::float8 AS sum_fen
    FROM (${countedObservationsSql(params.tenantId, params.from, params.until, { productIds: params.productIds })}) k
    LEFT JOIN ${customers} c ON c.tenant_id = ${params.tenantId} AND c.id = k.customer_id
    WHERE ${observationScope(params.reach)} ${region}
    GROUP BY 1, 2, 3`);
  return rowsOf<{ key: string; week_start: string; product_id: number; observations: number; sum_fen: number }>(
    result,
  ).map((row) => ({
    key: String(row.key),
    weekStart: String(row.week_start).slice(0, 10),
    productId: Number(row.product_id),
    observations: Number(row.observations),
    sumFen: Number(row.sum_fen),
  }));
}

// The weights: cartons ordered per region key and product in the 13 weeks ending with `monday`'s
// week (supply's store_product_weeks), by the stores in the reach.
//
// How this stays fast at province scale: the weeks the margin's refresh has stored
// (price_margin_refreshes) are read from price_weight_groups — their cartons per week, product and
// group of stores, written in the same transaction as the week's margin (writeWeightGroupsIn), so a
// stored week's groups are its store_product_weeks as of that refresh — and the weeks not stored
// (none, or the running week before its first refresh) live from store_product_weeks. A manager's
// ('own') or a retailer's scope is narrower than any group: it reads its stores' rows live.
export async function weightCells(
  executor: Executor,
  params: {
    tenantId: number;
    monday: string;
    grouping: RegionGrouping;
    reach: Reach;
    productIds?: readonly number[];
    region?: { kind: 'branch' | 'district'; key: string };
  },
): Promise<{ key: string; productId: number; cartons: number }[]> {
  const from = addDays(params.monday, -7 * weightWeeks);
  const grouped = params.reach === 'tenant' || params.reach.kind === 'org';
  const { storedWeeks, liveCycles } = await weightWeeksOf(executor, params.tenantId, from, params.monday, grouped);
  const scope =
    params.reach === 'tenant'
      ? sql`true`
      : scopeCondition(params.reach, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });
  const region = params.region
    ? params.region.kind === 'branch'
      ? sql`AND c.branch_id::text = ${params.region.key}`
      : sql`AND c.district_code = ${params.region.key}`
    : sql``;
  const key = orderKeySql(params.grouping);
  const parts: SQL[] = [];
  // The groups carry the stores' branch, org path, district, format and urban/rural under the
  // customers' column names: the same key, scope and region conditions read them (as c).
  if (storedWeeks.length > 0)
    parts.push(sql`
      SELECT ${key} AS key, c.product_id, c.cartons
      FROM ${priceWeightGroups} c
      WHERE c.tenant_id = ${params.tenantId} AND c.week_start = ANY(${arrayLiteral(storedWeeks)}::date[])
        ${productFilter(sql`c.product_id`, { productIds: params.productIds })}
        AND ${scope} ${region}`);
  // The other weeks' cycles, live: by the roll-up's key (product, cycle) — a store_product_weeks row
  // is written for a product of its cycle (cycle_products), in its cycle's week — not a scan of every
  // week; a manager's stores may take the customer index instead.
  if (liveCycles.length > 0) {
    const cycles = sql`${arrayLiteral(liveCycles)}::int[]`;
    parts.push(sql`
      SELECT ${key} AS key, w.product_id, w.ordered AS cartons
      FROM ${storeProductWeeks} w
      JOIN ${customers} c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
      WHERE w.tenant_id = ${params.tenantId} AND w.cycle_id = ANY(${cycles})
        AND w.product_id IN (SELECT product_id FROM ${cycleProducts} WHERE tenant_id = ${params.tenantId} AND cycle_id = ANY(${cycles}))
        AND w.week_start > ${from}::date AND w.week_start <= ${params.monday}::date
        ${productFilter(sql`w.product_id`, { productIds: params.productIds })}
        AND ${scope} ${region}`);
  }
  if (parts.length === 0) return [];
  const result = await executor.execute(sql`
    SELECT key, product_id, sum(cartons)::float8 AS cartons
    FROM (${sql.join(parts, sql` UNION ALL `)}) x
    GROUP BY 1, 2`);
  return rowsOf<{ key: string; product_id: number; cartons: number }>(result).map((row) => ({
    key: String(row.key),
    productId: Number(row.product_id),
    cartons: Number(row.cartons),
  }));
}

// The weeks (Mondays) in (from, monday] whose weights price_weight_groups holds (the margin's stored
// weeks; only for a grouped reach), and the cycles of the others, read live.
async function weightWeeksOf(executor: Executor, tenantId: number, from: string, monday: string, grouped: boolean) {
  const rows = rowsOf<{ week_start: string; stored: boolean; cycle_id: number | null }>(
    await executor.execute(sql`
      SELECT r.week_start::text AS week_start, true AS stored, NULL::int AS cycle_id FROM ${priceMarginRefreshes} r
      WHERE ${grouped} AND r.tenant_id = ${tenantId} AND r.week_start > ${from}::date AND r.week_start <= ${monday}::date
      UNION ALL
      SELECT k.week_start::text, false, k.id FROM ${orderCycles} k
      WHERE k.tenant_id = ${tenantId} AND k.week_start > ${from}::date AND k.week_start <= ${monday}::date
        AND NOT (${grouped} AND EXISTS (SELECT 1 FROM ${priceMarginRefreshes} r
          WHERE r.tenant_id = k.tenant_id AND r.week_start = k.week_start))`),
  );
  return {
    storedWeeks: rows.filter((row) => row.stored).map((row) => String(row.week_start).slice(0, 10)),
    liveCycles: rows.filter((row) => !row.stored).map((row) => Number(row.cycle_id)),
  };
}

// price_weight_groups of `weeks` from store_product_weeks, by the stores' groups now (each week
// replaced whole; the caller's transaction, the one that stores the weeks' margin).
export async function writeWeightGroupsIn(executor: Executor, tenantId: number, weeks: readonly string[]) {
  if (weeks.length === 0) return;
  const days = sql`${arrayLiteral(weeks)}::date[]`;
  await executor.execute(
    sql`DELETE FROM ${priceWeightGroups} WHERE tenant_id = ${tenantId} AND week_start = ANY(${days})`,
  );
  await executor.execute(sql`
    INSERT INTO ${priceWeightGroups} (tenant_id, week_start, product_id, branch_id, org_path, district_code, format,
      urban_rural, cartons)
    SELECT w.tenant_id, w.week_start, w.product_id, c.branch_id, c.org_path, c.district_code, c.format, c.urban_rural,
      sum(w.ordered)
    FROM ${storeProductWeeks} w
    JOIN ${customers} c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
    WHERE w.tenant_id = ${tenantId} AND w.week_start = ANY(${days})
      AND w.cycle_id IN (SELECT id FROM ${orderCycles} WHERE tenant_id = ${tenantId} AND week_start = ANY(${days}))
    GROUP BY w.tenant_id, w.week_start, w.product_id, c.branch_id, c.org_path, c.district_code, c.format, c.urban_rural`);
}

// ── Products, regions ─────────────────────────────────────────────────────────────────────────

export type ProductFacts = {
  id: number;
  code: string;
  name: string;
  brand: string;
  priceClass: number;
  retailPriceFen: number;
  status: string;
};

const productFacts = {
  id: products.id,
  code: products.code,
  name: products.name,
  brand: products.brand,
  priceClass: products.priceClass,
  retailPriceFen: products.retailPriceFen,
  status: products.status,
};

export async function findProduct(executor: Executor, tenantId: number, id: number): Promise<ProductFacts | undefined> {
  const [row] = await executor
    .select(productFacts)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)));
  return row;
}

// The catalogue, narrowed (a product, a brand, a price class); all products, active or not.
export async function listProducts(
  executor: Executor,
  tenantId: number,
  filter: { productId?: number; brand?: string; priceClass?: number } = {},
): Promise<ProductFacts[]> {
  const conditions: SQL[] = [eq(products.tenantId, tenantId)];
  if (filter.productId !== undefined) conditions.push(eq(products.id, filter.productId));
  if (filter.brand !== undefined) conditions.push(eq(products.brand, filter.brand));
  if (filter.priceClass !== undefined) conditions.push(eq(products.priceClass, filter.priceClass));
  return executor
    .select(productFacts)
    .from(products)
    .where(and(...conditions))
    .orderBy(asc(products.id));
}

export async function branchNames(
  executor: Executor,
  tenantId: number,
): Promise<Map<string, { name: string; path: string }>> {
  const rows = await executor
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
  return new Map(rows.map((row) => [String(row.id), { name: row.name, path: row.path }]));
}

// How many districts each branch's stores lie in (branch id as text).
export async function districtCountsOfBranches(executor: Executor, tenantId: number): Promise<Map<string, number>> {
  const rows = rowsOf<{ branch_id: number; n: number }>(
    await executor.execute(sql`SELECT branch_id, count(*)::int AS n FROM (
        SELECT DISTINCT branch_id, district_code FROM ${customers} WHERE tenant_id = ${tenantId}) d
      GROUP BY branch_id`),
  );
  return new Map(rows.map((row) => [String(row.branch_id), Number(row.n)]));
}

export async function districtNames(executor: Executor, tenantId: number): Promise<Map<string, string>> {
  const rows = await executor
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(eq(districts.tenantId, tenantId));
  return new Map(rows.map((row) => [row.code, row.name]));
}

// The store a report is for, within a reach (the caller's scope), in business.
export async function findStore(executor: Executor, tenantId: number, reach: Reach, customerId: number) {
  const scope =
    reach === 'tenant'
      ? sql`true`
      : scopeCondition(reach, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id });
  const [row] = await executor
    .select({
      id: customers.id,
      districtCode: customers.districtCode,
      branchId: customers.branchId,
      orgPath: customers.orgPath,
      status: customers.status,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId), scope));
  return row;
}

// ── Price reports ─────────────────────────────────────────────────────────────────────────────

export type PriceReportInsert = Omit<typeof priceReports.$inferInsert, 'id'>;

export async function insertPriceReport(executor: Executor, row: PriceReportInsert): Promise<PriceReportRow> {
  const [created] = await executor.insert(priceReports).values(row).returning();
  return created;
}

// Serialises a store's reports of a product (the daily limit): a transaction-scoped advisory lock.
export async function lockStoreProduct(executor: Executor, tenantId: number, customerId: number, productId: number) {
  await executor.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`kewo price ${tenantId}:${customerId}:${productId}`}))`,
  );
}

export async function countReportsBetween(
  executor: Executor,
  params: { tenantId: number; customerId: number; productId: number; from: Date; until: Date },
): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(priceReports)
    .where(
      and(
        eq(priceReports.tenantId, params.tenantId),
        eq(priceReports.customerId, params.customerId),
        eq(priceReports.productId, params.productId),
        sql`${priceReports.observedAt} >= ${params.from} AND ${priceReports.observedAt} < ${params.until}`,
      ),
    );
  return Number(row?.n ?? 0);
}

export type ReportListFilter = {
  productId?: number;
  customerId?: number;
  source?: 'retailer' | 'inspection';
  districtCode?: string;
  flagged?: boolean;
  from?: Date;
  until?: Date;
  id?: number;
  limit: number;
  offset: number;
};

export async function listReports(executor: Executor, tenantId: number, reach: Reach, filter: ReportListFilter) {
  const conditions: SQL[] = [eq(priceReports.tenantId, tenantId)];
  if (reach !== 'tenant')
    conditions.push(
      scopeCondition(reach, {
        orgPath: priceReports.orgPath,
        managerId: customers.managerId,
        customerId: priceReports.customerId,
      }),
    );
  if (filter.id !== undefined) conditions.push(eq(priceReports.id, filter.id));
  if (filter.productId !== undefined) conditions.push(eq(priceReports.productId, filter.productId));
  if (filter.customerId !== undefined) conditions.push(eq(priceReports.customerId, filter.customerId));
  if (filter.source !== undefined) conditions.push(eq(priceReports.source, filter.source));
  if (filter.districtCode !== undefined) conditions.push(eq(priceReports.districtCode, filter.districtCode));
  if (filter.flagged !== undefined) conditions.push(eq(priceReports.flagged, filter.flagged));
  if (filter.from) conditions.push(sql`${priceReports.observedAt} >= ${filter.from}`);
  if (filter.until) conditions.push(sql`${priceReports.observedAt} < ${filter.until}`);
  return executor
    .select({
      report: priceReports,
      productName: products.name,
      brand: products.brand,
      retailPriceFen: products.retailPriceFen,
      storeName: customers.name,
      licenceNo: customers.licenceNo,
      reporterName: users.displayName,
      total: sql<number>`count(*) OVER ()::int`,
    })
    .from(priceReports)
    .innerJoin(products, and(eq(products.tenantId, priceReports.tenantId), eq(products.id, priceReports.productId)))
    .leftJoin(customers, and(eq(customers.tenantId, priceReports.tenantId), eq(customers.id, priceReports.customerId)))
    .leftJoin(users, eq(users.id, priceReports.reportedBy))
    .where(and(...conditions))
    .orderBy(desc(priceReports.observedAt), desc(priceReports.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

// The observations list (GET /prices/observations): every source, filtered on the server by what an
// index figure is keyed by (product, brand, price class, branch, district, format, urban/rural,
// week), in the reach, newest first, paged. counted: only what the index counts
// (countedObservationsSql), so a figure's drill-down lists exactly its `observations`.
export type ObservationListFilter = {
  from: Date;
  until: Date;
  counted: boolean;
  productId?: number;
  brand?: string;
  priceClass?: number;
  customerId?: number;
  source?: 'visit' | 'retailer' | 'inspection';
  branchKey?: string;
  districtCode?: string;
  format?: string;
  urbanRural?: string;
  flagged?: boolean;
  limit: number;
  offset: number;
};

export type ObservationListRow = {
  source: 'visit' | 'retailer' | 'inspection';
  ref_id: number;
  customer_id: number | null;
  product_id: number;
  district_code: string;
  branch_id: number | null;
  pack_price_fen: number;
  observed_at: Date | string;
  product_name: string;
  brand: string;
  retail_price_fen: number;
  store_name: string | null;
  licence_no: string | null;
  market_point: string | null;
  reported_by: number;
  reporter_name: string | null;
  flagged: boolean;
  flag_reason: string | null;
  note: string;
  total: number;
};

export async function listObservationRows(
  executor: Executor,
  tenantId: number,
  reach: Reach,
  filter: ObservationListFilter,
): Promise<ObservationListRow[]> {
  const sources: ('visit' | 'report')[] = [];
  if ((filter.source === undefined || filter.source === 'visit') && filter.flagged !== true) sources.push('visit');
  if (filter.source !== 'visit') sources.push('report');
  const scoped = { productIds: filter.productId !== undefined ? [filter.productId] : undefined };
  const base = filter.counted
    ? countedObservationsSql(tenantId, filter.from, filter.until, scoped)
    : priceObservationsSql(tenantId, filter.from, filter.until, { ...scoped, includeFlagged: true, sources });
  const conditions: SQL[] = [observationScope(reach)];
  if (filter.source !== undefined) conditions.push(sql`k.source = ${filter.source}`);
  if (filter.brand !== undefined) conditions.push(sql`p.brand = ${filter.brand}`);
  if (filter.priceClass !== undefined) conditions.push(sql`p.price_class = ${filter.priceClass}`);
  if (filter.customerId !== undefined) conditions.push(sql`k.customer_id = ${filter.customerId}`);
  if (filter.branchKey !== undefined) conditions.push(sql`coalesce(k.branch_id::text, 'none') = ${filter.branchKey}`);
  if (filter.districtCode !== undefined) conditions.push(sql`k.district_code = ${filter.districtCode}`);
  if (filter.format !== undefined) conditions.push(sql`coalesce(c.format, 'market_point') = ${filter.format}`);
  if (filter.urbanRural !== undefined)
    conditions.push(sql`coalesce(c.urban_rural, 'market_point') = ${filter.urbanRural}`);
  if (filter.flagged !== undefined) conditions.push(sql`coalesce(r.flagged, false) = ${filter.flagged}`);
  const result = await executor.execute(sql`
    SELECT k.source, k.ref_id, k.customer_id, k.product_id, k.district_code, k.branch_id, k.pack_price_fen,
      k.observed_at, p.name AS product_name, p.brand, p.retail_price_fen, c.name AS store_name, c.licence_no,
      r.market_point, coalesce(r.reported_by, v.manager_id) AS reported_by, us.display_name AS reporter_name,
      coalesce(r.flagged, false) AS flagged, r.flag_reason, coalesce(r.note, '') AS note,
      count(*) OVER ()::int AS total
    FROM (${base}) k
    JOIN ${products} p ON p.tenant_id = ${tenantId} AND p.id = k.product_id
    LEFT JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = k.customer_id
    LEFT JOIN ${priceReports} r ON k.source <> 'visit' AND r.tenant_id = ${tenantId} AND r.id = k.ref_id
    LEFT JOIN ${visits} v ON k.source = 'visit' AND v.tenant_id = ${tenantId} AND v.id = k.ref_id
    LEFT JOIN ${users} us ON us.id = coalesce(r.reported_by, v.manager_id)
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY k.observed_at DESC, k.source, k.ref_id DESC, k.product_id
    LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  return rowsOf<ObservationListRow>(result);
}

export async function findReport(executor: Executor, tenantId: number, id: number, forUpdate = false) {
  const query = executor
    .select()
    .from(priceReports)
    .where(and(eq(priceReports.tenantId, tenantId), eq(priceReports.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function setReportFlag(
  executor: Executor,
  tenantId: number,
  id: number,
  flagged: boolean,
  flagReason: string | null,
) {
  await executor
    .update(priceReports)
    .set({ flagged, flagReason })
    .where(and(eq(priceReports.tenantId, tenantId), eq(priceReports.id, id)));
}

// ── Warning rules ─────────────────────────────────────────────────────────────────────────────

export type RuleInsert = Omit<typeof priceWarningRules.$inferInsert, 'id'>;

export async function listRules(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(priceWarningRules)
    .where(eq(priceWarningRules.tenantId, tenantId))
    .orderBy(asc(priceWarningRules.scope), asc(priceWarningRules.priceClass), asc(priceWarningRules.productId));
}

export async function findRule(executor: Executor, tenantId: number, id: number, forUpdate = false) {
  const query = executor
    .select()
    .from(priceWarningRules)
    .where(and(eq(priceWarningRules.tenantId, tenantId), eq(priceWarningRules.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findRuleForTarget(
  executor: Executor,
  tenantId: number,
  target: { scope: string; priceClass: number | null; productId: number | null },
) {
  const [row] = await executor
    .select({ id: priceWarningRules.id })
    .from(priceWarningRules)
    .where(
      and(
        eq(priceWarningRules.tenantId, tenantId),
        sql`${priceWarningRules.scope} = ${target.scope}
          AND coalesce(${priceWarningRules.priceClass}, 0) = ${target.priceClass ?? 0}
          AND coalesce(${priceWarningRules.productId}, 0) = ${target.productId ?? 0}`,
      ),
    );
  return row;
}

export async function insertRule(executor: Executor, row: RuleInsert) {
  const [created] = await executor.insert(priceWarningRules).values(row).returning();
  return created;
}

export async function updateRule(executor: Executor, tenantId: number, id: number, changes: Partial<RuleInsert>) {
  const [updated] = await executor
    .update(priceWarningRules)
    .set(changes)
    .where(and(eq(priceWarningRules.tenantId, tenantId), eq(priceWarningRules.id, id)))
    .returning();
  return updated;
}

export async function deleteRule(executor: Executor, tenantId: number, id: number) {
  await executor
    .delete(priceWarningRules)
    .where(and(eq(priceWarningRules.tenantId, tenantId), eq(priceWarningRules.id, id)));
}

// ── Warnings ──────────────────────────────────────────────────────────────────────────────────

export type WarningInsert = Omit<typeof priceWarnings.$inferInsert, 'id'>;

export async function openWarnings(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(priceWarnings)
    .where(and(eq(priceWarnings.tenantId, tenantId), sql`${priceWarnings.status} <> 'closed'`))
    .for('update');
}

// Product-regions whose closed warning already covers a week (judged again, it is not raised anew).
export async function closedWarningKeys(executor: Executor, tenantId: number, monday: string) {
  const rows = await executor
    .select({ productId: priceWarnings.productId, kind: priceWarnings.regionKind, key: priceWarnings.regionKey })
    .from(priceWarnings)
    .where(
      and(
        eq(priceWarnings.tenantId, tenantId),
        eq(priceWarnings.status, 'closed'),
        sql`${priceWarnings.weekStart} >= ${monday}::date AND ${priceWarnings.firstWeekStart} <= ${monday}::date`,
      ),
    );
  return new Set(rows.map((row) => `${row.productId}|${row.kind}|${row.key}`));
}

export async function insertWarnings(executor: Executor, rows: WarningInsert[]) {
  if (rows.length === 0) return [];
  return executor.insert(priceWarnings).values(rows).returning({ id: priceWarnings.id });
}

export async function updateWarning(executor: Executor, tenantId: number, id: number, changes: Partial<WarningInsert>) {
  const [updated] = await executor
    .update(priceWarnings)
    .set(changes)
    .where(and(eq(priceWarnings.tenantId, tenantId), eq(priceWarnings.id, id)))
    .returning();
  return updated;
}

export async function findWarning(executor: Executor, tenantId: number, id: number, forUpdate = false) {
  const query = executor
    .select()
    .from(priceWarnings)
    .where(and(eq(priceWarnings.tenantId, tenantId), eq(priceWarnings.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listWarnings(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { status?: WarningStatus; productId?: number; id?: number; limit: number },
) {
  const conditions: SQL[] = [
    eq(priceWarnings.tenantId, tenantId),
    scopeCondition(scope, { orgPath: priceWarnings.orgPath }),
  ];
  if (filter.id !== undefined) conditions.push(eq(priceWarnings.id, filter.id));
  if (filter.status) conditions.push(eq(priceWarnings.status, filter.status));
  if (filter.productId !== undefined) conditions.push(eq(priceWarnings.productId, filter.productId));
  return executor
    .select({
      warning: priceWarnings,
      productName: products.name,
      productCode: products.code,
      brand: products.brand,
      ownerName: users.displayName,
    })
    .from(priceWarnings)
    .innerJoin(products, and(eq(products.tenantId, priceWarnings.tenantId), eq(products.id, priceWarnings.productId)))
    .leftJoin(users, eq(users.id, priceWarnings.ownerId))
    .where(and(...conditions))
    .orderBy(desc(priceWarnings.weekStart), desc(priceWarnings.id))
    .limit(filter.limit);
}

export async function tenantsWithObservations(executor: Executor, from: Date, until: Date): Promise<number[]> {
  const result = await executor.execute(sql`
    SELECT DISTINCT tenant_id FROM ${visitPriceObservations} WHERE observed_at >= ${from} AND observed_at < ${until}
    UNION SELECT DISTINCT tenant_id FROM ${priceReports} WHERE observed_at >= ${from} AND observed_at < ${until}`);
  return rowsOf<{ tenant_id: number }>(result).map((row) => Number(row.tenant_id));
}

// ── The next cycle (限点限量 from a warning) ──────────────────────────────────────────────────

// The cycle whose allocation can still be set (only a draft's can): the earliest draft of this week
// or later; and the Monday after the latest cycle, for the next one to create when there is none.
export async function nextDraftCycle(executor: Executor, tenantId: number, monday: string) {
  const [draft] = await executor
    .select()
    .from(orderCycles)
    .where(
      and(
        eq(orderCycles.tenantId, tenantId),
        eq(orderCycles.status, 'draft'),
        sql`${orderCycles.weekStart} >= ${monday}::date`,
      ),
    )
    .orderBy(asc(orderCycles.weekStart), asc(orderCycles.id))
    .limit(1);
  const [latest] = await executor
    .select({ weekStart: sql<string>`max(${orderCycles.weekStart})::text` })
    .from(orderCycles)
    .where(eq(orderCycles.tenantId, tenantId));
  return { draft, latestWeekStart: latest?.weekStart ? String(latest.weekStart).slice(0, 10) : null };
}

export async function knownOrgUnitIds(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await executor
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}
