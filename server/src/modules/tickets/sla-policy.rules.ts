import type { ErrorCode } from '../../platform/errors/error-catalogue.ts';
import type { BusinessCalendar } from './sla.rules.ts';
import { priorityFactor } from './ticket-reference.ts';
import { type TicketPriority, ticketPriorities } from './ticket-workflow.rules.ts';

// SLA policies per category × priority (时限策略), pure and table-driven.
//
// A category carries its base targets (the normal priority); without an explicit policy a priority
// scales them (priorityFactor: low ×1.5, high ×0.75, urgent ×0.5) — today's behaviour, so the
// defaults of the table are exactly what tickets got before. A policy cell, once saved, replaces
// the scaled value for that category and priority. A ticket takes the policy in force when it is
// filed; its stored due times are never recomputed when a policy changes later.

export type CategoryTargets = { code: string; firstResponseMinutes: number; resolutionMinutes: number };
export type PolicyCell = {
  categoryCode: string;
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
};
export type Targets = { firstResponseMinutes: number; resolutionMinutes: number };

// The bounds the category editor already uses: a response within 30 days, a resolution within a year.
export const maxFirstResponseMinutes = 43_200;
export const maxResolutionMinutes = 525_600;

export function scaledTargets(category: CategoryTargets, priority: TicketPriority): Targets {
  const factor = priorityFactor[priority] ?? 1;
  return {
    firstResponseMinutes: Math.round(category.firstResponseMinutes * factor),
    resolutionMinutes: Math.round(category.resolutionMinutes * factor),
  };
}

// The targets a new ticket of this category and priority gets.
export function targetsOf(category: CategoryTargets, priority: TicketPriority, cells: readonly PolicyCell[]): Targets {
  const cell = cells.find((candidate) => candidate.categoryCode === category.code && candidate.priority === priority);
  return cell
    ? { firstResponseMinutes: cell.firstResponseMinutes, resolutionMinutes: cell.resolutionMinutes }
    : scaledTargets(category, priority);
}

// The whole table the console edits: every category × priority, each marked when a policy sets it.
export function policyTable(categories: readonly CategoryTargets[], cells: readonly PolicyCell[]) {
  return categories.map((category) => ({
    categoryCode: category.code,
    targets: Object.fromEntries(
      ticketPriorities.map((priority) => {
        const custom = cells.some((cell) => cell.categoryCode === category.code && cell.priority === priority);
        return [priority, { ...targetsOf(category, priority, cells), custom }];
      }),
    ) as Record<TicketPriority, Targets & { custom: boolean }>,
  }));
}

export type RuleProblem = {
  code: ErrorCode;
  details: Record<string, string | number>;
  field: string;
};

// Named in the error messages (the tenant's data, like the category names, is Chinese).
export const priorityNames: Record<TicketPriority, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

const isWholeIn = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;

// The first problem of a set of cells, or null. `names` gives each category's name for the message.
export function checkPolicyCells(cells: readonly PolicyCell[], names: ReadonlyMap<string, string>): RuleProblem | null {
  const seen = new Set<string>();
  for (const [index, cell] of cells.entries()) {
    const at = (field: string) => `cells.${index}.${field}`;
    const name = names.get(cell.categoryCode);
    if (name === undefined) {
      return { code: 'TICKET_CATEGORY_UNKNOWN', details: { code: cell.categoryCode }, field: at('categoryCode') };
    }
    const key = `${cell.categoryCode}/${cell.priority}`;
    const where = { category: name, priority: priorityNames[cell.priority] };
    if (seen.has(key)) return { code: 'TICKET_SLA_POLICY_DUPLICATE', details: where, field: at('priority') };
    seen.add(key);
    if (!isWholeIn(cell.firstResponseMinutes, maxFirstResponseMinutes)) {
      return {
        code: 'TICKET_SLA_TARGET_INVALID',
        details: { ...where, max: maxFirstResponseMinutes },
        field: at('firstResponseMinutes'),
      };
    }
    if (!isWholeIn(cell.resolutionMinutes, maxResolutionMinutes)) {
      return {
        code: 'TICKET_SLA_TARGET_INVALID',
        details: { ...where, max: maxResolutionMinutes },
        field: at('resolutionMinutes'),
      };
    }
    if (cell.resolutionMinutes < cell.firstResponseMinutes) {
      return {
        code: 'TICKET_SLA_RESOLUTION_SHORT',
        details: { ...where, firstResponse: cell.firstResponseMinutes, resolution: cell.resolutionMinutes },
        field: at('resolutionMinutes'),
      };
    }
  }
  return null;
}

// Only the cells that differ from the scaled defaults need keeping: saving the defaults back
// leaves no policy rows, and a later change of a category's base targets still scales.
export function cellsToKeep(categories: readonly CategoryTargets[], cells: readonly PolicyCell[]): PolicyCell[] {
  return cells.filter((cell) => {
    const category = categories.find((candidate) => candidate.code === cell.categoryCode);
    if (!category) return true;
    const scaled = scaledTargets(category, cell.priority);
    return (
      scaled.firstResponseMinutes !== cell.firstResponseMinutes || scaled.resolutionMinutes !== cell.resolutionMinutes
    );
  });
}

// ── The business-hours calendar ──

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function checkCalendar(calendar: BusinessCalendar): RuleProblem | null {
  for (const field of ['opens', 'closes'] as const) {
    if (!clockPattern.test(calendar[field])) {
      return { code: 'TICKET_CALENDAR_HOURS_INVALID', details: {}, field };
    }
  }
  if (calendar.opens >= calendar.closes) return { code: 'TICKET_CALENDAR_HOURS_INVALID', details: {}, field: 'closes' };
  const weekdays = new Set(calendar.weekdays);
  if (weekdays.size !== calendar.weekdays.length || calendar.weekdays.some((day) => day < 1 || day > 7)) {
    return { code: 'TICKET_CALENDAR_WEEKDAYS_INVALID', details: {}, field: 'weekdays' };
  }
  if (weekdays.size === 0) return { code: 'TICKET_CALENDAR_WEEKDAYS_INVALID', details: {}, field: 'weekdays' };
  for (const field of ['holidays', 'extraWorkdays'] as const) {
    for (const [index, date] of calendar[field].entries()) {
      if (!isRealDate(date)) {
        return { code: 'TICKET_CALENDAR_DATE_INVALID', details: { date }, field: `${field}.${index}` };
      }
    }
  }
  const clash = calendar.holidays.find((date) => calendar.extraWorkdays.includes(date));
  if (clash) return { code: 'TICKET_CALENDAR_DATE_CLASH', details: { date: clash }, field: 'extraWorkdays' };
  return null;
}

// Stored sorted and without repeats, so the calendar reads the same however it was typed.
export function normaliseCalendar(calendar: BusinessCalendar): BusinessCalendar {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return {
    weekdays: [...calendar.weekdays].sort((a, b) => a - b),
    opens: calendar.opens,
    closes: calendar.closes,
    holidays: sorted(calendar.holidays),
    extraWorkdays: sorted(calendar.extraWorkdays),
  };
}
