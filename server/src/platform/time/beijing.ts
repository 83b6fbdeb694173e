import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

// 北京时间: every city company works in China Standard Time, UTC+8 all year (no daylight saving).
// Days, weeks and months — a visit plan's day, an order window, an SLA's working hours, a report's
// month — are Beijing's, whatever zone the server runs in.
export const beijingOffsetMs = 8 * 3_600_000;

// The Beijing calendar day of an instant, YYYY-MM-DD.
export function beijingDateOf(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}

// The instant a Beijing calendar day (YYYY-MM-DD) begins.
export function beijingMidnightOf(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - beijingOffsetMs);
}

// The same in SQL: the Beijing wall-clock time of a timestamptz column or expression (a timestamp
// without zone), to group rows by Beijing day, week or month inside a query. A named zone, not an
// offset: PostgreSQL reads a bare '+08' in AT TIME ZONE as POSIX, the other way round.
export const beijingTimeZone = 'Asia/Shanghai';

export function beijingTimeSql(instant: SQLWrapper): SQL {
  return sql`(${instant} AT TIME ZONE ${sql.raw(`'${beijingTimeZone}'`)})`;
}
