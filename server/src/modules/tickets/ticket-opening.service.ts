import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { notifyIn } from '../../platform/notifications/notifications.service.ts';
import { startSla } from './sla.rules.ts';
import { type EventInsert, eventOf, systemLike } from './ticket-effects.rules.ts';
import { nextCheckOfTicket, policyOf, slaColumnsOf } from './ticket-sla.rules.ts';
import type { TicketChannel, TicketPriority, TicketStatus, TicketType } from './ticket-workflow.rules.ts';
import {
  ensureTicketSetup,
  findScopedStore,
  findStaff,
  getCalendar,
  insertEvents,
  insertTicket,
  listAssignmentRules,
  listCategories,
  listSlaPolicies,
  type TicketRow,
} from './tickets.repository.ts';

// Filing a ticket — from the portal, by staff (phone, visit) or through the inbound gateway: the
// policy of its category and priority starts both clocks, the assignment rules pick a handler, who
// is told. One transaction.

export type NewTicket = {
  customerId: number;
  type: TicketType;
  channel: TicketChannel;
  categoryCode?: string;
  priority?: TicketPriority;
  description: string;
  gateway?: { channel: string; messageId: string };
};

// The first assignment rule that matches the category picks the handler (分派规则).
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
    eventOf(ticket, actor, now, { kind: 'created', toStatus: 'new', body: input.description, visibleToCustomer: true }),
  ];
  if (assigneeId) {
    events.push(
      eventOf(ticket, systemLike(actor), now, {
        kind: 'assigned',
        fromStatus: 'new',
        toStatus: 'assigned',
        body: '按分派规则分派',
      }),
    );
    await notifyIn(
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
