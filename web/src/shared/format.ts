import type { Locale } from './i18n/locale.ts';

// Business dates are Beijing time whatever the browser's zone (field staff travel, servers don't).
export const businessTimeZone = 'Asia/Shanghai';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

export function formatNumber(value: number | null | undefined, locale: Locale, options: Intl.NumberFormatOptions = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const key = `${locale}|${JSON.stringify(options)}`;
  return cached(numberFormats, key, () => new Intl.NumberFormat(locale, options)).format(value);
}

type DateStyle = 'dateTime' | 'date' | 'dateTimeSeconds';

// Chinese: the familiar 2026/03/02 10:10. English: 2 Mar 2026, 10:10, because 03/02 reads
// as March in one country and February in another.
function dateTimeFormatFor(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const isChinese = locale === 'zh-CN';
  const date: Intl.DateTimeFormatOptions = isChinese
    ? { year: 'numeric', month: '2-digit', day: '2-digit' }
    : { year: 'numeric', month: 'short', day: 'numeric' };
  const time: Intl.DateTimeFormatOptions =
    style === 'date'
      ? {}
      : {
          hour: '2-digit',
          minute: '2-digit',
          ...(style === 'dateTimeSeconds' ? { second: '2-digit' } : {}),
          hourCycle: 'h23',
        };
  return new Intl.DateTimeFormat(isChinese ? 'zh-CN' : 'en-GB', { ...date, ...time, timeZone: businessTimeZone });
}

export function formatDate(
  value: string | number | Date | null | undefined,
  locale: Locale,
  style: DateStyle = 'dateTime',
) {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(dateFormats, `${locale}|${style}`, () => dateTimeFormatFor(locale, style)).format(date);
}
