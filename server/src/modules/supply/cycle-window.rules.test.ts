import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  assertWindowOpen,
  cycleWindowOf,
  formatBeijing,
  isCutoff,
  isWindowOpen,
  type NewCycleWindow,
  orderWindowOf,
  storeOrderingOf,
} from './cycle-window.rules.ts';

const cycle = {
  weekStart: '2026-11-23',
  opensAt: new Date('2026-11-22T16:00:00Z'),
  closesAt: new Date('2026-11-29T16:00:00Z'),
  dailyCutoff: '17:00',
};

describe('orderWindowOf', () => {
  it.each([
    // order day, Beijing opening, Beijing cutoff
    [1, '2026-11-23 08:00', '2026-11-23 17:00'],
    [4, '2026-11-26 08:00', '2026-11-26 17:00'],
    [7, '2026-11-29 08:00', '2026-11-29 17:00'],
  ])('a store ordering on day %i orders from %s to %s', (orderDay, opens, closes) => {
    const window = orderWindowOf({ ...cycle, orderDayOnly: true }, orderDay);
    expect(formatBeijing(window.opensAt)).toBe(opens);
    expect(formatBeijing(window.closesAt)).toBe(closes);
  });

  it('is the cycle window when the cycle is open every day', () => {
    expect(orderWindowOf({ ...cycle, orderDayOnly: false }, 3)).toEqual({
      opensAt: cycle.opensAt,
      closesAt: cycle.closesAt,
    });
  });

  it.each([
    ['2026-11-26T00:00:00Z', true], // 08:00 Beijing on Thursday: the opening instant is inside
    ['2026-11-25T23:59:59Z', false],
    ['2026-11-26T08:59:59Z', true],
    ['2026-11-26T09:00:00Z', false], // 17:00: the cutoff itself is closed
  ])('at %s the Thursday window is open: %s', (instant, open) => {
    const window = orderWindowOf({ ...cycle, orderDayOnly: true }, 4);
    expect(isWindowOpen(window, new Date(instant))).toBe(open);
  });
});

describe(cycleWindowOf.name, () => {
  const week: NewCycleWindow = { weekStart: '2026-11-23', dailyCutoff: '17:00' };

  it.each<[string, NewCycleWindow, string, string]>([
    ['the whole week when no window is set', week, '2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z'],
    [
      'the window the centre sets',
      { ...week, opensAt: '2026-11-24T00:00:00Z', closesAt: '2026-11-26T10:00:00Z' },
      '2026-11-24T00:00:00.000Z',
      '2026-11-26T10:00:00.000Z',
    ],
    [
      'the week for the side not set',
      { ...week, closesAt: '2026-11-25T10:00:00Z' },
      '2026-11-22T16:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
    ],
  ])('opens and closes on %s', (_, input, opensAt, closesAt) => {
    const window = cycleWindowOf(input);
    expect([window.opensAt.toISOString(), window.closesAt.toISOString()]).toEqual([opensAt, closesAt]);
  });

  it.each<[string, NewCycleWindow, string]>([
    ['a week that does not start on a Monday', { ...week, weekStart: '2026-11-24' }, 'CYCLE_WEEK_INVALID'],
    ['a week that is not a date', { ...week, weekStart: '2026-W48' }, 'CYCLE_WEEK_INVALID'],
    ['a cutoff that is not HH:MM', { ...week, dailyCutoff: '5pm' }, 'CYCLE_WINDOW_INVALID'],
    ['a cutoff past midnight', { ...week, dailyCutoff: '24:00' }, 'CYCLE_WINDOW_INVALID'],
    [
      'a window closing before it opens',
      { ...week, opensAt: '2026-11-26T00:00:00Z', closesAt: '2026-11-25T00:00:00Z' },
      'CYCLE_WINDOW_INVALID',
    ],
    [
      'a window closing as it opens',
      { ...week, opensAt: '2026-11-26T00:00:00Z', closesAt: '2026-11-26T00:00:00Z' },
      'CYCLE_WINDOW_INVALID',
    ],
    ['an unreadable opening', { ...week, opensAt: 'soon' }, 'CYCLE_WINDOW_INVALID'],
  ])('refuses %s', (_, input, code) => {
    expect(() => cycleWindowOf(input)).toThrowError(expect.objectContaining({ code }));
  });
});

describe(isCutoff.name, () => {
  it.each([
    ['17:00', true],
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['7:00', false],
    ['17:60', false],
    ['', false],
  ])('%s is a cutoff: %s', (value, expected) => {
    expect(isCutoff(value)).toBe(expected);
  });
});

describe(assertWindowOpen.name, () => {
  const thursday = orderWindowOf({ ...cycle, orderDayOnly: true }, 4);

  it('lets an order through inside the window', () => {
    expect(() => assertWindowOpen(thursday, new Date('2026-11-26T03:00:00Z'))).not.toThrow();
  });

  it('refuses outside it, naming the window in Beijing time', () => {
    let error: unknown;
    try {
      assertWindowOpen(thursday, new Date('2026-11-26T09:00:00Z'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'ORDER_WINDOW_CLOSED',
      details: { opensAt: '2026-11-26 08:00', closesAt: '2026-11-26 17:00' },
    });
  });
});

describe(storeOrderingOf.name, () => {
  const orderDayCycle = { ...cycle, orderDayOnly: true };

  it.each<[string, boolean, string, boolean]>([
    ['in the cycle, inside its order day', true, '2026-11-26T03:00:00Z', true],
    ['in the cycle, after its cutoff', true, '2026-11-26T09:00:00Z', false],
    ['in the cycle, before its order day', true, '2026-11-24T03:00:00Z', false],
    ['given no quota row, inside its order day', false, '2026-11-26T03:00:00Z', false],
  ])('a store %s may order: %s', (_, isInCycle, now, isOpen) => {
    const ordering = storeOrderingOf(orderDayCycle, { orderDay: 4, isInCycle }, new Date(now));
    expect(ordering.isOpen).toBe(isOpen);
    expect(ordering.window).toEqual(orderWindowOf(orderDayCycle, 4));
  });
});
