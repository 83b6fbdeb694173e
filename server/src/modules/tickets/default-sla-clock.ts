import {
  defaultCalendar,
  evaluateSla,
  recordFirstResponse,
  recordResolution,
  type SlaState,
  startSla,
} from './sla.rules.ts';
import { defaultCategories, defaultFirstResponseHours } from './ticket-reference.ts';
import { nextCheckOfTicket, policyOf } from './ticket-sla.rules.ts';
import type { TicketPriority, TicketStatus } from './ticket-workflow.rules.ts';

// The SLA clock of a ticket in one of a new company's categories (ticket-reference.ts): the
// category's default targets, round the clock as a new category counts them, at a priority — and
// the same functions the service and the sweep use, for whoever writes tickets in bulk (the demo),
// so that their clocks are real clocks.
export function defaultSlaClockOf(categoryCode: string, priority: TicketPriority) {
  const category = defaultCategories.find((candidate) => candidate.code === categoryCode) ?? defaultCategories[0];
  const policy = policyOf(
    {
      firstResponseMinutes: defaultFirstResponseHours * 60,
      resolutionMinutes: category.resolutionHours * 60,
      businessHours: false,
    },
    priority,
    defaultCalendar,
  );
  return {
    start: (at: Date) => startSla(policy, at),
    respond: (state: SlaState, at: Date) => recordFirstResponse(state, at),
    resolve: (state: SlaState, at: Date) => recordResolution(state, at),
    evaluate: (state: SlaState, now: Date) => evaluateSla(state, policy, now).state,
    nextCheck: (status: TicketStatus, state: SlaState, resolvedAt: Date | null, now: Date) =>
      nextCheckOfTicket(status, state, policy, resolvedAt, now),
  };
}
