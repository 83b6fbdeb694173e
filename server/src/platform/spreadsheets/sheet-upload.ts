import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, type Locale, pickLocale } from '../errors/error-catalogue.ts';
import { buildProblem } from '../errors/problem-handler.ts';
import { receiveUpload } from '../http/route-helpers.ts';

type Refused = { ok: false; errorCount: number; errors: readonly unknown[] };

// An import over HTTP, the same for every sheet a module imports. The upload (multipart field
// "file", at most `maxBytes`) is kept in a temporary directory of its own, removed afterwards; the
// import runs on it in the caller's language; the answer is its counts, or — when rows were wrong
// and nothing was written — 422 problem+json `rowsInvalid` with the rows' errors, their count and
// what `extras` adds (a link to the error workbook).
export async function answerSheetImport<Outcome extends { ok: true } | Refused>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    maxBytes: number;
    rowsInvalid: ErrorCode;
    run: (upload: { path: string; fileName: string }, locale: Locale) => Promise<Outcome>;
    extras?: (refused: Extract<Outcome, Refused>) => Record<string, unknown>;
  },
): Promise<Omit<Extract<Outcome, { ok: true }>, 'ok'> | FastifyReply> {
  const directory = join(tmpdir(), `kewo-import-${randomBytes(8).toString('hex')}`);
  await mkdir(directory, { recursive: true });
  try {
    const upload = await receiveUpload(request, directory, options.maxBytes);
    const locale = request.locale ?? pickLocale(request.headers['accept-language']);
    const outcome = await options.run(upload, locale);
    if (outcome.ok) {
      const { ok: _ok, ...counts } = outcome as Extract<Outcome, { ok: true }>;
      return counts;
    }
    const refused = outcome as Extract<Outcome, Refused>;
    const problem = {
      ...buildProblem(options.rowsInvalid, locale, { errorCount: refused.errorCount }),
      errorCount: refused.errorCount,
      errors: refused.errors,
      ...options.extras?.(refused),
    };
    // Sent as text: the route's 200 schema does not describe a problem.
    return reply.code(422).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
