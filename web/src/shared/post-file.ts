import { ApiError, buildUrl, type Problem } from './api-client.ts';
import { getActiveLocale } from './i18n/locale.ts';

// POSTs one file as multipart "file" (a spreadsheet to import, a photo); answers the JSON body, or
// throws an ApiError with the problem — an import's 422 keeps its `errors` as `rowErrors` with
// `errorCount` (spreadsheet-import.ts reads them).
export async function postFile<Result>(path: string, file: File): Promise<Result> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(buildUrl(path), {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': getActiveLocale() },
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.ok) return parsed as Result;
  throw new ApiError({
    type: String(parsed.type ?? 'about:blank'),
    title: String(parsed.title ?? `HTTP ${response.status}`),
    status: response.status,
    detail: String(parsed.detail ?? ''),
    code: String(parsed.code ?? `HTTP_${response.status}`),
    ...(Array.isArray(parsed.errors) ? { rowErrors: parsed.errors, errorCount: parsed.errorCount } : {}),
  } as Problem);
}
