import { isoWeekdayOf } from '../time/weeks.ts';

// Which Beijing days (YYYY-MM-DD) are working days for a city company. Pure.
//
// A normal week works Monday to Friday. The State Council's notice each year moves days: holidays
// (法定节假日) are off even on a weekday, and make-up working days (调休上班) are worked even on a
// weekend. A year without its notice entered works Monday to Friday.
export type HolidayCalendar = {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
};

export const emptyHolidayCalendar: HolidayCalendar = { holidays: [], makeUpWorkdays: [] };

export const mondayToFriday: readonly number[] = [1, 2, 3, 4, 5];

// `weekdays` (1 = Monday … 7 = Sunday) is the normal week, for a desk that keeps other days (a
// service centre open on Saturdays); holidays and make-up days apply to it all the same.
export function isWorkingDay(calendar: HolidayCalendar, date: string, weekdays = mondayToFriday): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.makeUpWorkdays.includes(date)) return true;
  return weekdays.includes(isoWeekdayOf(date));
}

// The working days of a month (YYYY-MM), in order.
export function workingDaysOfMonth(calendar: HolidayCalendar, month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: daysInMonth }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`).filter(
    (date) => isWorkingDay(calendar, date),
  );
}
