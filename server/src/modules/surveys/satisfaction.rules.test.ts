import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  dimensionMeans,
  itemMeans,
  type LevelCount,
  levelScore,
  needCell,
  normalCdf,
  normalisedWeights,
  npsOf,
  pairedGap,
  quantile95,
  satisfactionIndexOf,
  twoProportionTest,
} from './satisfaction.rules.ts';

// The CSI, NPS, gap and highlight rules against figures computed by hand.

describe('levelScore', () => {
  it.each([
    // 5 levels: 100/80/60/30/0
    [5, 5, 100],
    [4, 5, 80],
    [3, 5, 60],
    [2, 5, 30],
    [1, 5, 0],
    // 7 levels: (level − 1) ÷ 6 × 100
    [7, 7, 100],
    [6, 7, 250 / 3],
    [5, 7, 200 / 3],
    [4, 7, 50],
    [3, 7, 100 / 3],
    [2, 7, 50 / 3],
    [1, 7, 0],
    // out of range is clamped
    [9, 7, 100],
    [0, 5, 0],
  ])('level %d of %d scores %d', (level, max, score) => {
    expect(levelScore(level, max)).toBeCloseTo(score, 9);
  });
  it('scores an 11-level 0–10 scale linearly', () => {
    expect(levelScore(5, 10, 0)).toBe(50);
  });
});

describe('item and dimension means, the index', () => {
  // R1: 5,5,4,2 → mean 4, score (100+100+80+30)/4 = 77.5; R2: 3,3 → mean 3, score 60;
  // T1: 4 → 80 (tangibles); a 7-level E1: 7, 4 → mean 5.5, score (100 + 50)/2 = 75.
  const levels: LevelCount[] = [
    { item: 'R1', dimension: 'reliability', level: 5, scaleMax: 5, count: 2 },
    { item: 'R1', dimension: 'reliability', level: 4, scaleMax: 5, count: 1 },
    { item: 'R1', dimension: 'reliability', level: 2, scaleMax: 5, count: 1 },
    { item: 'R2', dimension: 'reliability', level: 3, scaleMax: 5, count: 2 },
    { item: 'T1', dimension: 'tangibles', level: 4, scaleMax: 5, count: 3 },
    { item: 'E1', dimension: 'empathy', level: 7, scaleMax: 7, count: 1 },
    { item: 'E1', dimension: 'empathy', level: 4, scaleMax: 7, count: 1 },
  ];
  const items = itemMeans(levels);
  const byItem = Object.fromEntries(items.map((item) => [item.item, item]));

  it.each([
    ['R1', 4, 4, 77.5],
    ['R2', 2, 3, 60],
    ['T1', 3, 4, 80],
    ['E1', 2, 5.5, 75],
  ])('item %s: n %d, mean %d, score %d', (item, n, mean, score) => {
    expect(byItem[item].n).toBe(n);
    expect(byItem[item].mean).toBeCloseTo(mean, 9);
    expect(byItem[item].score).toBeCloseTo(score, 9);
  });

  it('averages item means per dimension, in SERVQUAL order', () => {
    const dimensions = dimensionMeans(items);
    expect(dimensions.map((row) => row.dimension)).toEqual(['tangibles', 'reliability', 'empathy']);
    expect(dimensions[1]).toEqual({ dimension: 'reliability', items: 2, mean: 3.5, score: 68.75 });
  });

  it.each([
    // equal: (80 + 68.75 + 75) / 3
    [{}, (80 + 68.75 + 75) / 3],
    // tangibles 2, reliability 1, empathy 1 → 0.5 × 80 + 0.25 × 68.75 + 0.25 × 75
    [{ tangibles: 2, reliability: 1, empathy: 1 }, 40 + 17.1875 + 18.75],
    // a weight of an unanswered dimension is ignored; a zero weight counts as the default 1
    [{ tangibles: 2, assurance: 5, reliability: 0 }, 0.5 * 80 + 0.25 * 68.75 + 0.25 * 75],
  ])('index with weights %j is %d', (weights, expected) => {
    const result = satisfactionIndexOf(dimensionMeans(items), weights);
    expect(result.index).toBeCloseTo(expected, 9);
    expect(Object.values(result.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
  });

  it('has no index without answers', () => {
    expect(satisfactionIndexOf([]).index).toBeNull();
  });

  it('normalises weights', () => {
    expect(normalisedWeights(['a', 'b'], { a: 3, b: 1 })).toEqual({ a: 0.75, b: 0.25 });
  });
});

describe('NPS', () => {
  it.each([
    // 10×3, 9×2 promoters 5; 8×2, 7×1 passives; 6×1, 3×1 detractors 2 → (5 − 2)/10 = 30
    [
      [
        [10, 3],
        [9, 2],
        [8, 2],
        [7, 1],
        [6, 1],
        [3, 1],
      ],
      30,
      5,
      2,
    ],
    [
      [
        [8, 4],
        [7, 1],
      ],
      0,
      0,
      0,
    ],
    [
      [
        [0, 3],
        [10, 1],
      ],
      -50,
      1,
      3,
    ],
    [[], null, 0, 0],
  ] as [number[][], number | null, number, number][])('%j → %s', (counts, nps, promoters, detractors) => {
    const result = npsOf(counts.map(([level, count]) => ({ level, count })));
    expect(result.nps).toBe(nps);
    expect(result.promoters).toBe(promoters);
    expect(result.detractors).toBe(detractors);
  });
});

describe('gap and its 95 % interval', () => {
  it('uses t for n ≤ 30 and 1.96 above', () => {
    expect(quantile95(2)).toBe(12.706);
    expect(quantile95(4)).toBe(3.182);
    expect(quantile95(30)).toBe(2.045);
    expect(quantile95(31)).toBe(1.96);
  });

  it('pairs expectation and perception', () => {
    // differences −1, −1, −3, 0: mean −1.25, sd √(4.75/3) = 1.258306, half = 3.182 × sd / 2 = 2.001964
    const gap = pairedGap([
      { expectation: 5, perception: 4 },
      { expectation: 6, perception: 5 },
      { expectation: 7, perception: 4 },
      { expectation: 5, perception: 5 },
    ]);
    expect(gap.n).toBe(4);
    expect(gap.expectation).toBe(5.75);
    expect(gap.perception).toBe(4.5);
    expect(gap.mean).toBe(-1.25);
    expect(gap.low).toBeCloseTo(-3.251964, 5);
    expect(gap.high).toBeCloseTo(0.751964, 5);
  });

  it.each([
    // n 100, mean −0.5, sd 1: ± 1.96 × 0.1
    [100, -0.5, 1, -0.696, -0.304],
    // n 25, sd 2: ± 2.064 × 0.4
    [25, 1, 2, 1 - 0.8256, 1 + 0.8256],
  ])('n %d mean %d sd %d → [%d, %d]', (n, mean, sd, low, high) => {
    const interval = confidenceInterval(n, mean, sd);
    expect(interval.low).toBeCloseTo(low, 9);
    expect(interval.high).toBeCloseTo(high, 9);
  });

  it('has no interval for one pair and no gap for none', () => {
    expect(pairedGap([{ expectation: 5, perception: 3 }])).toMatchObject({ mean: -2, low: null, high: null, n: 1 });
    expect(pairedGap([])).toMatchObject({ mean: null, n: 0 });
  });
});

describe('the highlight test', () => {
  it('computes the normal distribution', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
  });

  it('tests two proportions (pooled)', () => {
    // 30/50 against 100/250: pooled 130/300, se = √(0.43333 × 0.56667 × (1/50 + 1/250)) = 0.076768
    const test = twoProportionTest(30, 50, 100, 250);
    expect(test.z).toBeCloseTo(2.60525, 4);
    expect(test.p).toBeCloseTo(0.009181, 5);
    expect(twoProportionTest(0, 0, 1, 2)).toEqual({ z: null, p: null });
    expect(twoProportionTest(5, 5, 10, 10)).toEqual({ z: null, p: null });
  });

  it.each([
    // 60 % of 50 against 43.3 % overall (the rest 40 % of 250): +16.7 points, p 0.0092 → highlighted
    [{ n: 50, chosen: 30 }, { n: 300, chosen: 130 }, false, true, 16.667, 0.00918],
    // 75 % of 20: small, never highlighted
    [{ n: 20, chosen: 15 }, { n: 300, chosen: 130 }, true, false, 31.667, null],
    // +10 points but 40 stores: p 0.18 → not highlighted
    [{ n: 40, chosen: 22 }, { n: 400, chosen: 180 }, false, false, 10, 0.18023],
    // exactly +10 points on 400 stores: p 7e-6 → highlighted
    [{ n: 400, chosen: 220 }, { n: 2000, chosen: 900 }, false, true, 10, 0.000007],
    // far below overall: not highlighted (only "chosen more")
    [{ n: 400, chosen: 100 }, { n: 2000, chosen: 900 }, false, false, -20, null],
  ])('%j of %j: small %s, highlight %s', (cell, overall, small, highlight, difference, p) => {
    const result = needCell(cell, overall);
    expect(result.small).toBe(small);
    expect(result.highlight).toBe(highlight);
    expect(result.difference).toBeCloseTo(difference, 2);
    if (p !== null) expect(result.p).toBeCloseTo(p, 5);
  });
});
