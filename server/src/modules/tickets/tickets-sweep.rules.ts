import type { Actor } from '../../platform/access/actor.ts';
import type { NotificationDraft } from '../../platform/notifications/notifications.service.ts';
import { evaluateSla, type SlaEvent, type SlaPolicy } from './sla.rules.ts';
import { type EventInsert, eventOf } from './ticket-effects.rules.ts';
import { nextCheckOfTicket, slaColumnsOf, slaStateOf } from './ticket-sla.rules.ts';
import { autoConfirmAt } from './ticket-workflow.rules.ts';
import type { TicketInsert, TicketRow } from './tickets.repository.ts';

// The SLA sweep's decision for one ticket whose next check has come (tickets-sweep.ts batches
// them): a resolved ticket the store left unconfirmed for 3 days is confirmed; a warning tells the
// handler; a breach is recorded; an escalation marks the ticket and tells the branch heads.

export type SweepOutcome = {
  changes: Partial<TicketInsert>;
  events: EventInsert[];
  notifications: NotificationDraft[];
  autoConfirmed: boolean;
  slaEvents: SlaEvent[];
};

const targetName = { firstResponse: '首次响应', resolution: '办结' } as const;

export function sweepOne(
  ticket: TicketRow,
  policy: SlaPolicy,
  heads: { id: number; displayName: string }[],
  now: Date,
  system: Actor,
): SweepOutcome {
  const events: EventInsert[] = [];
  const drafts: NotificationDraft[] = [];
  const changes: Partial<TicketInsert> = {};
  let status = ticket.status;
  let autoConfirmed = false;
  if (status === 'resolved' && ticket.resolvedAt && now.getTime() >= autoConfirmAt(ticket.resolvedAt).getTime()) {
    status = 'confirmed';
    autoConfirmed = true;
    changes.status = 'confirmed';
    changes.confirmedAt = now;
    events.push(
      eventOf(ticket, system, now, {
        fromStatus: 'resolved',
        toStatus: 'confirmed',
        body: '3 天内未确认，系统自动确认',
        visibleToCustomer: true,
      }),
    );
  }
  const evaluated = evaluateSla(slaStateOf(ticket), policy, now);
  Object.assign(changes, slaColumnsOf(evaluated.state));
  for (const slaEvent of evaluated.events) {
    const label = targetName[slaEvent.target];
    const due = slaEvent.dueAt.toISOString();
    if (slaEvent.kind === 'warning') {
      events.push(eventOf(ticket, system, now, { kind: 'sla', body: `${label}时限将到（${due}）` }));
      if (ticket.assigneeId) {
        drafts.push({
          userId: ticket.assigneeId,
          ticketId: ticket.id,
          kind: 'sla_warning',
          title: `工单 #${ticket.id} ${label}即将超时`,
        });
      }
    } else if (slaEvent.kind === 'breached') {
      events.push(eventOf(ticket, system, now, { kind: 'sla', body: `${label}超时（时限 ${due}）` }));
    } else {
      changes.escalated = true;
      events.push(
        eventOf(ticket, system, now, {
          kind: 'escalated',
          body: `${label}超时，升级至：${heads.map((head) => head.displayName).join('、') || '—'}`,
        }),
      );
      for (const head of heads) {
        drafts.push({
          userId: head.id,
          ticketId: ticket.id,
          kind: 'escalated',
          title: `工单 #${ticket.id} ${label}超时，已升级`,
        });
      }
    }
  }
  changes.nextCheckAt =
    status === 'confirmed' || status === 'closed'
      ? null
      : nextCheckOfTicket(status, evaluated.state, policy, ticket.resolvedAt, now);
  return { changes, events, notifications: drafts, autoConfirmed, slaEvents: evaluated.events };
}
