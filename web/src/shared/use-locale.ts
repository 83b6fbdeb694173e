import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from './format.ts';
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
  };
}
