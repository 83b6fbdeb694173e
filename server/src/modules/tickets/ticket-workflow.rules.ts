import { DomainError } from '../../platform/errors/domain-error.ts';

// 投诉建议的处理流程: new → assigned → in_progress → resolved → confirmed → closed, with reopen
// (resolved or confirmed → in_progress, within 7 days), reassign (assigned/in_progress → assigned
// with another handler) and escalate (an action, not a state). Pure: state, input and `now` in.

export const ticketStatuses = ['new', 'assigned', 'in_progress', 'resolved', 'confirmed', 'closed'] as const;
// 投诉定性 on closing: credit deducts for unfounded (不属实) and malicious (恶意) complaints.
export const ticketJudgements = ['founded', 'unfounded', 'malicious'] as const;
export type TicketJudgement = (typeof ticketJudgements)[number];
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketTypes = ['complaint', 'suggestion', 'consultation', 'praise'] as const;
export type TicketType = (typeof ticketTypes)[number];
export const ticketChannels = ['portal', 'phone', 'visit', 'gateway'] as const;
export type TicketChannel = (typeof ticketChannels)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

// Who asks for the transition: staff through the console, the retailer through the portal, the
// system (auto-confirm, auto-assign).
export type TransitionActor = 'staff' | 'retailer' | 'system';

const transitions: Record<TicketStatus, Partial<Record<TicketStatus, readonly TransitionActor[]>>> = {
  new: { assigned: ['staff', 'system'], in_progress: ['staff'] },
  assigned: { assigned: ['staff'], in_progress: ['staff'], resolved: ['staff'] },
  in_progress: { assigned: ['staff'], resolved: ['staff'] },
  // Rejecting a resolution (retailer) or reopening it (staff) sends it back to work.
  resolved: { confirmed: ['retailer', 'system'], in_progress: ['staff', 'retailer'] },
  confirmed: { closed: ['staff', 'system'], in_progress: ['staff', 'retailer'] },
  closed: {},
};

export const reopenWindowDays = 7;
export const autoConfirmDays = 3;
const dayMs = 86_400_000;

export function allowedTransitions(from: TicketStatus, actor: TransitionActor): TicketStatus[] {
  return (Object.entries(transitions[from]) as [TicketStatus, readonly TransitionActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

export type TicketForTransition = {
  status: TicketStatus;
  resolvedAt: Date | null;
  confirmedAt: Date | null;
};

// Checks a transition; throws 409 TICKET_TRANSITION_INVALID naming the current state and the
// allowed ones. A reopen is refused 7 days after the resolution was confirmed (or made).
export function checkTransition(ticket: TicketForTransition, to: TicketStatus, actor: TransitionActor, now: Date) {
  const allowed = allowedTransitions(ticket.status, actor);
  if (!allowed.includes(to)) {
    throw new DomainError(
      'TICKET_TRANSITION_INVALID',
      { from: ticket.status, to, allowed: allowed.length > 0 ? allowed.join(', ') : '—' },
      'to',
    );
  }
  if (isReopen(ticket.status, to)) {
    const since = ticket.confirmedAt ?? ticket.resolvedAt;
    if (since && now.getTime() - since.getTime() > reopenWindowDays * dayMs) {
      throw new DomainError('TICKET_REOPEN_EXPIRED', { days: reopenWindowDays }, 'to');
    }
  }
}

export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return (from === 'resolved' || from === 'confirmed') && to === 'in_progress';
}

// A resolution the retailer has not answered in 3 days counts as confirmed.
export function autoConfirmAt(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + autoConfirmDays * dayMs);
}

export function isOpenStatus(status: TicketStatus): boolean {
  return status === 'new' || status === 'assigned' || status === 'in_progress';
}

export function checkRating(rating: number) {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw new DomainError('TICKET_RATING_INVALID', {}, 'rating');
}
