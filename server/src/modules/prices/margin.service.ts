import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type DataScope, isCityWideScope } from '../../platform/access/data-scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { addDays, isoWeekOf, mondayOfDay } from '../../platform/time/weeks.ts';
import { customerClassLabels } from '../supply/index.ts';
import { type MarginAnswer, type MarginGrouping, type MarginRow, maxRangeDays } from './margin.contract.ts';
import {
  type MarginSumsRow,
  marginSums,
  marginWeekStates,
  refreshedAtOf,
  refreshMarginWeeksIn,
  type StoreWeekFilter,
  unrefreshedWeeks,
} from './margin.repository.ts';
import {
  addSums,
  type MarginSums,
  marginChangeOf,
  marginOf,
  sourceSharesOf,
  yearOnYearDays,
  yuanOf,
} from './margin.rules.ts';

// 零售毛利率: the margin of the caller's stores (their data scope), grouped, for a range of weeks and
// the same weeks a year earlier; and the job that keeps the per-store-week roll-up (margin.repository.ts
// explains how it stays right).

export type MarginRange = { from: string; to: string; weeks: string[] };

// The weeks whose Monday lies in [Monday of from, to]; defaults: 1 January of this year to today.
export function marginRangeOf(now: Date, from?: string, to?: string): MarginRange {
  const today = beijingDateOf(now);
  const last = to ?? today;
  const first = from ?? `${last.slice(0, 4)}-01-01`;
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  if (days < 0 || days > maxRangeDays)
    throw new DomainError('PRICE_RANGE_INVALID', { maxWeeks: Math.floor(maxRangeDays / 7) }, from ? 'from' : 'to');
  const weeks: string[] = [];
  for (let week = mondayOfDay(first); week <= last; week = addDays(week, 7)) weeks.push(week);
  return { from: first, to: last, weeks };
}

const unclassified: Record<Locale, string> = { 'zh-CN': '未分类', en: 'unclassified' };
const wholeScope: Record<Locale, string> = { 'zh-CN': '全市', en: 'the city' };
const ownStores: Record<Locale, string> = { 'zh-CN': '我负责的客户', en: 'my stores' };
const oneStore: Record<Locale, string> = { 'zh-CN': '本店', en: 'this store' };

function labelOf(groupBy: MarginGrouping, row: MarginSumsRow, scope: DataScope, locale: Locale): string {
  switch (groupBy) {
    case 'none':
      if (scope.kind === 'own') return ownStores[locale];
      if (scope.kind === 'customer') return oneStore[locale];
      return scope.orgUnitName && !isCityWideScope(scope) ? scope.orgUnitName : wholeScope[locale];
    case 'class':
      return row.key === 'unclassified'
        ? unclassified[locale]
        : (customerClassLabels[locale][row.key as keyof (typeof customerClassLabels)['en']] ?? row.key);
    case 'week':
      return isoWeekOf(row.key);
    default:
      return row.label ?? row.key;
  }
}

const sumsOf = (row: MarginSumsRow | undefined): MarginSums => ({
  retailFen: row?.retail_fen ?? 0,
  wholesaleFen: row?.wholesale_fen ?? 0,
  cartons: row?.cartons ?? 0,
  ownCartons: row?.own_cartons ?? 0,
  districtCartons: row?.district_cartons ?? 0,
  suggestedCartons: row?.suggested_cartons ?? 0,
});

const amountsOf = (sums: MarginSums) => ({
  retailAmount: yuanOf(sums.retailFen),
  wholesaleAmount: yuanOf(sums.wholesaleFen),
  margin: marginOf(sums),
});

function rowOf(key: string, label: string, sums: MarginSums, storeWeeks: number, last: MarginSums | null): MarginRow {
  const amounts = amountsOf(sums);
  const lastYear = last && last.retailFen > 0 ? amountsOf(last) : null;
  return {
    key,
    label,
    ...amounts,
    cartons: sums.cartons,
    stores: storeWeeks,
    sources: sourceSharesOf(sums),
    lastYear,
    change: marginChangeOf(amounts.margin, lastYear?.margin ?? null),
  };
}

const totalOf = (rows: readonly MarginSumsRow[]): MarginSums =>
  rows.reduce((sum, row) => addSums(sum, sumsOf(row)), sumsOf(undefined));

// The figures for a scope (no HTTP): the benchmark times this.
export async function marginFigures(
  db: Database | Executor,
  tenantId: number,
  scope: DataScope,
  options: { groupBy: MarginGrouping; from?: string; to?: string; now: Date; locale: Locale; filter?: StoreWeekFilter },
): Promise<MarginAnswer> {
  const range = marginRangeOf(options.now, options.from, options.to);
  const lastWeeks = range.weeks.map((week) => addDays(week, -yearOnYearDays));
  const states = await marginWeekStates(db, tenantId, [...range.weeks, ...lastWeeks]);
  // One store's running week is read live (its order of a moment ago counts); a scope's is stored
  // every 10 minutes (marginRefreshJob).
  if (options.filter?.customerId !== undefined) states.stored.delete(mondayOfDay(beijingDateOf(options.now)));
  const refreshed = await refreshedAtOf(
    db,
    tenantId,
    range.weeks.filter((week) => states.stored.has(week)),
  );
  const oldest = [...refreshed.values()].sort((a, b) => a.getTime() - b.getTime())[0];
  const [current, previous] = await Promise.all([
    marginSums(db, tenantId, scope, range.weeks, states, options.groupBy, options.filter),
    marginSums(db, tenantId, scope, lastWeeks, states, options.groupBy, options.filter),
  ]);
  // Last year's rows under this year's keys (a week: the week 52 weeks on).
  const previousByKey = new Map(
    previous.map((row) => [options.groupBy === 'week' ? addDays(row.key, yearOnYearDays) : row.key, row]),
  );
  const rows = current.map((row) =>
    rowOf(
      row.key,
      labelOf(options.groupBy, row, scope, options.locale),
      sumsOf(row),
      row.store_weeks,
      sumsOf(previousByKey.get(row.key)),
    ),
  );
  const storeWeeks = current.reduce((sum, row) => sum + row.store_weeks, 0);
  const total = rowOf(
    'total',
    labelOf('none', current[0] ?? ({ key: 'city' } as MarginSumsRow), scope, options.locale),
    totalOf(current),
    storeWeeks,
    totalOf(previous),
  );
  const storedWeeks = range.weeks.filter((week) => states.stored.has(week)).length;
  const liveWeeks = range.weeks.filter((week) => !states.stored.has(week) && states.ordered.has(week)).length;
  return {
    from: range.from,
    to: range.to,
    lastYearFrom: addDays(range.from, -yearOnYearDays),
    lastYearTo: addDays(range.to, -yearOnYearDays),
    groupBy: options.groupBy,
    storedWeeks,
    liveWeeks,
    asOf: oldest ? oldest.toISOString() : null,
    rows,
    total,
  };
}

export async function getMargin(
  context: AppContext,
  actor: Actor,
  query: { groupBy: MarginGrouping; from?: string; to?: string },
  locale: Locale,
) {
  return marginFigures(context.db, actor.tenantId, actor.scope, { ...query, now: context.now(), locale });
}

// ── The roll-up's refresh ────────────────────────────────────────────────────────────────────────

// Every run (each 10 minutes) stores the running week; ended weeks are recomputed this many weeks
// back once their stored figures are an hour old — an inspector's observation may be dated up to 31
// days back (price-observation.rules.ts), and a visit is usually submitted the day it is made — and
// ended weeks with order cycles but no stored figures are filled in.
export const trailingWeeks = 5;
export const trailingEveryMs = 60 * 60_000;
// How far back weeks missing from the roll-up are filled (a year and a bit: last year's same weeks).
export const backfillDays = 60 * 7;

// Refreshes one tenant. Each week is one statement set in its own transaction.
export async function refreshMarginsOf(db: Database, tenantId: number, now: Date, options: { all?: boolean } = {}) {
  const currentMonday = mondayOfDay(beijingDateOf(now));
  // all: every week with order cycles in the backfill range (a roll-up rebuilt whole).
  const missing = await unrefreshedWeeks(
    db,
    tenantId,
    addDays(currentMonday, -backfillDays),
    currentMonday,
    options.all,
  );
  const trailing = Array.from({ length: trailingWeeks }, (_, index) => addDays(currentMonday, -7 * (index + 1)));
  const refreshed = await refreshedAtOf(db, tenantId, trailing);
  const due = trailing.filter((week) => {
    const at = refreshed.get(week);
    return options.all || !at || now.getTime() - at.getTime() >= trailingEveryMs;
  });
  const weeks = [...new Set([...missing, ...due, currentMonday])].sort();
  let storeWeeks = 0;
  for (const week of weeks) storeWeeks += await db.transaction((tx) => refreshMarginWeeksIn(tx, tenantId, [week], now));
  return { weeks: weeks.length, storeWeeks };
}

export async function refreshMargins(context: AppContext) {
  const now = context.now();
  const tenants = (await context.db.execute(sql`SELECT id FROM tenants ORDER BY id`)) as unknown as {
    rows: { id: number }[];
  };
  let weeks = 0;
  let storeWeeks = 0;
  for (const tenant of tenants.rows) {
    const done = await refreshMarginsOf(context.db, Number(tenant.id), now);
    weeks += done.weeks;
    storeWeeks += done.storeWeeks;
  }
  return { weeks, storeWeeks };
}

export const marginRefreshJob: Job = {
  name: 'prices.refresh-margins',
  description:
    'Stores the retail margin of the running week, of the last 5 ended weeks once an hour, and of ended weeks not yet stored (price_margin_weeks, price_margin_groups)',
  cadence: everyMinutes(10),
  run: refreshMargins,
};
