import { type HolidayCalendar, workingDaysOfMonth } from '../../platform/calendar/business-calendar.rules.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { isoWeekdayOf } from '../../platform/time/weeks.ts';
import type { CustomerClass } from '../customers/index.ts';

// 月计划: which stores a customer manager visits on which working day of a month. Pure: the month,
// the company's calendar, the standards and the stores come in; the plan goes out.

// 走访标准 by class, visits a month. A store not yet classified (class null) is treated as 普通客户.
export const defaultVisitStandards: Record<CustomerClass, number> = {
  demonstration: 4,
  growth: 2,
  ordinary: 1,
  special: 1,
};
export const maxVisitsPerMonth = 8;

export type VisitStandards = Record<CustomerClass, number>;

export type PlanStore = {
  customerId: number;
  classCode: CustomerClass | null;
  // 1 = Monday … 7 = Sunday: the store's 订货日, a day a visit is avoided (the store is busy ordering).
  orderDay: number;
  // A per-store standard over the class's.
  override?: number | null;
};

export type PlannedVisit = { customerId: number; date: string };

export function standardOf(store: PlanStore, standards: VisitStandards): number {
  if (store.override !== undefined && store.override !== null) return store.override;
  return standards[store.classCode ?? 'ordinary'];
}

export function parseMonth(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12 || year < 2000 || year > 2100)
    throw new DomainError('VISIT_MONTH_INVALID', { month });
  return { year, month: monthNumber };
}

// YYYY-MM of a date in Beijing time.
export function monthOf(now: Date): string {
  return beijingDateOf(now).slice(0, 7);
}

// The month's working days in the city company's calendar (weekends off but for make-up days,
// holidays off).
export function workingDaysOf(month: string, calendar: HolidayCalendar): string[] {
  parseMonth(month);
  return workingDaysOfMonth(calendar, month);
}

// Spreads each store's visits over the month: a store with n visits gets one in each n-th of the
// working days, on the least loaded day of that stretch that is not its order day (the earliest on
// a tie, after a per-store offset so that stores do not all start on the same day). When a stretch
// holds only order days, the nearest other working day is taken.
export function generateMonthlyPlan(input: {
  month: string;
  calendar: HolidayCalendar;
  standards: VisitStandards;
  stores: readonly PlanStore[];
}): PlannedVisit[] {
  const days = workingDaysOf(input.month, input.calendar);
  if (days.length === 0) return [];
  const weekdays = days.map(isoWeekdayOf);
  const load = new Int32Array(days.length);
  const plan: PlannedVisit[] = [];
  // Stores with more visits first: they have the least freedom.
  const stores = [...input.stores].sort(
    (a, b) => standardOf(b, input.standards) - standardOf(a, input.standards) || a.customerId - b.customerId,
  );
  for (const store of stores) {
    const count = Math.min(standardOf(store, input.standards), days.length, maxVisitsPerMonth);
    const taken = new Set<number>();
    for (let k = 0; k < count; k += 1) {
      const from = Math.floor((k * days.length) / count);
      const to = Math.max(from + 1, Math.floor(((k + 1) * days.length) / count));
      const span = to - from;
      let best = -1;
      for (let step = 0; step < span; step += 1) {
        const index = from + ((step + store.customerId) % span);
        if (weekdays[index] === store.orderDay || taken.has(index)) continue;
        if (best === -1 || load[index] < load[best]) best = index;
      }
      if (best === -1) best = nearestFreeDay(from, weekdays, store.orderDay, taken);
      if (best === -1) continue;
      taken.add(best);
      load[best] += 1;
      plan.push({ customerId: store.customerId, date: days[best] });
    }
  }
  return plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customerId - b.customerId));
}

function nearestFreeDay(from: number, weekdays: readonly number[], orderDay: number, taken: Set<number>): number {
  for (let distance = 1; distance < weekdays.length; distance += 1) {
    for (const index of [from + distance, from - distance]) {
      if (index >= 0 && index < weekdays.length && weekdays[index] !== orderDay && !taken.has(index)) return index;
    }
  }
  return -1;
}

// A move or an added visit must land on a working day of the plan's month.
export function checkPlanDate(month: string, date: string, calendar: HolidayCalendar) {
  if (!date.startsWith(`${month}-`)) throw new DomainError('VISIT_PLAN_DATE_OUTSIDE_MONTH', { date, month }, 'date');
  if (!workingDaysOf(month, calendar).includes(date))
    throw new DomainError('VISIT_PLAN_DATE_NOT_WORKING_DAY', { date }, 'date');
}
