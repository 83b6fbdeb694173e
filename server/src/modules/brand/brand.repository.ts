import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { beijingMidnightOf } from '../../platform/time/beijing.ts';
import { activeStoresSql, customers, type StoreReach } from '../customers/index.ts';
import { currentGradeRunIdSql, customerGrades, orderCycles, storeProductWeeks } from '../supply/index.ts';
import { serviceItems, visitPlanItems, visitStockCounts, visits } from '../visits/index.ts';
import type { KpiGrouping } from './brand.contract.ts';
import { brandProgrammes, type ProgrammeRow, type ProgrammeStatus } from './brand.schema.ts';
import { brandKindStores, brandKinds, brandStoreFacts, brandStoreWeekFacts } from './brand-facts.schema.ts';
import {
  foldFrameOf,
  isKindGrouping,
  type KindGrouping,
  kindsApply,
  movedStoresSql,
  type ProgrammeTarget,
  reachIsCityWide,
  storeSumsSql,
  targetStoresSql,
  validFoldSql,
  validKindsSql,
  weekDigits,
} from './brand-facts.ts';
import { type KpiCounts, kpiCountKeys, type StockBand, type StoreStatus } from './brand-kpis.rules.ts';

// Queries only. The KPIs are one statement each: the target stores (customers' 在营 condition, the
// caller's data scope, the programme's segment or list), their per-store facts from supply's
// store_product_weeks roll-up (filtered by tenant, target products and the period's cycles — the
// roll-up's key order) and visits' stock counts, grouped in SQL. Nothing is cached: an order written
// a moment ago is in the roll-up and so in the figures.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// ── Programmes ────────────────────────────────────────────────────────────────────────────────

export type ProgrammeInsert = Omit<typeof brandProgrammes.$inferInsert, 'id'>;

export async function insertProgramme(executor: Executor, row: ProgrammeInsert) {
  const [created] = await executor.insert(brandProgrammes).values(row).returning();
  return created;
}

export async function updateProgramme(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<ProgrammeInsert>,
) {
  const [updated] = await executor
    .update(brandProgrammes)
    .set(changes)
    .where(and(eq(brandProgrammes.tenantId, tenantId), eq(brandProgrammes.id, id)))
    .returning();
  return updated;
}

export async function findProgramme(executor: Executor, tenantId: number, id: number, forUpdate = false) {
  const query = executor
    .select()
    .from(brandProgrammes)
    .where(and(eq(brandProgrammes.tenantId, tenantId), eq(brandProgrammes.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listProgrammes(executor: Executor, tenantId: number, status?: ProgrammeStatus) {
  const conditions: SQL[] = [eq(brandProgrammes.tenantId, tenantId)];
  if (status) conditions.push(eq(brandProgrammes.status, status));
  return executor
    .select({ programme: brandProgrammes, ownerName: users.displayName })
    .from(brandProgrammes)
    .leftJoin(users, eq(users.id, brandProgrammes.ownerId))
    .where(and(...conditions))
    .orderBy(desc(brandProgrammes.startDate), desc(brandProgrammes.id));
}

export async function knownServiceItemIds(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await executor
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(and(eq(serviceItems.tenantId, tenantId), inArray(serviceItems.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

export async function activeCustomerIds(
  executor: Executor,
  tenantId: number,
  reach: StoreReach,
  ids: readonly number[],
) {
  const result = await executor.execute(sql`
    SELECT c.id FROM ${customers} c
    WHERE ${activeStoresSql('c', tenantId, reach)} AND c.id = ANY(${arrayLiteral(ids)}::int[])`);
  return new Set(rowsOf<{ id: number }>(result).map((row) => Number(row.id)));
}

// A store the caller's data scope sees (404 otherwise).
export async function findScopedStore(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const [row] = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        eq(customers.id, customerId),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return row;
}

// ── Target stores ─────────────────────────────────────────────────────────────────────────────

export type { ProgrammeTarget } from './brand-facts.ts';
export { targetStoresSql };

export async function countTargetStores(
  executor: Executor,
  programme: ProgrammeTarget,
  reach: StoreReach,
  today: string,
) {
  const result = await executor.execute(
    sql`SELECT count(*)::int AS count FROM (${targetStoresSql(programme, reach, today)}) t`,
  );
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

// A statement's rows, with `workMem` (SET LOCAL, for that statement's transaction only) when given.
// More is not better by itself: the trend's statement, which once sorted ~240,000 per-store rows on
// disk with the default 4 MB, now sums them per kind as they are read, and with 64 MB the planner
// sorted the ~200-byte folded rows instead (0.8 s rather than 0.46 s at 250,000 stores).
async function rowsOfStatement<T>(executor: Executor, statement: SQL, workMem?: string): Promise<T[]> {
  if (!workMem) return rowsOf<T>(await executor.execute(statement));
  return executor.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('work_mem', ${workMem}, true)`);
    return rowsOf<T>(await tx.execute(statement));
  });
}

// ── Facts ─────────────────────────────────────────────────────────────────────────────────────

export type FactsParams = {
  programme: ProgrammeTarget & Pick<ProgrammeRow, 'id' | 'productIds' | 'startDate' | 'endDate'>;
  reach: StoreReach;
  today: string; // the caller's Beijing day (grades, the segment)
  end: string; // the last day counted: the programme's end, or today while it runs
  band: StockBand;
};

// The shared head of every KPI statement: the period's cycles, the target stores (with their
// grouping columns) and, per store, what it ordered of the target products in the period, whether it
// ordered in the last two cycles, and its latest stock count in the period against its weekly sales
// over the 4 weeks before.
//
// What a store ordered comes from two places read in this one statement: the programme's folded
// facts (brand-facts.ts) for the closed weeks the fold's record names — read here too, so a fold
// committing meanwhile is counted once — and supply's store_product_weeks roll-up for the period's
// weeks after them (all of them when there is no fold, or it no longer holds). A period longer than
// the fold's bits (maxFoldedWeeks) is read from the roll-up alone, store week by store week.
function factsCtes(params: FactsParams, options: { weekly?: boolean } = {}): SQL {
  const { programme } = params;
  const tenantId = programme.tenantId;
  const productIds = sql`${arrayLiteral(programme.productIds)}::int[]`;
  const from = beijingMidnightOf(programme.startDate).toISOString();
  const until = new Date(beijingMidnightOf(params.end).getTime() + 86_400_000).toISOString();
  const frame = foldFrameOf(programme);
  const head = sql`
    period AS (
      SELECT oc.id, oc.week_start FROM ${orderCycles} oc
      WHERE oc.tenant_id = ${tenantId} AND oc.week_start BETWEEN ${programme.startDate} AND ${params.end}),
    -- 重购率's two cycles: the last two of the period whose week is over (its Sunday reached).
    ended AS (SELECT week_start FROM period WHERE week_start + 6 <= ${params.today}::date),
    last_two AS (
      SELECT (SELECT max(week_start) FROM ended) AS last_week,
        (SELECT max(week_start) FROM ended WHERE week_start < (SELECT max(week_start) FROM ended)) AS prev_week),
    targets AS NOT MATERIALIZED (${targetStoresSql(programme, params.reach, params.today, true)}),`;
  const stock = sql`
    counted_visits AS (
      SELECT k.customer_id, k.visit_id, max(k.counted_at) AS counted_at, sum(k.cartons)::float8 AS stock
      FROM ${visitStockCounts} k
      WHERE k.tenant_id = ${tenantId} AND k.product_id = ANY(${productIds})
        AND k.counted_at >= ${from}::timestamptz AND k.counted_at < ${until}::timestamptz
        AND k.customer_id IN (SELECT customer_id FROM targets)
        AND NOT EXISTS (SELECT 1 FROM ${visits} v WHERE v.tenant_id = k.tenant_id AND v.corrects_visit_id = k.visit_id)
      GROUP BY k.customer_id, k.visit_id),
    stock_visits AS (
      SELECT cv.*, (
        SELECT coalesce(sum(w.ordered), 0)::float8 / 4 FROM ${storeProductWeeks} w
        WHERE w.tenant_id = ${tenantId} AND w.customer_id = cv.customer_id AND w.product_id = ANY(${productIds})
          AND w.ordered > 0
          AND w.week_start >= date_trunc('week', cv.counted_at AT TIME ZONE 'Asia/Shanghai')::date - 28
          AND w.week_start < date_trunc('week', cv.counted_at AT TIME ZONE 'Asia/Shanghai')::date) AS weekly
      FROM counted_visits cv),`;
  if (!frame.foldable) {
    return sql`${head}
    -- Per store and week (the week-by-week statement's; PostgreSQL skips a CTE no one reads).
    store_weeks AS MATERIALIZED (
      SELECT w.customer_id, w.week_start, sum(w.ordered) AS ordered,
        sum(w.ordered) FILTER (WHERE w.quota >= 0) AS limited_ordered,
        sum(w.quota) FILTER (WHERE w.quota >= 0) AS allocated,
        count(*) FILTER (WHERE w.quota >= 0) AS limited_lines,
        count(*) FILTER (WHERE w.quota >= 0 AND w.ordered >= w.quota) AS full_lines
      FROM period p
      JOIN ${storeProductWeeks} w ON w.tenant_id = ${tenantId} AND w.product_id = ANY(${productIds}) AND w.cycle_id = p.id
      WHERE w.ordered > 0
      GROUP BY w.customer_id, w.week_start),
    store_orders AS (
      SELECT w.customer_id,
        CASE WHEN min(w.week_start) = max(w.week_start) THEN 1 ELSE 2 END AS weeks,
        min(w.week_start) AS first_week, max(w.week_start) AS last_ordered_week,
        sum(w.ordered)::float8 AS ordered,
        sum(w.ordered) FILTER (WHERE w.quota >= 0)::float8 AS limited_ordered,
        sum(w.quota) FILTER (WHERE w.quota >= 0)::float8 AS allocated,
        count(*) FILTER (WHERE w.quota >= 0)::int AS limited_lines,
        count(*) FILTER (WHERE w.quota >= 0 AND w.ordered >= w.quota)::int AS full_lines,
        bool_or(w.week_start = (SELECT last_week FROM last_two)) AS in_last,
        bool_or(w.week_start = (SELECT prev_week FROM last_two)) AS in_prev
      FROM period p
      JOIN ${storeProductWeeks} w ON w.tenant_id = ${tenantId} AND w.product_id = ANY(${productIds}) AND w.cycle_id = p.id
      WHERE w.ordered > 0
      GROUP BY w.customer_id),
    target_orders AS (
      SELECT t.customer_id, t.branch_id, t.manager_id, t.class_code, t.format, coalesce(o.weeks, 0) AS weeks,
        o.first_week, o.last_ordered_week, coalesce(o.ordered, 0) AS ordered,
        coalesce(o.limited_ordered, 0) AS limited_ordered, coalesce(o.allocated, 0) AS allocated,
        coalesce(o.limited_lines, 0) AS limited_lines, coalesce(o.full_lines, 0) AS full_lines,
        coalesce(o.in_last, false) AS in_last, coalesce(o.in_prev, false) AS in_prev
      FROM targets t LEFT JOIN store_orders o ON o.customer_id = t.customer_id),
    ${stock}`;
  }
  const sums = storeSumsSql(frame.firstWeek, sql`p.place`);
  const weeklyLive = options.weekly
    ? sql`, ${sums.weeklyLimitedOrdered} AS w_limited_ordered, ${sums.weeklyAllocated} AS w_allocated,
        ${sums.weeklyLimitedLines} AS w_limited_lines, ${sums.weeklyFullLines} AS w_full_lines`
    : sql``;
  const weekFolded = sql`(
    SELECT f.* FROM ${brandStoreWeekFacts} f
    WHERE f.tenant_id = ${tenantId} AND f.programme_id = ${programme.id} AND EXISTS (SELECT 1 FROM fold))`;
  const weekSums = sql`
    -- The target stores by kind (the weeks they ordered, as bits; for the trend) with their
    -- week-by-week quota sums as numbers of 12-digit places (brand_store_week_facts), folded and
    -- since, in two parts so that the folded numbers (~200 bytes a store) are summed as they are
    -- read, never hashed or sorted store by store: the stores that ordered since the fold (their
    -- folded and live figures added store by store) and the other stores with folded weeks (summed
    -- per kind). The stores with neither (no weeks, nothing to sum) are only counted, in totals.
    target_weeks AS (
      SELECT coalesce(f.weeks_mask, 0) | l.mask AS mask, 1 AS stores,
        coalesce(f.limited_ordered, 0) + coalesce(l.w_limited_ordered, 0) AS limited_ordered,
        coalesce(f.allocated, 0) + coalesce(l.w_allocated, 0) AS allocated,
        coalesce(f.limited_lines, 0) + coalesce(l.w_limited_lines, 0) AS limited_lines,
        coalesce(f.full_lines, 0) + coalesce(l.w_full_lines, 0) AS full_lines
      FROM live l
      JOIN targets t ON t.customer_id = l.customer_id
      LEFT JOIN ${weekFolded} f ON f.customer_id = l.customer_id
      UNION ALL
      SELECT f.weeks_mask, count(*), sum(f.limited_ordered), sum(f.allocated), sum(f.limited_lines),
        sum(f.full_lines)
      FROM ${weekFolded} f
      WHERE f.customer_id IN (SELECT customer_id FROM targets)
        AND NOT EXISTS (SELECT 1 FROM live l WHERE l.customer_id = f.customer_id)
      GROUP BY f.weeks_mask),`;
  const bitOf = (week: SQL) => sql`(1::bigint << ((${week} - ${frame.firstWeek}::date) / 7))`;
  return sql`${head}
    -- The fold, while it holds and ends within what is counted (a week's drill-down ends earlier).
    fold AS (${validFoldSql(programme)} AND ff.through_week <= ${params.end}::date),
    live AS (
      SELECT w.customer_id, ${sums.mask} AS mask, ${sums.firstWeek} AS first_week, ${sums.lastWeek} AS last_week,
        ${sums.ordered} AS ordered, ${sums.limitedOrdered} AS limited_ordered, ${sums.allocated} AS allocated,
        ${sums.limitedLines} AS limited_lines, ${sums.fullLines} AS full_lines ${weeklyLive}
      FROM (
        SELECT id, week_start, power(10::numeric, ${weekDigits} * ((week_start - ${frame.firstWeek}::date) / 7)) AS place
        FROM period) p
      JOIN ${storeProductWeeks} w ON w.tenant_id = ${tenantId} AND w.product_id = ANY(${productIds}) AND w.cycle_id = p.id
      WHERE w.ordered > 0 AND p.week_start > coalesce((SELECT through_week FROM fold), '-infinity'::date)
      GROUP BY w.customer_id),
    -- Not materialized: the grouped counts read it twice, as a whole and store by store.
    folded AS NOT MATERIALIZED (
      SELECT f.* FROM ${brandStoreFacts} f
      WHERE f.tenant_id = ${tenantId} AND f.programme_id = ${programme.id} AND EXISTS (SELECT 1 FROM fold)),
    -- Per target store: its folded weeks and its weeks since, joined from the target stores (no
    -- full join: only the targets are counted).
    target_orders AS (
      SELECT o.*,
        CASE WHEN o.mask = 0 THEN 0 WHEN o.mask & (o.mask - 1) = 0 THEN 1 ELSE 2 END AS weeks,
        (lt.last_week IS NOT NULL AND o.mask & ${bitOf(sql`lt.last_week`)} <> 0) AS in_last,
        (lt.prev_week IS NOT NULL AND o.mask & ${bitOf(sql`lt.prev_week`)} <> 0) AS in_prev
      FROM (
        SELECT t.customer_id, t.branch_id, t.manager_id, t.class_code, t.format,
          coalesce(f.weeks_mask, 0) | coalesce(l.mask, 0) AS mask,
          least(f.first_week, l.first_week) AS first_week, greatest(f.last_week, l.last_week) AS last_ordered_week,
          (coalesce(f.ordered, 0) + coalesce(l.ordered, 0))::float8 AS ordered,
          (coalesce(f.limited_ordered, 0) + coalesce(l.limited_ordered, 0))::float8 AS limited_ordered,
          (coalesce(f.allocated, 0) + coalesce(l.allocated, 0))::float8 AS allocated,
          (coalesce(f.limited_lines, 0) + coalesce(l.limited_lines, 0))::int AS limited_lines,
          (coalesce(f.full_lines, 0) + coalesce(l.full_lines, 0))::int AS full_lines
        FROM targets t
        LEFT JOIN folded f ON f.customer_id = t.customer_id
        LEFT JOIN live l ON l.customer_id = t.customer_id) o
      CROSS JOIN last_two lt),
    ${options.weekly ? weekSums : sql``}
    ${stock}`;
}

// Per-store facts (the programme's whole period) with the flags the statuses are read from.
function storeFactsCte(params: FactsParams, stockSource: SQL): SQL {
  return sql`
    facts AS (
      SELECT o.customer_id, o.branch_id, o.manager_id, o.class_code, o.format, o.weeks, o.first_week,
        o.last_ordered_week, o.ordered, o.limited_ordered, o.allocated, o.limited_lines, o.full_lines, o.in_last,
        (o.in_last AND o.in_prev) AS in_both,
        s.stock, s.weekly, CASE WHEN s.weekly > 0 THEN s.stock / s.weekly END AS ratio,
        (s.weekly > 0 AND s.stock / s.weekly > ${params.band.max}) IS TRUE AS over_stock,
        (s.weekly > 0 AND (s.stock = 0 OR s.stock / s.weekly < ${params.band.min})) IS TRUE AS out_of_stock
      FROM target_orders o
      LEFT JOIN ${stockSource} s ON s.customer_id = o.customer_id)`;
}

const latestStockSelect = sql`
  SELECT DISTINCT ON (customer_id) customer_id, stock, weekly FROM stock_visits
  ORDER BY customer_id, counted_at DESC, visit_id DESC`;
const latestStock = sql`(${latestStockSelect})`;

const countsColumns = sql`
  count(*)::int AS "targetStores",
  count(*) FILTER (WHERE f.weeks > 0)::int AS "stockedStores",
  count(*) FILTER (WHERE f.stock > 0)::int AS "stockedStoresObserved",
  count(*) FILTER (WHERE f.weeks >= 2)::int AS "reorderedStores",
  count(*) FILTER (WHERE f.in_last)::int AS "repeatBase",
  count(*) FILTER (WHERE f.in_both)::int AS "repeatStores",
  coalesce(sum(f.limited_ordered), 0)::float8 AS "orderedCartons",
  coalesce(sum(f.allocated), 0)::float8 AS "allocatedCartons",
  coalesce(sum(f.full_lines), 0)::int AS "fullLines",
  coalesce(sum(f.limited_lines), 0)::int AS "orderedLines",
  coalesce(sum(f.stock) FILTER (WHERE f.weekly > 0), 0)::float8 AS "stockCartons",
  coalesce(sum(f.weekly) FILTER (WHERE f.weekly > 0), 0)::float8 AS "weeklySalesCartons",
  count(*) FILTER (WHERE f.over_stock)::int AS "overStockStores",
  count(*) FILTER (WHERE f.out_of_stock)::int AS "outOfStockStores"`;

export type KpiCountsRow = KpiCounts & { key: string; label: string | null };

function countsOf(row: Record<string, unknown>): KpiCountsRow {
  const counts = Object.fromEntries(kpiCountKeys.map((key) => [key, Number(row[key] ?? 0)])) as KpiCounts;
  return { ...counts, key: String(row.key), label: row.label === null ? null : String(row.label) };
}

// How a store is placed in a grouping: its key (and what the key needs joined per store), and the
// group's label read once per group afterwards (class and format labels are the caller's). Labels are
// joined after the grouping, not before: a join before it hides from the planner how many stores there
// are, and it then probes the facts store by store.
function groupingOf(groupBy: Exclude<KpiGrouping, 'week'>, tenantId: number, today: string) {
  const noLabel = sql`NULL::text`;
  switch (groupBy) {
    case 'none':
      return { key: sql`'all'`, join: sql``, label: noLabel };
    case 'branch':
      return {
        key: sql`f.branch_id::text`,
        join: sql``,
        label: sql`(SELECT ou.name FROM ${orgUnits} ou WHERE ou.tenant_id = ${tenantId} AND ou.id::text = g.key)`,
      };
    case 'manager':
      return {
        key: sql`f.manager_id::text`,
        join: sql``,
        label: sql`(SELECT u.display_name FROM ${users} u WHERE u.id::text = g.key)`,
      };
    case 'class':
      return { key: sql`coalesce(f.class_code, 'none')`, join: sql``, label: noLabel };
    case 'format':
      return { key: sql`f.format`, join: sql``, label: noLabel };
    case 'grade':
      return {
        key: sql`coalesce(gr.grade::text, 'none')`,
        join: sql`LEFT JOIN ${customerGrades} gr ON gr.tenant_id = ${tenantId} AND gr.customer_id = f.customer_id
          AND gr.run_id = ${currentGradeRunIdSql(tenantId, today)}`,
        label: noLabel,
      };
  }
}

// The KPIs' counts, one row per group. With a fold, by kind of store (kpiCountsByKind); without
// one, store by store.
export async function kpiCounts(
  executor: Executor,
  params: FactsParams,
  groupBy: Exclude<KpiGrouping, 'week'>,
): Promise<KpiCountsRow[]> {
  const tenantId = params.programme.tenantId;
  const grouping = groupingOf(groupBy, tenantId, params.today);
  if (foldFrameOf(params.programme).foldable && (await hasFold(executor, params))) {
    const rows =
      (isKindGrouping(groupBy) && (await kpiCountsFromKinds(executor, params, groupBy))) ||
      (await kpiCountsByKind(executor, params, grouping));
    if (groupBy === 'none' && rows.length === 0) return [{ ...zeroCounts(), key: 'all', label: null }];
    return rows;
  }
  const result = await rowsOfStatement<Record<string, unknown>>(
    executor,
    sql`
    WITH ${factsCtes(params)} ${storeFactsCte(params, latestStock)},
    grouped AS (
      SELECT ${grouping.key} AS key, ${countsColumns}
      FROM facts f
      ${grouping.join}
      GROUP BY 1)
    SELECT g.*, ${grouping.label} AS label FROM grouped g`,
  );
  const rows = result.map(countsOf);
  if (groupBy === 'none' && rows.length === 0) return [{ ...zeroCounts(), key: 'all', label: null }];
  return rows;
}

// Whether the programme has a fold that holds: it only picks the statement (kpiCounts), which
// reads the fold's record again itself, so a fold committing in between is still counted once.
async function hasFold(executor: Executor, params: FactsParams) {
  const fold = sql`${validFoldSql(params.programme)} AND ff.through_week <= ${params.end}::date`;
  return rowsOf(await executor.execute(fold)).length > 0;
}

// The counts of a folded programme by kind of store, without carrying each store's facts through
// the statement: every target store as folded, summed per group and weeks mask as it is read (a
// province's 240,000 stores make a few hundred kinds per grouping; stores with no folded row are
// of mask 0), then corrected store by store for the few stores the folded figures do not tell all
// of — those that ordered since the fold (live) or have a stock count in the period: each such
// target store is taken out of its kind as folded (−1) and put back with its whole facts (+1). Every
// count is a sum over stores of something its mask, sums and stock decide, so the result equals
// the store-by-store statement's. The stores corrected are looked up one by one (their number is
// what ordered since the last fold, usually the week running).
async function kpiCountsByKind(
  executor: Executor,
  params: FactsParams,
  grouping: ReturnType<typeof groupingOf>,
): Promise<KpiCountsRow[]> {
  const frame = foldFrameOf(params.programme);
  const bitOf = (week: string) => sql`(1::bigint << ((lt.${sql.raw(week)} - ${frame.firstWeek}::date) / 7))`;
  const result = await rowsOfStatement<Record<string, unknown>>(
    executor,
    sql`
    WITH ${factsCtes(params)}
    latest_stock AS (${latestStockSelect}),
    by_mask AS (
      SELECT ${grouping.key} AS key, coalesce(fo.weeks_mask, 0) AS mask, count(*) AS stores,
        coalesce(sum(fo.limited_ordered), 0) AS limited_ordered, coalesce(sum(fo.allocated), 0) AS allocated,
        coalesce(sum(fo.limited_lines), 0) AS limited_lines, coalesce(sum(fo.full_lines), 0) AS full_lines
      FROM targets f
      LEFT JOIN folded fo ON fo.customer_id = f.customer_id
      ${grouping.join}
      GROUP BY 1, 2),
    touched AS (SELECT customer_id FROM live UNION SELECT customer_id FROM latest_stock),
    fixes AS (
      SELECT ${grouping.key} AS key, coalesce(fo.weeks_mask, 0) AS old_mask,
        coalesce(fo.weeks_mask, 0) | coalesce(l.mask, 0) AS mask,
        coalesce(l.limited_ordered, 0) AS limited_ordered, coalesce(l.allocated, 0) AS allocated,
        coalesce(l.limited_lines, 0) AS limited_lines, coalesce(l.full_lines, 0) AS full_lines,
        s.stock, s.weekly
      FROM touched x
      -- OFFSET 0: looked up store by store, not joined whole.
      CROSS JOIN LATERAL (SELECT t.* FROM targets t WHERE t.customer_id = x.customer_id OFFSET 0) f
      LEFT JOIN LATERAL (SELECT fo.* FROM folded fo WHERE fo.customer_id = x.customer_id OFFSET 0) fo ON true
      LEFT JOIN live l ON l.customer_id = x.customer_id
      LEFT JOIN latest_stock s ON s.customer_id = x.customer_id
      ${grouping.join}),
    kinds AS (
      SELECT key, mask, stores, limited_ordered, allocated, limited_lines, full_lines,
        NULL::float8 AS stock, NULL::float8 AS weekly
      FROM by_mask
      UNION ALL
      SELECT key, old_mask, -1, 0, 0, 0, 0, NULL, NULL FROM fixes
      UNION ALL
      SELECT key, mask, 1, limited_ordered, allocated, limited_lines, full_lines, stock, weekly FROM fixes),
    ${groupedKindsSql(params, bitOf)}
    SELECT g.*, ${grouping.label} AS label FROM grouped g`,
  );
  return result.map(countsOf);
}

// The counts per group from `kinds` (key, mask, stores ±, quota sums, a store's stock and weekly
// sales): every count is a sum over stores of what its mask, sums and stock decide.
function groupedKindsSql(params: FactsParams, bitOf: (week: string) => SQL): SQL {
  return sql`
    grouped AS (
      SELECT k.key,
        sum(k.stores)::int AS "targetStores",
        coalesce(sum(k.stores) FILTER (WHERE k.mask <> 0), 0)::int AS "stockedStores",
        count(*) FILTER (WHERE k.stock > 0)::int AS "stockedStoresObserved",
        coalesce(sum(k.stores) FILTER (WHERE k.mask & (k.mask - 1) <> 0), 0)::int AS "reorderedStores",
        coalesce(sum(k.stores) FILTER (WHERE k.mask & ${bitOf('last_week')} <> 0), 0)::int AS "repeatBase",
        coalesce(sum(k.stores) FILTER (WHERE k.mask & ${bitOf('last_week')} <> 0
          AND k.mask & ${bitOf('prev_week')} <> 0), 0)::int AS "repeatStores",
        coalesce(sum(k.limited_ordered), 0)::float8 AS "orderedCartons",
        coalesce(sum(k.allocated), 0)::float8 AS "allocatedCartons",
        coalesce(sum(k.full_lines), 0)::int AS "fullLines",
        coalesce(sum(k.limited_lines), 0)::int AS "orderedLines",
        coalesce(sum(k.stock) FILTER (WHERE k.weekly > 0), 0)::float8 AS "stockCartons",
        coalesce(sum(k.weekly) FILTER (WHERE k.weekly > 0), 0)::float8 AS "weeklySalesCartons",
        count(*) FILTER (WHERE k.weekly > 0 AND k.stock / k.weekly > ${params.band.max})::int AS "overStockStores",
        count(*) FILTER (WHERE k.weekly > 0 AND (k.stock = 0 OR k.stock / k.weekly < ${params.band.min}))::int
          AS "outOfStockStores"
      FROM kinds k CROSS JOIN last_two lt
      GROUP BY k.key
      -- A group whose every store moved out by a correction is no group.
      HAVING sum(k.stores) > 0)`;
}

// The counts of a folded programme from its kinds (brand_kinds: the folded facts summed per group
// and weeks mask when the fold was made, a few hundred rows), corrected store by store for the
// stores the kinds do not tell all of: those ordered or counted since the fold (live, stock) and
// those moved since (brand_store_moves: 在营 status, segment or grouping columns): each is taken out
// of its kind as the kinds counted it (brand_kind_stores, with its folded facts), and put back as
// kpiCountsByKind puts it back, when it is a target store now. A city-wide reach only, for the
// groupings kinds are taken for; null when the kinds do not hold (kpiCountsByKind then).
async function kpiCountsFromKinds(
  executor: Executor,
  params: FactsParams,
  groupBy: KindGrouping,
): Promise<KpiCountsRow[] | null> {
  const { programme } = params;
  if (!reachIsCityWide(params.reach) || !kindsApply(programme)) return null;
  const tenantId = programme.tenantId;
  const grouping = groupingOf(groupBy, tenantId, params.today);
  const frame = foldFrameOf(programme);
  const bitOf = (week: string) => sql`(1::bigint << ((lt.${sql.raw(week)} - ${frame.firstWeek}::date) / 7))`;
  const result = await rowsOfStatement<Record<string, unknown>>(
    executor,
    sql`
    WITH ${factsCtes(params)}
    latest_stock AS (${latestStockSelect}),
    snapshot AS (${validKindsSql(programme)}),
    by_mask AS (
      SELECT k.key, k.weeks_mask AS mask, k.stores, k.limited_ordered, k.allocated, k.limited_lines, k.full_lines
      FROM ${brandKinds} k
      WHERE k.tenant_id = ${tenantId} AND k.programme_id = ${programme.id}
        AND k.grouping = ${groupBy} AND EXISTS (SELECT 1 FROM snapshot)),
    touched AS (
      SELECT customer_id FROM live UNION SELECT customer_id FROM latest_stock UNION ${movedStoresSql(tenantId)}),
    taken_out AS (
      SELECT ${grouping.key} AS key, coalesce(fo.weeks_mask, 0) AS mask,
        coalesce(fo.limited_ordered, 0) AS limited_ordered, coalesce(fo.allocated, 0) AS allocated,
        coalesce(fo.limited_lines, 0) AS limited_lines, coalesce(fo.full_lines, 0) AS full_lines
      FROM touched x
      CROSS JOIN LATERAL (
        SELECT ks.customer_id, ks.branch_id, ks.manager_id, ks.class_code, ks.format FROM ${brandKindStores} ks
        WHERE ks.tenant_id = ${tenantId} AND ks.programme_id = ${programme.id} AND ks.customer_id = x.customer_id
          AND EXISTS (SELECT 1 FROM snapshot)) f
      LEFT JOIN LATERAL (SELECT fo.* FROM folded fo WHERE fo.customer_id = x.customer_id OFFSET 0) fo ON true),
    put_back AS (
      SELECT ${grouping.key} AS key, coalesce(fo.weeks_mask, 0) | coalesce(l.mask, 0) AS mask,
        coalesce(fo.limited_ordered, 0) + coalesce(l.limited_ordered, 0) AS limited_ordered,
        coalesce(fo.allocated, 0) + coalesce(l.allocated, 0) AS allocated,
        coalesce(fo.limited_lines, 0) + coalesce(l.limited_lines, 0) AS limited_lines,
        coalesce(fo.full_lines, 0) + coalesce(l.full_lines, 0) AS full_lines,
        s.stock, s.weekly
      FROM touched x
      -- OFFSET 0: looked up store by store, not joined whole.
      CROSS JOIN LATERAL (SELECT t.* FROM targets t WHERE t.customer_id = x.customer_id OFFSET 0) f
      LEFT JOIN LATERAL (SELECT fo.* FROM folded fo WHERE fo.customer_id = x.customer_id OFFSET 0) fo ON true
      LEFT JOIN live l ON l.customer_id = x.customer_id
      LEFT JOIN latest_stock s ON s.customer_id = x.customer_id),
    kinds AS (
      SELECT key, mask, stores, limited_ordered, allocated, limited_lines, full_lines,
        NULL::float8 AS stock, NULL::float8 AS weekly
      FROM by_mask
      UNION ALL
      SELECT key, mask, -1, -limited_ordered, -allocated, -limited_lines, -full_lines, NULL, NULL FROM taken_out
      UNION ALL
      SELECT key, mask, 1, limited_ordered, allocated, limited_lines, full_lines, stock, weekly FROM put_back),
    ${groupedKindsSql(params, bitOf)}
    SELECT g.*, ${grouping.label} AS label, (SELECT count(*) FROM snapshot)::int AS snapshots FROM grouped g`,
  );
  // No row: no snapshot, or no target store at all; either way the statement by kind says which.
  if (result.length === 0 || Number(result[0].snapshots) === 0) return null;
  return result.map(countsOf);
}

function zeroCounts(): KpiCounts {
  return Object.fromEntries(kpiCountKeys.map((key) => [key, 0])) as KpiCounts;
}

// The stock side of each week: each store's latest count up to the week's end.
function weekStockCtes(params: FactsParams): SQL {
  const untilOf = sql`((wk.w + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  return sql`
    week_stock AS (
      SELECT DISTINCT ON (wk.w, sv.customer_id) wk.w, sv.customer_id, sv.stock, sv.weekly
      FROM weeks wk JOIN stock_visits sv ON sv.counted_at < ${untilOf}
      ORDER BY wk.w, sv.customer_id, sv.counted_at DESC, sv.visit_id DESC),
    stock_per_week AS (
      SELECT w,
        count(*) FILTER (WHERE stock > 0) AS observed,
        coalesce(sum(stock) FILTER (WHERE weekly > 0), 0) AS stock,
        coalesce(sum(weekly) FILTER (WHERE weekly > 0), 0) AS weekly,
        count(*) FILTER (WHERE weekly > 0 AND stock / weekly > ${params.band.max}) AS over_stock,
        count(*) FILTER (WHERE weekly > 0 AND (stock = 0 OR stock / weekly < ${params.band.min})) AS out_of_stock
      FROM week_stock GROUP BY w)`;
}

// The KPIs week by week, each week's row cumulative from the programme's start to that week's end
// (today for the week running): what the trend chart draws. One statement, one pass over the target
// stores' facts: per store, the weeks it ordered as the bits of a number (stocked by week i: a bit at
// or below i; re-ordered: two such bits; repeat: the bits of week i and of the cycle before), counted
// by kind of store (at most 2^weeks kinds, however many stores), and the quota sums of every week at
// once as the 12-digit places of one number per store (brand_store_week_facts), run as window sums;
// each week takes each store's latest stock count up to its end. A period longer than the bits hold
// takes the ranked form.
export async function kpiCountsByWeek(executor: Executor, params: FactsParams): Promise<KpiCountsRow[]> {
  const frame = foldFrameOf(params.programme);
  if (!frame.foldable) return kpiCountsByWeekRanked(executor, params);
  const below = sql`((1::bigint << (wk.i + 1)) - 1)`;
  const pair = sql`((1::bigint << wk.i) | (1::bigint << wk.prev_i))`;
  const place = sql`power(10::numeric, ${weekDigits} * wk.i)`;
  const digitsOf = (total: string) =>
    sql`mod(div(coalesce(t.${sql.raw(total)}, 0), ${place}), power(10::numeric, ${weekDigits}))`;
  const result = await rowsOfStatement<Record<string, unknown>>(
    executor,
    sql`
    WITH ${factsCtes(params, { weekly: true })}
    weeks AS (
      SELECT w, i, lag(i) OVER (ORDER BY w) AS prev_i
      FROM (SELECT DISTINCT week_start AS w, ((week_start - ${frame.firstWeek}::date) / 7)::int AS i FROM period) x),
    by_mask AS (
      SELECT mask, sum(stores) AS stores, sum(limited_ordered) AS limited_ordered, sum(allocated) AS allocated,
        sum(limited_lines) AS limited_lines, sum(full_lines) AS full_lines
      FROM target_weeks GROUP BY mask),
    totals AS (
      SELECT (SELECT count(*) FROM targets) AS stores, sum(limited_ordered) AS limited_ordered, sum(allocated) AS allocated,
        sum(limited_lines) AS limited_lines, sum(full_lines) AS full_lines
      FROM by_mask),
    per_week AS (
      SELECT wk.w, wk.i,
        coalesce(sum(m.stores) FILTER (WHERE m.mask & ${below} <> 0), 0)::int AS stocked,
        coalesce(sum(m.stores) FILTER (WHERE (m.mask & ${below}) & ((m.mask & ${below}) - 1) <> 0), 0)::int
          AS reordered,
        coalesce(sum(m.stores) FILTER (WHERE m.mask & (1::bigint << wk.i) <> 0), 0)::int AS repeat_base,
        coalesce(sum(m.stores) FILTER (WHERE wk.prev_i IS NOT NULL AND m.mask & ${pair} = ${pair}), 0)::int
          AS repeat_stores
      FROM weeks wk LEFT JOIN by_mask m ON m.mask <> 0
      GROUP BY wk.w, wk.i),
    quota_week AS (
      SELECT wk.i, ${digitsOf('limited_ordered')} AS limited_ordered, ${digitsOf('allocated')} AS allocated,
        ${digitsOf('limited_lines')} AS limited_lines, ${digitsOf('full_lines')} AS full_lines
      FROM weeks wk CROSS JOIN totals t),
    ${weekStockCtes(params)}
    SELECT pw.w::text AS key, NULL::text AS label,
      coalesce((SELECT stores FROM totals), 0)::int AS "targetStores",
      pw.stocked AS "stockedStores",
      coalesce(sp.observed, 0)::int AS "stockedStoresObserved",
      pw.reordered AS "reorderedStores",
      -- The running week's 重购率 is the last ended week's (v2): a week counts once it is over.
      (CASE WHEN pw.w + 6 <= ${params.today}::date THEN pw.repeat_base
        ELSE coalesce(lag(pw.repeat_base) OVER running, 0) END)::int AS "repeatBase",
      (CASE WHEN pw.w + 6 <= ${params.today}::date THEN pw.repeat_stores
        ELSE coalesce(lag(pw.repeat_stores) OVER running, 0) END)::int AS "repeatStores",
      (sum(coalesce(q.limited_ordered, 0)) OVER running)::float8 AS "orderedCartons",
      (sum(coalesce(q.allocated, 0)) OVER running)::float8 AS "allocatedCartons",
      (sum(coalesce(q.full_lines, 0)) OVER running)::int AS "fullLines",
      (sum(coalesce(q.limited_lines, 0)) OVER running)::int AS "orderedLines",
      coalesce(sp.stock, 0)::float8 AS "stockCartons", coalesce(sp.weekly, 0)::float8 AS "weeklySalesCartons",
      coalesce(sp.over_stock, 0)::int AS "overStockStores", coalesce(sp.out_of_stock, 0)::int AS "outOfStockStores"
    FROM per_week pw
    LEFT JOIN quota_week q ON q.i = pw.i
    LEFT JOIN stock_per_week sp ON sp.w = pw.w
    WINDOW running AS (ORDER BY pw.w)
    ORDER BY pw.w`,
  );
  return result.map(countsOf);
}

// The same by ranking each store's ordering weeks, for a period longer than the bits hold.
async function kpiCountsByWeekRanked(executor: Executor, params: FactsParams): Promise<KpiCountsRow[]> {
  const result = await executor.execute(sql`
    WITH ${factsCtes(params)}
    ranked AS (
      SELECT sw.*, row_number() OVER (PARTITION BY customer_id ORDER BY week_start) AS n,
        lag(week_start) OVER (PARTITION BY customer_id ORDER BY week_start) AS prev_ordered
      FROM store_weeks sw WHERE sw.customer_id IN (SELECT customer_id FROM targets)),
    weeks AS (SELECT week_start AS w, lag(week_start) OVER (ORDER BY week_start) AS prev_w FROM period),
    per_week AS (
      SELECT wk.w,
        count(r.customer_id) FILTER (WHERE r.n = 1) AS first_orders,
        count(r.customer_id) FILTER (WHERE r.n = 2) AS second_orders,
        count(r.customer_id)::int AS repeat_base,
        count(r.customer_id) FILTER (WHERE r.prev_ordered = wk.prev_w)::int AS repeat_stores,
        coalesce(sum(r.limited_ordered), 0) AS limited_ordered, coalesce(sum(r.allocated), 0) AS allocated,
        coalesce(sum(r.limited_lines), 0) AS limited_lines, coalesce(sum(r.full_lines), 0) AS full_lines
      FROM weeks wk LEFT JOIN ranked r ON r.week_start = wk.w
      GROUP BY wk.w),
    ${weekStockCtes(params)}
    SELECT pw.w::text AS key, NULL::text AS label,
      (SELECT count(*) FROM targets)::int AS "targetStores",
      (sum(pw.first_orders) OVER running)::int AS "stockedStores",
      coalesce(sp.observed, 0)::int AS "stockedStoresObserved",
      (sum(pw.second_orders) OVER running)::int AS "reorderedStores",
      -- The running week's 重购率 is the last ended week's (v2): a week counts once it is over.
      (CASE WHEN pw.w + 6 <= ${params.today}::date THEN pw.repeat_base
        ELSE coalesce(lag(pw.repeat_base) OVER running, 0) END)::int AS "repeatBase",
      (CASE WHEN pw.w + 6 <= ${params.today}::date THEN pw.repeat_stores
        ELSE coalesce(lag(pw.repeat_stores) OVER running, 0) END)::int AS "repeatStores",
      (sum(pw.limited_ordered) OVER running)::float8 AS "orderedCartons",
      (sum(pw.allocated) OVER running)::float8 AS "allocatedCartons",
      (sum(pw.full_lines) OVER running)::int AS "fullLines",
      (sum(pw.limited_lines) OVER running)::int AS "orderedLines",
      coalesce(sp.stock, 0)::float8 AS "stockCartons", coalesce(sp.weekly, 0)::float8 AS "weeklySalesCartons",
      coalesce(sp.over_stock, 0)::int AS "overStockStores", coalesce(sp.out_of_stock, 0)::int AS "outOfStockStores"
    FROM per_week pw LEFT JOIN stock_per_week sp ON sp.w = pw.w
    WINDOW running AS (ORDER BY pw.w)
    ORDER BY pw.w`);
  return rowsOf<Record<string, unknown>>(result).map(countsOf);
}

// ── Stores behind a figure ────────────────────────────────────────────────────────────────────

export type StoreFactsRow = {
  customerId: number;
  code: string;
  name: string;
  managerId: number;
  managerName: string;
  branchName: string;
  class: string | null;
  format: string;
  grade: number | null;
  orderedWeeks: number;
  firstOrderedWeek: string | null;
  lastOrderedWeek: string | null;
  orderedCartons: number;
  stockCartons: number | null;
  weeklySalesCartons: number | null;
  inLast: boolean;
  total: number;
};

export type StoreFilter = {
  status?: StoreStatus;
  group?: { by: Exclude<KpiGrouping, 'week' | 'none'>; key: string };
  customerIds?: readonly number[];
  // Only stores with a worklist status (not shelved, not re-ordered, over or out of stock).
  flaggedOnly?: boolean;
  limit: number;
  offset: number;
};

function statusCondition(status: StoreStatus | undefined): SQL {
  switch (status) {
    case undefined:
      return sql`true`;
    case 'not_shelved':
      return sql`f.weeks = 0`;
    case 'not_reordered':
      return sql`f.weeks = 1`;
    case 'shelved':
      return sql`f.weeks > 0`;
    case 'over_stock':
      return sql`f.over_stock`;
    case 'out_of_stock':
      return sql`f.out_of_stock`;
  }
}

function groupCondition(group: StoreFilter['group']): SQL {
  if (!group) return sql`true`;
  switch (group.by) {
    case 'branch':
      return sql`c.branch_id::text = ${group.key}`;
    case 'manager':
      return sql`c.manager_id::text = ${group.key}`;
    case 'class':
      return sql`coalesce(c.class_code, 'none') = ${group.key}`;
    case 'format':
      return sql`c.format = ${group.key}`;
    case 'grade':
      return sql`coalesce(g.grade::text, 'none') = ${group.key}`;
  }
}

// The target stores with their facts, filtered by a status and a group, a page in licence order.
export async function storeFacts(executor: Executor, params: FactsParams, filter: StoreFilter) {
  const tenantId = params.programme.tenantId;
  const only = filter.customerIds ? sql`f.customer_id = ANY(${arrayLiteral(filter.customerIds)}::int[])` : sql`true`;
  const flagged = filter.flaggedOnly ? sql`(f.weeks <= 1 OR f.over_stock OR f.out_of_stock)` : sql`true`;
  const result = await rowsOfStatement<Record<string, unknown>>(
    executor,
    sql`
    WITH ${factsCtes(params)} ${storeFactsCte(params, latestStock)}
    SELECT f.customer_id AS "customerId", c.licence_no AS code, c.name, c.manager_id AS "managerId",
      u.display_name AS "managerName", ou.name AS "branchName", c.class_code AS class, c.format, g.grade,
      f.weeks AS "orderedWeeks", f.first_week::text AS "firstOrderedWeek", f.last_ordered_week::text AS "lastOrderedWeek",
      f.ordered AS "orderedCartons", f.stock AS "stockCartons", f.weekly AS "weeklySalesCartons", f.in_last AS "inLast",
      count(*) OVER ()::int AS total
    FROM facts f
    JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = f.customer_id
    JOIN ${users} u ON u.id = c.manager_id
    JOIN ${orgUnits} ou ON ou.tenant_id = c.tenant_id AND ou.id = c.branch_id
    LEFT JOIN ${customerGrades} g ON g.tenant_id = c.tenant_id AND g.customer_id = c.id
      AND g.run_id = ${currentGradeRunIdSql(tenantId, params.today)}
    WHERE ${statusCondition(filter.status)} AND ${groupCondition(filter.group)} AND ${only} AND ${flagged}
    ORDER BY c.licence_no
    LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
  return result.map(
    (row): StoreFactsRow => ({
      customerId: Number(row.customerId),
      code: String(row.code),
      name: String(row.name),
      managerId: Number(row.managerId),
      managerName: String(row.managerName),
      branchName: String(row.branchName),
      class: (row.class as string | null) ?? null,
      format: String(row.format),
      grade: row.grade === null ? null : Number(row.grade),
      orderedWeeks: Number(row.orderedWeeks),
      firstOrderedWeek: (row.firstOrderedWeek as string | null) ?? null,
      lastOrderedWeek: (row.lastOrderedWeek as string | null) ?? null,
      orderedCartons: Number(row.orderedCartons),
      stockCartons: row.stockCartons === null ? null : Number(row.stockCartons),
      weeklySalesCartons: row.weeklySalesCartons === null ? null : Number(row.weeklySalesCartons),
      inLast: Boolean(row.inLast),
      total: Number(row.total),
    }),
  );
}

// Which of the stores have a visit planned (or made) this week, Monday to Sunday.
export async function storesPlannedBetween(
  executor: Executor,
  tenantId: number,
  customerIds: readonly number[],
  from: string,
  to: string,
) {
  if (customerIds.length === 0) return new Set<number>();
  const rows = await executor
    .selectDistinct({ customerId: visitPlanItems.customerId })
    .from(visitPlanItems)
    .where(
      and(
        eq(visitPlanItems.tenantId, tenantId),
        inArray(visitPlanItems.customerId, [...customerIds]),
        sql`${visitPlanItems.plannedOn} BETWEEN ${from} AND ${to}`,
        sql`${visitPlanItems.status} <> 'dropped'`,
      ),
    );
  return new Set(rows.map((row) => row.customerId));
}

export async function programmesOfStatus(executor: Executor, tenantId: number, statuses: readonly ProgrammeStatus[]) {
  return executor
    .select()
    .from(brandProgrammes)
    .where(and(eq(brandProgrammes.tenantId, tenantId), inArray(brandProgrammes.status, [...statuses])))
    .orderBy(asc(brandProgrammes.id));
}
