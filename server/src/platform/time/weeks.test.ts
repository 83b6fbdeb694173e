import { describe, expect, it } from 'vitest';
import { addDays, isMonday, isoWeekdayOf, isoWeekOf, mondayOf } from './weeks.ts';

describe('week arithmetic', () => {
  it.each([
    ['2026-11-23T02:00:00Z', '2026-11-23'], // Monday 10:00 Beijing
    ['2026-11-22T17:00:00Z', '2026-11-23'], // Monday 01:00 Beijing, still Sunday in UTC
    ['2026-11-22T15:59:00Z', '2026-11-16'], // Sunday 23:59 Beijing
    ['2026-11-29T12:00:00Z', '2026-11-23'],
  ])('the Monday of %s is %s', (instant, monday) => {
    expect(mondayOf(new Date(instant))).toBe(monday);
  });

  it.each([
    ['2026-11-23', '2026-W48'],
    ['2025-12-29', '2026-W01'],
    ['2026-12-28', '2026-W53'],
  ])('the ISO week starting %s is %s', (monday, code) => {
    expect(isoWeekOf(monday)).toBe(code);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2026-11-23', true],
    ['2026-11-24', false],
    ['2026-11-23T00:00', false],
    ['monday', false],
  ])('%s is a Monday: %s', (date, monday) => {
    expect(isMonday(date)).toBe(monday);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-23', -28, '2026-10-26'],
  ])('%s plus %i days is %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });
});
