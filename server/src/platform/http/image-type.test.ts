import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './image-type.ts';

describe(imageTypeOf.name, () => {
  it.each([
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0], 'image/png'],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0], 'image/jpeg'],
    ['webp', [...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBP')], 'image/webp'],
    ['gif', [...Buffer.from('GIF89a')], null],
    ['pdf', [...Buffer.from('%PDF-1.7 pretending to be a photo')], null],
    ['a truncated png', [0x89, 0x50, 0x4e, 0x47], null],
    ['empty', [], null],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(imageTypeOf(Uint8Array.from(bytes))).toBe(expected);
  });
});
