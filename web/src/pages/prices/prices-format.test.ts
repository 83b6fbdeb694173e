import { describe, expect, it } from 'vitest';
import {
  formatIndex,
  formatPercent,
  formatPoints,
  formatYuan,
  isoWeekOf,
  levelOf,
  sameSpanLastYear,
  shiftWeek,
  weekInstants,
} from './prices-format.ts';
import { allocationDraft } from './prices-test-fixtures.tsx';
import { allocationLink } from './supply-link.ts';

describe('the prices pages’ figures', () => {
  it.each([
    [93.24, '93.2'],
    [100, '100.0'],
    [null, '—'],
  ])('index %s reads %s', (value, text) => expect(formatIndex(value, 'zh-CN')).toBe(text));

  it.each([
    [23.5, '¥23.50'],
    [1234.567, '¥1,234.57'],
    [null, '—'],
  ])('yuan %s reads %s', (value, text) => expect(formatYuan(value, 'zh-CN')).toBe(text));

  it.each([
    [0.1048, 'zh-CN', '10.48%'],
    [0.1176, 'en', '11.76%'],
    [null, 'zh-CN', '—'],
  ] as const)('margin %s in %s reads %s', (value, locale, text) => expect(formatPercent(value, locale)).toBe(text));

  it.each([
    [0.0128, 'zh-CN', '+1.28 个百分点'],
    [-0.004, 'zh-CN', '−0.40 个百分点'],
    [0.0128, 'en', '+1.28 pts'],
    [null, 'zh-CN', '—'],
  ] as const)('change %s in %s reads %s', (value, locale, text) => expect(formatPoints(value, locale)).toBe(text));

  it.each([
    [100, 'ok'],
    [95, 'ok'],
    [94.99, 'yellow'],
    [105.01, 'yellow'],
    [89.9, 'red'],
    [110.5, 'red'],
    [null, null],
  ] as const)('index %s lies %s against the default bands', (value, level) => expect(levelOf(value)).toBe(level));
});

describe('ISO weeks', () => {
  it.each([
    ['2026-12-02', '2026-W49'],
    ['2026-11-30', '2026-W49'],
    ['2026-12-06', '2026-W49'],
    ['2027-01-01', '2026-W53'],
    ['2026-01-01', '2026-W01'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (day, week) => expect(isoWeekOf(day)).toBe(week));

  it('moves by weeks across a year end', () => {
    expect(shiftWeek('2026-W49', -12)).toBe('2026-W37');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
  });

  it('gives a week’s Beijing instants', () => {
    expect(weekInstants('2026-W49')).toEqual({ from: '2026-11-29T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' });
  });

  it('takes the same span last year', () => {
    expect(sameSpanLastYear({ from: '2028-01-01', to: '2028-02-29' })).toEqual({
      from: '2027-01-01',
      to: '2027-02-28',
    });
  });
});

describe('调整下期投放', () => {
  it('opens the draft cycle’s strategy of the product with the region reduced', () => {
    expect(allocationLink(allocationDraft)).toBe(
      '/supply/cycles/52?product=11&reduceDistricts=350602&factor=0.7&from=warning%3A31',
    );
    expect(allocationLink({ ...allocationDraft, segment: { branchIds: [3, 4] } })).toBe(
      '/supply/cycles/52?product=11&reduceBranches=3%2C4&factor=0.7&from=warning%3A31',
    );
    expect(allocationLink({ ...allocationDraft, cycle: null, createWeekStart: '2026-12-07' })).toBeNull();
  });
});
