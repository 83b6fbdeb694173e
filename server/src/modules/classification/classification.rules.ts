import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import type { CustomerClass, DemoType } from '../customers/index.ts';

// 客户分类, pure: a rule set scores each store on indicators normalised to 0–100, weighs them into
// one score 0–100, maps the score to a class by thresholds, and picks a demonstration store's
// sub-type by its own rules. 特殊客户 is never decided here: it is set by hand.

// The indicators, in the order every stored values/scores array follows.
export const indicatorKeys = [
  'volume', // 13-week cartons, percentile among the city's stores
  'amount', // 13-week amount, percentile
  'structure', // share of the amount in 一类/二类, percentile among stores that bought
  'growth', // cartons of the period's last 6 weeks against the 6 before them, percentile
  'image', // terminal image score 0–100 from visits; neutral 50 for a store without visits in the period
  'information', // 信息合作: share of the period's weeks with an online (portal) order × 100
  'credit', // credit score; neutral 50 until credit exists
  'violations', // 100 − 25 per violation; neutral 50 until violations are recorded
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];
export const neutralScore = 50;

export type ScoredClass = Exclude<CustomerClass, 'special'>;
export const scoredClasses: readonly ScoredClass[] = ['demonstration', 'growth', 'ordinary'];

export type Threshold = { class: ScoredClass; from: number; to: number };
export type DemoTypeRule = { demoType: DemoType; conditions: { indicator: IndicatorKey; min: number }[] };
export type RuleSetDefinition = {
  weights: { indicator: IndicatorKey; weight: number }[];
  // [from, to) on the score; the range ending at 100 includes 100.
  thresholds: Threshold[];
  // Tried in order for a demonstration store; the first whose every condition holds names its sub-type.
  demoTypes: DemoTypeRule[];
};

// What the data says about one store over the period; null where there is no data.
export type StoreFacts = {
  customerId: number;
  quantity: number;
  amountFen: number;
  highClassAmountFen: number;
  recentQuantity: number; // the period's last 6 weeks
  earlierQuantity: number; // the 6 weeks before them
  weeksOnline: number;
  periodWeeks: number;
  imageScore: number | null;
  creditScore: number | null;
  violations: number | null;
};

// The calendar day (Beijing time) of an instant, YYYY-MM-DD: classes take effect on days.
export function dateOf(instant: Date): string {
  return beijingDateOf(instant);
}

const problem = (zh: string, en: string) =>
  new DomainError('CLASSIFICATION_RULE_SET_INVALID', { reason: zh, reasonEn: en });

// A rule set must weigh known indicators to exactly 100 and cover 0–100 with thresholds that
// neither overlap nor leave a gap. Throws naming the conflict.
export function checkRuleSet(input: {
  weights: { indicator: string; weight: number }[];
  thresholds: { class: string; from: number; to: number }[];
  demoTypes: { demoType: string; conditions: { indicator: string; min: number }[] }[];
}): RuleSetDefinition {
  const seen = new Set<string>();
  for (const { indicator, weight } of input.weights) {
    if (!(indicatorKeys as readonly string[]).includes(indicator)) {
      throw problem(`未知指标“${indicator}”`, `unknown indicator "${indicator}"`);
    }
    if (seen.has(indicator)) throw problem(`指标“${indicator}”重复`, `indicator "${indicator}" appears twice`);
    seen.add(indicator);
    if (!Number.isFinite(weight) || weight < 0) {
      throw problem(`指标“${indicator}”的权重须为非负数`, `the weight of "${indicator}" must not be negative`);
    }
  }
  const total = input.weights.reduce((sum, { weight }) => sum + weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    throw problem(`权重合计为 ${total}，应为 100`, `the weights add up to ${total}, not 100`);
  }
  const classesSeen = new Set<string>();
  for (const threshold of input.thresholds) {
    if (!(scoredClasses as readonly string[]).includes(threshold.class)) {
      throw problem(
        `阈值的类别“${threshold.class}”不可由规则决定`,
        `class "${threshold.class}" cannot be set by thresholds`,
      );
    }
    if (classesSeen.has(threshold.class)) {
      throw problem(`类别“${threshold.class}”有两个阈值区间`, `class "${threshold.class}" has two threshold ranges`);
    }
    classesSeen.add(threshold.class);
    if (!(threshold.from >= 0 && threshold.to <= 100 && threshold.from < threshold.to)) {
      throw problem(
        `“${threshold.class}”的区间 [${threshold.from}, ${threshold.to}) 无效`,
        `the range [${threshold.from}, ${threshold.to}) of "${threshold.class}" is not valid`,
      );
    }
  }
  const sorted = [...input.thresholds].sort((a, b) => a.from - b.from);
  if (sorted.length === 0) throw problem('至少需要一个阈值区间', 'at least one threshold range is needed');
  if (sorted[0].from > 0) {
    throw problem(`得分 0–${sorted[0].from} 没有类别（缺口）`, `scores 0–${sorted[0].from} have no class (gap)`);
  }
  for (let index = 1; index < sorted.length; index += 1) {
    const before = sorted[index - 1];
    const after = sorted[index];
    if (after.from < before.to) {
      throw problem(
        `“${before.class}”与“${after.class}”的区间重叠（${after.from}–${before.to}）`,
        `the ranges of "${before.class}" and "${after.class}" overlap (${after.from}–${before.to})`,
      );
    }
    if (after.from > before.to) {
      throw problem(
        `得分 ${before.to}–${after.from} 没有类别（缺口）`,
        `scores ${before.to}–${after.from} have no class (gap)`,
      );
    }
  }
  const last = sorted[sorted.length - 1];
  if (last.to < 100) throw problem(`得分 ${last.to}–100 没有类别（缺口）`, `scores ${last.to}–100 have no class (gap)`);
  for (const rule of input.demoTypes) {
    if (!['brand', 'terminal', 'information'].includes(rule.demoType)) {
      throw problem(`未知示范类型“${rule.demoType}”`, `unknown demonstration type "${rule.demoType}"`);
    }
    for (const condition of rule.conditions) {
      if (!(indicatorKeys as readonly string[]).includes(condition.indicator)) {
        throw problem(`未知指标“${condition.indicator}”`, `unknown indicator "${condition.indicator}"`);
      }
    }
  }
  return input as RuleSetDefinition;
}

// Mid-rank percentile 0–100 of every value among `values` (ties share their middle rank).
export function percentiles(values: Float64Array, include?: Uint8Array): Float64Array {
  const order: number[] = [];
  for (let index = 0; index < values.length; index += 1) if (!include || include[index]) order.push(index);
  order.sort((a, b) => values[a] - values[b]);
  const result = new Float64Array(values.length).fill(Number.NaN);
  const n = order.length;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end += 1;
    const mid = n === 1 ? 100 : ((start + end - 1) / 2 / (n - 1)) * 100;
    for (let k = start; k < end; k += 1) result[order[k]] = mid;
    start = end;
  }
  return result;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

// Raw values and 0–100 scores of every indicator for every store (arrays in indicatorKeys order).
export type Indicators = { values: number[][]; scores: number[][]; missing: IndicatorKey[][] };

export function indicatorsOf(facts: readonly StoreFacts[]): Indicators {
  const n = facts.length;
  const quantity = new Float64Array(n);
  const amount = new Float64Array(n);
  const share = new Float64Array(n);
  const bought = new Uint8Array(n);
  const growth = new Float64Array(n);
  const hasGrowth = new Uint8Array(n);
  facts.forEach((fact, index) => {
    quantity[index] = fact.quantity;
    amount[index] = fact.amountFen;
    bought[index] = fact.amountFen > 0 ? 1 : 0;
    share[index] = fact.amountFen > 0 ? fact.highClassAmountFen / fact.amountFen : 0;
    hasGrowth[index] = fact.earlierQuantity > 0 ? 1 : 0;
    growth[index] = fact.earlierQuantity > 0 ? fact.recentQuantity / fact.earlierQuantity : 0;
  });
  const volumeScore = percentiles(quantity);
  const amountScore = percentiles(amount);
  const structureScore = percentiles(share, bought);
  const growthScore = percentiles(growth, hasGrowth);
  const values: number[][] = [];
  const scores: number[][] = [];
  const missing: IndicatorKey[][] = [];
  facts.forEach((fact, index) => {
    const gone: IndicatorKey[] = [];
    const structure = bought[index] ? structureScore[index] : 0;
    if (!bought[index]) gone.push('structure');
    const growthValue = hasGrowth[index] ? growthScore[index] : neutralScore;
    if (!hasGrowth[index]) gone.push('growth');
    if (fact.imageScore === null) gone.push('image');
    if (fact.creditScore === null) gone.push('credit');
    if (fact.violations === null) gone.push('violations');
    values.push([
      fact.quantity,
      fact.amountFen / 100,
      round1(share[index] * 100),
      hasGrowth[index] ? Math.round(growth[index] * 100) / 100 : Number.NaN,
      fact.imageScore ?? Number.NaN,
      fact.weeksOnline,
      fact.creditScore ?? Number.NaN,
      fact.violations ?? Number.NaN,
    ]);
    scores.push([
      round1(volumeScore[index]),
      round1(amountScore[index]),
      round1(structure),
      round1(growthValue),
      round1(fact.imageScore ?? neutralScore),
      round1(fact.periodWeeks > 0 ? (fact.weeksOnline / fact.periodWeeks) * 100 : 0),
      round1(fact.creditScore ?? neutralScore),
      fact.violations === null ? neutralScore : Math.max(0, 100 - 25 * fact.violations),
    ]);
    missing.push(gone);
  });
  return { values, scores, missing };
}

export type Decision = {
  score: number;
  class: ScoredClass;
  demoType: DemoType | null;
  threshold: Threshold;
  demoTypeRule: DemoTypeRule | null;
};

// The weighted score (0–100, one decimal) and the class and sub-type it leads to.
export function decide(definition: RuleSetDefinition, scores: readonly number[]): Decision {
  let total = 0;
  for (const { indicator, weight } of definition.weights)
    total += (scores[indicatorKeys.indexOf(indicator)] * weight) / 100;
  const score = round1(total);
  const threshold =
    definition.thresholds.find(
      (range) => score >= range.from && (score < range.to || (range.to >= 100 && score <= 100)),
    ) ?? definition.thresholds[0];
  let demoTypeRule: DemoTypeRule | null = null;
  if (threshold.class === 'demonstration') {
    demoTypeRule =
      definition.demoTypes.find((rule) =>
        rule.conditions.every(({ indicator, min }) => scores[indicatorKeys.indexOf(indicator)] >= min),
      ) ?? null;
  }
  return { score, class: threshold.class, demoType: demoTypeRule?.demoType ?? null, threshold, demoTypeRule };
}

export type Distribution = {
  total: number;
  classes: { class: CustomerClass; count: number; share: number }[];
  demoTypes: { demoType: DemoType; count: number; share: number }[];
};

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 10_000) / 100);

// Counts and shares (percent of all stores, two decimals) per class and demonstration sub-type.
export function distributionOf(
  rows: Iterable<{ class: CustomerClass | null; demoType: DemoType | null; count?: number }>,
): Distribution {
  const classCounts = new Map<CustomerClass, number>();
  const typeCounts = new Map<DemoType, number>();
  let total = 0;
  for (const row of rows) {
    const count = row.count ?? 1;
    total += count;
    if (row.class) classCounts.set(row.class, (classCounts.get(row.class) ?? 0) + count);
    if (row.class === 'demonstration' && row.demoType) {
      typeCounts.set(row.demoType, (typeCounts.get(row.demoType) ?? 0) + count);
    }
  }
  return {
    total,
    classes: (['demonstration', 'growth', 'ordinary', 'special'] as const).map((name) => ({
      class: name,
      count: classCounts.get(name) ?? 0,
      share: share(classCounts.get(name) ?? 0, total),
    })),
    demoTypes: (['brand', 'terminal', 'information'] as const).map((name) => ({
      demoType: name,
      count: typeCounts.get(name) ?? 0,
      share: share(typeCounts.get(name) ?? 0, total),
    })),
  };
}

// ---- 抽查 spot-check ----

// A small seeded generator (mulberry32) so a sample can be drawn again from its seed.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// A stratified sample: strata (class × branch) get places in proportion to their size (largest
// remainder, at least one for a non-empty stratum while places remain), then stores are drawn
// within each stratum by a seeded shuffle. Same stores and seed → same sample.
export function stratifiedSample<T extends { customerId: number; class: string | null; branchId: number }>(
  stores: readonly T[],
  size: number,
  seed: number,
): T[] {
  const strata = new Map<string, T[]>();
  for (const store of [...stores].sort((a, b) => a.customerId - b.customerId)) {
    const key = `${store.class}|${store.branchId}`;
    const list = strata.get(key) ?? [];
    list.push(store);
    strata.set(key, list);
  }
  const keys = [...strata.keys()].sort();
  const wanted = Math.min(size, stores.length);
  const quotas = keys.map((key) => {
    const exact = (strata.get(key)?.length ?? 0) * (wanted / Math.max(1, stores.length));
    return { key, places: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = wanted - quotas.reduce((sum, quota) => sum + quota.places, 0);
  for (const quota of [...quotas].sort((a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : 1))) {
    if (left <= 0) break;
    quota.places += 1;
    left -= 1;
  }
  const random = seededRandom(seed);
  const sample: T[] = [];
  for (const quota of quotas) {
    const pool = [...(strata.get(quota.key) ?? [])];
    for (let index = 0; index < quota.places && index < pool.length; index += 1) {
      const pick = index + Math.floor(random() * (pool.length - index));
      [pool[index], pool[pick]] = [pool[pick], pool[index]];
      sample.push(pool[index]);
    }
  }
  return sample;
}

export type SpotCheckStats = {
  sampled: number;
  assessed: number;
  accuracy: number | null; // share of assessed stores where the inspector agrees
  consistency: number; // share of sampled stores where a re-run gives the same class
  completeness: number; // share of sampled stores with every indicator present
};

export function spotCheckStats(
  items: readonly { sampledClass: string; rerunClass: string; complete: boolean; agrees: boolean | null }[],
): SpotCheckStats {
  const assessed = items.filter((item) => item.agrees !== null);
  const ratio = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 10_000) / 100);
  return {
    sampled: items.length,
    assessed: assessed.length,
    accuracy: assessed.length === 0 ? null : ratio(assessed.filter((item) => item.agrees).length, assessed.length),
    consistency: ratio(items.filter((item) => item.sampledClass === item.rerunClass).length, items.length),
    completeness: ratio(items.filter((item) => item.complete).length, items.length),
  };
}
