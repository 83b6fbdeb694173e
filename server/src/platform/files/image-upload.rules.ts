import { DomainError } from '../errors/domain-error.ts';
import type { ErrorCode } from '../errors/error-catalogue.ts';
import { type ImageType, imageTypeOf } from '../http/image-type.ts';

// What a photo upload (投诉附件, 走访照片) must be: within the owning module's size limit, and an
// image by its first bytes (image-type.ts), never by its name or the browser's word for it. Each
// module names its limit and the codes it answers with. Pure.
export type ImageUploadRules = {
  maxBytes: number;
  // No multipart body, or no file in it.
  missing: ErrorCode;
  notImage: ErrorCode;
};

// The limit as the message tells it: "5 MB".
export const limitLabelOf = (maxBytes: number) => `${Math.round(maxBytes / 1024 / 1024)} MB`;

export function photoTooLarge(rules: ImageUploadRules): DomainError {
  return new DomainError('PHOTO_TOO_LARGE', { limit: limitLabelOf(rules.maxBytes) }, 'file');
}

// The photo's type, within the size limit. An empty file is no image.
export function checkImage(bytes: Uint8Array, rules: ImageUploadRules): ImageType {
  if (bytes.length > rules.maxBytes) throw photoTooLarge(rules);
  const type = imageTypeOf(bytes);
  if (!type) throw new DomainError(rules.notImage, {}, 'file');
  return type;
}
