import { describe, expect, it } from 'vitest';
import { countedObservations, figuresOf, indexOf, medianOf, type ProductCell, round2 } from './price-index.rules.ts';

// A hand-computed fixture. Product A: suggested 200 yuan a carton = 2,000 fen a pack; product B:
// 1,000 fen a pack; product C: 1,500 fen a pack, nothing observed.

describe(countedObservations.name, () => {
  it.each([
    // In range (1,000–4,000 fen); 5 left: median 2,000, deviations 0,100,100,0,50 → MAD 50,
    // tolerance max(3 × 1.4826 × 50 = 222.39, 100) → all 5 kept; 6,000 and 900 out of range.
    [
      [2000, 1900, 2100, 2000, 1950, 6000, 900],
      [true, true, true, true, true, false, false],
    ],
    // MAD 0: tolerance = 5 % of 2,000 = 100 → 1,500 dropped, 2,100 kept (exactly 100 off).
    [
      [2000, 2000, 2000, 2000, 2000, 2100, 1500],
      [true, true, true, true, true, true, false],
    ],
    // Fewer than 5 in range: the range alone decides.
    [
      [2000, 1500, 1600],
      [true, true, true],
    ],
    [
      [999, 1000, 4000, 4001],
      [false, true, true, false],
    ],
    [[], []],
  ])('%j', (prices, kept) => {
    expect(countedObservations(prices, 2000)).toEqual(kept);
  });
});

describe(medianOf.name, () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %s', (values, median) => expect(medianOf(values)).toBe(median));
});

describe(indexOf.name, () => {
  it.each([
    [1990, 2000, 99.5],
    [1100, 1000, 110],
    [null, 2000, null], // no observation: no index, not 0
  ])('%s ÷ %s → %s', (mean, suggested, index) => expect(indexOf(mean, suggested)).toBe(index));
});

const cell = (
  productId: number,
  observations: number,
  sum: number,
  suggested: number,
  weight: number,
): ProductCell => ({
  productId,
  observations,
  sumPackPriceFen: sum,
  suggestedPackFen: suggested,
  weightCartons: weight,
});
// A: 5 counted, Σ 9,950 → mean 1,990 → 99.50; B: 2 counted, Σ 2,200 → 1,100 → 110.00; C: none.
const a = cell(1, 5, 9950, 2000, 300);
const b = cell(2, 2, 2200, 1000, 100);
const c = cell(3, 0, 0, 1500, 500);

describe(figuresOf.name, () => {
  it.each([
    [
      'one product',
      [a],
      1,
      { observations: 5, meanPackPrice: 19.9, suggestedPackPrice: 20, index: 99.5, weighting: 'product' },
    ],
    [
      'one product, nothing observed',
      [c],
      1,
      { observations: 0, meanPackPrice: null, suggestedPackPrice: 15, index: null, weighting: 'none' },
    ],
    // simple (99.50 + 110.00) / 2 = 104.75; weighted (99.5 × 300 + 110 × 100) / 400 = 102.125; C has no
    // index and so no weight.
    [
      'a brand, sales-weighted',
      [a, b, c],
      3,
      {
        observations: 7,
        simpleIndex: 104.75,
        weightedIndex: 102.13,
        index: 102.13,
        weighting: 'sales',
        weightCartons: 400,
      },
    ],
    [
      'nothing ordered: the simple index',
      [
        { ...a, weightCartons: 0 },
        { ...b, weightCartons: 0 },
      ],
      2,
      { simpleIndex: 104.75, weightedIndex: null, index: 104.75, weighting: 'simple' },
    ],
    [
      'nothing observed',
      [c],
      3,
      { observations: 0, index: null, simpleIndex: null, weightedIndex: null, weighting: 'none' },
    ],
  ])('%s', (_name, cells, productCount, expected) => {
    const figures = figuresOf(cells, productCount);
    const rounded = Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [key, typeof value === 'number' ? round2(value) : value]),
    );
    expect(rounded).toMatchObject(expected);
  });
});
