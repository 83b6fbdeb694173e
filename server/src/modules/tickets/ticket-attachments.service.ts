import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { checkAttachment } from './attachment.rules.ts';
import { getAttachment, getScopedTicket, insertAttachment, listAttachments } from './tickets.repository.ts';

// A ticket's photos (attachment.rules.ts says which): added by staff or the store, read by anyone
// who sees the ticket.

export async function addAttachment(
  context: AppContext,
  actor: Actor,
  ticketId: number,
  file: { fileName: string; bytes: Buffer },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const ticket = await getScopedTicket(tx, actor.tenantId, actor.scope, ticketId, true);
    if (!ticket) throw new DomainError('NOT_FOUND');
    const existing = await listAttachments(tx, actor.tenantId, ticketId);
    const contentType = checkAttachment(file.bytes, existing.length);
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: file.fileName,
      contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    const created = await insertAttachment(tx, { tenantId: actor.tenantId, ticketId, fileId: stored.id });
    await recordChange(
      tx,
      actor,
      {
        action: 'attach',
        entity: 'ticket',
        entityId: ticketId,
        after: { attachmentId: created.id, contentType, size: file.bytes.length },
      },
      now,
    );
    return { id: created.id, contentType, size: file.bytes.length };
  });
}

// The ticket's access check: a photo of a ticket the caller sees.
export async function readAttachment(context: AppContext, actor: Actor, ticketId: number, id: number) {
  return readFileWith(context.db, actor.tenantId, async () => {
    const ticket = await getScopedTicket(context.db, actor.tenantId, actor.scope, ticketId);
    if (!ticket) return null;
    return (await getAttachment(context.db, actor.tenantId, ticketId, id))?.fileId;
  });
}
