import { describe, expect, it } from 'vitest';
import { clampWeight, equalWeights, initialWeights, isEqual, weightShares } from './index-weights.ts';

describe(initialWeights.name, () => {
  it.each<[string, Record<string, unknown> | undefined, number[]]>([
    ['none saved: equal', undefined, [20, 20, 20, 20, 20]],
    ['empty: equal', {}, [20, 20, 20, 20, 20]],
    [
      'all five saved: as saved',
      { tangibles: 10, reliability: 30, responsiveness: 20, assurance: 20, empathy: 20 },
      [10, 30, 20, 20, 20],
    ],
    // An older wave's partial, fractional weights, read as the server does (missing: 1), the largest 100.
    ['partial and fractional: the same shares', { tangibles: 0.25, reliability: 0.75 }, [25, 75, 100, 100, 100]],
    ['non-positive ones count 1', { tangibles: 0, reliability: -1, empathy: 2 }, [50, 50, 50, 50, 100]],
  ])('%s', (_, saved, expected) => {
    const weights = initialWeights(saved);
    expect([
      weights.tangibles,
      weights.reliability,
      weights.responsiveness,
      weights.assurance,
      weights.empathy,
    ]).toEqual(expected);
  });
});

describe(weightShares.name, () => {
  it.each<[number[], number[]]>([
    [
      [20, 20, 20, 20, 20],
      [0.2, 0.2, 0.2, 0.2, 0.2],
    ],
    [
      [10, 30, 20, 20, 20],
      [0.1, 0.3, 0.2, 0.2, 0.2],
    ],
    [
      [1, 1, 1, 1, 96],
      [0.01, 0.01, 0.01, 0.01, 0.96],
    ],
  ])('%j → %j', ([tangibles, reliability, responsiveness, assurance, empathy], shares) => {
    const result = weightShares({ tangibles, reliability, responsiveness, assurance, empathy });
    expect(Object.values(result).map((share) => Math.round(share * 1e4) / 1e4)).toEqual(shares);
  });
});

describe(clampWeight.name, () => {
  it.each([
    [0, 1],
    [1, 1],
    [33.4, 33],
    [100, 100],
    [250, 100],
  ])('%d → %d', (value, clamped) => expect(clampWeight(value)).toBe(clamped));
});

describe(isEqual.name, () => {
  it('tells the default apart', () => {
    expect(isEqual(equalWeights())).toBe(true);
    expect(isEqual({ ...equalWeights(), empathy: 40 })).toBe(false);
  });
});
