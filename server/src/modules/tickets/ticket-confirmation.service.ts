import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { eventOf } from './ticket-effects.rules.ts';
import { getTicket } from './ticket-reading.service.ts';
import { checkRating, type TicketStatus } from './ticket-workflow.rules.ts';
import { getScopedTicket, insertEvents } from './tickets.repository.ts';
import { transitionTicketIn } from './tickets.service.ts';

// The retailer's side of a resolution (portal): accept it (confirmed) or reject it (back in
// progress, a reopen), with a rating 1–5 either way.
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
      eventOf(ticket, actor, now, { kind: 'rated', body: `评分 ${input.rating}`, visibleToCustomer: true }),
    ]);
  });
  return getTicket(context, actor, id);
}
