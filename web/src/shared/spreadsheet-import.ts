import type { ImportRowError } from '../../../server/src/platform/spreadsheets/sheet-import.ts';
import { ApiError, type Problem } from './api-client.ts';

export type { ImportRowError };
// The 422 of an all-or-nothing import (…_IMPORT_ROWS_INVALID): nothing was written; the server's
// `errors` member is kept as `rowErrors` (post-file.ts), with the total count (the list may be cut short).
export type ImportRowsProblem = Problem & { errorCount: number; rowErrors: ImportRowError[] };

// The bad cells of a refused import, or null when the error is something else (a whole-file
// problem, the network).
export function importRowErrorsOf(error: unknown): { errorCount: number; errors: ImportRowError[] } | null {
  if (!(error instanceof ApiError)) return null;
  const problem = error.problem as Partial<ImportRowsProblem>;
  if (!Array.isArray(problem.rowErrors)) return null;
  return { errorCount: Number(problem.errorCount ?? problem.rowErrors.length), errors: problem.rowErrors };
}
