import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import type { ImageType } from '../../platform/http/image-type.ts';

// 投诉附件: photos only (platform/files), at most 5 a ticket.
export const attachmentMaxBytes = 5 * 1024 * 1024;
export const attachmentsPerTicket = 5;

// What the upload answers with: a body without a photo is told it is not an image, as always.
export const ticketPhotoRules: ImageUploadRules = {
  maxBytes: attachmentMaxBytes,
  missing: 'TICKET_ATTACHMENT_NOT_IMAGE',
  notImage: 'TICKET_ATTACHMENT_NOT_IMAGE',
};

// Checks one more attachment for a ticket that already has `existing`.
export function checkAttachment(bytes: Uint8Array, existing: number): ImageType {
  if (existing >= attachmentsPerTicket) {
    throw new DomainError('TICKET_ATTACHMENT_LIMIT', { limit: attachmentsPerTicket }, 'file');
  }
  return checkImage(bytes, ticketPhotoRules);
}
