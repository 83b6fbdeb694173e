import { describe, expect, it } from 'vitest';
import { addDays, fillEmptyWeeks, isMonday, isoWeekdayOf, isoWeekOf, mondayOf } from './weeks.ts';

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

describe(fillEmptyWeeks.name, () => {
  it.each([
    {
      case: 'a quiet week in the middle is 0',
      rows: [
        { week: '2026-11-02', count: 3 },
        { week: '2026-11-16', count: 5 },
      ],
      first: '2026-11-02',
      last: '2026-11-22',
      weeks: [
        ['2026-11-02', 3],
        ['2026-11-09', 0],
        ['2026-11-16', 5],
      ],
    },
    {
      case: 'days mid-week reach back to their Monday; empty weeks at both ends are kept',
      rows: [{ week: '2026-11-09', count: 2 }],
      first: '2026-11-04',
      last: '2026-11-18',
      weeks: [
        ['2026-11-02', 0],
        ['2026-11-09', 2],
        ['2026-11-16', 0],
      ],
    },
    {
      case: 'no rows at all: every week 0',
      rows: [],
      first: '2026-12-28',
      last: '2027-01-10',
      weeks: [
        ['2026-12-28', 0],
        ['2027-01-04', 0],
      ],
    },
    {
      case: 'rows outside the range are dropped',
      rows: [
        { week: '2026-10-26', count: 9 },
        { week: '2026-11-02', count: 1 },
      ],
      first: '2026-11-02',
      last: '2026-11-08',
      weeks: [['2026-11-02', 1]],
    },
    { case: 'an empty range has no weeks', rows: [], first: '2026-11-10', last: '2026-11-01', weeks: [] },
  ])('$case', ({ rows, first, last, weeks }) => {
    expect(fillEmptyWeeks(rows, first, last).map((row) => [row.week, row.count])).toEqual(weeks);
  });

  it('spaces a year evenly, seven days apart', () => {
    const weeks = fillEmptyWeeks([], '2025-12-03', '2026-12-02');
    expect(weeks).toHaveLength(53);
    for (let index = 1; index < weeks.length; index += 1) {
      expect(Date.parse(weeks[index].week) - Date.parse(weeks[index - 1].week)).toBe(7 * 86_400_000);
    }
  });
});
