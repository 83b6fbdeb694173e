import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import type { OrderLineRequest, PortalCycleItem } from './order.api.ts';

// One submission attempt: the Idempotency-Key and the body it was sent with.
export type SubmissionAttempt = { key: string; body: string };

// The body as the server will compare it: the same lines in any order are the same order.
export function canonicalOrderBody(lines: readonly OrderLineRequest[]): string {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId);
  return JSON.stringify(sorted.map((line) => [line.productId, line.qty]));
}

// A retry of the same attempt (same lines, no answer yet) reuses its key, so a submission that
// reached the server before the connection dropped returns that order instead of making a second
// one. Changed lines are a new attempt with a new key (the server refuses a key with another body).
export function attemptFor(
  unanswered: SubmissionAttempt | null,
  lines: readonly OrderLineRequest[],
  createKey: () => string = () => crypto.randomUUID(),
): SubmissionAttempt {
  const body = canonicalOrderBody(lines);
  if (unanswered && unanswered.body === body) return unanswered;
  return { key: createKey(), body };
}

// Did the server decide (201, or a 4xx it answered)? Then the attempt is over. A network failure
// or a 5xx leaves it open: the order may or may not exist, and only the same key finds out.
export function isAnswered(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

export type OrderProblem =
  | { kind: 'quotaExceeded'; productId: number | null; message: string }
  | { kind: 'notInCycle'; productId: number | null; message: string }
  | { kind: 'windowClosed'; message: string }
  | { kind: 'noCycle'; message: string }
  | { kind: 'retry'; message: string }
  | { kind: 'other'; message: string };

// The product a 409 names: the problem's `productId` (top level or under `details`), else the
// product whose name the message quotes.
export function productNamedBy(
  problem: Record<string, unknown>,
  items: readonly Pick<PortalCycleItem, 'productId' | 'name'>[],
): number | null {
  const details = problem.details as Record<string, unknown> | undefined;
  const id = problem.productId ?? details?.productId;
  if (typeof id === 'number' && items.some((item) => item.productId === id)) return id;
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const named = items
    .filter((item) => item.name && detail.includes(item.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  return named?.productId ?? null;
}

// What went wrong, in the terms the order page acts on.
export function mapOrderError(
  error: unknown,
  items: readonly Pick<PortalCycleItem, 'productId' | 'name'>[],
  t: TFunction,
): OrderProblem {
  const message = describeError(error, t);
  if (!isApiError(error)) return { kind: 'other', message };
  if (!isAnswered(error))
    return { kind: 'retry', message: t('portalOrder.errors.maybeSubmitted', { reason: message }) };
  const problem = error.problem as unknown as Record<string, unknown>;
  switch (error.code) {
    case 'QUOTA_EXCEEDED':
      return { kind: 'quotaExceeded', productId: productNamedBy(problem, items), message };
    case 'PRODUCT_NOT_IN_CYCLE':
      return { kind: 'notInCycle', productId: productNamedBy(problem, items), message };
    case 'ORDER_WINDOW_CLOSED':
      return { kind: 'windowClosed', message };
    // No quotas for this store in the cycle: as good as no cycle to order in.
    case 'STORE_NOT_IN_CYCLE':
    case 'NO_OPEN_CYCLE':
      return { kind: 'noCycle', message };
    default:
      return { kind: 'other', message };
  }
}
