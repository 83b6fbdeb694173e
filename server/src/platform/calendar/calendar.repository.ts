import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { HolidayCalendar } from './business-calendar.rules.ts';
import { calendarDays } from './calendar.schema.ts';

// The city company's calendar: read by every module that counts working days, replaced whole by
// the module whose settings page edits it (tickets' 投诉设置). The dates come in checked.

export async function getHolidayCalendar(executor: Executor, tenantId: number): Promise<HolidayCalendar> {
  const rows = await executor
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(eq(calendarDays.tenantId, tenantId))
    .orderBy(asc(calendarDays.day));
  return {
    holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.day),
    makeUpWorkdays: rows.filter((row) => row.kind === 'make_up_workday').map((row) => row.day),
  };
}

export async function replaceHolidayCalendar(executor: Executor, tenantId: number, calendar: HolidayCalendar) {
  await executor.delete(calendarDays).where(eq(calendarDays.tenantId, tenantId));
  const rows = [
    ...calendar.holidays.map((day) => ({ tenantId, day, kind: 'holiday' as const })),
    ...calendar.makeUpWorkdays.map((day) => ({ tenantId, day, kind: 'make_up_workday' as const })),
  ];
  if (rows.length > 0) await executor.insert(calendarDays).values(rows);
}
