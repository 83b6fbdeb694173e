import { formatNumber } from './format.ts';
import type { Locale } from './i18n/locale.ts';

// How the credit pages write their numbers: shares (the server's percentages 0–100) with one decimal, scores with
// one decimal, points with their sign (+5, −2), months as 2026-11 (Chinese) or Nov 2026.

export function formatShare(share: number | null | undefined, locale: Locale): string {
  if (share === null || share === undefined) return '—';
  return formatNumber(share / 100, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatScore(score: number | null | undefined, locale: Locale): string {
  return formatNumber(score, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatPoints(points: number, locale: Locale): string {
  const magnitude = formatNumber(Math.abs(points), locale, { maximumFractionDigits: 1 });
  if (points > 0) return `+${magnitude}`;
  if (points < 0) return `−${magnitude}`;
  return magnitude;
}

// A change of share (percentages) in percentage points, signed: +1.2 / −0.4.
export function formatSharePoints(before: number, after: number, locale: Locale): string {
  const points = Math.round((after - before) * 10) / 10;
  return formatPoints(points, locale);
}

const monthPattern = /^(\d{4})-(\d{2})$/;
const monthsEnglish = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatMonth(month: string | null | undefined, locale: Locale): string {
  const match = month ? monthPattern.exec(month) : null;
  if (!match) return month ?? '—';
  return locale === 'zh-CN' ? `${match[1]}-${match[2]}` : `${monthsEnglish[Number(match[2]) - 1]} ${match[1]}`;
}

// Whole days from `today` to a due day (both 'YYYY-MM-DD'): negative once overdue.
export function daysUntil(dueOn: string, today: string): number {
  const day = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000;
  return Math.round(day(dueOn) - day(today));
}
