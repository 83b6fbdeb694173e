import { DomainError } from '../../platform/errors/domain-error.ts';
import { diffByBranch, type ShareShift, shareShifts, sharesOf } from '../../platform/runs/run-lifecycle.rules.ts';

// 零售客户信用, pure: a model scores a store as a ledger — a base, and one item per point added or
// taken, each citing the fact it comes from — plus indicators scored by stated steps (their points
// are ledger items too), so that score = base + Σ items, exactly. The score's band gives the level;
// a cap (a severe violation in 12 months) lowers it. An optional second axis (activity 0–4) stands
// beside the level.

export const creditLevels = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof creditLevels)[number];

// 0 is the best level.
export function levelRank(level: string): number {
  const rank = creditLevels.indexOf(level as CreditLevel);
  return rank < 0 ? creditLevels.length : rank;
}

// The facts a ledger rule reads: kind and type of the event rows the facts query gives.
export const sourceKinds = ['order', 'violation', 'visit', 'ticket', 'cycle'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const ledgerRuleCatalogue = {
  late_payment: { sourceKind: 'order', type: 'late' }, // 逾期结算, per order
  failed_deduction: { sourceKind: 'order', type: 'failed' }, // 扣款失败, per order
  violation_minor: { sourceKind: 'violation', type: 'minor' },
  violation_major: { sourceKind: 'violation', type: 'major' },
  violation_severe: { sourceKind: 'violation', type: 'severe' },
  unmarked_prices: { sourceKind: 'visit', type: 'unmarked_price' }, // ≥ minCount visits in a quarter
  price_deviation: { sourceKind: 'visit', type: 'price_deviation' },
  unfounded_complaint: { sourceKind: 'ticket', type: 'unfounded' },
  malicious_complaint: { sourceKind: 'ticket', type: 'malicious' },
  ordering_streak: { sourceKind: 'cycle', type: 'streak' }, // 修复激励: `cycles` cycles ordered in a row
} as const satisfies Record<string, { sourceKind: SourceKind; type: string }>;
export type LedgerRuleKey = keyof typeof ledgerRuleCatalogue;
export const ledgerRuleKeys = Object.keys(ledgerRuleCatalogue) as LedgerRuleKey[];

export const indicatorKeys = ['on_time_rate', 'ordering_regularity', 'tenure', 'information_cooperation'] as const;
export type CreditIndicatorKey = (typeof indicatorKeys)[number];

export const capRuleKeys = ['severe_violation_12m', 'malicious_complaint_12m'] as const;
export type CapRuleKey = (typeof capRuleKeys)[number];

// Per-store measures the facts query gives (absent: no data). High-volume facts are counted per
// store in SQL rather than listed as events: a settled order is an event only when it is an
// exception (late, failed) — orders_settled and orders_on_time count them all.
export const measureKeys = [
  'orders_settled',
  'orders_on_time',
  'cycles_open',
  'cycles_ordered',
  'order_streak',
  'days_since_purchase',
  'tenure_months', // since the first order
  'licence_months', // since the licence in force was issued
  'cooperation',
] as const;
export type MeasureKey = (typeof measureKeys)[number];

export type Band = { level: CreditLevel; min: number | null };
export type LedgerRule = {
  rule: LedgerRuleKey;
  label: string;
  points: number;
  sourceKind: SourceKind;
  minCount?: number; // unmarked_prices: visits in a quarter
  cycles?: number; // ordering_streak: cycles in a row
};
export type IndicatorRule = { indicator: CreditIndicatorKey; label: string; steps: { min: number; points: number }[] };
export type CapRule = { rule: CapRuleKey; label: string; capLevel: CreditLevel };
export type CreditModelDefinition = {
  base: number;
  bands: Band[];
  rules: LedgerRule[];
  caps: CapRule[];
  indicators: IndicatorRule[];
  activityAxis: boolean;
  alertSharePoints: number;
};

export type FactEvent = { kind: string; type: string; id: string; at: string };
// A store's exceptional facts (events, each a ledger item or a cap's cause) and its counted ones
// (measures, what the indicators read).
export type StoreFacts = {
  customerId: number;
  events: readonly FactEvent[];
  measures: Partial<Record<MeasureKey, number>>;
};

export type ItemSource = { kind: string; id: string; at: string };
export type LedgerItem = {
  key: string;
  rule: string;
  label: string;
  points: number;
  source: ItemSource;
  frozen?: true;
};
export type ScoredIndicator = { indicator: CreditIndicatorKey; label: string; value: number | null; points: number };
export type ScoredCap = { rule: CapRuleKey; label: string; capLevel: CreditLevel; source: ItemSource };
export type StoreScore = {
  score: number;
  level: CreditLevel;
  items: LedgerItem[];
  indicators: ScoredIndicator[];
  caps: ScoredCap[];
  activity: number | null;
};

// ---- Checking a model ----

const invalid = (zh: string, en: string) => new DomainError('CREDIT_MODEL_INVALID', { reason: zh, reasonEn: en });
const tenths = (value: number) => Math.round(value * 10) / 10;
const isTenths = (value: number) => Number.isFinite(value) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

// Bands ordered from the best level down, their minimums strictly falling, the last open below
// (min null): ordered, non-overlapping and contiguous. Rules known, each once, with points and the
// source kind they read. Throws CREDIT_MODEL_INVALID naming the conflict.
export function checkModel(definition: CreditModelDefinition): CreditModelDefinition {
  const { bands, rules, caps, indicators } = definition;
  if (!isTenths(definition.base)) throw invalid('基础分必须是数字', 'the base must be a number');
  if (bands.length < 2) throw invalid('至少需要两个等级', 'at least two bands are needed');
  const levels = bands.map((band) => band.level);
  if (new Set(levels).size !== levels.length) throw invalid('等级重复', 'a level appears twice');
  for (const [index, band] of bands.entries()) {
    if (!creditLevels.includes(band.level)) throw invalid(`未知等级 ${band.level}`, `unknown level ${band.level}`);
    const last = index === bands.length - 1;
    if (last && band.min !== null) throw invalid('最低等级不设下限', 'the lowest band has no minimum');
    if (!last && band.min === null) throw invalid(`${band.level} 缺少下限`, `${band.level} has no minimum`);
    if (index > 0) {
      const previous = bands[index - 1];
      if (levelRank(band.level) <= levelRank(previous.level)) {
        throw invalid('等级须从高到低排列', 'bands must go from the best level down');
      }
      if (band.min !== null && previous.min !== null && band.min >= previous.min) {
        throw invalid(
          `${previous.level} 与 ${band.level} 的分数段重叠`,
          `the bands ${previous.level} and ${band.level} overlap`,
        );
      }
    }
    if (band.min !== null && !isTenths(band.min)) throw invalid('下限必须是数字', 'a minimum must be a number');
  }
  const seen = new Set<string>();
  for (const rule of rules) {
    const catalogue = Object.hasOwn(ledgerRuleCatalogue, rule.rule) ? ledgerRuleCatalogue[rule.rule] : undefined;
    if (!catalogue) throw invalid(`未知规则 ${rule.rule}`, `unknown rule ${rule.rule}`);
    if (seen.has(rule.rule)) throw invalid(`规则 ${rule.rule} 重复`, `rule ${rule.rule} appears twice`);
    seen.add(rule.rule);
    if (!isTenths(rule.points) || rule.points === 0) {
      throw invalid(`规则 ${rule.label || rule.rule} 没有分值`, `rule ${rule.rule} has no points`);
    }
    if (!rule.sourceKind)
      throw invalid(`规则 ${rule.label || rule.rule} 没有事实来源`, `rule ${rule.rule} has no source kind`);
    if (rule.sourceKind !== catalogue.sourceKind) {
      throw invalid(
        `规则 ${rule.label || rule.rule} 的事实来源应为 ${catalogue.sourceKind}`,
        `rule ${rule.rule} reads ${catalogue.sourceKind} facts, not ${rule.sourceKind}`,
      );
    }
  }
  for (const indicator of indicators) {
    if (!indicatorKeys.includes(indicator.indicator)) {
      throw invalid(`未知指标 ${indicator.indicator}`, `unknown indicator ${indicator.indicator}`);
    }
    for (const [index, step] of indicator.steps.entries()) {
      if (!isTenths(step.points) || !Number.isFinite(step.min)) {
        throw invalid(`指标 ${indicator.label} 的分档有误`, `the steps of ${indicator.indicator} are not numbers`);
      }
      // A better value never earns fewer points: the steps fall in both min and points.
      if (
        index > 0 &&
        (step.min >= indicator.steps[index - 1].min || step.points > indicator.steps[index - 1].points)
      ) {
        throw invalid(`指标 ${indicator.label} 的分档须从高到低`, `the steps of ${indicator.indicator} must fall`);
      }
    }
  }
  if (new Set(indicators.map((entry) => entry.indicator)).size !== indicators.length) {
    throw invalid('指标重复', 'an indicator appears twice');
  }
  for (const cap of caps) {
    if (!capRuleKeys.includes(cap.rule)) throw invalid(`未知封顶规则 ${cap.rule}`, `unknown cap rule ${cap.rule}`);
    if (!levels.includes(cap.capLevel)) {
      throw invalid(`封顶等级 ${cap.capLevel} 不在等级中`, `cap level ${cap.capLevel} is not a band`);
    }
  }
  if (!(definition.alertSharePoints > 0 && definition.alertSharePoints <= 100)) {
    throw invalid('预警阈值须在 0–100 个百分点之间', 'the alert threshold must be within 0–100 points');
  }
  return definition;
}

// ---- Scoring ----

// The day 12 months before `asOf` (YYYY-MM-DD): facts after it count.
export function windowStart(asOf: string): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const date = new Date(Date.UTC(year - 1, month - 1, day));
  return date.toISOString().slice(0, 10);
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function itemKeyOf(rule: string, source: ItemSource): string {
  return `${rule}:${source.kind}:${source.id}`;
}

const byFact = (a: FactEvent, b: FactEvent) =>
  a.at < b.at
    ? -1
    : a.at > b.at
      ? 1
      : a.kind < b.kind
        ? -1
        : a.kind > b.kind
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;

// `droppedOrders`: exceptional settlements an accepted appeal removed. The appeal corrected them
// to paid on time (supply's markSettlementOnTimeIn), and they count so even when the fact says late
// again — a later settlement import of the bank's old figure must not undo the appeal — so the
// store scores the same whether or not its order was re-imported.
function indicatorValue(key: CreditIndicatorKey, facts: StoreFacts, droppedOrders: number): number | null {
  const measures = facts.measures;
  switch (key) {
    case 'on_time_rate': {
      const settled = measures.orders_settled ?? 0;
      if (settled <= 0) return null;
      return tenths((Math.min((measures.orders_on_time ?? 0) + droppedOrders, settled) / settled) * 100);
    }
    case 'ordering_regularity': {
      const open = measures.cycles_open;
      if (!open) return null;
      return tenths((Math.min(measures.cycles_ordered ?? 0, open) / open) * 100);
    }
    case 'tenure': {
      // Months since the first order or since the licence date, whichever is longer.
      const months = [measures.tenure_months, measures.licence_months].filter((value) => value !== undefined);
      return months.length === 0 ? null : Math.max(...months);
    }
    case 'information_cooperation':
      return measures.cooperation ?? null;
  }
}

export function levelOf(bands: readonly Band[], score: number): CreditLevel {
  for (const band of bands) if (band.min === null || score >= band.min) return band.level;
  return bands[bands.length - 1].level;
}

// Activity 0–4: 0 = no purchase in 3 months; else by ordering regularity.
export function activityOf(facts: StoreFacts): number {
  const days = facts.measures.days_since_purchase;
  if (days === undefined || days > 90) return 0;
  const open = facts.measures.cycles_open;
  if (!open) return 1;
  const regularity = (facts.measures.cycles_ordered ?? 0) / open;
  return regularity >= 0.9 ? 4 : regularity >= 0.7 ? 3 : regularity >= 0.4 ? 2 : 1;
}

// The fact an item key names: "violation:12" of "violation_major:violation:12".
export function factKeyOf(itemKey: string): string {
  return itemKey.slice(itemKey.indexOf(':') + 1);
}

// One store's score, level and explanation as of `asOf` (the run month's last day). The same facts
// give the same result; `frozen` (keys of items under an open appeal) marks items, never changes
// them; `dropped` (keys of items an accepted appeal removed) are left out, with the facts they cite.
export function scoreStore(
  facts: StoreFacts,
  definition: CreditModelDefinition,
  asOf: string,
  frozen: ReadonlySet<string> = new Set(),
  dropped: ReadonlySet<string> = new Set(),
): StoreScore {
  // A run scores a whole province: most stores have no exceptional event, and nothing is
  // filtered, sorted or looked up for them.
  const from = windowStart(asOf);
  const droppedFacts = dropped.size === 0 ? null : new Set([...dropped].map(factKeyOf));
  const inWindow = facts.events.length === 0 ? [] : facts.events.filter((event) => event.at > from && event.at <= asOf);
  const events =
    droppedFacts === null
      ? inWindow.sort(byFact)
      : inWindow.filter((event) => !droppedFacts.has(`${event.kind}:${event.id}`)).sort(byFact);
  const droppedOrders =
    droppedFacts === null
      ? 0
      : inWindow.filter((event) => event.kind === 'order' && droppedFacts.has(`${event.kind}:${event.id}`)).length;
  const items: LedgerItem[] = [];
  const add = (rule: string, label: string, points: number, source: ItemSource) => {
    const key = itemKeyOf(rule, source);
    if (dropped.size > 0 && dropped.has(key)) return;
    const item: LedgerItem = { key, rule, label, points, source };
    if (frozen.size > 0 && frozen.has(key)) item.frozen = true;
    items.push(item);
  };
  for (const rule of definition.rules) {
    const catalogue = ledgerRuleCatalogue[rule.rule];
    if (rule.rule === 'ordering_streak') {
      const streak = facts.measures.order_streak ?? 0;
      const cycles = rule.cycles ?? 12;
      if (streak >= cycles)
        add(rule.rule, rule.label, rule.points, { kind: 'cycle', id: `streak-${cycles}`, at: asOf });
      continue;
    }
    if (events.length === 0) continue;
    const matching = events.filter((event) => event.kind === catalogue.sourceKind && event.type === catalogue.type);
    if (rule.rule === 'unmarked_prices') {
      const quarters = new Map<string, FactEvent[]>();
      for (const event of matching)
        quarters.set(quarterOf(event.at), [...(quarters.get(quarterOf(event.at)) ?? []), event]);
      for (const [quarter, visits] of quarters) {
        if (visits.length >= (rule.minCount ?? 3)) {
          add(rule.rule, rule.label, rule.points, { kind: 'visit', id: quarter, at: visits[visits.length - 1].at });
        }
      }
      continue;
    }
    for (const event of matching)
      add(rule.rule, rule.label, rule.points, { kind: event.kind, id: event.id, at: event.at });
  }
  const indicators: ScoredIndicator[] = definition.indicators.map((indicator) => {
    const value = indicatorValue(indicator.indicator, facts, droppedOrders);
    const step = value === null ? undefined : indicator.steps.find((candidate) => value >= candidate.min);
    return { indicator: indicator.indicator, label: indicator.label, value, points: step?.points ?? 0 };
  });
  for (const indicator of indicators) {
    if (indicator.points !== 0) {
      add(indicator.indicator, indicator.label, indicator.points, {
        kind: 'indicator',
        id: indicator.indicator,
        at: asOf,
      });
    }
  }
  const score = tenths(definition.base + items.reduce((sum, item) => sum + item.points, 0));
  let level = levelOf(definition.bands, score);
  const caps: ScoredCap[] = [];
  for (const cap of definition.caps) {
    const type = cap.rule === 'severe_violation_12m' ? ['violation', 'severe'] : ['ticket', 'malicious'];
    const cause = events.find((event) => event.kind === type[0] && event.type === type[1]);
    if (!cause) continue;
    caps.push({
      rule: cap.rule,
      label: cap.label,
      capLevel: cap.capLevel,
      source: { kind: cause.kind, id: cause.id, at: cause.at },
    });
    if (levelRank(cap.capLevel) > levelRank(level)) level = cap.capLevel;
  }
  return { score, level, items, indicators, caps, activity: definition.activityAxis ? activityOf(facts) : null };
}

// What would raise the store's level (the portal's 如何提升): the points to the next band, and
// the deductions that fall out of the 12-month window soonest.
export function howToRaise(
  definition: CreditModelDefinition,
  result: Pick<StoreScore, 'score' | 'level' | 'items' | 'caps'>,
) {
  const bandIndex = definition.bands.findIndex((band) => band.level === result.level);
  const next = bandIndex > 0 ? definition.bands[bandIndex - 1] : null;
  const tips: {
    kind: 'points' | 'cap' | 'expiry' | 'indicator';
    text: string;
    points?: number;
    level?: string;
    at?: string;
  }[] = [];
  if (next && next.min !== null) {
    tips.push({
      kind: 'points',
      level: next.level,
      points: tenths(next.min - result.score),
      text: `再得 ${tenths(next.min - result.score)} 分可升至 ${next.level}`,
    });
  }
  for (const cap of result.caps)
    tips.push({
      kind: 'cap',
      level: cap.capLevel,
      at: cap.source.at,
      text: `${cap.label}：12 个月内封顶 ${cap.capLevel}`,
    });
  const deductions = result.items
    .filter((item) => item.points < 0)
    .sort((a, b) => (a.source.at < b.source.at ? -1 : 1));
  for (const item of deductions.slice(0, 3))
    tips.push({
      kind: 'expiry',
      points: -item.points,
      at: item.source.at,
      text: `${item.label}（${item.source.at}）满 12 个月后不再扣分`,
    });
  for (const indicator of definition.indicators) {
    const best = indicator.steps[0];
    if (best && !result.items.some((item) => item.rule === indicator.indicator && item.points >= best.points)) {
      tips.push({
        kind: 'indicator',
        points: best.points,
        text: `${indicator.label}达到 ${best.min} 可加 ${best.points} 分`,
      });
    }
  }
  return tips;
}

// ---- A run's review ----

export type ScoredStore = {
  customerId: number;
  name: string;
  branchId: number;
  branchName: string;
  level: string;
  score: number;
};
export type PreviousScore = { level: string; score: number };

export type RunSummary = {
  total: number;
  levels: { level: string; count: number; share: number }[];
  branches: { branchId: number; branchName: string; total: number; up: number; down: number; changed: number }[];
  movers: {
    customerId: number;
    name: string;
    branchName: string;
    from: string | null;
    to: string;
    fromScore: number | null;
    toScore: number;
  }[];
  alerts: { level: string; fromShare: number; toShare: number; points: number }[];
};

function countsOf(levels: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  return counts;
}

// The run's distribution, its diff against the last published run per branch, the largest movers
// (level moves first, then score) and the share alerts.
export function summariseRun(
  definition: CreditModelDefinition,
  stores: readonly ScoredStore[],
  previous: ReadonlyMap<number, PreviousScore> | null,
  moversLimit = 20,
): RunSummary {
  const levels = definition.bands.map((band) => band.level as string);
  const distribution = sharesOf(levels, countsOf(stores.map((store) => store.level)));
  const cells = new Map<
    string,
    { branchId: number; branchName: string; from: string | null; to: string; count: number }
  >();
  for (const store of stores) {
    const from = previous?.get(store.customerId)?.level ?? null;
    const key = `${store.branchId}|${from}|${store.level}`;
    const cell = cells.get(key) ?? {
      branchId: store.branchId,
      branchName: store.branchName,
      from,
      to: store.level,
      count: 0,
    };
    cell.count += 1;
    cells.set(key, cell);
  }
  const sortedCells = [...cells.values()].sort((a, b) => a.branchId - b.branchId);
  const branches = diffByBranch(sortedCells, levelRank).map(({ branchId, branchName, total, up, down, changed }) => ({
    branchId,
    branchName,
    total,
    up,
    down,
    changed,
  }));
  const movers = previous
    ? stores
        .flatMap((store) => {
          const before = previous.get(store.customerId);
          if (!before || (before.level === store.level && before.score === store.score)) return [];
          return [
            {
              store,
              before,
              levels: Math.abs(levelRank(store.level) - levelRank(before.level)),
              points: Math.abs(store.score - before.score),
            },
          ];
        })
        .sort((a, b) => b.levels - a.levels || b.points - a.points || a.store.customerId - b.store.customerId)
        .slice(0, moversLimit)
        .map(({ store, before }) => ({
          customerId: store.customerId,
          name: store.name,
          branchName: store.branchName,
          from: before.level,
          to: store.level,
          fromScore: before.score,
          toScore: store.score,
        }))
    : [];
  const shifts: ShareShift[] = shareShifts(
    levels,
    previous ? countsOf([...previous.values()].map((entry) => entry.level)) : null,
    countsOf(stores.map((store) => store.level)),
    definition.alertSharePoints,
  );
  return {
    total: distribution.total,
    levels: distribution.shares.map((entry) => ({ level: entry.value, count: entry.count, share: entry.share })),
    branches,
    movers,
    alerts: shifts.map((shift) => ({
      level: shift.value,
      fromShare: shift.fromShare,
      toShare: shift.toShare,
      points: shift.points,
    })),
  };
}

// ---- Appeals ----

export const appealWorkingDays = 15;

// The day an appeal is due: `workingDays` working days after the day it was filed.
export function appealDueOn(
  isWorkingDay: (date: string) => boolean,
  filedOn: string,
  workingDays = appealWorkingDays,
): string {
  let date = new Date(`${filedOn}T00:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    date = new Date(date.getTime() + 86_400_000);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

// The last day of a month YYYY-MM: a run scores the facts up to it.
export function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}
