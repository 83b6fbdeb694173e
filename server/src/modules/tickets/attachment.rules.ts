import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ImageType, imageTypeOf } from '../../platform/http/image-type.ts';

// 投诉附件: photos only, their type by their first bytes (platform/http/image-type.ts).
export const attachmentMaxBytes = 5 * 1024 * 1024;
export const attachmentsPerTicket = 5;

// Checks one more attachment for a ticket that already has `existing`.
export function checkAttachment(bytes: Uint8Array, existing: number): ImageType {
  if (existing >= attachmentsPerTicket) {
    throw new DomainError('TICKET_ATTACHMENT_LIMIT', { limit: attachmentsPerTicket }, 'file');
  }
  if (bytes.length > attachmentMaxBytes) throw new DomainError('PHOTO_TOO_LARGE', { limit: '5 MB' }, 'file');
  // An empty file is no image.
  const type = imageTypeOf(bytes);
  if (!type) throw new DomainError('TICKET_ATTACHMENT_NOT_IMAGE', {}, 'file');
  return type;
}
