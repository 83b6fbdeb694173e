import { formatNumber } from '../../shared/format.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { type ServqualDimension, servqualDimensions, type WaveStatus } from './surveys.api.ts';

// How the surveys pages write their figures (zh-CN number formatting): a rate or share as a
// percentage with one decimal, the index with one decimal, NPS as a signed whole number, a gap
// on the answer scale with two decimals; — for a figure that is not there.

export const formatRate = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

// A margin of error or a confidence level: ±3%, 95%.
export const formatPercent = (value: number, locale: Locale) =>
  formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });

export const formatIndex = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatNps = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export const formatScore = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatGap = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export const formatCount = (value: number | null | undefined, locale: Locale) => formatNumber(value ?? 0, locale);

export const statusColors: Record<WaveStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

// The server names a SERVQUAL dimension by its code (a string in its answers).
export const isDimension = (code: string | null | undefined): code is ServqualDimension =>
  (servqualDimensions as readonly (string | null | undefined)[]).includes(code);
