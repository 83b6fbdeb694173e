// 满意度指数 (CSI), NPS, SERVQUAL gaps and the needs summary's tests — pure arithmetic over the
// counts the analytics SQL returns (analytics.repository.ts): answers are read as histograms (how
// many answered each level of each item), so the figures for 60,000 responses come from a few
// hundred rows.
//
// Satisfaction index (0–100), the way Chinese CSI studies compute it:
//   1. each answer level is scored: on a 5-level scale 5→100, 4→80, 3→60, 2→30, 1→0; on a 7-level
//      scale linearly, score = (level − 1) ÷ 6 × 100 (7→100, 6→83.3, 5→66.7, 4→50, 3→33.3, 2→16.7,
//      1→0); any other scale linearly from its lowest to its highest level;
//   2. item mean = the mean score of an item's perception answers;
//   3. dimension mean = the mean of its items' means;
//   4. index = Σ wᵢ × dimension meanᵢ, with the weights normalised over the dimensions answered
//      (wᵢ = weightᵢ ÷ Σ weights; default equal).
// NPS = % promoters (9–10) − % detractors (0–6) of the 0–10 answers, −100…100.
// Gap (SERVQUAL) = mean perception − mean expectation on the raw rating, with a 95 % confidence
// interval from the paired differences: mean ± q × sd ÷ √n, q = Student's t (n − 1 degrees of
// freedom) up to n = 30, the normal 1.96 above.
// Highlight (needs summary): a segment's share of respondents choosing an item is ≥ 10 points above
// the overall share AND a two-proportion z-test (the segment against the other respondents, pooled
// standard error) gives p < 0.05 (two-sided). A cell of fewer than 30 respondents is "small"
// (greyed) and never highlighted.

export const servqualDimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof servqualDimensions)[number];

export const satisfactionTarget = 85;
export const smallCellBelow = 30;
export const highlightPoints = 10;
export const highlightAlpha = 0.05;

const fivePointScores = [0, 30, 60, 80, 100];

// The score of an answer `level` on a scale minLevel…maxLevel (1–5, 1–7).
export function levelScore(level: number, maxLevel: number, minLevel = 1): number {
  if (maxLevel - minLevel === 4 && minLevel === 1) {
    const index = Math.round(level) - 1;
    return fivePointScores[Math.max(0, Math.min(4, index))];
  }
  if (maxLevel <= minLevel) return 0;
  const clamped = Math.max(minLevel, Math.min(maxLevel, level));
  return ((clamped - minLevel) / (maxLevel - minLevel)) * 100;
}

export const indexFormula = {
  'zh-CN':
    '满意度指数 = Σ 维度权重 × 维度均值（权重归一化，默认相等）；维度均值 = 题项均值的平均；题项均值 = 感知评分的平均分，5 级量表按 100/80/60/30/0 计分，7 级量表按 (等级 − 1) ÷ 6 × 100 计分。',
  en: 'Satisfaction index = Σ dimension weight × dimension mean (weights normalised, equal by default); dimension mean = mean of its item means; item mean = mean score of the perception answers, a 5-level scale scored 100/80/60/30/0, a 7-level scale (level − 1) ÷ 6 × 100.',
} as const;

// One level of one item: how many answered it.
export type LevelCount = { item: string; dimension: string | null; level: number; scaleMax: number; count: number };

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
export const round1 = (value: number | null) => (value === null ? null : round(value, 1));
export const round2 = (value: number | null) => (value === null ? null : round(value, 2));

// The mean level and mean score of each item, from its histogram.
export type ItemMean = { item: string; dimension: string | null; n: number; mean: number; score: number };

export function itemMeans(levels: readonly LevelCount[]): ItemMean[] {
  const sums = new Map<string, { dimension: string | null; n: number; sum: number; scoreSum: number }>();
  for (const row of levels) {
    const entry = sums.get(row.item) ?? { dimension: row.dimension, n: 0, sum: 0, scoreSum: 0 };
    entry.n += row.count;
    entry.sum += row.level * row.count;
    entry.scoreSum += levelScore(row.level, row.scaleMax) * row.count;
    sums.set(row.item, entry);
  }
  return [...sums.entries()]
    .filter(([, entry]) => entry.n > 0)
    .map(([item, entry]) => ({
      item,
      dimension: entry.dimension,
      n: entry.n,
      mean: entry.sum / entry.n,
      score: entry.scoreSum / entry.n,
    }));
}

export type DimensionMean = { dimension: string; items: number; mean: number; score: number };

// The mean of the item means (level and score) per dimension, in SERVQUAL's order, then others.
export function dimensionMeans(items: readonly ItemMean[]): DimensionMean[] {
  const groups = new Map<string, ItemMean[]>();
  for (const item of items) {
    if (!item.dimension) continue;
    groups.set(item.dimension, [...(groups.get(item.dimension) ?? []), item]);
  }
  const order = (dimension: string) => {
    const index = (servqualDimensions as readonly string[]).indexOf(dimension);
    return index < 0 ? servqualDimensions.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([dimension, group]) => ({
      dimension,
      items: group.length,
      mean: group.reduce((sum, item) => sum + item.mean, 0) / group.length,
      score: group.reduce((sum, item) => sum + item.score, 0) / group.length,
    }));
}

// The weights of the answered dimensions, normalised to sum 1 (missing or non-positive weights: equal
// to the others' default 1).
export function normalisedWeights(
  dimensions: readonly string[],
  weights: Readonly<Record<string, number | undefined>> = {},
): Record<string, number> {
  const raw = dimensions.map((dimension) => {
    const weight = weights[dimension];
    return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 1;
  });
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  return Object.fromEntries(dimensions.map((dimension, index) => [dimension, total > 0 ? raw[index] / total : 0]));
}

// The index from the dimensions' mean scores: null when no dimension was answered.
export function satisfactionIndexOf(
  dimensions: readonly Pick<DimensionMean, 'dimension' | 'score'>[],
  weights: Readonly<Record<string, number | undefined>> = {},
): { index: number | null; weights: Record<string, number> } {
  if (dimensions.length === 0) return { index: null, weights: {} };
  const normalised = normalisedWeights(
    dimensions.map((row) => row.dimension),
    weights,
  );
  const index = dimensions.reduce((sum, row) => sum + normalised[row.dimension] * row.score, 0);
  return { index, weights: normalised };
}

// NPS from the counts of each answer 0–10 (level → count): null without answers.
export function npsOf(counts: ReadonlyArray<{ level: number; count: number }>): {
  nps: number | null;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
} {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (const { level, count } of counts) {
    n += count;
    if (level >= 9) promoters += count;
    else if (level <= 6) detractors += count;
  }
  return {
    nps: n === 0 ? null : ((promoters - detractors) / n) * 100,
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
  };
}

// Two-sided Student's t quantiles for 95 % by degrees of freedom 1–30.
const t975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

// The 95 % quantile used for a mean of n values: t (n − 1 df) for n ≤ 30, 1.96 above.
export function quantile95(n: number): number {
  if (n <= 1) return Number.NaN;
  if (n <= 30) return t975[n - 2];
  return 1.96;
}

export type MeanInterval = { mean: number | null; low: number | null; high: number | null; n: number };

// The 95 % confidence interval of a mean from n, the mean and the sample standard deviation (n − 1).
export function confidenceInterval(n: number, mean: number | null, sd: number | null): MeanInterval {
  if (n === 0 || mean === null) return { mean: null, low: null, high: null, n };
  if (n < 2 || sd === null || !Number.isFinite(sd)) return { mean, low: null, high: null, n };
  const half = (quantile95(n) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half, n };
}

// The same from paired (expectation, perception) answers: gap = mean(perception − expectation).
export function pairedGap(pairs: ReadonlyArray<{ expectation: number; perception: number }>): MeanInterval & {
  expectation: number | null;
  perception: number | null;
} {
  const n = pairs.length;
  if (n === 0) return { mean: null, low: null, high: null, n, expectation: null, perception: null };
  const differences = pairs.map((pair) => pair.perception - pair.expectation);
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const sd = n > 1 ? Math.sqrt(differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1)) : null;
  return {
    ...confidenceInterval(n, mean, sd),
    expectation: pairs.reduce((sum, pair) => sum + pair.expectation, 0) / n,
    perception: pairs.reduce((sum, pair) => sum + pair.perception, 0) / n,
  };
}

// The standard normal distribution function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// Two-proportion z-test (pooled): x1 of n1 against x2 of n2. p is two-sided; null when undefined.
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { z: number | null; p: number | null } {
  if (n1 === 0 || n2 === 0) return { z: null, p: null };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: null, p: null };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

// One cell of the needs summary against the whole: share, small, the test and the highlight.
export function needCell(
  cell: { n: number; chosen: number },
  overall: { n: number; chosen: number },
): { share: number | null; small: boolean; p: number | null; difference: number | null; highlight: boolean } {
  const share = cell.n === 0 ? null : cell.chosen / cell.n;
  const overallShare = overall.n === 0 ? null : overall.chosen / overall.n;
  const small = cell.n < smallCellBelow;
  const { p } = twoProportionTest(cell.chosen, cell.n, overall.chosen - cell.chosen, overall.n - cell.n);
  const difference = share === null || overallShare === null ? null : (share - overallShare) * 100;
  // (≥ 10 points as displayed: 55 % − 45 % is 9.999… in floating point)
  const highlight =
    !small && difference !== null && difference >= highlightPoints - 1e-9 && p !== null && p < highlightAlpha;
  return { share, small, p, difference, highlight };
}
