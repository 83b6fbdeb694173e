import { formatNumber } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';

// A share as a fraction (0.708), or null when the whole is 0: "no stores" is not "0 %".
export function rateOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return part / whole;
}

// 70.8% (one decimal, as the business reports it); — when there is nothing to divide by.
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return formatNumber(rate, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// A quota as stored: -1 (or null from the API) is 不限.
export function isUnlimitedQuota(quota: number | null | undefined): boolean {
  return quota === null || quota === undefined || quota < 0;
}

// The factor applied when demand exceeded supply; 1 means nothing was scaled.
export function formatScale(scale: number, locale: Locale): string {
  if (!Number.isFinite(scale)) return '—';
  if (scale >= 1) return '×1';
  return `×${formatNumber(scale, locale, { maximumFractionDigits: 3 })}`;
}

export function formatYuan(value: number | null | undefined, locale: Locale): string {
  return formatNumber(value, locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
}
