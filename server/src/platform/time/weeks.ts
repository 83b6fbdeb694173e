import { beijingDateOf } from './beijing.ts';

// Calendar arithmetic on Beijing days (YYYY-MM-DD): weekdays, Mondays, ISO weeks. A day string
// names a calendar day, not an instant, so the sums are done at UTC midnight where no zone moves it.

const dayMs = 86_400_000;

const midnightOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(midnightOf(date) + days * dayMs).toISOString().slice(0, 10);
}

// 1 = Monday … 7 = Sunday.
export function isoWeekdayOf(date: string): number {
  return new Date(midnightOf(date)).getUTCDay() || 7;
}

export function isMonday(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isoWeekdayOf(date) === 1;
}

// The Monday (Beijing time) of the week an instant falls in.
export function mondayOf(instant: Date): string {
  const day = beijingDateOf(instant);
  return addDays(day, 1 - isoWeekdayOf(day));
}

// The ISO 8601 week of the week starting on a Monday, "2026-W48": the week belongs to the year of
// its Thursday.
export function isoWeekOf(monday: string): string {
  const thursday = new Date(midnightOf(monday) + 3 * dayMs);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / dayMs / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// The Monday of the week a Beijing day falls in.
export function mondayOfDay(date: string): string {
  return addDays(date, 1 - isoWeekdayOf(date));
}

// A weekly series on an even axis: one row for every week from the one holding `firstDay` to the
// one holding `lastDay` (Beijing days, inclusive), a week without a row counted 0 — so a chart's
// weeks are evenly spaced and a quiet week shows as 0, not as a gap closed up. `rows` are keyed by
// the week's Monday; rows outside the range are dropped. An empty range (lastDay before firstDay)
// has no weeks.
export function fillEmptyWeeks(
  rows: readonly { week: string; count: number }[],
  firstDay: string,
  lastDay: string,
): { week: string; count: number }[] {
  const counts = new Map(rows.map((row) => [row.week, row.count]));
  const last = mondayOfDay(lastDay);
  const weeks: { week: string; count: number }[] = [];
  for (let week = mondayOfDay(firstDay); week <= last; week = addDays(week, 7)) {
    weeks.push({ week, count: counts.get(week) ?? 0 });
  }
  return weeks;
}
