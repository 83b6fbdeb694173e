import { DomainError } from '../../platform/errors/domain-error.ts';

// 投诉附件: photos only. The type is decided by the file's first bytes, never by its name or the
// browser's word for it.
export const attachmentMaxBytes = 5 * 1024 * 1024;
export const attachmentsPerTicket = 5;
export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

export function imageTypeOf(bytes: Uint8Array): AttachmentType | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF....WEBP
  if (
    bytes.length >= 12 &&
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return 'image/webp';
  }
  return null;
}

// Checks one more attachment for a ticket that already has `existing`.
export function checkAttachment(bytes: Uint8Array, existing: number): AttachmentType {
  if (existing >= attachmentsPerTicket) {
    throw new DomainError('TICKET_ATTACHMENT_LIMIT', { limit: attachmentsPerTicket }, 'file');
  }
  if (bytes.length === 0 || bytes.length > attachmentMaxBytes) {
    throw new DomainError('TICKET_ATTACHMENT_TOO_LARGE', { limit: '5 MB' }, 'file');
  }
  const type = imageTypeOf(bytes);
  if (!type) throw new DomainError('TICKET_ATTACHMENT_NOT_IMAGE', {}, 'file');
  return type;
}
