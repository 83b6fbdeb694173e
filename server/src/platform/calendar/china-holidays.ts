import type { HolidayCalendar } from './business-calendar.rules.ts';

// 法定节假日 and 调休上班 of the State Council's notices (国务院办公厅关于部分节假日安排的通知), as
// published. A city company's calendar is its own (calendar_days, edited in 投诉设置); this list is
// what the demo city starts with and what companies that had no calendar of their own were given
// when the calendar became one for every module (the migration that made calendar_days).
export const chinaPublicHolidays: HolidayCalendar = {
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2027-01-01',
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
