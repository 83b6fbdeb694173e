import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  checkRuleSet,
  dateOf,
  decide,
  distributionOf,
  indicatorKeys,
  indicatorsOf,
  percentiles,
  type RuleSetDefinition,
  type StoreFacts,
  spotCheckStats,
  stratifiedSample,
} from './classification.rules.ts';
import { defaultRuleSet } from './default-rule-set.ts';

const base: RuleSetDefinition = {
  weights: [
    { indicator: 'volume', weight: 50 },
    { indicator: 'structure', weight: 50 },
  ],
  thresholds: [
    { class: 'demonstration', from: 80, to: 100 },
    { class: 'growth', from: 40, to: 80 },
    { class: 'ordinary', from: 0, to: 40 },
  ],
  demoTypes: [
    {
      demoType: 'information',
      conditions: [
        { indicator: 'information', min: 100 },
        { indicator: 'growth', min: 90 },
      ],
    },
    { demoType: 'brand', conditions: [{ indicator: 'structure', min: 90 }] },
  ],
};

const scoresWith = (values: Partial<Record<(typeof indicatorKeys)[number], number>>) =>
  indicatorKeys.map((key) => values[key] ?? 50);

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return String(error.details.reasonEn ?? error.code);
    throw error;
  }
  return 'accepted';
}

describe('checkRuleSet', () => {
  it.each([
    ['the default rule set', defaultRuleSet, 'accepted'],
    ['a valid one', base, 'accepted'],
    [
      'weights that add up to 90',
      {
        ...base,
        weights: [
          { indicator: 'volume', weight: 40 },
          { indicator: 'structure', weight: 50 },
        ],
      },
      'the weights add up to 90, not 100',
    ],
    [
      'an unknown indicator',
      {
        ...base,
        weights: [
          { indicator: 'volume', weight: 50 },
          { indicator: 'smiles', weight: 50 },
        ],
      },
      'unknown indicator "smiles"',
    ],
    [
      'an indicator twice',
      {
        ...base,
        weights: [
          { indicator: 'volume', weight: 50 },
          { indicator: 'volume', weight: 50 },
        ],
      },
      'indicator "volume" appears twice',
    ],
    [
      'overlapping thresholds',
      {
        ...base,
        thresholds: [
          { class: 'demonstration', from: 75, to: 100 },
          { class: 'growth', from: 40, to: 80 },
          { class: 'ordinary', from: 0, to: 40 },
        ],
      },
      'the ranges of "growth" and "demonstration" overlap (75–80)',
    ],
    [
      'a gap between thresholds',
      {
        ...base,
        thresholds: [
          { class: 'demonstration', from: 85, to: 100 },
          { class: 'growth', from: 40, to: 80 },
          { class: 'ordinary', from: 0, to: 40 },
        ],
      },
      'scores 80–85 have no class (gap)',
    ],
    [
      'a gap at the bottom',
      {
        ...base,
        thresholds: [
          { class: 'demonstration', from: 80, to: 100 },
          { class: 'growth', from: 10, to: 80 },
        ],
      },
      'scores 0–10 have no class (gap)',
    ],
    [
      'a gap at the top',
      {
        ...base,
        thresholds: [
          { class: 'growth', from: 40, to: 90 },
          { class: 'ordinary', from: 0, to: 40 },
        ],
      },
      'scores 90–100 have no class (gap)',
    ],
    [
      'the special class by threshold',
      { ...base, thresholds: [{ class: 'special', from: 0, to: 100 }] },
      'class "special" cannot be set by thresholds',
    ],
    [
      'an unknown indicator in a sub-type rule',
      { ...base, demoTypes: [{ demoType: 'brand', conditions: [{ indicator: 'luck', min: 1 }] }] },
      'unknown indicator "luck"',
    ],
  ])('%s → %s', (_name, input, expected) => {
    expect(reasonOf(() => checkRuleSet(input as never))).toBe(expected);
  });
});

describe('decide at every threshold boundary', () => {
  // volume and structure weigh 50 each: the score is their mean.
  it.each([
    [0, 0, 0, 'ordinary'],
    [79.8, 0, 39.9, 'ordinary'],
    [80, 0, 40, 'growth'],
    [100, 59.8, 79.9, 'growth'],
    [100, 60, 80, 'demonstration'],
    [100, 100, 100, 'demonstration'],
  ])('volume %d, structure %d → score %d → %s', (volume, structure, score, expected) => {
    const decision = decide(base, scoresWith({ volume, structure }));
    expect(decision.score).toBe(score);
    expect(decision.class).toBe(expected);
    expect(decision.threshold.class).toBe(expected);
  });

  it.each([
    [{ volume: 100, structure: 100, information: 100, growth: 90 }, 'information'],
    [{ volume: 100, structure: 100, information: 100, growth: 89.9 }, 'brand'],
    [{ volume: 100, structure: 89.9, information: 100, growth: 50 }, null],
    [{ volume: 100, structure: 90 }, 'brand'],
    [{ volume: 60, structure: 90 }, null], // growth: no sub-type
  ])('sub-type of %o → %s', (values, expected) => {
    expect(decide(base, scoresWith(values)).demoType).toBe(expected);
  });
});

describe('indicators', () => {
  it('mid-rank percentiles, ties share their rank, excluded stores are NaN', () => {
    expect([...percentiles(new Float64Array([10, 20, 20, 30]))]).toEqual([0, 50, 50, 100]);
    const some = percentiles(new Float64Array([5, 1, 9]), new Uint8Array([1, 0, 1]));
    expect(some[0]).toBe(0);
    expect(Number.isNaN(some[1])).toBe(true);
    expect(some[2]).toBe(100);
  });

  const fact = (customerId: number, overrides: Partial<StoreFacts>): StoreFacts => ({
    customerId,
    quantity: 10,
    amountFen: 100_000,
    highClassAmountFen: 10_000,
    recentQuantity: 5,
    earlierQuantity: 5,
    weeksOnline: 13,
    periodWeeks: 13,
    imageScore: null,
    creditScore: null,
    violations: null,
    ...overrides,
  });

  it('scores, neutral sources and missing data', () => {
    const { scores, missing, values } = indicatorsOf([
      fact(1, { quantity: 0, amountFen: 0, highClassAmountFen: 0, earlierQuantity: 0, weeksOnline: 0 }),
      fact(2, { imageScore: 90, violations: 1 }),
    ]);
    expect(scores[0]).toEqual([0, 0, 0, 50, 50, 0, 50, 50]);
    expect(missing[0]).toEqual(['structure', 'growth', 'image', 'credit', 'violations']);
    expect(scores[1]).toEqual([100, 100, 100, 100, 90, 100, 50, 75]);
    expect(missing[1]).toEqual(['credit']);
    expect(values[1][2]).toBe(10); // 10 % of the amount in 一类/二类
  });
});

describe('distribution', () => {
  it('counts and shares (percent, two decimals) per class and sub-type', () => {
    const result = distributionOf([
      { class: 'demonstration', demoType: 'brand', count: 1 },
      { class: 'demonstration', demoType: null, count: 1 },
      { class: 'growth', demoType: null, count: 4 },
      { class: 'special', demoType: null, count: 1 },
      { class: null, demoType: null, count: 1 },
    ]);
    expect(result.total).toBe(8);
    expect(result.classes.map((entry) => entry.share)).toEqual([25, 50, 0, 12.5]);
    expect(result.demoTypes[0]).toEqual({ demoType: 'brand', count: 1, share: 12.5 });
  });
});

describe('spot-check', () => {
  const stores = Array.from({ length: 1000 }, (_, index) => ({
    customerId: index + 1,
    class: index < 120 ? 'demonstration' : index < 700 ? 'growth' : 'ordinary',
    branchId: (index % 4) + 1,
  }));

  it('draws a stratified sample of the asked size, the same again from the same seed', () => {
    const sample = stratifiedSample(stores, 200, 42);
    expect(sample).toHaveLength(200);
    expect(new Set(sample.map((store) => store.customerId)).size).toBe(200);
    expect(sample.filter((store) => store.class === 'demonstration')).toHaveLength(24);
    expect(sample.filter((store) => store.class === 'growth')).toHaveLength(116);
    expect(stratifiedSample([...stores].reverse(), 200, 42)).toEqual(sample);
    expect(stratifiedSample(stores, 200, 43)).not.toEqual(sample);
  });

  it('accuracy, consistency and completeness of a known sample', () => {
    const stats = spotCheckStats([
      { sampledClass: 'growth', rerunClass: 'growth', complete: true, agrees: true },
      { sampledClass: 'growth', rerunClass: 'ordinary', complete: true, agrees: false },
      { sampledClass: 'ordinary', rerunClass: 'ordinary', complete: false, agrees: true },
      { sampledClass: 'ordinary', rerunClass: 'ordinary', complete: true, agrees: null },
    ]);
    expect(stats).toEqual({ sampled: 4, assessed: 3, accuracy: 66.67, consistency: 75, completeness: 75 });
  });
});

describe('the day a class takes effect (Beijing)', () => {
  it.each([
    ['2026-11-25T15:59:59Z', '2026-11-25'],
    ['2026-11-25T16:00:00Z', '2026-11-26'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
  ])('%s is %s', (instant, day) => {
    expect(dateOf(new Date(instant))).toBe(day);
  });
});

describe('终端示范型 reads the terminal image score', () => {
  const demonstration = (image: number) => {
    const scores = [100, 100, 60, 60, image, 50, 50, 50];
    return decide(defaultRuleSet, scores);
  };
  it.each([
    [89.9, null],
    [90, 'terminal'],
    [100, 'terminal'],
    [50, null], // neutral: no visits
  ])('image %s → %s', (image, demoType) => {
    const decision = demonstration(image);
    expect(decision.class).toBe('demonstration');
    expect(decision.demoType).toBe(demoType);
  });
});
