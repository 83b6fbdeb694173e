import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { hasCreditPriority } from './queue-priority.rules.ts';
import { allowedTransitions, type TicketStatus, type TicketType } from './ticket-workflow.rules.ts';
import {
  findScopedStore,
  getScopedTicket,
  listAttachments,
  listEvents,
  listTickets,
  ticketDetailRefs,
} from './tickets.repository.ts';

// Reading tickets, for staff and the retailer alike: one ticket with its history, photos and the
// moves the reader may make; the list in the reader's data scope. A retailer sees what is meant for
// the store: no internal notes, no linked service failure, staff named only as 客服人员.

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
    judgement: ticket.judgement,
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
  // One store's tickets (its 360° view): a store outside the reader's scope does not exist for them.
  if (query.customerId !== undefined) {
    const store = await findScopedStore(context.db, actor.tenantId, actor.scope, query.customerId);
    if (!store) throw new DomainError('NOT_FOUND');
  }
  // Staff see the queue by its stated rule (信用优先); a retailer sees its own tickets newest first.
  const { rows, total } = await listTickets(context.db, actor.tenantId, actor.scope, {
    ...query,
    assigneeId: query.mine ? actor.userId : undefined,
    creditOn: actor.role === 'retailer' ? undefined : beijingDateOf(context.now()),
  });
  return {
    total,
    items: rows.map(({ ticket, storeName, licenceNo, categoryName, assigneeName, creditLevel }) => ({
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
      firstRespondedAt: ticket.firstRespondedAt?.toISOString() ?? null,
      firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
      firstResponseSla: ticket.firstResponseSla,
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      resolutionDueAt: ticket.resolutionDueAt.toISOString(),
      resolutionSla: ticket.resolutionSla,
      escalated: ticket.escalated,
      rating: ticket.rating,
      ...(actor.role === 'retailer'
        ? {}
        : { creditLevel, creditPriority: hasCreditPriority(creditLevel, ticket.status) }),
    })),
  };
}
