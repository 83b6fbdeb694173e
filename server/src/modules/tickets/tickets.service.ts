import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { notifyIn } from '../../platform/notifications/notifications.service.ts';
import type { SlaPolicy } from './sla.rules.ts';
import {
  authorOf,
  eventOf,
  type Reply,
  replyEffects,
  type TransitionInput,
  transitionEffects,
} from './ticket-effects.rules.ts';
import { getTicket } from './ticket-reading.service.ts';
import { policyOf } from './ticket-sla.rules.ts';
import { checkTransition, type TicketPriority } from './ticket-workflow.rules.ts';
import {
  findServiceFailure,
  findStaff,
  findStaffMember,
  getCalendar,
  getScopedTicket,
  insertEvents,
  listCategories,
  retailerUserOf,
  type TicketInsert,
  type TicketRow,
  updateTicket,
} from './tickets.repository.ts';

// Working a ticket: reply, move it through the workflow, edit it, escalate it. Each is one
// transaction; what a reply or a move does is decided by ticket-effects.rules.ts and written here.

async function policyOfTicket(executor: Executor, ticket: TicketRow): Promise<SlaPolicy> {
  const categories = await listCategories(executor, ticket.tenantId);
  const category = categories.find((candidate) => candidate.code === ticket.categoryCode);
  const calendar = await getCalendar(executor, ticket.tenantId);
  // The stored due times are the ticket's own; only the calendar is read here (pauses, held
  // notifications), and whether it applies is what the ticket was filed with.
  return policyOf(
    { ...(category ?? { firstResponseMinutes: 1440, resolutionMinutes: 4320 }), businessHours: ticket.businessHours },
    ticket.priority,
    calendar,
  );
}

// 分公司负责人 (branch head): the marketing and service staff whose org unit is the store's branch.
// The demo city has none there (its marketing and service centres sit in the city company's
// departments), so the escalation falls back to the city's marketing staff.
export async function branchHeadsOf(executor: Executor, tenantId: number, branchId: number) {
  const inBranch = await findStaff(executor, tenantId, ['marketing', 'service'], branchId);
  if (inBranch.length > 0) return inBranch;
  return findStaff(executor, tenantId, ['marketing']);
}

// ── Replies ─────────────────────────────────────────────────────────────────────────────────────

export async function replyToTicket(context: AppContext, actor: Actor, id: number, reply: Reply) {
  const now = context.now();
  const outbound = await context.db.transaction((tx) => replyToTicketIn(tx, actor, id, reply, now));
  for (const message of outbound) await context.outbound.send(message);
  return getTicket(context, actor, id);
}

// The reply in a caller's transaction; what to send once it commits is returned.
export async function replyToTicketIn(tx: Executor, actor: Actor, id: number, reply: Reply, now: Date) {
  const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
  if (!ticket) throw new DomainError('NOT_FOUND');
  if (ticket.status === 'closed') {
    throw new DomainError('TICKET_TRANSITION_INVALID', { from: 'closed', to: 'reply', allowed: '—' }, 'body');
  }
  const policy = await policyOfTicket(tx, ticket);
  const retailer = await retailerUserOf(tx, actor.tenantId, ticket.customerId);
  const effects = replyEffects(ticket, actor, reply, { policy, retailerUserId: retailer?.id ?? null, now });
  await updateTicket(tx, actor.tenantId, id, effects.changes);
  await insertEvents(tx, effects.events);
  await notifyIn(tx, actor.tenantId, effects.notifications, now);
  await recordChange(tx, actor, { action: 'reply', entity: 'ticket', entityId: id, after: { ...reply } }, now);
  return effects.outbound;
}

// Answering a ticket that one answer settles (a consumer's feedback relayed by a store): the answer
// is a reply the store sees (it stops the first-response clock), and the ticket is resolved (the
// resolution clock stops; the store confirms, or the sweep does after the usual days). One
// transaction, the caller's.
export async function answerTicketIn(tx: Executor, actor: Actor, id: number, body: string, now: Date) {
  const outbound = await replyToTicketIn(tx, actor, id, { body, visibleToCustomer: true }, now);
  const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
  if (ticket?.status === 'new') await transitionTicketIn(tx, actor, id, { to: 'in_progress', note: body }, now);
  if (ticket && ['new', 'assigned', 'in_progress'].includes(ticket.status)) {
    await transitionTicketIn(tx, actor, id, { to: 'resolved', note: body }, now);
  }
  return outbound;
}

// ── Transitions ─────────────────────────────────────────────────────────────────────────────────

export async function transitionTicket(context: AppContext, actor: Actor, id: number, input: TransitionInput) {
  const now = context.now();
  await context.db.transaction((tx) => transitionTicketIn(tx, actor, id, input, now));
  return getTicket(context, actor, id);
}

export async function transitionTicketIn(
  tx: Executor,
  actor: Actor,
  id: number,
  input: TransitionInput,
  now: Date,
  rating?: number,
) {
  const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
  if (!ticket) throw new DomainError('NOT_FOUND');
  checkTransition(ticket, input.to, authorOf(actor), now);
  const policy = await policyOfTicket(tx, ticket);
  const assigneeId = input.to === 'assigned' ? (input.assigneeId ?? ticket.assigneeId) : null;
  const assignee = assigneeId ? await findStaffMember(tx, actor.tenantId, assigneeId) : undefined;
  const retailer = await retailerUserOf(tx, actor.tenantId, ticket.customerId);
  const effects = transitionEffects(ticket, actor, input, {
    policy,
    assignee,
    retailerUserId: retailer?.id ?? null,
    rating,
    now,
  });
  const updated = await updateTicket(tx, actor.tenantId, id, effects.changes);
  await insertEvents(tx, effects.events);
  await notifyIn(tx, actor.tenantId, effects.notifications, now);
  await recordChange(
    tx,
    actor,
    { action: `transition:${input.to}`, entity: 'ticket', entityId: id, before: ticket, after: updated },
    now,
  );
  return updated;
}

// ── Edits and escalation ────────────────────────────────────────────────────────────────────────

// Staff edit the category, priority or linked service failure (服务失误).
export async function editTicket(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { categoryCode?: string; priority?: TicketPriority; failureCode?: string | null },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
    if (!ticket) throw new DomainError('NOT_FOUND');
    const changes: Partial<TicketInsert> = { updatedAt: now };
    if (input.categoryCode !== undefined) {
      const categories = await listCategories(tx, actor.tenantId);
      if (!categories.some((category) => category.code === input.categoryCode)) {
        throw new DomainError('TICKET_CATEGORY_UNKNOWN', { code: input.categoryCode }, 'categoryCode');
      }
      changes.categoryCode = input.categoryCode;
    }
    if (input.priority !== undefined) changes.priority = input.priority;
    if (input.failureCode !== undefined) {
      if (input.failureCode !== null && !(await findServiceFailure(tx, actor.tenantId, input.failureCode))) {
        throw new DomainError('TICKET_FAILURE_UNKNOWN', { code: input.failureCode }, 'failureCode');
      }
      changes.failureCode = input.failureCode;
    }
    const updated = await updateTicket(tx, actor.tenantId, id, changes);
    await recordChange(
      tx,
      actor,
      { action: 'edit', entity: 'ticket', entityId: id, before: ticket, after: updated },
      now,
    );
  });
  return getTicket(context, actor, id);
}

// 升级: by hand, or by the sweep on a breach. Notifies the branch head(s).
export async function escalateTicket(context: AppContext, actor: Actor, id: number, note: string) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
    if (!ticket) throw new DomainError('NOT_FOUND');
    if (ticket.status === 'closed') {
      throw new DomainError('TICKET_TRANSITION_INVALID', { from: 'closed', to: 'escalated', allowed: '—' }, 'to');
    }
    const heads = await branchHeadsOf(tx, actor.tenantId, ticket.branchId);
    await updateTicket(tx, actor.tenantId, id, { escalated: true, updatedAt: now });
    await insertEvents(tx, [
      eventOf(ticket, actor, now, {
        kind: 'escalated',
        body: `${note}（升级至：${heads.map((head) => head.displayName).join('、') || '—'}）`,
      }),
    ]);
    await notifyIn(
      tx,
      actor.tenantId,
      heads.map((head) => ({
        userId: head.id,
        ticketId: id,
        kind: 'escalated',
        title: `工单 #${id} 已升级`,
        body: note,
      })),
      now,
    );
    await recordChange(tx, actor, { action: 'escalate', entity: 'ticket', entityId: id, after: { note } }, now);
  });
  return getTicket(context, actor, id);
}

// 投诉定性 corrected after closing — a store's credit appeal against an unfounded or malicious
// judgement accepted: the ticket counts as founded from now on (audited). False when the ticket is
// unknown to the actor or not closed.
export async function judgeTicketFoundedIn(tx: Executor, actor: Actor, id: number, now: Date, appealId: number) {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return false;
  const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
  if (ticket?.status !== 'closed') return false;
  await updateTicket(tx, actor.tenantId, id, { judgement: 'founded' });
  await recordChange(
    tx,
    actor,
    {
      action: 'judge',
      entity: 'ticket',
      entityId: id,
      before: { judgement: ticket.judgement },
      after: { judgement: 'founded', note: `信用申诉 #${appealId} 成立，更正为属实`, appealId },
    },
    now,
  );
  return true;
}
