import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { NotificationDraft } from '../../platform/notifications/notifications.service.ts';
import type { OutboundMessage } from '../../platform/notifications/outbound-gateway.ts';
import {
  pauseSla,
  recordFirstResponse,
  recordResolution,
  resumeSla,
  type SlaPolicy,
  type SlaState,
} from './sla.rules.ts';
import { nextCheckOfTicket, slaColumnsOf, slaStateOf } from './ticket-sla.rules.ts';
import { isReopen, type TicketJudgement, type TicketStatus, type TransitionActor } from './ticket-workflow.rules.ts';
import type { TicketInsert, TicketRow } from './tickets.repository.ts';
import type { ticketEvents } from './tickets.schema.ts';

// What a reply or a move does to a ticket — its new columns (timestamps, SLA clocks paused,
// resumed or stopped, the sweep's next look), its history and whom to tell — decided here as data;
// the service loads what these need and writes what they return.

export type EventInsert = typeof ticketEvents.$inferInsert;

export function authorOf(actor: Actor): TransitionActor {
  if (actor.role === 'retailer') return 'retailer';
  if (actor.userId === 0) return 'system';
  return 'staff';
}

// The same person acting as the system: a rule applied on their behalf (分派规则).
export function systemLike(actor: Actor): Actor {
  return { ...actor, userId: 0, displayName: '系统', role: 'admin' };
}

export function eventOf(
  ticket: { tenantId: number; id: number },
  actor: Actor,
  at: Date,
  fields: Partial<EventInsert>,
): EventInsert {
  return {
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    at,
    author: authorOf(actor),
    actorId: actor.userId || null,
    actorName: actor.displayName,
    kind: 'transition',
    ...fields,
  } as EventInsert;
}

// ── Replies ─────────────────────────────────────────────────────────────────────────────────────

export type Reply = { body: string; visibleToCustomer: boolean; awaitCustomer?: boolean };

export type ReplyEffects = {
  changes: Partial<TicketInsert>;
  events: EventInsert[];
  notifications: NotificationDraft[];
  // Sent after the transaction commits, so a rolled-back reply sends nothing.
  outbound: OutboundMessage[];
};

// A handler's visible reply stops the first-response clock (and may pause both, waiting for the
// customer) and puts a new ticket in progress; the store hears of it in the app and by SMS. An
// internal note changes no clock. A retailer's answer resumes the clocks and tells the handler.
export function replyEffects(
  ticket: TicketRow,
  actor: Actor,
  reply: Reply,
  context: { policy: SlaPolicy; retailerUserId: number | null; now: Date },
): ReplyEffects {
  const { policy, now } = context;
  const id = ticket.id;
  const isStaff = actor.role !== 'retailer';
  let state = slaStateOf(ticket);
  const changes: Partial<TicketInsert> = { updatedAt: now };
  const events: EventInsert[] = [];
  const notifications: NotificationDraft[] = [];
  const outbound: OutboundMessage[] = [];
  const visible = isStaff ? reply.visibleToCustomer : true;
  if (isStaff && visible) {
    state = recordFirstResponse(state, now);
    if (!ticket.firstRespondedAt) changes.firstRespondedAt = now;
    if (reply.awaitCustomer) state = pauseSla(state, now);
    // A handler's first answer puts the ticket in progress.
    if (ticket.status === 'new' || ticket.status === 'assigned') {
      changes.status = 'in_progress';
      events.push(eventOf(ticket, actor, now, { fromStatus: ticket.status, toStatus: 'in_progress' }));
    }
  }
  if (!isStaff) state = resumeSla(state, policy, now);
  events.unshift(eventOf(ticket, actor, now, { kind: 'reply', body: reply.body, visibleToCustomer: visible }));
  Object.assign(changes, slaColumnsOf(state));
  changes.nextCheckAt = nextCheckOfTicket(changes.status ?? ticket.status, state, policy, ticket.resolvedAt, now);
  if (isStaff && visible) {
    if (context.retailerUserId !== null) {
      notifications.push({
        userId: context.retailerUserId,
        ticketId: id,
        kind: 'reply',
        title: `您的工单 #${id} 有新回复`,
        body: reply.body,
      });
      outbound.push({ channel: 'sms', customerId: ticket.customerId, text: `【客我】您的工单 #${id} 有新回复。` });
    }
  } else if (!isStaff && ticket.assigneeId) {
    notifications.push({
      userId: ticket.assigneeId,
      ticketId: id,
      kind: 'reply',
      title: `工单 #${id} 客户回复`,
      body: reply.body,
    });
  }
  return { changes, events, notifications, outbound };
}

// ── Moves ───────────────────────────────────────────────────────────────────────────────────────

export type TransitionInput = { to: TicketStatus; note: string; assigneeId?: number; judgement?: TicketJudgement };

export type TransitionEffects = {
  changes: Partial<TicketInsert>;
  events: EventInsert[];
  notifications: NotificationDraft[];
};

// What a move (already allowed by ticket-workflow.rules.ts) does: to assigned, the handler (an
// active staff member) is told; resolving stops both clocks, ends a wait for the customer and asks
// the store to confirm; confirming records the rating; a reopen counts, forgets the resolution and
// tells the handler. A confirmed or closed ticket leaves the sweep.
export function transitionEffects(
  ticket: TicketRow,
  actor: Actor,
  input: TransitionInput,
  context: {
    policy: SlaPolicy;
    // The staff member named (or kept) when the move is to assigned.
    assignee?: { id: number; role: string; disabled: boolean };
    retailerUserId: number | null;
    rating?: number;
    now: Date;
  },
): TransitionEffects {
  const { policy, rating, now } = context;
  const id = ticket.id;
  let state: SlaState = slaStateOf(ticket);
  const changes: Partial<TicketInsert> = { status: input.to, updatedAt: now };
  const notifications: NotificationDraft[] = [];
  if (input.to === 'assigned') {
    const member = context.assignee;
    if (!member || member.disabled || member.role === 'retailer') {
      throw new DomainError('TICKET_ASSIGNEE_INVALID', {}, 'assigneeId');
    }
    changes.assigneeId = member.id;
    notifications.push({ userId: member.id, ticketId: id, kind: 'assigned', title: `工单 #${id} 已分派给您` });
  }
  if (input.to === 'resolved') {
    state = recordResolution(state, now);
    state = { ...state, pausedAt: null };
    changes.resolvedAt = now;
    if (context.retailerUserId !== null) {
      notifications.push({
        userId: context.retailerUserId,
        ticketId: id,
        kind: 'resolved',
        title: `您的工单 #${id} 已办结，请确认并评价`,
        body: input.note,
      });
    }
  }
  if (input.to === 'confirmed') {
    changes.confirmedAt = now;
    if (rating !== undefined) changes.rating = rating;
  }
  // 投诉定性: the handler judges a ticket when closing it, founded unless said otherwise.
  if (input.judgement !== undefined && input.to !== 'closed') {
    throw new DomainError('TICKET_JUDGEMENT_ONLY_ON_CLOSE', { to: input.to }, 'judgement');
  }
  if (input.to === 'closed') {
    changes.closedAt = now;
    changes.judgement = input.judgement ?? 'founded';
  }
  if (isReopen(ticket.status, input.to)) {
    changes.reopenCount = ticket.reopenCount + 1;
    changes.resolvedAt = null;
    changes.confirmedAt = null;
    if (rating !== undefined) changes.rating = rating;
    if (ticket.assigneeId) {
      notifications.push({
        userId: ticket.assigneeId,
        ticketId: id,
        kind: 'reopened',
        title: `工单 #${id} 被重新打开`,
      });
    }
  }
  Object.assign(changes, slaColumnsOf(state));
  changes.nextCheckAt = nextCheckOfTicket(input.to, state, policy, changes.resolvedAt ?? ticket.resolvedAt, now);
  if (input.to === 'closed' || input.to === 'confirmed') changes.nextCheckAt = null;
  const events = [
    eventOf(ticket, actor, now, {
      kind: 'transition',
      fromStatus: ticket.status,
      toStatus: input.to,
      body: input.note,
      visibleToCustomer: true,
    }),
  ];
  return { changes, events, notifications };
}
