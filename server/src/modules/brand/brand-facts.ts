import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { mondayOfDay } from '../../platform/time/weeks.ts';
import { orderCycles, storeProductWeeks } from '../supply/index.ts';
import { brandProgrammes, type ProgrammeRow } from './brand.schema.ts';
import { brandFactFolds, brandStoreFacts, brandStoreWeekFacts } from './brand-facts.schema.ts';

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
  for (const table of [brandStoreFacts, brandStoreWeekFacts, brandFactFolds]) {
    await tx.delete(table).where(and(eq(table.tenantId, tenantId), eq(table.programmeId, programmeId)));
  }
}

// Every programme of every city company, each in its own transaction.
export async function foldAllProgrammes(context: Pick<AppContext, 'db' | 'now'>) {
  const programmes = await context.db
    .select({ tenantId: brandProgrammes.tenantId, id: brandProgrammes.id })
    .from(brandProgrammes)
    .orderBy(asc(brandProgrammes.tenantId), asc(brandProgrammes.id));
  const total = { programmes: 0, weeks: 0, stores: 0 };
  for (const programme of programmes) {
    const outcome = await context.db.transaction((tx) =>
      foldProgrammeIn(tx, programme.tenantId, programme.id, context.now()),
    );
    if (outcome.weeks > 0) total.programmes += 1;
    total.weeks += outcome.weeks;
    total.stores += outcome.stores;
  }
  return total;
}

export const brandFoldJob: Job = {
  name: 'brand.fold-closed-weeks',
  description: "Folds brand programmes' closed order cycles into their per-store facts (the KPIs read them)",
  cadence: everyMinutes(10),
  run: foldAllProgrammes,
};
