import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/domain-error.ts';
import { checkImage, type ImageUploadRules, limitLabelOf } from './image-upload.rules.ts';

const rules: ImageUploadRules = { maxBytes: 16, missing: 'VISIT_PHOTO_MISSING', notImage: 'VISIT_PHOTO_NOT_IMAGE' };
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe(checkImage.name, () => {
  const outcomeOf = (bytes: Uint8Array) => {
    try {
      return checkImage(bytes, rules);
    } catch (error) {
      return [(error as DomainError).code, (error as DomainError).details];
    }
  };
  it.each([
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a PNG', png, 'image/png'],
    ['a JPEG exactly at the limit', Uint8Array.from([...jpeg, ...new Uint8Array(10)]), 'image/jpeg'],
    [
      'a JPEG over the limit',
      Uint8Array.from([...jpeg, ...new Uint8Array(11)]),
      ['PHOTO_TOO_LARGE', { limit: '0 MB' }],
    ],
    ['a PDF named as a photo', new TextEncoder().encode('%PDF-1.7'), ['VISIT_PHOTO_NOT_IMAGE', {}]],
    ['an empty file', new Uint8Array(0), ['VISIT_PHOTO_NOT_IMAGE', {}]],
  ])('%s: %j', (_, bytes, outcome) => {
    expect(outcomeOf(bytes)).toEqual(outcome);
  });

  it('tells the limit in megabytes', () => {
    expect(limitLabelOf(5 * 1024 * 1024)).toBe('5 MB');
  });
});
