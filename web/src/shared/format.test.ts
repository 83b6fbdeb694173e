import { describe, expect, it } from 'vitest';
import {
  formatCycleWeek,
  formatCycleWeekShort,
  formatDate,
  formatDateRange,
  formatDay,
  formatLongDay,
  formatNumber,
  formatWeekOfMonth,
  mondayOfIsoWeek,
} from './format.ts';
import type { Locale } from './i18n/locale.ts';

describe(formatDate.name, () => {
  it('shows instants in Beijing time, whatever the browser zone', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(formatDate('2026-03-01T16:30:00Z', 'zh-CN', 'dateTime')).toBe('2026-03-02 00:30');
    expect(formatDate('2026-03-01T16:30:00Z', 'zh-CN', 'date')).toBe('2026-03-02');
  });

  it.each<[string, Locale, 'date' | 'dateTime' | 'dateTimeSeconds', string]>([
    ['2026-12-06T06:30:05Z', 'zh-CN', 'date', '2026-12-06'],
    ['2026-12-06T06:30:05Z', 'zh-CN', 'dateTime', '2026-12-06 14:30'],
    ['2026-12-06T06:30:05Z', 'zh-CN', 'dateTimeSeconds', '2026-12-06 14:30:05'],
    ['2026-12-31T16:00:00Z', 'zh-CN', 'dateTime', '2027-01-01 00:00'],
    ['2026-12-06T06:30:05Z', 'en', 'date', '6 Dec 2026'],
    ['2026-12-06T06:30:05Z', 'en', 'dateTime', '6 Dec 2026, 14:30'],
  ])('formats %s in %s as %s → %s', (value, locale, style, expected) => {
    expect(formatDate(value, locale, style)).toBe(expected);
  });

  it('spells the month out in English, so 03/02 cannot be misread', () => {
    expect(formatDate('2026-03-01T16:30:00Z', 'en', 'dateTime')).toBe('2 Mar 2026, 00:30');
  });

  it('shows a dash for missing or invalid values', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('—');
  });
});

describe(formatNumber.name, () => {
  it('groups digits for the locale', () => {
    expect(formatNumber(23418, 'zh-CN')).toBe('23,418');
    expect(formatNumber(0.7062, 'en', { style: 'percent', maximumFractionDigits: 2 })).toBe('70.62%');
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber(undefined, 'zh-CN')).toBe('—');
  });
});

describe(formatDay.name, () => {
  it.each<[string | null, Locale, string]>([
    ['2026-12-06', 'zh-CN', '2026-12-06'],
    ['2026-01-01', 'zh-CN', '2026-01-01'],
    ['2026-12-06', 'en', '6 Dec 2026'],
    ['2026-12-06T10:00:00Z', 'zh-CN', '—'],
    ['12-06', 'zh-CN', '—'],
    [null, 'zh-CN', '—'],
  ])('shows the calendar day %s in %s as %s', (value, locale, expected) => {
    expect(formatDay(value, locale)).toBe(expected);
  });
});

describe(formatLongDay.name, () => {
  it.each<[string, Locale, string]>([
    ['2026-12-07T02:00:00Z', 'zh-CN', '2026年12月7日星期一'],
    // 23:30 in London is already Tuesday in Beijing.
    ['2026-12-07T23:30:00Z', 'zh-CN', '2026年12月8日星期二'],
    ['2026-12-07T02:00:00Z', 'en', 'Monday, December 7, 2026'],
  ])('writes the day of %s in %s out in full, in Beijing: %s', (instant, locale, expected) => {
    expect(formatLongDay(new Date(instant), locale)).toBe(expected);
  });
});

describe(formatDateRange.name, () => {
  it.each<[string, string, Locale, string]>([
    ['2025-12-07', '2026-12-07', 'zh-CN', '2025-12-07 至 2026-12-07'],
    ['2025-12-07', '2026-12-07', 'en', '7 Dec 2025 – 7 Dec 2026'],
    ['2026-11-30T00:00:00Z', '2026-12-06T15:59:00Z', 'zh-CN', '2026-11-30 至 2026-12-06'],
    ['2026-12-01', 'not a date', 'zh-CN', '2026-12-01 至 —'],
  ])('shows %s to %s in %s as %s', (from, to, locale, expected) => {
    expect(formatDateRange(from, to, locale)).toBe(expected);
  });

  it('shows times when asked', () => {
    expect(formatDateRange('2026-12-01T00:00:00Z', '2026-12-03T09:00:00Z', 'zh-CN', 'dateTime')).toBe(
      '2026-12-01 08:00 至 2026-12-03 17:00',
    );
  });
});

describe(mondayOfIsoWeek.name, () => {
  it.each<[string, string | null]>([
    ['2026-W49', '2026-11-30'],
    ['2026-W01', '2025-12-29'], // 1 January 2026 is a Thursday: its week starts in 2025
    ['2026-W53', '2026-12-28'], // 2026 has 53 weeks
    ['2025-W53', null], // 2025 has 52
    ['2027-W01', '2027-01-04'],
    ['2026-W00', null],
    ['2026-49', null],
    ['', null],
  ])('finds the Monday of %s: %s', (code, expected) => {
    expect(mondayOfIsoWeek(code)).toBe(expected);
  });
});

describe(formatWeekOfMonth.name, () => {
  it.each<[string, Locale, string]>([
    ['2026-11-30', 'zh-CN', '12月第1周'], // its Thursday is 3 December
    ['2026-12-07', 'zh-CN', '12月第2周'],
    ['2026-12-28', 'zh-CN', '12月第5周'], // Thursday 31 December
    ['2026-11-23', 'zh-CN', '11月第4周'],
    ['2026-06-29', 'zh-CN', '7月第1周'],
    ['2026-11-30', 'en', 'Week 1 of Dec'],
    ['soon', 'zh-CN', 'soon'],
  ])('calls the week of %s in %s %s', (weekStart, locale, expected) => {
    expect(formatWeekOfMonth(weekStart, locale)).toBe(expected);
  });
});

describe(formatCycleWeek.name, () => {
  it.each<[string, Locale, string]>([
    ['2026-W49', 'zh-CN', '12月第1周（2026-11-30 至 2026-12-06）'],
    ['2026-11-30', 'zh-CN', '12月第1周（2026-11-30 至 2026-12-06）'],
    ['2026-W53', 'zh-CN', '12月第5周（2026-12-28 至 2027-01-03）'],
    ['2026-W49', 'en', 'Week 1 of Dec (30 Nov 2026 – 6 Dec 2026)'],
    ['2025-W53', 'zh-CN', '2025-W53'],
    ['spring', 'en', 'spring'],
  ])('says %s in %s as %s', (code, locale, expected) => {
    expect(formatCycleWeek(code, locale)).toBe(expected);
  });
});

describe(formatCycleWeekShort.name, () => {
  it.each<[string, Locale, string]>([
    ['2026-W49', 'zh-CN', '12月第1周'],
    ['2026-W48', 'zh-CN', '11月第4周'],
    ['2026-11-30', 'en', 'Week 1 of Dec'],
    ['2026-W99', 'zh-CN', '2026-W99'],
  ])('says %s in %s as %s', (code, locale, expected) => {
    expect(formatCycleWeekShort(code, locale)).toBe(expected);
  });
});
