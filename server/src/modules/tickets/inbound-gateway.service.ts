import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { createTicketIn, ticketSummary } from './ticket-opening.service.ts';
import type { TicketType } from './ticket-workflow.rules.ts';
import { findChannelKey, findGatewayTicket, findStoreByLicence, insertChannelKey } from './tickets.repository.ts';

// The inbound SMS / WeChat gateway: a channel's key, issued once to an admin, lets the gateway
// file tickets for stores named by their licence number.

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

// Issues a channel key (admin route or `kewo tickets channel-key`); the key is shown once.
export async function issueChannelKey(context: AppContext, actor: Actor, channel: string) {
  const now = context.now();
  const key = `kgw_${randomBytes(24).toString('base64url')}`;
  const created = await context.db.transaction(async (tx) => {
    const row = await insertChannelKey(tx, {
      tenantId: actor.tenantId,
      channel,
      keyHash: hashKey(key),
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'issue', entity: 'ticket_channel_key', entityId: row.id, after: { channel } },
      now,
    );
    return row;
  });
  return { id: created.id, channel, key };
}

// A message from an SMS/WeChat gateway becomes a ticket; the same message id again answers with
// the ticket it made (200), without a second one.
export async function receiveInbound(
  context: AppContext,
  key: string | undefined,
  input: { messageId: string; licenceNo: string; type: TicketType; categoryCode?: string; description: string },
) {
  if (!key) throw new DomainError('GATEWAY_KEY_INVALID');
  const channelKey = await findChannelKey(context.db, hashKey(key));
  if (!channelKey) throw new DomainError('GATEWAY_KEY_INVALID');
  const tenantId = channelKey.tenantId;
  const actor = systemActor(tenantId, 'gateway', channelKey.channel);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    // Serialises retries of one message: the second waits for the first and finds its ticket.
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(${tenantId}, hashtext(${`${channelKey.channel}:${input.messageId}`}))`,
    );
    const existing = await findGatewayTicket(tx, tenantId, channelKey.channel, input.messageId);
    if (existing) return { created: false, ticket: ticketSummary(existing) };
    const store = await findStoreByLicence(tx, tenantId, input.licenceNo);
    if (!store) throw new DomainError('GATEWAY_STORE_UNKNOWN', { licenceNo: input.licenceNo }, 'licenceNo');
    const ticket = await createTicketIn(
      tx,
      actor,
      {
        customerId: store.id,
        type: input.type,
        channel: 'gateway',
        categoryCode: input.categoryCode,
        description: input.description,
        gateway: { channel: channelKey.channel, messageId: input.messageId },
      },
      now,
    );
    return { created: true, ticket: ticketSummary(ticket) };
  });
}
