import { ApiError } from '../../shared/api-client.ts';
import type { ImportRowError, ImportRowsProblem } from './customer-import.api.ts';

// What the server accepts (POST /customers/import): one .xlsx or .csv file of at most 50 MB.
// Checked here first so a wrong file fails in a second, not after a long upload.
export const importFileLimits = { maxBytes: 50 * 1024 * 1024, extensions: ['.xlsx', '.csv'] } as const;

export type ImportFileProblem = { problem: 'type' } | { problem: 'empty' } | { problem: 'tooLarge'; size: number };

export function checkImportFile(file: { name: string; size: number }): ImportFileProblem | null {
  const name = file.name.toLowerCase();
  if (!importFileLimits.extensions.some((extension) => name.endsWith(extension))) return { problem: 'type' };
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > importFileLimits.maxBytes) return { problem: 'tooLarge', size: file.size };
  return null;
}

// 52428800 → "50 MB", 1536 → "1.5 KB": binary units, as operating systems show file sizes.
export function formatFileSize(
  bytes: number,
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string,
) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

export type ImportErrorTableRow = ImportRowError & { key: number; valueText: string };

// The error table's rows: a stable key each, in row order (then as the server listed them), the
// value as text — empty cells and numbers included.
export function toErrorTableRows(errors: readonly ImportRowError[]): ImportErrorTableRow[] {
  return errors
    .map((error, index) => ({
      ...error,
      key: index,
      valueText: error.value === null || error.value === undefined ? '' : String(error.value),
    }))
    .sort((a, b) => a.row - b.row || a.key - b.key);
}

export function compareByRow(a: Pick<ImportRowError, 'row'>, b: Pick<ImportRowError, 'row'>) {
  return a.row - b.row;
}

export type ImportFailure =
  | { kind: 'rows'; errorCount: number; errors: ImportRowError[]; errorWorkbookUrl: string | null }
  | { kind: 'file'; error: unknown };

function isRowsProblem(problem: object): problem is ImportRowsProblem {
  const candidate = problem as Partial<ImportRowsProblem>;
  return candidate.code === 'IMPORT_ROWS_INVALID' && Array.isArray(candidate.errors);
}

// The error workbook is ours (/api/v1/…); anything else in the answer is not followed.
export function safeWorkbookUrl(url: unknown): string | null {
  return typeof url === 'string' && url.startsWith('/api/v1/') ? url : null;
}

// A failed import: row errors (422) become the table; anything else (400, 413, network) is one message.
export function classifyImportFailure(error: unknown): ImportFailure {
  if (error instanceof ApiError && error.status === 422 && isRowsProblem(error.problem)) {
    const { errors, errorCount, errorWorkbookUrl } = error.problem;
    return {
      kind: 'rows',
      errors,
      errorCount: typeof errorCount === 'number' ? errorCount : errors.length,
      errorWorkbookUrl: safeWorkbookUrl(errorWorkbookUrl),
    };
  }
  return { kind: 'file', error };
}
