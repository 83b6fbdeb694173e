import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenants } from '../identity/identity.schema.ts';

// 工作日历: a city company's holidays (法定节假日) and make-up working days (调休上班), one row a
// date. Every module that counts working days reads it — visit plans, the SLA clock — and the
// company edits it once (投诉设置 › 工作日历). A date is one or the other, never both (the key).
export const calendarDayKinds = ['holiday', 'make_up_workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export const calendarDays = pgTable(
  'calendar_days',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: calendarDayKinds }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.day] })],
);
