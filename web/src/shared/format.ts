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

// A day written out in full (2026年12月7日星期一, Monday, December 7, 2026): the console home's.
export function formatLongDay(value: Date, locale: Locale): string {
  const create = () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: businessTimeZone });
  return cached(dateFormats, `${locale}|long`, create).format(value);
}

// The first formatter of a kind loads the language's data from Intl (tens of milliseconds on a
// phone): the console makes the home's before its first render (main.tsx), not in the render of
// the shell nor in that of the first figures, which come after the first paint.
export function prepareFormats(locale: Locale): void {
  formatLongDay(new Date(), locale);
  formatNumber(0, locale);
}

type DateStyle = 'dateTime' | 'date' | 'dateTimeSeconds';

// Chinese: one convention everywhere, 2026-03-02 for a date and 2026-03-02 10:10 for a time
// (built from parts, since Intl's zh-CN gives 2026/03/02). English: 2 Mar 2026, 10:10, because
// 03/02 reads as March in one country and February in another.
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
  const formatter = cached(dateFormats, `${locale}|${style}`, () => dateTimeFormatFor(locale, style));
  if (locale !== 'zh-CN') return formatter.format(date);
  const part = Object.fromEntries(formatter.formatToParts(date).map((entry) => [entry.type, entry.value]));
  const day = `${part.year}-${part.month}-${part.day}`;
  if (style === 'date') return day;
  return `${day} ${part.hour}:${part.minute}${style === 'dateTimeSeconds' ? `:${part.second}` : ''}`;
}

const calendarDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// A calendar day the server sends as '2026-12-06' (a week start, an effective date): no time and
// no zone, so it is shown as that day wherever the browser is.
export function formatDay(value: string | null | undefined, locale: Locale) {
  if (!value || !calendarDayPattern.test(value)) return '—';
  return formatDate(`${value}T12:00:00+08:00`, locale, 'date');
}

// From–to, the same way everywhere: 2026-11-30 至 2026-12-06 (or 30 Nov 2026 – 6 Dec 2026).
// Each end is a calendar day ('2026-12-06') or an instant; `style` says how instants show.
export function formatDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  locale: Locale,
  style: DateStyle = 'date',
) {
  const show = (value: string | null | undefined) =>
    value && calendarDayPattern.test(value) ? formatDay(value, locale) : formatDate(value, locale, style);
  return `${show(from)}${locale === 'zh-CN' ? ' 至 ' : ' – '}${show(to)}`;
}

const isoWeekPattern = /^(\d{4})-W(\d{2})$/;
const monthNamesEnglish = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The Monday of an ISO week ('2026-W49' → '2026-11-30'); null if the code is not a real week.
export function mondayOfIsoWeek(code: string): string | null {
  const match = isoWeekPattern.exec(code);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // Week 1 is the week with 4 January in it.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(january4);
  monday.setUTCDate(4 - ((january4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);
  if (week < 1 || thursday.getUTCFullYear() !== year) return null;
  return utcDay(monday);
}

// A week as a store owner says it: the month its Thursday falls in, and which week of that month
// (so 2026-W49, 30 Nov – 6 Dec, is 12月第1周; every week belongs to exactly one month).
export function formatWeekOfMonth(weekStart: string, locale: Locale): string {
  if (!calendarDayPattern.test(weekStart)) return weekStart;
  const thursday = new Date(`${weekStart}T00:00:00Z`);
  if (Number.isNaN(thursday.getTime())) return weekStart;
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const month = thursday.getUTCMonth();
  const week = Math.ceil(thursday.getUTCDate() / 7);
  return locale === 'zh-CN' ? `${month + 1}月第${week}周` : `Week ${week} of ${monthNamesEnglish[month]}`;
}

function mondayOfCycle(codeOrWeekStart: string): string | null {
  const monday = calendarDayPattern.test(codeOrWeekStart) ? codeOrWeekStart : mondayOfIsoWeek(codeOrWeekStart);
  return monday && !Number.isNaN(new Date(`${monday}T00:00:00Z`).getTime()) ? monday : null;
}

// The short form, where a phone has room for little: 12月第1周.
export function formatCycleWeekShort(codeOrWeekStart: string, locale: Locale): string {
  const monday = mondayOfCycle(codeOrWeekStart);
  return monday ? formatWeekOfMonth(monday, locale) : codeOrWeekStart;
}

// A supply cycle's week, from its code ('2026-W49') or its Monday ('2026-11-30'):
// 12月第1周（2026-11-30 至 2026-12-06）. Anything else is shown as it came.
export function formatCycleWeek(codeOrWeekStart: string, locale: Locale): string {
  const monday = mondayOfCycle(codeOrWeekStart);
  if (!monday) return codeOrWeekStart;
  const sunday = new Date(`${monday}T00:00:00Z`);
  sunday.setUTCDate(sunday.getUTCDate() + 6);
  const range = formatDateRange(monday, utcDay(sunday), locale);
  return locale === 'zh-CN'
    ? `${formatWeekOfMonth(monday, locale)}（${range}）`
    : `${formatWeekOfMonth(monday, locale)} (${range})`;
}
