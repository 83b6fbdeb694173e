import type { importResultSchema } from '../../../../server/src/modules/customers/customer-import.routes.ts';
import type { ImportRowError as ServerImportRowError } from '../../../../server/src/platform/spreadsheets/sheet-import.ts';
import { ApiError, buildUrl, loginPathFor, type Problem } from '../../shared/api-client.ts';
import { getActiveLocale } from '../../shared/i18n/locale.ts';
import type { Wire } from '../../shared/wire.ts';

export const importModes = ['create', 'upsert'] as const;
export type ImportMode = (typeof importModes)[number];

export type ImportResult = Wire<typeof importResultSchema>;

// One wrong cell, as the 422 problem lists it (an extension member of the problem): the server's
// row error (platform/spreadsheets), read leniently — a value may arrive as a number or null.
export type ImportRowError = Omit<ServerImportRowError, 'value'> & { value: string | number | null };

// 422 IMPORT_ROWS_INVALID: the first 1,000 errors and a link to the workbook with every bad cell marked.
export type ImportRowsProblem = Problem & {
  code: 'IMPORT_ROWS_INVALID';
  errorCount: number;
  errors: ImportRowError[];
  errorWorkbookUrl: string;
};

export const importTemplateUrl = buildUrl('/customers/import/template');

export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

function problemOf(xhr: XMLHttpRequest): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: xhr.statusText || `HTTP ${xhr.status}`,
    status: xhr.status,
    detail: '',
    code: `HTTP_${xhr.status}`,
  };
  if (!(xhr.getResponseHeader('content-type') ?? '').includes('json')) return fallback;
  try {
    const body = JSON.parse(xhr.responseText) as Partial<Problem> | null;
    if (!body || typeof body !== 'object') return fallback;
    return {
      ...fallback,
      ...body,
      status: xhr.status,
      code: typeof body.code === 'string' ? body.code : fallback.code,
      detail: typeof body.detail === 'string' ? body.detail : '',
    };
  } catch {
    return fallback;
  }
}

// XMLHttpRequest rather than fetch: only it reports upload progress, which a 50 MB file needs.
// Answers like the shared API client: the result, or an ApiError carrying the problem+json.
export function uploadCustomerImport(
  file: File,
  mode: ImportMode,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/customers/import', { mode }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', getActiveLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        onProgress({ phase: 'uploading', percent: Math.floor((event.loaded / event.total) * 100) });
    };
    // The upload is done; the server now reads, checks and writes every row.
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as ImportResult);
        return;
      }
      if (xhr.status === 401) {
        const target = loginPathFor(window.location.pathname, window.location.search);
        if (target) window.location.assign(target);
      }
      reject(new ApiError(problemOf(xhr)));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: 'NETWORK_ERROR' }),
      );
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file, file.name);
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(body);
  });
}
