import { describe, expect, it } from 'vitest';
import { checkGoals, checkPeriod, checkTargetChoice, nextStatusOf } from './brand-programme.rules.ts';

describe(checkPeriod.name, () => {
  it.each([
    ['2026-11-01', '2026-11-01', null],
    ['2026-11-01', '2027-10-31', null],
    ['2026-11-02', '2026-11-01', 'BRAND_PERIOD_INVALID'],
    ['2026-01-01', '2028-06-01', 'BRAND_PERIOD_INVALID'],
  ])('%s → %s: %s', (start, end, code) => {
    if (code) expect(() => checkPeriod(start, end)).toThrow(code);
    else expect(() => checkPeriod(start, end)).not.toThrow();
  });
});

describe(checkGoals.name, () => {
  it.each([
    [{}, null],
    [{ shelvingRate: 0.8, sellThroughRate: 0, stockToSales: { min: 0.5, max: 1.5 } }, null],
    [{ shelvingRate: 1.2 }, 'BRAND_GOAL_INVALID'],
    [{ sellThroughRate: -0.1 }, 'BRAND_GOAL_INVALID'],
    [{ stockToSales: { min: 2, max: 1 } }, 'BRAND_GOAL_INVALID'],
    [{ stockToSales: { min: -1, max: 1 } }, 'BRAND_GOAL_INVALID'],
  ])('%j: %s', (goals, code) => {
    if (code) expect(() => checkGoals(goals)).toThrow(code);
    else expect(() => checkGoals(goals)).not.toThrow();
  });
});

describe(checkTargetChoice.name, () => {
  it('refuses a segment and a list together', () => {
    expect(() => checkTargetChoice({ segment: { formats: ['convenience'] }, customerIds: [1] })).toThrow(
      'BRAND_TARGET_AMBIGUOUS',
    );
    expect(() => checkTargetChoice({ segment: null, customerIds: [1] })).not.toThrow();
  });
});

describe(nextStatusOf.name, () => {
  it.each([
    ['draft', 'activate', 'active'],
    ['active', 'close', 'closed'],
    ['active', 'activate', 'BRAND_PROGRAMME_STATE'],
    ['draft', 'close', 'BRAND_PROGRAMME_STATE'],
    ['closed', 'close', 'BRAND_PROGRAMME_STATE'],
  ] as const)('%s, %s → %s', (status, action, expected) => {
    if (expected === 'BRAND_PROGRAMME_STATE') expect(() => nextStatusOf(status, action)).toThrow(expected);
    else expect(nextStatusOf(status, action)).toBe(expected);
  });
});
