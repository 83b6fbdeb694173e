import type { NewCycleRequest } from './supply.api.ts';

// Dates here are calendar dates ('2026-11-30'); the arithmetic runs in UTC so that no browser
// time zone can move a day.
function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayString(date);
}

export function isMonday(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && parseDay(day).getUTCDay() === 1;
}

// The Monday on or after a day: the next cycle to plan.
export function nextMonday(today: string): string {
  const weekday = parseDay(today).getUTCDay(); // 0 = Sunday
  return addDays(today, (8 - weekday) % 7);
}

// A cycle's code is its ISO week ('2026-W49'): the week belongs to the year of its Thursday.
export function cycleCodeOf(weekStart: string): string {
  const thursday = parseDay(addDays(weekStart, 3 - ((parseDay(weekStart).getUTCDay() + 6) % 7)));
  const year = thursday.getUTCFullYear();
  const firstThursday = parseDay(`${year}-01-01`);
  firstThursday.setUTCDate(1 + ((4 - firstThursday.getUTCDay() + 7) % 7));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const cutoffPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export type CycleDraft = { weekStart: string; orderDayOnly: boolean; dailyCutoff: string };

// Beijing time has no daylight saving: a wall-clock time there is UTC+8 all year.
export function shanghaiInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

// Order-day cycles take their windows from each store's order day; a whole-week cycle is open
// from Monday 08:00 to Sunday's cutoff.
export function newCycleRequest(draft: CycleDraft): NewCycleRequest {
  const request: NewCycleRequest = {
    weekStart: draft.weekStart,
    orderDayOnly: draft.orderDayOnly,
    dailyCutoff: draft.dailyCutoff,
  };
  if (!draft.orderDayOnly) {
    request.opensAt = shanghaiInstant(draft.weekStart, '08:00');
    request.closesAt = shanghaiInstant(addDays(draft.weekStart, 6), draft.dailyCutoff);
  }
  return request;
}
