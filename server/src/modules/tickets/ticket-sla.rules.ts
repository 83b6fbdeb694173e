import { type BusinessCalendar, nextCheckOf, type SlaPolicy, type SlaState } from './sla.rules.ts';
import { type PolicyCell, targetsOf } from './sla-policy.rules.ts';
import { autoConfirmAt, type TicketPriority, type TicketStatus } from './ticket-workflow.rules.ts';
import type { TicketInsert, TicketRow } from './tickets.repository.ts';

// A ticket's SLA clocks as sla.rules.ts sees them, and back into the ticket's columns; the policy a
// ticket runs on; when the sweep must look at it next.

export function slaStateOf(ticket: TicketRow): SlaState {
  return {
    firstResponse: {
      dueAt: ticket.firstResponseDueAt,
      warnAt: ticket.firstResponseWarnAt,
      warnedAt: ticket.firstResponseWarnedAt,
      outcome: ticket.firstResponseSla,
      decidedAt: ticket.firstResponseDecidedAt,
      escalatedAt: ticket.firstResponseEscalatedAt,
    },
    resolution: {
      dueAt: ticket.resolutionDueAt,
      warnAt: ticket.resolutionWarnAt,
      warnedAt: ticket.resolutionWarnedAt,
      outcome: ticket.resolutionSla,
      decidedAt: ticket.resolutionDecidedAt,
      escalatedAt: ticket.resolutionEscalatedAt,
    },
    pausedAt: ticket.pausedAt,
  };
}

export function slaColumnsOf(state: SlaState) {
  return {
    firstResponseDueAt: state.firstResponse.dueAt,
    firstResponseWarnAt: state.firstResponse.warnAt,
    firstResponseWarnedAt: state.firstResponse.warnedAt,
    firstResponseSla: state.firstResponse.outcome,
    firstResponseDecidedAt: state.firstResponse.decidedAt,
    firstResponseEscalatedAt: state.firstResponse.escalatedAt,
    resolutionDueAt: state.resolution.dueAt,
    resolutionWarnAt: state.resolution.warnAt,
    resolutionWarnedAt: state.resolution.warnedAt,
    resolutionSla: state.resolution.outcome,
    resolutionDecidedAt: state.resolution.decidedAt,
    resolutionEscalatedAt: state.resolution.escalatedAt,
    pausedAt: state.pausedAt,
  } satisfies Partial<TicketInsert>;
}

// The policy a ticket of this category and priority runs on: the category × priority policy when
// one is set, else the category's targets scaled by priority (sla-policy.rules.ts).
export function policyOf(
  category: { code?: string; firstResponseMinutes: number; resolutionMinutes: number; businessHours: boolean },
  priority: TicketPriority,
  calendar: BusinessCalendar,
  cells: readonly PolicyCell[] = [],
): SlaPolicy {
  return {
    ...targetsOf({ code: category.code ?? '', ...category }, priority, cells),
    calendar: category.businessHours ? calendar : null,
  };
}

// The sweep's next look: the SLA's, or the auto-confirmation of a resolved ticket.
export function nextCheckOfTicket(
  status: TicketStatus,
  state: SlaState,
  policy: SlaPolicy,
  resolvedAt: Date | null,
  now: Date,
) {
  const times: number[] = [];
  const sla = nextCheckOf(state, policy, now);
  if (sla && status !== 'closed') times.push(sla.getTime());
  if (status === 'resolved' && resolvedAt) times.push(autoConfirmAt(resolvedAt).getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
