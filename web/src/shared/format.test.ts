import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format.ts';

describe(formatDate.name, () => {
  it('shows instants in Beijing time, whatever the browser zone', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(formatDate('2026-03-01T16:30:00Z', 'zh-CN', 'dateTime')).toBe('2026/03/02 00:30');
    expect(formatDate('2026-03-01T16:30:00Z', 'zh-CN', 'date')).toBe('2026/03/02');
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
