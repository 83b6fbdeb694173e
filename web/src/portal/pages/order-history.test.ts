import { describe, expect, it } from 'vitest';
import { isOrderChangeable, newestFirst } from './order-history.ts';

describe(isOrderChangeable.name, () => {
  const open = { cycleId: 7 };
  it.each([
    [{ cycleId: 7, status: 'submitted' }, open, 'open', true],
    [{ cycleId: 7, status: 'cancelled' }, open, 'open', false],
    [{ cycleId: 6, status: 'submitted' }, open, 'open', false],
    [{ cycleId: 7, status: 'submitted' }, open, 'closed', false],
    [{ cycleId: 7, status: 'submitted' }, open, 'upcoming', false],
    [{ cycleId: 7, status: 'submitted' }, null, undefined, false],
  ] as const)('%j in cycle %j, window %s → %s', (order, cycle, phase, expected) => {
    expect(isOrderChangeable(order, cycle, phase)).toBe(expected);
  });
});

describe(newestFirst.name, () => {
  it('puts the latest order first, the larger id first at the same instant', () => {
    const orders = [
      { orderId: 1, createdAt: '2026-11-16T02:00:00Z' },
      { orderId: 3, createdAt: '2026-11-23T02:00:00Z' },
      { orderId: 2, createdAt: '2026-11-23T02:00:00Z' },
      { orderId: 4, createdAt: '2026-11-09T02:00:00Z' },
    ];
    expect(newestFirst(orders).map((order) => order.orderId)).toEqual([3, 2, 1, 4]);
  });
});
