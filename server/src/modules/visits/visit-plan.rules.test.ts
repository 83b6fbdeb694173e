import { describe, expect, it } from 'vitest';
import { emptyHolidayCalendar } from '../../platform/calendar/business-calendar.rules.ts';
import { chinaPublicHolidays } from '../../platform/calendar/china-holidays.ts';
import { isoWeekdayOf } from '../../platform/time/weeks.ts';
import {
  checkPlanDate,
  defaultVisitStandards,
  generateMonthlyPlan,
  type PlanStore,
  workingDaysOf,
} from './visit-plan.rules.ts';

const store = (customerId: number, classCode: PlanStore['classCode'], orderDay = 1, override?: number): PlanStore => ({
  customerId,
  classCode,
  orderDay,
  override,
});

describe(workingDaysOf.name, () => {
  it.each([
    ['2026-11', { ...emptyHolidayCalendar, makeUpWorkdays: chinaPublicHolidays.makeUpWorkdays }, 21],
    ['2026-10', chinaPublicHolidays, 18],
    ['2026-02', chinaPublicHolidays, 16],
    ['2026-12', { ...emptyHolidayCalendar, makeUpWorkdays: chinaPublicHolidays.makeUpWorkdays }, 23],
  ] as const)('%s has the right number of working days', (month, calendar, count) => {
    const days = workingDaysOf(month, calendar);
    expect(days).toHaveLength(count);
    for (const day of days)
      if (!chinaPublicHolidays.makeUpWorkdays.includes(day)) expect(isoWeekdayOf(day)).toBeLessThanOrEqual(5);
  });

  it('counts a 调休 Saturday as a working day', () => {
    expect(workingDaysOf('2026-10', chinaPublicHolidays)).toContain('2026-10-10');
  });
});

describe(generateMonthlyPlan.name, () => {
  const month = '2026-11';
  const plan = (stores: PlanStore[], standards = defaultVisitStandards) =>
    generateMonthlyPlan({ month, calendar: chinaPublicHolidays, standards, stores });

  it.each([
    ['demonstration', 4],
    ['growth', 2],
    ['ordinary', 1],
    ['special', 1],
    [null, 1],
  ] as const)('gives a %s store its standard (%i visits)', (classCode, visits) => {
    expect(plan([store(7, classCode)])).toHaveLength(visits);
  });

  it('follows a per-store override over the class', () => {
    expect(plan([store(1, 'ordinary', 1, 3)])).toHaveLength(3);
    expect(plan([store(1, 'demonstration', 1, 0)])).toHaveLength(0);
  });

  it('follows edited standards', () => {
    expect(plan([store(1, 'growth')], { ...defaultVisitStandards, growth: 3 })).toHaveLength(3);
  });

  it.each([1, 2, 3, 4, 5])('never plans on the order day (weekday %i) or off a working day', (orderDay) => {
    const stores = Array.from({ length: 40 }, (_, index) => store(index + 1, 'demonstration', orderDay));
    const working = new Set(workingDaysOf(month, chinaPublicHolidays));
    for (const visit of plan(stores)) {
      expect(working.has(visit.date)).toBe(true);
      expect(isoWeekdayOf(visit.date)).not.toBe(orderDay);
    }
  });

  it('spreads a store’s visits over the month: one in each quarter, never twice a day', () => {
    const days = workingDaysOf(month, chinaPublicHolidays);
    for (let id = 1; id <= 30; id += 1) {
      const dates = plan([store(id, 'demonstration', (id % 5) + 1)]).map((visit) => days.indexOf(visit.date));
      expect(new Set(dates).size).toBe(4);
      dates.forEach((index, k) => {
        expect(index).toBeGreaterThanOrEqual(Math.floor((k * days.length) / 4) - 1);
        expect(index).toBeLessThan(Math.floor(((k + 1) * days.length) / 4) + 1);
      });
    }
  });

  it('balances the daily load of a manager', () => {
    const stores = Array.from({ length: 120 }, (_, index) =>
      store(index + 1, (['demonstration', 'growth', 'ordinary', 'ordinary'] as const)[index % 4], (index % 5) + 1),
    );
    const perDay = new Map<string, number>();
    for (const visit of plan(stores)) perDay.set(visit.date, (perDay.get(visit.date) ?? 0) + 1);
    const loads = [...perDay.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
  });

  it('is deterministic', () => {
    const stores = Array.from({ length: 50 }, (_, index) => store(index + 1, 'growth', (index % 5) + 1));
    expect(plan(stores)).toEqual(plan([...stores].reverse()));
  });
});

describe(checkPlanDate.name, () => {
  it.each([
    ['2026-11-24', undefined],
    ['2026-11-28', 'VISIT_PLAN_DATE_NOT_WORKING_DAY'],
    ['2026-12-01', 'VISIT_PLAN_DATE_OUTSIDE_MONTH'],
  ])('%s → %s', (date, code) => {
    const check = () => checkPlanDate('2026-11', date, chinaPublicHolidays);
    if (code) expect(check).toThrow(code);
    else expect(check).not.toThrow();
  });
});
