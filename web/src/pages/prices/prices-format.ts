import { formatNumber, mondayOfIsoWeek } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

// 价格监管's figures as the business reads them: an index to one decimal (98.6), money in yuan
// with 2 decimals (¥23.50), a margin as a percentage to 2 decimals (11.76%), counts whole; — when
// there is no figure (no observations is no index, not 0).

export function formatIndex(index: number | null | undefined, locale: Locale): string {
  return formatNumber(index, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatYuan(yuan: number | null | undefined, locale: Locale): string {
  return formatNumber(yuan, locale, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

// Large sums (a branch's retail amount over a year): whole yuan.
export function formatAmount(yuan: number | null | undefined, locale: Locale): string {
  return formatNumber(yuan, locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
}

// A fraction 0–1 as 11.76%.
export function formatPercent(fraction: number | null | undefined, locale: Locale): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return formatNumber(fraction, locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// A difference of two fractions in percentage points: +1.28 个百分点 / −0.40 pts.
export function formatPoints(delta: number | null | undefined, locale: Locale): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  const points = formatNumber(Math.abs(delta * 100), locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  return locale === 'zh-CN' ? `${sign}${points} 个百分点` : `${sign}${points} pts`;
}

export function formatCount(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, { maximumFractionDigits: 0 });
}

// Where an index lies against the bands: inside yellow (ok), outside yellow (yellow), outside red.
export type IndexBands = { yellowFloor: number; yellowCeiling: number; redFloor: number; redCeiling: number };
export const defaultBands: IndexBands = { yellowFloor: 95, yellowCeiling: 105, redFloor: 90, redCeiling: 110 };

export function levelOf(index: number | null | undefined, bands: IndexBands = defaultBands) {
  if (index === null || index === undefined || !Number.isFinite(index)) return null;
  if (index < bands.redFloor || index > bands.redCeiling) return 'red' as const;
  if (index < bands.yellowFloor || index > bands.yellowCeiling) return 'yellow' as const;
  return 'ok' as const;
}

export const levelColors = { ok: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;

// The heat table's cell: green around 100, amber toward the yellow band's edge, red beyond red.
export function heatColor(index: number | null | undefined, bands: IndexBands = defaultBands): string {
  const level = levelOf(index, bands);
  if (level === null) return '#f5f5f5';
  if (level === 'red') return '#ffccc7';
  if (level === 'yellow') return '#ffe7ba';
  return '#d9f7be';
}

// 价类 as the industry says it: 一类烟 … 五类烟 (Class 1 … 5 in English).
export function classNumeral(priceClass: number | null | undefined, locale: Locale): string {
  if (priceClass === null || priceClass === undefined) return '—';
  return locale === 'zh-CN' ? ('一二三四五'[priceClass - 1] ?? String(priceClass)) : String(priceClass);
}

// ── ISO weeks (the API's week=YYYY-Www) ───────────────────────────────────────────────────────

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// The ISO week a calendar day ('2026-12-02') falls in: '2026-W49'.
export function isoWeekOf(day: string): string {
  if (!dayPattern.test(day)) throw new Error(`Not a calendar day: ${day}`);
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = thursday.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = new Date(january4);
  firstThursday.setUTCDate(4 - ((january4.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// A week `by` weeks later (negative: earlier).
export function shiftWeek(week: string, by: number): string {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new Error(`Not an ISO week: ${week}`);
  const date = new Date(`${monday}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by * 7);
  return isoWeekOf(date.toISOString().slice(0, 10));
}

// The instants a week covers in Beijing time: [Monday 00:00, next Monday 00:00).
export function weekInstants(week: string): { from: string; to: string } {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new Error(`Not an ISO week: ${week}`);
  const start = new Date(`${monday}T00:00:00+08:00`);
  return { from: start.toISOString(), to: new Date(start.getTime() + 7 * 86_400_000).toISOString() };
}

// The same span a year before (29 February → 28 February).
export function sameSpanLastYear(span: { from: string; to: string }): { from: string; to: string } {
  const back = (day: string) => {
    const year = Number(day.slice(0, 4)) - 1;
    const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
    return `${year}${rest}`;
  };
  return { from: back(span.from), to: back(span.to) };
}

// Yuan typed on a phone: "23.5" → 23.5; more than 2 decimals, ≤ 0 or not a number → null.
export function parsePackPrice(text: string): number | null {
  const trimmed = text.trim().replace(/^¥/, '').replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > 0 ? value : null;
}
