import { describe, expect, it } from 'vitest';
import type { RuleSetInput } from './classification.api.ts';
import { lowerBounds, weightSum, withLowerBounds } from './rule-set-form.ts';

const input: RuleSetInput = {
  name: '默认',
  weights: [
    { indicator: 'volume', weight: 60 },
    { indicator: 'structure', weight: 40 },
  ],
  thresholds: [
    { class: 'demonstration', from: 80, to: 100 },
    { class: 'growth', from: 40, to: 80 },
    { class: 'ordinary', from: 0, to: 40 },
  ],
  demoTypes: [],
};

describe('rule-set form', () => {
  it('reads the lower bounds and rebuilds ranges without gap or overlap', () => {
    expect(lowerBounds(input)).toEqual({ demonstration: 80, growth: 40 });
    expect(withLowerBounds(input, { demonstration: 85, growth: 45 }).thresholds).toEqual([
      { class: 'demonstration', from: 85, to: 100 },
      { class: 'growth', from: 45, to: 85 },
      { class: 'ordinary', from: 0, to: 45 },
    ]);
  });

  it('adds the weights', () => {
    expect(weightSum(input)).toBe(100);
    expect(weightSum({ ...input, weights: [{ indicator: 'volume', weight: 33.3 }] })).toBe(33.3);
  });
});
