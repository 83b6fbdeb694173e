import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { DomainError, isDomainError } from '../errors/domain-error.ts';
import './fastify-augment.ts';
import { idParam } from './input-bounds.ts';

// The access hook has already authenticated every non-public route; this narrows the type.
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}

export const idParams = z.strictObject({ id: idParam });

export const offsetPaging = {
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
  })
  .describe('RFC 9457 problem details');

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A download: the file name in ASCII for old clients and in UTF-8 (RFC 5987) for the rest.
export function attachment(reply: FastifyReply, fileName: string, type: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store');
}

// The Idempotency-Key header, when sent: 1–100 visible ASCII characters.
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(value))
    throw new DomainError('IDEMPOTENCY_KEY_INVALID');
  return value;
}

// Reads (part of) a multipart body. A body the client broke, with no boundary or cut short, is
// the client's error; one from the file system, or one that is already an HTTP error (a file
// too large), is passed on as it is.
export async function readMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const { syscall, statusCode } = error as { syscall?: unknown; statusCode?: unknown };
    if (!isDomainError(error) && syscall === undefined && statusCode === undefined) {
      throw new DomainError('MULTIPART_MALFORMED', {}, 'file');
    }
    throw error;
  }
}

// Saves the one uploaded file (multipart field "file") to a temporary file in `directory`: an
// import streams it from there and never holds it in memory.
export async function receiveUpload(request: FastifyRequest, directory: string, limitBytes: number) {
  const limit = `${Math.round(limitBytes / 1024 / 1024)} MB`;
  if (!request.isMultipart()) throw new DomainError('IMPORT_FILE_MISSING', {}, 'file');
  const part = await readMultipart(() => request.file({ limits: { fileSize: limitBytes, files: 1, fields: 10 } }));
  if (part?.fieldname !== 'file') throw new DomainError('IMPORT_FILE_MISSING', {}, 'file');
  const path = join(directory, 'upload');
  try {
    await readMultipart(() => pipeline(part.file, createWriteStream(path)));
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit }, 'file');
    }
    throw error;
  }
  if (part.file.truncated) throw new DomainError('IMPORT_FILE_TOO_LARGE', { limit }, 'file');
  return { path, fileName: part.filename || 'upload' };
}
