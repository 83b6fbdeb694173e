import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type OutboundMessage, outboundGatewayOf } from './outbound-gateway.ts';
import {
  type BusinessCalendar,
  evaluateSla,
  nextCheckOf,
  pauseSla,
  recordFirstResponse,
  recordResolution,
  resumeSla,
  type SlaEvent,
  type SlaPolicy,
  type SlaState,
  startSla,
} from './sla.rules.ts';
import { type PolicyCell, targetsOf } from './sla-policy.rules.ts';
import {
  allowedTransitions,
  autoConfirmAt,
  checkRating,
  checkTransition,
  isReopen,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  type TransitionActor,
} from './ticket-workflow.rules.ts';
import {
  ensureTicketSetup,
  findScopedStore,
  findServiceFailure,
  findStaff,
  findStaffMember,
  getCalendar,
  getScopedTicket,
  insertEvents,
  insertNotifications,
  insertTicket,
  listAssignmentRules,
  listAttachments,
  listCategories,
  listEvents,
  listSlaPolicies,
  listTickets,
  retailerUserOf,
  type TicketInsert,
  type TicketRow,
  ticketDetailRefs,
  updateTicket,
} from './tickets.repository.ts';
import type { ticketEvents } from './tickets.schema.ts';

// 投诉建议 use cases: file, reply, move through the workflow, confirm and rate, escalate. Each is
// one transaction; the SLA clocks are computed by sla.rules.ts and stored on the ticket.

type EventInsert = typeof ticketEvents.$inferInsert;
type NotificationDraft = { userId: number; ticketId: number; kind: string; title: string; body?: string };

// ── SLA state ↔ ticket row ──────────────────────────────────────────────────────────────────────

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

// ── Who gets what ───────────────────────────────────────────────────────────────────────────────

async function assigneeFor(
  executor: Executor,
  tenantId: number,
  category: { code: string; groupCode: string },
  store: { managerId: number; branchId: number },
): Promise<number | null> {
  const rules = await listAssignmentRules(executor, tenantId);
  const rule = rules.find(
    (candidate) =>
      (candidate.categoryCode === null || candidate.categoryCode === category.code) &&
      (candidate.groupCode === null || candidate.groupCode === category.groupCode),
  );
  if (!rule) return null;
  if (rule.target === 'customer_manager') return store.managerId;
  if (rule.target === 'user' && rule.userId) return rule.userId;
  // 服务中心: a service user of the store's branch, else of the city company.
  const branch = await findStaff(executor, tenantId, ['service'], store.branchId);
  if (branch.length > 0) return branch[0].id;
  const city = await findStaff(executor, tenantId, ['service']);
  return city[0]?.id ?? null;
}

// 分公司负责人 (branch head): the marketing and service staff whose org unit is the store's branch.
// The demo city has none there (its marketing and service centres sit in the city company's
// departments), so the escalation falls back to the city's marketing staff.
export async function branchHeadsOf(executor: Executor, tenantId: number, branchId: number) {
  const inBranch = await findStaff(executor, tenantId, ['marketing', 'service'], branchId);
  if (inBranch.length > 0) return inBranch;
  return findStaff(executor, tenantId, ['marketing']);
}

function authorOf(actor: Actor): TransitionActor {
  if (actor.role === 'retailer') return 'retailer';
  if (actor.userId === 0) return 'system';
  return 'staff';
}

function event(ticket: { tenantId: number; id: number }, actor: Actor, at: Date, fields: Partial<EventInsert>) {
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

async function notify(executor: Executor, tenantId: number, drafts: NotificationDraft[], now: Date) {
  await insertNotifications(
    executor,
    drafts.map((draft) => ({ tenantId, createdAt: now, body: '', ...draft })),
  );
}

// ── Filing a ticket ─────────────────────────────────────────────────────────────────────────────

export type NewTicket = {
  customerId: number;
  type: TicketType;
  channel: TicketChannel;
  categoryCode?: string;
  priority?: TicketPriority;
  description: string;
  gateway?: { channel: string; messageId: string };
};

export async function createTicketIn(tx: Executor, actor: Actor, input: NewTicket, now: Date) {
  await ensureTicketSetup(tx, actor.tenantId);
  const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const categories = await listCategories(tx, actor.tenantId);
  const categoryCode = input.categoryCode ?? 'other';
  const category = categories.find((candidate) => candidate.code === categoryCode && candidate.active);
  if (!category) throw new DomainError('TICKET_CATEGORY_UNKNOWN', { code: categoryCode }, 'categoryCode');
  const priority = input.priority ?? 'normal';
  const policy = policyOf(
    category,
    priority,
    await getCalendar(tx, actor.tenantId),
    await listSlaPolicies(tx, actor.tenantId),
  );
  const state = startSla(policy, now);
  const assigneeId = await assigneeFor(tx, actor.tenantId, category, store);
  const status: TicketStatus = assigneeId ? 'assigned' : 'new';
  const ticket = await insertTicket(tx, {
    tenantId: actor.tenantId,
    type: input.type,
    channel: input.channel,
    customerId: store.id,
    branchId: store.branchId,
    orgPath: store.orgPath,
    managerId: store.managerId,
    districtCode: store.districtCode,
    categoryCode,
    priority,
    description: input.description,
    status,
    assigneeId,
    createdBy: actor.userId || null,
    createdAt: now,
    updatedAt: now,
    businessHours: category.businessHours,
    ...slaColumnsOf(state),
    nextCheckAt: nextCheckOfTicket(status, state, policy, null, now),
    gatewayChannel: input.gateway?.channel ?? null,
    gatewayMessageId: input.gateway?.messageId ?? null,
  });
  const events: EventInsert[] = [
    event(ticket, actor, now, { kind: 'created', toStatus: 'new', body: input.description, visibleToCustomer: true }),
  ];
  if (assigneeId) {
    events.push(
      event(ticket, systemLike(actor), now, {
        kind: 'assigned',
        fromStatus: 'new',
        toStatus: 'assigned',
        body: '按分派规则分派',
      }),
    );
    await notify(
      tx,
      actor.tenantId,
      [{ userId: assigneeId, ticketId: ticket.id, kind: 'assigned', title: `新工单 #${ticket.id}：${store.name}` }],
      now,
    );
  }
  await insertEvents(tx, events);
  await recordChange(tx, actor, { action: 'create', entity: 'ticket', entityId: ticket.id, after: ticket }, now);
  return ticket;
}

function systemLike(actor: Actor): Actor {
  return { ...actor, userId: 0, displayName: '系统', role: 'admin' };
}

export async function createTicket(context: AppContext, actor: Actor, input: NewTicket) {
  const now = context.now();
  const ticket = await context.db.transaction((tx) => createTicketIn(tx, actor, input, now));
  return ticketSummary(ticket);
}

export function ticketSummary(ticket: TicketRow) {
  return {
    id: ticket.id,
    status: ticket.status,
    firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
  };
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

export async function getTicket(context: AppContext, actor: Actor, id: number) {
  const db = context.db;
  const ticket = await getScopedTicket(db, actor.tenantId, actor.scope, id);
  if (!ticket) throw new DomainError('NOT_FOUND');
  const customerView = actor.role === 'retailer';
  const [refs, events, attachments] = await Promise.all([
    ticketDetailRefs(db, ticket),
    listEvents(db, actor.tenantId, id, customerView),
    listAttachments(db, actor.tenantId, id),
  ]);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    id: ticket.id,
    type: ticket.type,
    channel: ticket.channel,
    status: ticket.status,
    priority: ticket.priority,
    description: ticket.description,
    customerId: ticket.customerId,
    storeName: refs.store?.name ?? '',
    licenceNo: refs.store?.licenceNo ?? '',
    storePhone: customerView ? null : (refs.store?.phone ?? null),
    branchName: refs.store?.branchName ?? '',
    categoryCode: ticket.categoryCode,
    categoryName: refs.category?.name ?? ticket.categoryCode,
    categoryGroup: refs.category?.groupCode ?? 'other',
    assigneeId: ticket.assigneeId,
    assigneeName: refs.assignee?.displayName ?? null,
    createdAt: ticket.createdAt.toISOString(),
    firstRespondedAt: iso(ticket.firstRespondedAt),
    firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
    firstResponseSla: ticket.firstResponseSla,
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
    resolutionSla: ticket.resolutionSla,
    waitingOnCustomer: ticket.pausedAt !== null,
    escalated: ticket.escalated,
    resolvedAt: iso(ticket.resolvedAt),
    confirmedAt: iso(ticket.confirmedAt),
    closedAt: iso(ticket.closedAt),
    rating: ticket.rating,
    reopenCount: ticket.reopenCount,
    failure: customerView || !refs.failure ? null : refs.failure,
    allowedTransitions: allowedTransitions(ticket.status, customerView ? 'retailer' : 'staff'),
    events: events.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      kind: row.kind,
      author: row.author,
      actorName: customerView && row.author === 'staff' ? '客服人员' : row.actorName,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      body: row.body,
      visibleToCustomer: row.visibleToCustomer,
    })),
    attachments: attachments.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

// ── Replies ─────────────────────────────────────────────────────────────────────────────────────

export type Reply = { body: string; visibleToCustomer: boolean; awaitCustomer?: boolean };

export async function replyToTicket(context: AppContext, actor: Actor, id: number, reply: Reply) {
  const now = context.now();
  const outbound: OutboundMessage[] = [];
  await context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
    if (!ticket) throw new DomainError('NOT_FOUND');
    if (ticket.status === 'closed') {
      throw new DomainError('TICKET_TRANSITION_INVALID', { from: 'closed', to: 'reply', allowed: '—' }, 'body');
    }
    const policy = await policyOfTicket(tx, ticket);
    const isStaff = actor.role !== 'retailer';
    let state = slaStateOf(ticket);
    const changes: Partial<TicketInsert> = { updatedAt: now };
    const events: EventInsert[] = [];
    const visible = isStaff ? reply.visibleToCustomer : true;
    if (isStaff && visible) {
      state = recordFirstResponse(state, now);
      if (!ticket.firstRespondedAt) changes.firstRespondedAt = now;
      if (reply.awaitCustomer) state = pauseSla(state, now);
      // A handler's first answer puts the ticket in progress.
      if (ticket.status === 'new' || ticket.status === 'assigned') {
        changes.status = 'in_progress';
        events.push(event(ticket, actor, now, { fromStatus: ticket.status, toStatus: 'in_progress' }));
      }
    }
    if (!isStaff) state = resumeSla(state, policy, now);
    events.unshift(event(ticket, actor, now, { kind: 'reply', body: reply.body, visibleToCustomer: visible }));
    Object.assign(changes, slaColumnsOf(state));
    changes.nextCheckAt = nextCheckOfTicket(
      (changes.status as TicketStatus) ?? ticket.status,
      state,
      policy,
      ticket.resolvedAt,
      now,
    );
    await updateTicket(tx, actor.tenantId, id, changes);
    await insertEvents(tx, events);
    const drafts: NotificationDraft[] = [];
    if (isStaff && visible) {
      const retailer = await retailerUserOf(tx, actor.tenantId, ticket.customerId);
      if (retailer) {
        drafts.push({
          userId: retailer.id,
          ticketId: id,
          kind: 'reply',
          title: `您的工单 #${id} 有新回复`,
          body: reply.body,
        });
        outbound.push({ channel: 'sms', customerId: ticket.customerId, text: `【客我】您的工单 #${id} 有新回复。` });
      }
    } else if (!isStaff && ticket.assigneeId) {
      drafts.push({
        userId: ticket.assigneeId,
        ticketId: id,
        kind: 'reply',
        title: `工单 #${id} 客户回复`,
        body: reply.body,
      });
    }
    await notify(tx, actor.tenantId, drafts, now);
    await recordChange(tx, actor, { action: 'reply', entity: 'ticket', entityId: id, after: { ...reply } }, now);
  });
  await sendOutbound(context, outbound);
  return getTicket(context, actor, id);
}

async function sendOutbound(context: AppContext, messages: OutboundMessage[]) {
  const gateway = outboundGatewayOf(context);
  for (const message of messages) await gateway.send(message);
}

// ── Transitions ─────────────────────────────────────────────────────────────────────────────────

export type TransitionInput = { to: TicketStatus; note: string; assigneeId?: number };

export async function transitionTicket(context: AppContext, actor: Actor, id: number, input: TransitionInput) {
  const now = context.now();
  await context.db.transaction((tx) => transitionTicketIn(tx, actor, id, input, now));
  return getTicket(context, actor, id);
}

async function transitionTicketIn(
  tx: Executor,
  actor: Actor,
  id: number,
  input: TransitionInput,
  now: Date,
  rating?: number,
) {
  const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id, true);
  if (!ticket) throw new DomainError('NOT_FOUND');
  const who = authorOf(actor);
  checkTransition(ticket, input.to, who, now);
  const policy = await policyOfTicket(tx, ticket);
  let state = slaStateOf(ticket);
  const changes: Partial<TicketInsert> = { status: input.to, updatedAt: now };
  const drafts: NotificationDraft[] = [];
  if (input.to === 'assigned') {
    const assigneeId = input.assigneeId ?? ticket.assigneeId;
    const member = assigneeId ? await findStaffMember(tx, actor.tenantId, assigneeId) : undefined;
    if (!member || member.disabled || member.role === 'retailer') {
      throw new DomainError('TICKET_ASSIGNEE_INVALID', {}, 'assigneeId');
    }
    changes.assigneeId = member.id;
    drafts.push({ userId: member.id, ticketId: id, kind: 'assigned', title: `工单 #${id} 已分派给您` });
  }
  if (input.to === 'resolved') {
    state = recordResolution(state, now);
    state = { ...state, pausedAt: null };
    changes.resolvedAt = now;
    const retailer = await retailerUserOf(tx, actor.tenantId, ticket.customerId);
    if (retailer) {
      drafts.push({
        userId: retailer.id,
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
  if (input.to === 'closed') changes.closedAt = now;
  if (isReopen(ticket.status, input.to)) {
    changes.reopenCount = ticket.reopenCount + 1;
    changes.resolvedAt = null;
    changes.confirmedAt = null;
    if (rating !== undefined) changes.rating = rating;
    if (ticket.assigneeId) {
      drafts.push({ userId: ticket.assigneeId, ticketId: id, kind: 'reopened', title: `工单 #${id} 被重新打开` });
    }
  }
  Object.assign(changes, slaColumnsOf(state));
  changes.nextCheckAt = nextCheckOfTicket(input.to, state, policy, changes.resolvedAt ?? ticket.resolvedAt, now);
  if (input.to === 'closed' || input.to === 'confirmed') changes.nextCheckAt = null;
  const updated = await updateTicket(tx, actor.tenantId, id, changes);
  await insertEvents(tx, [
    event(ticket, actor, now, {
      kind: 'transition',
      fromStatus: ticket.status,
      toStatus: input.to,
      body: input.note,
      visibleToCustomer: true,
    }),
  ]);
  await notify(tx, actor.tenantId, drafts, now);
  await recordChange(
    tx,
    actor,
    { action: `transition:${input.to}`, entity: 'ticket', entityId: id, before: ticket, after: updated },
    now,
  );
  return updated;
}

// The retailer accepts (confirmed) or rejects (back in progress) the resolution, with a rating.
export async function confirmTicket(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { accepted: boolean; rating: number; comment?: string },
) {
  checkRating(input.rating);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, id);
    if (!ticket) throw new DomainError('NOT_FOUND');
    if (ticket.status !== 'resolved') throw new DomainError('TICKET_NOT_AWAITING_CONFIRMATION');
    const to: TicketStatus = input.accepted ? 'confirmed' : 'in_progress';
    const note = input.comment ?? (input.accepted ? '客户确认办结' : '客户不认可处理结果');
    await transitionTicketIn(tx, actor, id, { to, note }, now, input.rating);
    await insertEvents(tx, [
      event(ticket, actor, now, { kind: 'rated', body: `评分 ${input.rating}`, visibleToCustomer: true }),
    ]);
  });
  return getTicket(context, actor, id);
}

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
      event(ticket, actor, now, {
        kind: 'escalated',
        body: `${note}（升级至：${heads.map((head) => head.displayName).join('、') || '—'}）`,
      }),
    ]);
    await notify(
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

// ── The sweep's work on one ticket (tickets-sweep.ts batches it) ────────────────────────────────

export type SweepOutcome = {
  changes: Partial<TicketInsert>;
  events: EventInsert[];
  notifications: NotificationDraft[];
  autoConfirmed: boolean;
  slaEvents: SlaEvent[];
};

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
      event(ticket, system, now, {
        fromStatus: 'resolved',
        toStatus: 'confirmed',
        body: '3 天内未确认，系统自动确认',
        visibleToCustomer: true,
      }),
    );
  }
  const evaluated = evaluateSla(slaStateOf(ticket), policy, now);
  Object.assign(changes, slaColumnsOf(evaluated.state));
  const targetName = { firstResponse: '首次响应', resolution: '办结' } as const;
  for (const slaEvent of evaluated.events) {
    const label = targetName[slaEvent.target];
    const due = slaEvent.dueAt.toISOString();
    if (slaEvent.kind === 'warning') {
      events.push(event(ticket, system, now, { kind: 'sla', body: `${label}时限将到（${due}）` }));
      if (ticket.assigneeId) {
        drafts.push({
          userId: ticket.assigneeId,
          ticketId: ticket.id,
          kind: 'sla_warning',
          title: `工单 #${ticket.id} ${label}即将超时`,
        });
      }
    } else if (slaEvent.kind === 'breached') {
      events.push(event(ticket, system, now, { kind: 'sla', body: `${label}超时（时限 ${due}）` }));
    } else {
      changes.escalated = true;
      events.push(
        event(ticket, system, now, {
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

// ── Lists ───────────────────────────────────────────────────────────────────────────────────────

export async function listTicketsFor(
  context: AppContext,
  actor: Actor,
  query: {
    status?: TicketStatus;
    type?: TicketType;
    mine?: boolean;
    breached?: boolean;
    customerId?: number;
    limit: number;
    offset: number;
  },
) {
  const { rows, total } = await listTickets(context.db, actor.tenantId, actor.scope, {
    ...query,
    assigneeId: query.mine ? actor.userId : undefined,
  });
  return {
    total,
    items: rows.map(({ ticket, storeName, licenceNo, categoryName, assigneeName }) => ({
      id: ticket.id,
      type: ticket.type,
      channel: ticket.channel,
      status: ticket.status,
      priority: ticket.priority,
      storeName,
      licenceNo,
      categoryName: categoryName ?? ticket.categoryCode,
      assigneeName: actor.role === 'retailer' ? null : assigneeName,
      description: ticket.description,
      createdAt: ticket.createdAt.toISOString(),
      firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
      firstResponseSla: ticket.firstResponseSla,
      resolutionDueAt: ticket.resolutionDueAt.toISOString(),
      resolutionSla: ticket.resolutionSla,
      escalated: ticket.escalated,
      rating: ticket.rating,
    })),
  };
}
