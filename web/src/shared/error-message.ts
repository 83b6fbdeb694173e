import type { TFunction } from 'i18next';
import { isApiError } from './api-client.ts';

// The sentence to show for a failed request: the server's localised detail when there is one.
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    if (error.problem.detail) return error.problem.detail;
    if (error.status >= 500 || error.status === 0) return t('errors.unknown');
    return error.problem.title || t('errors.unknown');
  }
  return t('errors.unknown');
}

// Field-level messages for an antd Form (`form.setFields`), from problem+json `field`/`errors`.
export function fieldErrorsOf(error: unknown): { name: string; errors: string[] }[] {
  if (!isApiError(error)) return [];
  const { problem } = error;
  const byField = new Map<string, string[]>();
  for (const entry of problem.errors ?? []) {
    if (!entry?.field) continue;
    const message = entry.message ?? (entry as { detail?: string }).detail ?? problem.detail;
    byField.set(entry.field, [...(byField.get(entry.field) ?? []), message]);
  }
  if (problem.field && !byField.has(problem.field)) byField.set(problem.field, [problem.detail]);
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
