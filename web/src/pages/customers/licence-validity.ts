import { businessTimeZone } from '../../shared/format.ts';

// Whether a store's 专卖许可证 is still valid, as the console warns about it.
export type LicenceValidity =
  | { state: 'unknown' }
  | { state: 'valid'; daysLeft: number }
  | { state: 'expiring'; daysLeft: number }
  | { state: 'expired'; daysAgo: number };

export const licenceWarningDays = 30;

const dayMs = 86_400_000;

// The calendar day in Beijing, as days since 1970-01-01.
function businessDay(now: Date): number {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: businessTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return Date.UTC(year, month - 1, day) / dayMs;
}

// `validUntil` is the last valid day (YYYY-MM-DD): on that day the licence is still good.
export function licenceValidity(validUntil: string | null | undefined, now: Date): LicenceValidity {
  const match = validUntil ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(validUntil) : null;
  if (!match) return { state: 'unknown' };
  const lastDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs;
  const daysLeft = lastDay - businessDay(now);
  if (daysLeft < 0) return { state: 'expired', daysAgo: -daysLeft };
  if (daysLeft <= licenceWarningDays) return { state: 'expiring', daysLeft };
  return { state: 'valid', daysLeft };
}
