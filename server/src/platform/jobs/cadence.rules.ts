import { beijingDateOf, beijingMidnightOf } from '../time/beijing.ts';
import { addDays } from '../time/weeks.ts';

// How often a background job runs: every N minutes, every day at a Beijing time, or every month
// on a day at a Beijing time (a day past the month's end means its last day).
export type Cadence =
  | { kind: 'minutes'; every: number }
  | { kind: 'daily'; at: string }
  | { kind: 'monthly'; day: number; at: string };

export const everyMinutes = (every: number): Cadence => ({ kind: 'minutes', every });
export const daily = (at: string): Cadence => ({ kind: 'daily', at });
export const monthly = (day: number, at: string): Cadence => ({ kind: 'monthly', day, at });

const minuteMs = 60_000;

function minutesOf(at: string): number {
  const [hours, minutes] = at.split(':').map(Number);
  return hours * 60 + minutes;
}

// When a job is next due, given when it last started (never: due at once). Pure.
export function nextRunAfter(cadence: Cadence, lastStarted: Date | undefined): Date {
  if (!lastStarted) return new Date(0);
  if (cadence.kind === 'minutes') return new Date(lastStarted.getTime() + cadence.every * minuteMs);
  const day = beijingDateOf(lastStarted);
  const at = (date: string) => new Date(beijingMidnightOf(date).getTime() + minutesOf(cadence.at) * minuteMs);
  if (cadence.kind === 'daily') {
    const today = at(day);
    return today > lastStarted ? today : at(addDays(day, 1));
  }
  const thisMonth = at(dayOfMonth(day.slice(0, 7), cadence.day));
  return thisMonth > lastStarted ? thisMonth : at(dayOfMonth(nextMonth(day.slice(0, 7)), cadence.day));
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function dayOfMonth(month: string, day: number): string {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
