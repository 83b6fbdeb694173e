import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.ts';
import { readMultipart } from '../http/route-helpers.ts';
import { type ImageUploadRules, photoTooLarge } from './image-upload.rules.ts';

// The one way a file comes in and goes out over HTTP. In: a multipart body's one file, field
// "file", read whole into memory — at most the module's few MB, so memory stays bounded; the
// module then checks it (image-upload.rules.ts) and stores it (files.repository.ts). Out: the
// bytes of a file the owning module has let the caller read.

export type UploadedFile = { fileName: string; bytes: Buffer };

// The module registers @fastify/multipart with the same `fileSize`; a larger file stops being read
// at the limit.
export async function receiveFile(request: FastifyRequest, rules: ImageUploadRules): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new DomainError(rules.missing, {}, 'file');
  const part = await readMultipart(() => request.file({ limits: { fileSize: rules.maxBytes, files: 1, fields: 10 } }));
  if (part?.fieldname !== 'file') throw new DomainError(rules.missing, {}, 'file');
  try {
    const bytes = await readMultipart(() => part.toBuffer());
    return { fileName: part.filename || 'photo', bytes };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge(rules);
    throw error;
  }
}

// Private to the reader, kept by their browser for `cacheSeconds`.
export function sendFile(reply: FastifyReply, file: { contentType: string; content: Buffer }, cacheSeconds: number) {
  return reply.type(file.contentType).header('cache-control', `private, max-age=${cacheSeconds}`).send(file.content);
}
