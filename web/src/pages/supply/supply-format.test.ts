import { describe, expect, it } from 'vitest';
import { cycleCodeOf, isMonday, newCycleRequest, nextMonday } from './cycle-form.ts';
import { checkWeights } from './grade-weights.ts';
import { distributionBars, gradeBars } from './quota-distribution.ts';
import { formatRate, formatScale, formatYuan, isUnlimitedQuota, rateOf } from './supply-format.ts';

describe(formatRate.name, () => {
  it.each([
    [0.708, 'zh-CN', '70.8%'],
    [0.7062, 'zh-CN', '70.6%'],
    [1, 'zh-CN', '100.0%'],
    [0, 'en', '0.0%'],
    [null, 'zh-CN', '—'],
    [Number.NaN, 'zh-CN', '—'],
  ] as const)('%s in %s is %s', (rate, locale, expected) => {
    expect(formatRate(rate, locale)).toBe(expected);
  });
});

describe(rateOf.name, () => {
  it('divides, and has no rate when there is nothing to divide by', () => {
    expect(rateOf(708, 1000)).toBe(0.708);
    expect(rateOf(0, 0)).toBeNull();
  });
});

describe('quantities and money', () => {
  it('reads -1 and null as unlimited', () => {
    expect([isUnlimitedQuota(-1), isUnlimitedQuota(null), isUnlimitedQuota(0), isUnlimitedQuota(5)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('shows scale only when supply was short', () => {
    expect(formatScale(1, 'zh-CN')).toBe('×1');
    expect(formatScale(0.83333, 'zh-CN')).toBe('×0.833');
  });
  it('writes yuan with two decimals and grouping', () => {
    expect(formatYuan(12345.6, 'zh-CN')).toBe('¥12,345.60');
  });
});

describe(distributionBars.name, () => {
  it('keeps one bar per quota when there are few', () => {
    expect(
      distributionBars([
        { quota: 3, stores: 10 },
        { quota: 0, stores: 4 },
        { quota: 1, stores: 0 },
      ]).map((bar) => [bar.label, bar.stores]),
    ).toEqual([
      ['0', 4],
      ['3', 10],
    ]);
  });

  it('groups many quotas into ranges, keeping quota 0 apart and every store counted', () => {
    const distribution = Array.from({ length: 100 }, (_, quota) => ({ quota, stores: 2 }));
    const bars = distributionBars(distribution, 10);
    expect(bars.length).toBeLessThanOrEqual(10);
    expect(bars[0]).toEqual({ label: '0', from: 0, to: 0, stores: 2 });
    expect(bars[1].label).toBe('1–11');
    expect(bars.reduce((sum, bar) => sum + bar.stores, 0)).toBe(200);
  });
});

describe(gradeBars.name, () => {
  it('fills grades 1–30 with zeros', () => {
    const bars = gradeBars([{ grade: 30, count: 5 }]);
    expect(bars).toHaveLength(30);
    expect(bars[0]).toEqual({ grade: 1, count: 0 });
    expect(bars[29]).toEqual({ grade: 30, count: 5 });
  });
});

describe(cycleCodeOf.name, () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2026-12-28', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
  ])('%s is %s', (weekStart, code) => {
    expect(cycleCodeOf(weekStart)).toBe(code);
  });
});

describe('cycle dates', () => {
  it('knows Mondays and finds the next one', () => {
    expect(isMonday('2026-11-30')).toBe(true);
    expect(isMonday('2026-11-24')).toBe(false);
    expect(nextMonday('2026-11-24')).toBe('2026-11-30');
    expect(nextMonday('2026-11-30')).toBe('2026-11-30');
  });

  it('opens a whole-week cycle Monday 08:00 Beijing time to Sunday at the cutoff', () => {
    expect(newCycleRequest({ weekStart: '2026-11-30', orderDayOnly: false, dailyCutoff: '17:00' })).toEqual({
      weekStart: '2026-11-30',
      orderDayOnly: false,
      dailyCutoff: '17:00',
      opensAt: '2026-11-30T00:00:00.000Z',
      closesAt: '2026-12-06T09:00:00.000Z',
    });
    expect(newCycleRequest({ weekStart: '2026-11-30', orderDayOnly: true, dailyCutoff: '16:30' })).toEqual({
      weekStart: '2026-11-30',
      orderDayOnly: true,
      dailyCutoff: '16:30',
    });
  });
});

describe(checkWeights.name, () => {
  it.each([
    [{ amount: 60, quantity: 40 }, null],
    [{ amount: 100, quantity: 0 }, null],
    [{ amount: 50, quantity: 40 }, 'notHundred'],
    [{ amount: 60.5, quantity: 39.5 }, 'notWhole'],
    [{ amount: null, quantity: 40 }, 'notWhole'],
    [{ amount: 120, quantity: -20 }, 'outOfRange'],
  ] as const)('%o → %s', (weights, expected) => {
    expect(checkWeights(weights)).toBe(expected);
  });
});
