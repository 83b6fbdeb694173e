import { useTranslation } from 'react-i18next';
import {
  formatCycleWeek,
  formatCycleWeekShort,
  formatDate,
  formatDateRange,
  formatDay,
  formatLongDay,
  formatNumber,
} from './format.ts';
import { defaultLocale, isLocale, type Locale } from './i18n/locale.ts';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

// Formatting bound to the current UI language.
export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) =>
      formatNumber(value, locale, options),
    date: (value: string | number | Date | null | undefined) => formatDate(value, locale, 'date'),
    dateTime: (value: string | number | Date | null | undefined) => formatDate(value, locale, 'dateTime'),
    dateTimeSeconds: (value: string | number | Date | null | undefined) => formatDate(value, locale, 'dateTimeSeconds'),
    longDay: (value: Date) => formatLongDay(value, locale),
    // A calendar day sent as '2026-12-06'.
    day: (value: string | null | undefined) => formatDay(value, locale),
    dateRange: (from: string | null | undefined, to: string | null | undefined) => formatDateRange(from, to, locale),
    dateTimeRange: (from: string | null | undefined, to: string | null | undefined) =>
      formatDateRange(from, to, locale, 'dateTime'),
    // A supply cycle's week ('2026-W49' or its Monday) as 12月第1周（2026-11-30 至 2026-12-06）.
    cycleWeek: (codeOrWeekStart: string) => formatCycleWeek(codeOrWeekStart, locale),
    cycleWeekShort: (codeOrWeekStart: string) => formatCycleWeekShort(codeOrWeekStart, locale),
  };
}
