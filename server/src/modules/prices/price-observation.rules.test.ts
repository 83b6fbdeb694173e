import { describe, expect, it } from 'vitest';
import {
  beijingDayBounds,
  checkDailyLimit,
  checkObservedAt,
  checkPackPrice,
  mondayOfIsoWeek,
  packPriceFenOf,
  plausibilityOf,
} from './price-observation.rules.ts';

describe(packPriceFenOf.name, () => {
  it.each([
    [12.5, 1250],
    [19.99, 1999],
    [0.01, 1],
    [10_000, 1_000_000],
    [0, 'PRICE_INVALID'],
    [-1, 'PRICE_INVALID'],
    [12.345, 'PRICE_INVALID'],
    [10_000.01, 'PRICE_INVALID'],
    [Number.NaN, 'PRICE_INVALID'],
  ])('%s yuan → %s', (yuan, expected) => {
    if (typeof expected === 'string') expect(() => packPriceFenOf(yuan)).toThrow(expected);
    else expect(packPriceFenOf(yuan)).toBe(expected);
  });
});

// A product whose carton's suggested retail price is 200 yuan: 20.00 yuan a pack.
const carton = 20_000;

describe(plausibilityOf.name, () => {
  it.each([
    [2000, { kind: 'plausible' }],
    [600, { kind: 'plausible' }], // 30 %
    [6000, { kind: 'plausible' }], // 300 %
    [599, { kind: 'implausible', percent: 30 }], // 29.95 %
    [6001, { kind: 'implausible', percent: 300 }],
    [20_000, { kind: 'carton' }], // the carton's price
    [14_000, { kind: 'carton' }], // 70 % of it
    [26_000, { kind: 'carton' }], // 130 %
    [13_999, { kind: 'implausible', percent: 700 }],
    [100, { kind: 'implausible', percent: 5 }],
  ])('%s fen → %j', (fen, verdict) => {
    expect(plausibilityOf(fen, carton)).toEqual(verdict);
  });
});

describe(checkPackPrice.name, () => {
  it('takes a plausible price unflagged', () => {
    expect(checkPackPrice(1950, carton, false)).toEqual({ flagged: false, flagReason: null });
  });
  it('asks to confirm an implausible one, then keeps it flagged', () => {
    expect(() => checkPackPrice(500, carton, false)).toThrow('PRICE_CONFIRMATION_REQUIRED');
    expect(checkPackPrice(500, carton, true)).toEqual({ flagged: true, flagReason: 'out_of_range' });
  });
  it('refuses a carton price typed as a pack price, confirmed or not', () => {
    expect(() => checkPackPrice(20_000, carton, false)).toThrow('PRICE_LOOKS_LIKE_CARTON');
    expect(() => checkPackPrice(20_000, carton, true)).toThrow('PRICE_LOOKS_LIKE_CARTON');
  });
});

describe(checkDailyLimit.name, () => {
  it.each([
    [0, null],
    [19, null],
    [20, 'PRICE_REPORT_LIMIT'],
  ])('%i today: %s', (count, code) => {
    if (code) expect(() => checkDailyLimit(count)).toThrow(code);
    else expect(() => checkDailyLimit(count)).not.toThrow();
  });
});

describe(checkObservedAt.name, () => {
  const now = new Date('2026-12-07T02:00:00Z');
  it.each([
    ['2026-12-07T02:00:00Z', null],
    ['2026-11-07T02:00:00Z', null], // 30 days
    ['2026-11-05T02:00:00Z', 'PRICE_OBSERVED_AT_INVALID'], // 32 days
    ['2026-12-07T03:00:00Z', 'PRICE_OBSERVED_AT_INVALID'], // the future
  ])('%s: %s', (at, code) => {
    if (code) expect(() => checkObservedAt(new Date(at), now)).toThrow(code);
    else expect(() => checkObservedAt(new Date(at), now)).not.toThrow();
  });
});

describe(beijingDayBounds.name, () => {
  it('is the Beijing day', () => {
    expect(beijingDayBounds(new Date('2026-12-06T17:30:00Z'))).toEqual({
      from: new Date('2026-12-06T16:00:00Z'),
      until: new Date('2026-12-07T16:00:00Z'),
    });
  });
});

describe(mondayOfIsoWeek.name, () => {
  it.each([
    ['2026-W49', '2026-11-30'],
    ['2026-W01', '2025-12-29'],
    ['2026-W53', '2026-12-28'], // 2026 begins on a Thursday: 53 weeks
    ['2021-W01', '2021-01-04'],
    ['2025-W53', 'PRICE_WEEK_INVALID'],
    ['2026-W00', 'PRICE_WEEK_INVALID'],
    ['2026-49', 'PRICE_WEEK_INVALID'],
    ['0000-W01', 'PRICE_WEEK_INVALID'],
    ['1899-W52', 'PRICE_WEEK_INVALID'],
  ])('%s → %s', (week, expected) => {
    if (expected.startsWith('PRICE')) expect(() => mondayOfIsoWeek(week)).toThrow(expected);
    else expect(mondayOfIsoWeek(week)).toBe(expected);
  });
});
