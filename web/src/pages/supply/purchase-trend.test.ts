import { describe, expect, it } from 'vitest';
import { weeklyPurchaseSeries } from './purchase-trend.ts';

describe(weeklyPurchaseSeries.name, () => {
  const week = (weekStart: string, quantity: number, amount: number) => ({ weekStart, quantity, amount });

  it.each([
    {
      name: 'fills the weeks without orders with 0, oldest first',
      trend: { from: '2026-11-09', to: '2026-11-30', weeks: [week('2026-11-16', 5, 600), week('2026-11-30', 2, 90.5)] },
      expected: [
        week('2026-11-09', 0, 0),
        week('2026-11-16', 5, 600),
        week('2026-11-23', 0, 0),
        week('2026-11-30', 2, 90.5),
      ],
    },
    {
      name: 'gives 13 zero weeks to a store that bought nothing',
      trend: { from: '2026-09-07', to: '2026-11-30', weeks: [] },
      expected: Array.from({ length: 13 }, (_, index) =>
        week(new Date(Date.UTC(2026, 8, 7 + index * 7)).toISOString().slice(0, 10), 0, 0),
      ),
    },
    {
      name: 'crosses a year end',
      trend: { from: '2026-12-28', to: '2027-01-04', weeks: [week('2027-01-04', 1, 10)] },
      expected: [week('2026-12-28', 0, 0), week('2027-01-04', 1, 10)],
    },
    {
      name: 'ignores weeks outside the range',
      trend: { from: '2026-11-23', to: '2026-11-30', weeks: [week('2026-11-16', 9, 9)] },
      expected: [week('2026-11-23', 0, 0), week('2026-11-30', 0, 0)],
    },
    {
      name: 'draws nothing for a range that ends before it starts',
      trend: { from: '2026-11-30', to: '2026-11-23', weeks: [] },
      expected: [],
    },
    {
      name: 'draws nothing for dates it cannot read',
      trend: { from: '2026-W49', to: '2026-11-30', weeks: [] },
      expected: [],
    },
  ])('$name', ({ trend, expected }) => {
    expect(weeklyPurchaseSeries(trend)).toEqual(expected);
  });
});
