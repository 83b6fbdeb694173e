import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors/domain-error.ts';
import { attachmentMaxBytes, checkAttachment } from './attachment.rules.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const pdf = new TextEncoder().encode('%PDF-1.7 pretending to be a photo');

describe(checkAttachment.name, () => {
  const codeOf = (run: () => unknown) => {
    try {
      run();
      return 'ok';
    } catch (error) {
      return (error as DomainError).code;
    }
  };
  it.each([
    ['a photo', png, 0, 'ok'],
    ['the fifth photo', jpeg, 4, 'ok'],
    ['a sixth photo', jpeg, 5, 'TICKET_ATTACHMENT_LIMIT'],
    ['a pdf', pdf, 0, 'TICKET_ATTACHMENT_NOT_IMAGE'],
    ['an empty file', new Uint8Array(0), 0, 'TICKET_ATTACHMENT_NOT_IMAGE'],
    ['over 5 MB', new Uint8Array(attachmentMaxBytes + 1).fill(0xff), 0, 'PHOTO_TOO_LARGE'],
  ])('%s: %s', (_name, bytes, existing, expected) => {
    expect(codeOf(() => checkAttachment(bytes, existing))).toBe(expected);
  });
});
