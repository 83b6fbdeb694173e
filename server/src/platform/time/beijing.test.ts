import { describe, expect, it } from 'vitest';
import { beijingDateOf, beijingMidnightOf } from './beijing.ts';

describe('Beijing time', () => {
  it.each([
    ['2026-12-01T15:59:59Z', '2026-12-01'],
    ['2026-12-01T16:00:00Z', '2026-12-02'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2026-06-30T23:00:00Z', '2026-07-01'],
  ])('the Beijing day of %s is %s', (instant, day) => {
    expect(beijingDateOf(new Date(instant))).toBe(day);
  });

  it.each([
    ['2026-12-02', '2026-12-01T16:00:00.000Z'],
    ['2027-01-01', '2026-12-31T16:00:00.000Z'],
  ])('a Beijing day %s begins at %s', (day, instant) => {
    expect(beijingMidnightOf(day).toISOString()).toBe(instant);
    expect(beijingDateOf(beijingMidnightOf(day))).toBe(day);
  });
});
