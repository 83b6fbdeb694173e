import { formatNumber } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

// 70.8% (one decimal, as the business reports it); — when there is nothing to divide by (null).
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return formatNumber(rate, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// 存销比 as a plain ratio: 1.25.
export function formatRatio(ratio: number | null | undefined, locale: Locale): string {
  return formatNumber(ratio, locale, { maximumFractionDigits: 2 });
}

// Cartons may be half a carton (0.5); counts of stores are whole.
export function formatCount(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}

// Progress toward a goal: actual ÷ goal (0.92 = 92 % of the way); null without both.
export function progressOf(actual: number | null | undefined, goal: number | null | undefined): number | null {
  if (actual === null || actual === undefined || goal === null || goal === undefined || goal <= 0) return null;
  return actual / goal;
}

// Whether a ratio lies inside the goal band (null: no figure or no band, so no verdict).
export function isInBand(ratio: number | null | undefined, band: { min: number; max: number } | undefined) {
  if (ratio === null || ratio === undefined || !band) return null;
  return ratio >= band.min && ratio <= band.max;
}
