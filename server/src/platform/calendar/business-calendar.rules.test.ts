import { describe, expect, it } from 'vitest';
import {
  emptyHolidayCalendar,
  type HolidayCalendar,
  isWorkingDay,
  workingDaysOfMonth,
} from './business-calendar.rules.ts';
import { chinaPublicHolidays } from './china-holidays.ts';

// October 2026: 国庆 and 中秋 from Friday 1 to Wednesday 7 (and 25–27 September), with Saturday
// 10 October worked in their place.
const october: HolidayCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-10-10'],
};

describe(isWorkingDay.name, () => {
  it.each([
    ['an ordinary Monday', emptyHolidayCalendar, '2026-11-23', true],
    ['an ordinary Friday', emptyHolidayCalendar, '2026-11-27', true],
    ['an ordinary Saturday', emptyHolidayCalendar, '2026-11-28', false],
    ['an ordinary Sunday', emptyHolidayCalendar, '2026-11-29', false],
    ['a holiday on a weekday', october, '2026-10-01', false],
    ['a holiday on a Monday', october, '2026-10-05', false],
    ['a make-up Saturday', october, '2026-10-10', true],
    ['a weekend day that is neither', october, '2026-10-11', false],
    ['a weekday after the holidays', october, '2026-10-08', true],
    ['a weekday in a year without a notice', october, '2031-10-01', true],
  ])('%s (%s) is a working day: %s', (_, calendar, date, working) => {
    expect(isWorkingDay(calendar, date)).toBe(working);
  });

  it.each([
    ['a Saturday of a desk open on Saturdays', [1, 2, 3, 4, 5, 6], '2026-11-28', true],
    ['a Monday of a desk closed on Mondays', [2, 3, 4, 5, 6], '2026-11-23', false],
    ['a holiday of a desk open every day', [1, 2, 3, 4, 5, 6, 7], '2026-10-01', false],
    ['a make-up Saturday of a desk closed on Saturdays', [1, 2, 3, 4, 5], '2026-10-10', true],
  ])('%s is a working day: %s', (_, weekdays, date, working) => {
    expect(isWorkingDay(october, date, weekdays)).toBe(working);
  });
});

describe(workingDaysOfMonth.name, () => {
  it.each([
    ['2026-10', 18],
    ['2026-02', 16],
    ['2026-11', 21],
    ['2027-01', 20],
  ])('%s has %i working days under the national calendar', (month, count) => {
    const days = workingDaysOfMonth(chinaPublicHolidays, month);
    expect(days).toHaveLength(count);
    expect(days.every((day) => day.startsWith(`${month}-`) && isWorkingDay(chinaPublicHolidays, day))).toBe(true);
  });

  it('counts a make-up weekend day and none of the holidays', () => {
    const days = workingDaysOfMonth(chinaPublicHolidays, '2026-10');
    expect(days).toContain('2026-10-10');
    expect(days).not.toContain('2026-10-01');
  });
});
