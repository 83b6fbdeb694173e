import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { mondayOfDay } from '../../platform/time/weeks.ts';
import { activeStoresSql, customers, type StoreReach } from '../customers/index.ts';
import { orderCycles, type Segment, storeProductWeeks, storesInSegmentSql } from '../supply/index.ts';
import { brandProgrammes, type ProgrammeRow } from './brand.schema.ts';
import {
  brandFactFolds,
  brandKindSnapshots,
  brandKindStores,
  brandKinds,
  brandStoreFacts,
  brandStoreMoves,
  brandStoreWeekFacts,
} from './brand-facts.schema.ts';

// 培育汇总 upkeep: folds a programme's closed cycles from supply's store_product_weeks into its
// per-store facts (brand-facts.schema.ts), in week order, each fold one transaction. The KPIs stay
// exact without it — what is not folded is read from the roll-up itself — so the job only makes them
// fast: a province's programme reads ~240,000 folded rows instead of ~1 M roll-up rows.

// Weeks a store's bits and a week's digits hold: a longer period is read from the roll-up alone.
export const maxFoldedWeeks = 62;
// Digits per week in brand_store_week_facts' numbers.
export const weekDigits = 12;

export type FoldTarget = Pick<ProgrammeRow, 'tenantId' | 'id' | 'productIds' | 'startDate' | 'endDate'>;

export const sortedProductIds = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

// The Monday bit 0 stands for, and whether the period fits the bits.
export function foldFrameOf(programme: Pick<ProgrammeRow, 'startDate' | 'endDate'>) {
  const firstWeek = mondayOfDay(programme.startDate);
  const weeks = Math.floor((Date.parse(programme.endDate) - Date.parse(firstWeek)) / (7 * 86_400_000)) + 1;
  return { firstWeek, foldable: weeks <= maxFoldedWeeks };
}

// The fold's record as the KPI statement reads it (`fold` CTE: one row while it holds for the
// programme as it is now, none otherwise).
export function validFoldSql(programme: FoldTarget) {
  const { firstWeek } = foldFrameOf(programme);
  return sql`
    SELECT ff.through_week FROM ${brandFactFolds} ff
    WHERE ff.tenant_id = ${programme.tenantId} AND ff.programme_id = ${programme.id}
      AND ff.first_week = ${firstWeek}::date
      AND ff.product_ids = ${arrayLiteral(sortedProductIds(programme.productIds))}::int[]
      AND ff.through_week <= ${programme.endDate}::date`;
}

// The per-store sums of a set of roll-up rows (`w`, with `week_start`), as the facts store them.
// `place`: the row's week's 10^(12·i), when the statement has it at hand (one power() per week, not
// per row).
export function storeSumsSql(firstWeek: string, place?: SQL) {
  const bit = sql`((w.week_start - ${firstWeek}::date) / 7)`;
  place ??= sql`power(10::numeric, ${weekDigits} * ${bit})`;
  return {
    mask: sql`bit_or(1::bigint << ${bit})`,
    firstWeek: sql`min(w.week_start)`,
    lastWeek: sql`max(w.week_start)`,
    ordered: sql`sum(w.ordered)`,
    limitedOrdered: sql`coalesce(sum(w.ordered) FILTER (WHERE w.quota >= 0), 0)`,
    allocated: sql`coalesce(sum(w.quota) FILTER (WHERE w.quota >= 0), 0)`,
    limitedLines: sql`count(*) FILTER (WHERE w.quota >= 0)`,
    fullLines: sql`count(*) FILTER (WHERE w.quota >= 0 AND w.ordered >= w.quota)`,
    weeklyLimitedOrdered: sql`coalesce(sum(w.ordered * ${place}) FILTER (WHERE w.quota >= 0), 0)`,
    weeklyAllocated: sql`coalesce(sum(w.quota * ${place}) FILTER (WHERE w.quota >= 0), 0)`,
    weeklyLimitedLines: sql`coalesce(sum(${place}) FILTER (WHERE w.quota >= 0), 0)`,
    weeklyFullLines: sql`coalesce(sum(${place}) FILTER (WHERE w.quota >= 0 AND w.ordered >= w.quota), 0)`,
  };
}

export type ProgrammeTarget = Pick<ProgrammeRow, 'tenantId' | 'segment' | 'customerIds'>;

// `SELECT customer_id` of a programme's target stores the reach sees: active stores of its segment
// (every active store without one) or of its list.
// With `withGroups`, the store's branch_id, manager_id, class_code and format too.
export function targetStoresSql(programme: ProgrammeTarget, reach: StoreReach, today: string, withGroups = false): SQL {
  if (programme.customerIds) {
    const columns = withGroups
      ? sql`c.id AS customer_id, c.branch_id, c.manager_id, c.class_code, c.format`
      : sql`c.id AS customer_id`;
    return sql`SELECT ${columns} FROM ${customers} c
      WHERE ${activeStoresSql('c', programme.tenantId, reach)} AND c.id = ANY(${arrayLiteral(programme.customerIds)}::int[])`;
  }
  return storesInSegmentSql(programme.tenantId, (programme.segment ?? {}) as Segment, {
    onDate: today,
    reach,
    withGroups,
  });
}

type FoldOutcome = { weeks: number; stores: number };

// Folds the programme's next closed cycles (those after the fold's last week, up to the first one
// not closed). A fold that no longer holds (products, start or end changed) is dropped first.
export async function foldProgrammeIn(tx: Executor, tenantId: number, programmeId: number, now: Date) {
  const [programme] = await tx
    .select()
    .from(brandProgrammes)
    .where(and(eq(brandProgrammes.tenantId, tenantId), eq(brandProgrammes.id, programmeId)))
    .for('update');
  const outcome: FoldOutcome = { weeks: 0, stores: 0 };
  if (!programme) return outcome;
  const { firstWeek, foldable } = foldFrameOf(programme);
  const productIds = sortedProductIds(programme.productIds);
  const [fold] = await tx
    .select()
    .from(brandFactFolds)
    .where(and(eq(brandFactFolds.tenantId, tenantId), eq(brandFactFolds.programmeId, programmeId)));
  const holds =
    fold !== undefined &&
    foldable &&
    fold.firstWeek === firstWeek &&
    fold.throughWeek <= programme.endDate &&
    fold.productIds.join(',') === productIds.join(',');
  // Folding starts again from nothing unless the fold holds (no stray rows are added to).
  if (!holds) await dropFoldIn(tx, tenantId, programmeId);
  if (!foldable) return outcome;
  const through = holds ? fold.throughWeek : undefined;
  const cycles = await tx
    .select({ id: orderCycles.id, weekStart: orderCycles.weekStart, status: orderCycles.status })
    .from(orderCycles)
    .where(
      and(
        eq(orderCycles.tenantId, tenantId),
        sql`${orderCycles.weekStart} BETWEEN ${programme.startDate} AND ${programme.endDate}`,
        through ? sql`${orderCycles.weekStart} > ${through}` : sql`true`,
      ),
    )
    .orderBy(asc(orderCycles.weekStart), asc(orderCycles.id));
  const closed: typeof cycles = [];
  for (const cycle of cycles) {
    if (cycle.status !== 'closed') break;
    closed.push(cycle);
  }
  // Two cycles of one week fold together or not at all.
  const open = cycles.slice(closed.length);
  while (closed.length > 0 && open.some((cycle) => cycle.weekStart === closed[closed.length - 1].weekStart)) {
    closed.pop();
  }
  if (closed.length === 0) return outcome;
  const cycleIds = sql`${arrayLiteral(closed.map((cycle) => cycle.id))}::int[]`;
  const sums = storeSumsSql(firstWeek);
  const folded = await tx.execute(sql`
    WITH lines AS (
      SELECT w.customer_id, w.week_start, w.ordered, w.quota FROM ${storeProductWeeks} w
      WHERE w.tenant_id = ${tenantId} AND w.product_id = ANY(${arrayLiteral(productIds)}::int[])
        AND w.cycle_id = ANY(${cycleIds}) AND w.ordered > 0),
    per_store AS (
      SELECT w.customer_id, ${sums.mask} AS mask, ${sums.firstWeek} AS first_week, ${sums.lastWeek} AS last_week,
        ${sums.ordered} AS ordered, ${sums.limitedOrdered} AS limited_ordered, ${sums.allocated} AS allocated,
        ${sums.limitedLines} AS limited_lines, ${sums.fullLines} AS full_lines,
        ${sums.weeklyLimitedOrdered} AS w_limited_ordered, ${sums.weeklyAllocated} AS w_allocated,
        ${sums.weeklyLimitedLines} AS w_limited_lines, ${sums.weeklyFullLines} AS w_full_lines
      FROM lines w GROUP BY w.customer_id),
    store_rows AS (
      INSERT INTO ${brandStoreFacts} AS f (tenant_id, programme_id, customer_id, weeks_mask, first_week, last_week,
        ordered, limited_ordered, allocated, limited_lines, full_lines)
      SELECT ${tenantId}, ${programmeId}, customer_id, mask, first_week, last_week,
        ordered, limited_ordered, allocated, limited_lines, full_lines
      FROM per_store
      ON CONFLICT (tenant_id, programme_id, customer_id) DO UPDATE SET
        weeks_mask = f.weeks_mask | excluded.weeks_mask,
        first_week = least(f.first_week, excluded.first_week),
        last_week = greatest(f.last_week, excluded.last_week),
        ordered = f.ordered + excluded.ordered,
        limited_ordered = f.limited_ordered + excluded.limited_ordered,
        allocated = f.allocated + excluded.allocated,
        limited_lines = f.limited_lines + excluded.limited_lines,
        full_lines = f.full_lines + excluded.full_lines
      RETURNING 1),
    week_rows AS (
      INSERT INTO ${brandStoreWeekFacts} AS f (tenant_id, programme_id, customer_id, weeks_mask,
        limited_ordered, allocated, limited_lines, full_lines)
      SELECT ${tenantId}, ${programmeId}, customer_id, mask, w_limited_ordered, w_allocated, w_limited_lines, w_full_lines
      FROM per_store
      ON CONFLICT (tenant_id, programme_id, customer_id) DO UPDATE SET
        weeks_mask = f.weeks_mask | excluded.weeks_mask,
        limited_ordered = f.limited_ordered + excluded.limited_ordered,
        allocated = f.allocated + excluded.allocated,
        limited_lines = f.limited_lines + excluded.limited_lines,
        full_lines = f.full_lines + excluded.full_lines
      RETURNING 1)
    SELECT (SELECT count(*) FROM store_rows)::int AS stores, (SELECT count(*) FROM week_rows)::int AS weeks`);
  const [row] = (folded as unknown as { rows: Array<{ stores: number }> }).rows;
  const throughWeek = closed[closed.length - 1].weekStart;
  await tx
    .insert(brandFactFolds)
    .values({ tenantId, programmeId, firstWeek, productIds, throughWeek, foldedAt: now })
    .onConflictDoUpdate({
      target: [brandFactFolds.tenantId, brandFactFolds.programmeId],
      set: { firstWeek, productIds, throughWeek, foldedAt: now },
    });
  return { weeks: new Set(closed.map((cycle) => cycle.weekStart)).size, stores: Number(row?.stores ?? 0) };
}

export async function dropFoldIn(tx: Executor, tenantId: number, programmeId: number) {
  await dropKindsIn(tx, tenantId, programmeId);
  for (const table of [brandStoreFacts, brandStoreWeekFacts, brandFactFolds]) {
    await tx.delete(table).where(and(eq(table.tenantId, tenantId), eq(table.programmeId, programmeId)));
  }
}

// ── 培育分组汇总: the folded facts by kind of store per grouping (brand-facts.schema.ts) ──────────

// The groupings the kinds are taken for, each keyed as the KPI statement keys its groups (`f`: a
// target store with its grouping columns). Grades change with every grading run: not taken.
export const kindGroupings = {
  none: sql`'all'`,
  branch: sql`f.branch_id::text`,
  manager: sql`f.manager_id::text`,
  class: sql`coalesce(f.class_code, 'none')`,
  format: sql`f.format`,
} as const;
export type KindGrouping = keyof typeof kindGroupings;

export const isKindGrouping = (grouping: string): grouping is KindGrouping => Object.hasOwn(kindGroupings, grouping);

// Whether kinds are taken for a programme: a list of stores, or a segment without grades (a store's
// grade moves with the grading runs, which the moves do not record).
export function kindsApply(programme: ProgrammeTarget) {
  if (programme.customerIds) return true;
  const segment = (programme.segment ?? {}) as Segment;
  return segment.gradeMin === undefined && segment.gradeMax === undefined;
}

// Whether a reach sees every target store the kinds counted: the whole city.
export function reachIsCityWide(reach: StoreReach) {
  return reach === 'tenant' || isCityWideScope(reach);
}

const segmentValueSql = (programme: ProgrammeTarget) =>
  programme.segment === null || programme.segment === undefined
    ? sql`NULL::jsonb`
    : sql`${JSON.stringify(programme.segment)}::jsonb`;
const customerIdsValueSql = (programme: ProgrammeTarget) =>
  programme.customerIds ? sql`${arrayLiteral(programme.customerIds)}::int[]` : sql`NULL::int[]`;

// The kinds' record as the KPI statement reads it (`snapshot` CTE): one row while it was taken with
// the fold that holds (`fold` CTE) and the programme's targets as they are now, none otherwise.
export function validKindsSql(programme: FoldTarget & ProgrammeTarget) {
  const { firstWeek } = foldFrameOf(programme);
  return sql`
    SELECT ks.seen::pg_snapshot AS seen FROM ${brandKindSnapshots} ks
    WHERE ks.tenant_id = ${programme.tenantId} AND ks.programme_id = ${programme.id}
      AND ks.first_week = ${firstWeek}::date
      AND ks.product_ids = ${arrayLiteral(sortedProductIds(programme.productIds))}::int[]
      AND ks.through_week = (SELECT through_week FROM fold)
      AND ks.segment IS NOT DISTINCT FROM ${segmentValueSql(programme)}
      AND ks.customer_ids IS NOT DISTINCT FROM ${customerIdsValueSql(programme)}`;
}

// `SELECT customer_id` of the stores moved since the kinds were taken (`snapshot` CTE).
export function movedStoresSql(tenantId: number) {
  return sql`
    SELECT m.customer_id FROM ${brandStoreMoves} m CROSS JOIN snapshot s
    WHERE m.tenant_id = ${tenantId} AND NOT pg_visible_in_snapshot(m.xid, s.seen)`;
}

export async function dropKindsIn(tx: Executor, tenantId: number, programmeId: number) {
  for (const table of [brandKinds, brandKindStores, brandKindSnapshots]) {
    await tx.delete(table).where(and(eq(table.tenantId, tenantId), eq(table.programmeId, programmeId)));
  }
}

// Whether the programme's kinds are missing for its fold, or stores moved since they were taken.
async function kindsStaleIn(tx: Executor, programme: ProgrammeRow) {
  const result = await tx.execute(sql`
    WITH fold AS (${validFoldSql(programme)}), snapshot AS (${validKindsSql(programme)})
    SELECT (NOT EXISTS (SELECT 1 FROM snapshot) OR EXISTS (${movedStoresSql(programme.tenantId)})) AS stale`);
  return Boolean((result as unknown as { rows: Array<{ stale: boolean }> }).rows[0]?.stale);
}

// Takes the programme's kinds afresh from its fold (when it has one that holds, and kinds apply),
// in one statement: its snapshot is the one the moves are judged against.
export async function takeKindsIn(tx: Executor, tenantId: number, programmeId: number, now: Date) {
  const [programme] = await tx
    .select()
    .from(brandProgrammes)
    .where(and(eq(brandProgrammes.tenantId, tenantId), eq(brandProgrammes.id, programmeId)));
  await dropKindsIn(tx, tenantId, programmeId);
  if (!programme || !kindsApply(programme)) return { stores: 0, kinds: 0 };
  const [fold] = await tx
    .select()
    .from(brandFactFolds)
    .where(and(eq(brandFactFolds.tenantId, tenantId), eq(brandFactFolds.programmeId, programmeId)));
  const { firstWeek, foldable } = foldFrameOf(programme);
  const productIds = sortedProductIds(programme.productIds);
  if (
    !fold ||
    !foldable ||
    fold.firstWeek !== firstWeek ||
    fold.throughWeek > programme.endDate ||
    fold.productIds.join(',') !== productIds.join(',')
  )
    return { stores: 0, kinds: 0 };
  const targets = targetStoresSql(programme, 'tenant', beijingDateOf(now), true);
  const groupings = Object.entries(kindGroupings).map(([name, key]) => sql`(${sql.raw(`'${name}'`)}, ${key})`);
  const result = await tx.execute(sql`
    WITH f AS MATERIALIZED (
      SELECT t.customer_id, t.branch_id, t.manager_id, t.class_code, t.format, coalesce(fo.weeks_mask, 0) AS mask,
        coalesce(fo.limited_ordered, 0) AS limited_ordered, coalesce(fo.allocated, 0) AS allocated,
        coalesce(fo.limited_lines, 0) AS limited_lines, coalesce(fo.full_lines, 0) AS full_lines
      FROM (${targets}) t
      LEFT JOIN ${brandStoreFacts} fo ON fo.tenant_id = ${tenantId} AND fo.programme_id = ${programmeId}
        AND fo.customer_id = t.customer_id),
    snapshot AS (
      INSERT INTO ${brandKindSnapshots} (tenant_id, programme_id, first_week, product_ids, through_week, segment,
        customer_ids, seen, taken_at)
      VALUES (${tenantId}, ${programmeId}, ${firstWeek}::date, ${arrayLiteral(productIds)}::int[],
        ${fold.throughWeek}::date, ${segmentValueSql(programme)}, ${customerIdsValueSql(programme)},
        pg_current_snapshot()::text, ${now.toISOString()}::timestamptz)
      RETURNING 1),
    stores AS (
      INSERT INTO ${brandKindStores} (tenant_id, programme_id, customer_id, branch_id, manager_id, class_code, format)
      SELECT ${tenantId}, ${programmeId}, f.customer_id, f.branch_id, f.manager_id, f.class_code, f.format FROM f
      RETURNING 1),
    kinds AS (
      INSERT INTO ${brandKinds} (tenant_id, programme_id, grouping, key, weeks_mask, stores, limited_ordered,
        allocated, limited_lines, full_lines)
      SELECT ${tenantId}, ${programmeId}, g.grouping, g.key, f.mask, count(*), sum(f.limited_ordered),
        sum(f.allocated), sum(f.limited_lines), sum(f.full_lines)
      FROM f CROSS JOIN LATERAL (VALUES ${sql.join(groupings, sql`, `)}) g(grouping, key)
      GROUP BY g.grouping, g.key, f.mask
      RETURNING 1)
    SELECT (SELECT count(*) FROM stores)::int AS stores, (SELECT count(*) FROM kinds)::int AS kinds,
      (SELECT count(*) FROM snapshot)::int AS snapshots`);
  const [row] = (result as unknown as { rows: Array<{ stores: number; kinds: number }> }).rows;
  return { stores: Number(row?.stores ?? 0), kinds: Number(row?.kinds ?? 0) };
}

// The moves every kinds snapshot of their city has seen (all of them in a city without one): no KPI
// statement corrects them any more. Run by the fold job only, after its folds (the job runs once at
// a time), so no snapshot is being taken meanwhile.
async function pruneMovesIn(tx: Executor) {
  await tx.execute(sql`
    DELETE FROM ${brandStoreMoves} m
    WHERE NOT EXISTS (
      SELECT 1 FROM ${brandKindSnapshots} ks
      WHERE ks.tenant_id = m.tenant_id AND NOT pg_visible_in_snapshot(m.xid, ks.seen::pg_snapshot))`);
}

// Every programme of every city company, each in its own transaction.
export async function foldAllProgrammes(context: Pick<AppContext, 'db' | 'now'>) {
  const programmes = await context.db
    .select({ tenantId: brandProgrammes.tenantId, id: brandProgrammes.id })
    .from(brandProgrammes)
    .orderBy(asc(brandProgrammes.tenantId), asc(brandProgrammes.id));
  const total = { programmes: 0, weeks: 0, stores: 0 };
  for (const programme of programmes) {
    const outcome = await context.db.transaction(async (tx) => {
      const folded = await foldProgrammeIn(tx, programme.tenantId, programme.id, context.now());
      // The kinds follow the fold, and are taken again once stores moved since.
      const [row] = await tx
        .select()
        .from(brandProgrammes)
        .where(and(eq(brandProgrammes.tenantId, programme.tenantId), eq(brandProgrammes.id, programme.id)));
      if (row && (folded.weeks > 0 || (await kindsStaleIn(tx, row))))
        await takeKindsIn(tx, programme.tenantId, programme.id, context.now());
      return folded;
    });
    if (outcome.weeks > 0) total.programmes += 1;
    total.weeks += outcome.weeks;
    total.stores += outcome.stores;
  }
  await pruneMovesIn(context.db);
  return total;
}

export const brandFoldJob: Job = {
  name: 'brand.fold-closed-weeks',
  description: "Folds brand programmes' closed order cycles into their per-store facts (the KPIs read them)",
  cadence: everyMinutes(10),
  run: foldAllProgrammes,
};
