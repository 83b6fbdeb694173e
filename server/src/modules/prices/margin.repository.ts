import { type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, isCityWideScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits } from '../../platform/identity/identity.schema.ts';
import { beijingMidnightOf } from '../../platform/time/beijing.ts';
import { addDays } from '../../platform/time/weeks.ts';
import { customers, districts } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { cycleProducts, orderCycles, storeProductWeeks } from '../supply/index.ts';
import type { MarginGrouping } from './margin.contract.ts';
import { observationCeiling, observationFloor, packsPerCarton } from './margin.rules.ts';
import { priceObservationsSql, writeWeightGroupsIn } from './prices.repository.ts';

// 零售毛利率 in SQL: margin.rules.ts's sums, a store-week at a time, for many stores at once.
//
// storeWeekMarginSql computes, for given weeks, one row per store and week: Σ retail × cartons,
// Σ wholesale × cartons, and the cartons valued at each source — from supply's store_product_weeks
// (cartons ordered), the products' prices, and the observations of those weeks (priceObservationsSql:
// visits' of the newest record of a visit, and price_reports not flagged), each counted when within
// 50–200 % of the suggested pack price. A store's own mean comes from observations at the store; its district's mean
// from every observation in the district (a market point's district as the inspector gave it).
//
// How the figures stay right at province scale: price_margin_weeks holds these rows per store and
// week, and price_margin_groups their sums per week and group of stores (branch, org path, manager,
// class, district), both written by refreshMarginWeeksIn — a week replaced whole, in one transaction
// — and price_margin_refreshes says which weeks are stored and as of when. The prices.refresh-margins
// job stores the running week every 10 minutes, the last 5 ended weeks once an hour (late inputs: an
// inspector's observation may be dated 31 days back, a visit submitted days after it was made), and
// any ended week with order cycles not yet stored. A read of a scope sums the groups of the stored
// weeks (a few thousand rows a week) and computes the weeks not stored live, so no week is missed; its
// answer says as of when (asOf). One store's read (portal, 360°) sums its own rows and reads its
// running week live, so its order of a moment ago counts. An ended week's orders no longer change
// (its cycle's window has closed). A store's move to another manager or class shows in its stored
// weeks' groups at their next refresh (the trailing weeks within the hour; older weeks keep the
// grouping they were stored with — the figures of a week as it was).

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const weekOf = (column: string) => sql.raw(`date_trunc('week', ${column} AT TIME ZONE 'Asia/Shanghai')::date`);
const dates = (values: readonly string[]) => sql`${arrayLiteral(values)}::date[]`;

export type StoreWeekFilter = {
  // Only these stores' rows (a retailer, the 360° view); the district's mean still reads every store.
  customerId?: number;
};

// SELECT customer_id, week_start, retail_fen, wholesale_fen, cartons, own_cartons, district_cartons,
// suggested_cartons — per store and week of `weeks` (Mondays). `byProduct` keeps the product too
// (product_id), for the portal's figures by brand.
export function storeWeekMarginSql(
  tenantId: number,
  weeks: readonly string[],
  filter: StoreWeekFilter = {},
  byProduct = false,
): SQL {
  const sorted = [...weeks].sort();
  const start = beijingMidnightOf(sorted[0]);
  const end = beijingMidnightOf(addDays(sorted[sorted.length - 1], 7));
  const storeFilter = filter.customerId === undefined ? sql`` : sql`AND w.customer_id = ${filter.customerId}`;
  const ownFilter = filter.customerId === undefined ? sql`` : sql`AND customer_id = ${filter.customerId}`;
  // One store: only its district's mean is needed.
  const districtFilter =
    filter.customerId === undefined
      ? sql``
      : sql`WHERE district_code = (SELECT district_code FROM ${customers} WHERE tenant_id = ${tenantId} AND id = ${filter.customerId})`;
  const productColumn = byProduct ? sql`, w.product_id` : sql``;
  return sql`
    WITH observed AS (
      SELECT u.customer_id, u.district_code, u.product_id, ${weekOf('u.observed_at')} AS week_start, u.pack_price_fen
      FROM (${priceObservationsSql(tenantId, start, end)}) u),
    counted AS (
      SELECT x.* FROM observed x
      JOIN ${products} p ON p.tenant_id = ${tenantId} AND p.id = x.product_id
      WHERE x.pack_price_fen * ${packsPerCarton}::int >= ${observationFloor}::float8 * p.retail_price_fen
        AND x.pack_price_fen * ${packsPerCarton}::int <= ${observationCeiling}::float8 * p.retail_price_fen),
    own AS (
      SELECT customer_id, product_id, week_start, avg(pack_price_fen) AS pack FROM counted
      WHERE customer_id IS NOT NULL ${ownFilter} GROUP BY customer_id, product_id, week_start),
    district AS (
      SELECT district_code, product_id, week_start, avg(pack_price_fen) AS pack FROM counted ${districtFilter}
      GROUP BY district_code, product_id, week_start),
    cycles AS (
      SELECT id FROM ${orderCycles} WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(sorted)}))
    SELECT w.customer_id, w.week_start::text AS week_start ${productColumn},
      sum(w.ordered * coalesce(own.pack * ${packsPerCarton}::int, d.pack * ${packsPerCarton}::int, p.retail_price_fen))::float8 AS retail_fen,
      sum(w.ordered::bigint * p.wholesale_price_fen)::float8 AS wholesale_fen,
      sum(w.ordered)::int AS cartons,
      coalesce(sum(w.ordered) FILTER (WHERE own.pack IS NOT NULL), 0)::int AS own_cartons,
      coalesce(sum(w.ordered) FILTER (WHERE own.pack IS NULL AND d.pack IS NOT NULL), 0)::int AS district_cartons,
      coalesce(sum(w.ordered) FILTER (WHERE own.pack IS NULL AND d.pack IS NULL), 0)::int AS suggested_cartons
    FROM ${cycleProducts} cp
    JOIN ${storeProductWeeks} w ON w.tenant_id = cp.tenant_id AND w.product_id = cp.product_id AND w.cycle_id = cp.cycle_id
    JOIN ${products} p ON p.tenant_id = w.tenant_id AND p.id = w.product_id
    JOIN ${customers} c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
    LEFT JOIN own ON own.customer_id = w.customer_id AND own.product_id = w.product_id AND own.week_start = w.week_start
    LEFT JOIN district d ON d.district_code = c.district_code AND d.product_id = w.product_id AND d.week_start = w.week_start
    -- By the roll-up's key (product, cycle): each of the weeks' products' rows, not a scan of every week.
    WHERE cp.tenant_id = ${tenantId} AND cp.cycle_id IN (SELECT id FROM cycles) AND w.ordered > 0 ${storeFilter}
    GROUP BY w.customer_id, w.week_start ${productColumn}`;
}

// Recomputes the stored rows of `weeks` (ended weeks), each week replaced whole in the caller's
// transaction — the margin's and the price index's weights (price_weight_groups) — and notes them
// refreshed as of `now`. Returns the store-weeks written.
export async function refreshMarginWeeksIn(
  executor: Executor,
  tenantId: number,
  weeks: readonly string[],
  now: Date,
): Promise<number> {
  if (weeks.length === 0) return 0;
  await executor.execute(
    sql`DELETE FROM price_margin_weeks WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(weeks)})`,
  );
  const written = rowsOf<{ week_start: string; n: number }>(
    await executor.execute(sql`
      WITH inserted AS (
        INSERT INTO price_margin_weeks (tenant_id, customer_id, week_start, retail_fen, wholesale_fen, cartons,
          own_cartons, district_cartons, suggested_cartons)
        SELECT ${tenantId}, customer_id, week_start::date, retail_fen, wholesale_fen, cartons, own_cartons,
          district_cartons, suggested_cartons
        FROM (${storeWeekMarginSql(tenantId, weeks)}) m
        RETURNING week_start)
      SELECT week_start::text, count(*)::int AS n FROM inserted GROUP BY week_start`),
  );
  const counts = new Map(written.map((row) => [String(row.week_start).slice(0, 10), Number(row.n)]));
  await writeMarginGroupsIn(executor, tenantId, weeks);
  // The price index's weights of the same weeks (price_weight_groups), stored under the same mark.
  await writeWeightGroupsIn(executor, tenantId, weeks);
  await executor.execute(sql`
    INSERT INTO price_margin_refreshes (tenant_id, week_start, refreshed_at, stores)
    SELECT ${tenantId}, w, ${now}, n FROM unnest(${dates(weeks)}, ${arrayLiteral(weeks.map((week) => counts.get(week) ?? 0))}::int[]) AS x(w, n)
    ON CONFLICT (tenant_id, week_start) DO UPDATE SET refreshed_at = excluded.refreshed_at, stores = excluded.stores`);
  return [...counts.values()].reduce((sum, n) => sum + n, 0);
}

// price_margin_groups of `weeks` from their price_margin_weeks rows, by the stores' branch, org path,
// manager, class and district now (replaced whole).
export async function writeMarginGroupsIn(executor: Executor, tenantId: number, weeks: readonly string[]) {
  await executor.execute(
    sql`DELETE FROM price_margin_groups WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(weeks)})`,
  );
  await executor.execute(sql`
    INSERT INTO price_margin_groups (tenant_id, week_start, branch_id, org_path, manager_id, class_code, district_code,
      retail_fen, wholesale_fen, cartons, own_cartons, district_cartons, suggested_cartons, store_weeks)
    SELECT m.tenant_id, m.week_start, c.branch_id, c.org_path, c.manager_id, coalesce(c.class_code, 'unclassified'),
      c.district_code, sum(m.retail_fen), sum(m.wholesale_fen), sum(m.cartons), sum(m.own_cartons),
      sum(m.district_cartons), sum(m.suggested_cartons), count(*)
    FROM price_margin_weeks m JOIN ${customers} c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
    WHERE m.tenant_id = ${tenantId} AND m.week_start = ANY(${dates(weeks)})
    GROUP BY m.tenant_id, m.week_start, c.branch_id, c.org_path, c.manager_id, coalesce(c.class_code, 'unclassified'),
      c.district_code`);
}

// When each of `weeks` that is stored was refreshed.
export async function refreshedAtOf(executor: Executor, tenantId: number, weeks: readonly string[]) {
  if (weeks.length === 0) return new Map<string, Date>();
  const rows = rowsOf<{ week_start: string; refreshed_at: Date | string }>(
    await executor.execute(sql`SELECT week_start::text AS week_start, refreshed_at FROM price_margin_refreshes
      WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(weeks)})`),
  );
  return new Map(rows.map((row) => [String(row.week_start).slice(0, 10), new Date(row.refreshed_at)]));
}

// Of `weeks`: those price_margin_weeks holds, and those with order cycles (a week without any has
// no sales: nothing to compute live).
export async function marginWeekStates(executor: Executor, tenantId: number, weeks: readonly string[]) {
  if (weeks.length === 0) return { stored: new Set<string>(), ordered: new Set<string>() };
  const rows = rowsOf<{ week_start: string; stored: boolean }>(
    await executor.execute(sql`
      SELECT week_start::text AS week_start, true AS stored FROM price_margin_refreshes
      WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(weeks)})
      UNION ALL
      SELECT DISTINCT week_start::text, false FROM ${orderCycles}
      WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(weeks)})`),
  );
  const day = (row: { week_start: string }) => String(row.week_start).slice(0, 10);
  return {
    stored: new Set(rows.filter((row) => row.stored).map(day)),
    ordered: new Set(rows.filter((row) => !row.stored).map(day)),
  };
}

export type WeekStates = Awaited<ReturnType<typeof marginWeekStates>>;

// Ended weeks (Mondays before `currentMonday`, from `since`) that have order cycles and no stored
// rows yet, oldest first.
export async function unrefreshedWeeks(
  executor: Executor,
  tenantId: number,
  since: string,
  currentMonday: string,
  evenStored = false,
) {
  const rows = rowsOf<{ week_start: string }>(
    await executor.execute(sql`
      SELECT DISTINCT k.week_start::text AS week_start FROM ${orderCycles} k
      WHERE k.tenant_id = ${tenantId} AND k.week_start >= ${since}::date AND k.week_start < ${currentMonday}::date
        AND (${evenStored} OR NOT EXISTS (SELECT 1 FROM price_margin_refreshes r WHERE r.tenant_id = k.tenant_id AND r.week_start = k.week_start))
      ORDER BY 1`),
  );
  return rows.map((row) => String(row.week_start).slice(0, 10));
}

export type MarginSumsRow = {
  key: string;
  label: string | null;
  retail_fen: number;
  wholesale_fen: number;
  cartons: number;
  own_cartons: number;
  district_cartons: number;
  suggested_cartons: number;
  store_weeks: number;
};

// Rows of the groups' shape: week_start, branch_id, org_path, manager_id, class_code, district_code
// and the sums. A grouping keys and labels them.
const groupings: Record<MarginGrouping, { key: string; label: string; join: (tenantId: number) => SQL }> = {
  none: { key: `'city'`, label: 'NULL::text', join: () => sql`` },
  branch: {
    key: 'm.branch_id::text',
    label: 'min(u.name)',
    join: (tenantId) => sql`LEFT JOIN ${orgUnits} u ON u.tenant_id = ${tenantId} AND u.id = m.branch_id`,
  },
  class: { key: 'm.class_code', label: 'NULL::text', join: () => sql`` },
  district: {
    key: 'm.district_code',
    label: 'min(d.name)',
    join: (tenantId) => sql`LEFT JOIN ${districts} d ON d.tenant_id = ${tenantId} AND d.code = m.district_code`,
  },
  week: { key: 'm.week_start::text', label: 'NULL::text', join: () => sql`` },
};

const sums = sql.raw(`retail_fen, wholesale_fen, cartons, own_cartons, district_cartons, suggested_cartons`);

// The sums of `weeks` grouped, within the scope. Stored weeks come from price_margin_groups (a
// scope's stores as the week was stored), or — for one store (filter.customerId) — from
// price_margin_weeks; the others are computed live, with the stores' branch, manager, class and
// district now.
export async function marginSums(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  weeks: readonly string[],
  states: WeekStates,
  groupBy: MarginGrouping,
  filter: StoreWeekFilter = {},
): Promise<MarginSumsRow[]> {
  const storedWeeks = weeks.filter((week) => states.stored.has(week));
  const liveWeeks = weeks.filter((week) => !states.stored.has(week) && states.ordered.has(week));
  const parts: SQL[] = [];
  const storeColumns =
    sql.raw(`c.branch_id, c.org_path, c.manager_id, coalesce(c.class_code, 'unclassified') AS class_code,
    c.district_code`);
  const storeJoin = sql`JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = s.customer_id`;
  if (storedWeeks.length > 0) {
    if (filter.customerId === undefined)
      parts.push(sql`SELECT week_start, branch_id, org_path, manager_id, class_code, district_code, ${sums}, store_weeks
        FROM price_margin_groups WHERE tenant_id = ${tenantId} AND week_start = ANY(${dates(storedWeeks)})`);
    else
      parts.push(sql`SELECT s.week_start, ${storeColumns}, s.retail_fen, s.wholesale_fen, s.cartons, s.own_cartons,
          s.district_cartons, s.suggested_cartons, 1 AS store_weeks
        FROM price_margin_weeks s ${storeJoin}
        WHERE s.tenant_id = ${tenantId} AND s.week_start = ANY(${dates(storedWeeks)}) AND s.customer_id = ${filter.customerId}`);
  }
  if (liveWeeks.length > 0)
    parts.push(sql`SELECT s.week_start::date, ${storeColumns}, s.retail_fen, s.wholesale_fen, s.cartons, s.own_cartons,
        s.district_cartons, s.suggested_cartons, 1 AS store_weeks
      FROM (${storeWeekMarginSql(tenantId, liveWeeks, filter)}) s ${storeJoin}`);
  if (parts.length === 0) return [];
  const grouping = groupings[groupBy];
  const scopeFilter = isCityWideScope(scope)
    ? sql``
    : sql`WHERE ${scopeCondition(scope, {
        orgPath: sql`m.org_path`,
        managerId: sql`m.manager_id`,
        // One store's rows are already its own (filter.customerId); a retailer reads nothing else.
        customerId: filter.customerId === undefined ? undefined : sql`${filter.customerId}::int`,
      })}`;
  return rowsOf<MarginSumsRow>(
    await executor.execute(sql`
      SELECT ${sql.raw(grouping.key)} AS key, ${sql.raw(grouping.label)} AS label,
        sum(m.retail_fen)::float8 AS retail_fen, sum(m.wholesale_fen)::float8 AS wholesale_fen,
        sum(m.cartons)::float8 AS cartons, sum(m.own_cartons)::float8 AS own_cartons,
        sum(m.district_cartons)::float8 AS district_cartons, sum(m.suggested_cartons)::float8 AS suggested_cartons,
        sum(m.store_weeks)::int AS store_weeks
      FROM (${sql.join(parts, sql` UNION ALL `)}) m
      ${grouping.join(tenantId)}
      ${scopeFilter}
      GROUP BY 1
      ORDER BY 1`),
  ).map((row) => ({
    ...row,
    key: String(row.key),
    retail_fen: Number(row.retail_fen),
    wholesale_fen: Number(row.wholesale_fen),
    cartons: Number(row.cartons),
    own_cartons: Number(row.own_cartons),
    district_cartons: Number(row.district_cartons),
    suggested_cartons: Number(row.suggested_cartons),
    store_weeks: Number(row.store_weeks),
  }));
}
