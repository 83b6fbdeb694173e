import type { Cart } from './order-cart.ts';
import type { SubmissionAttempt } from './order-submission.ts';

// The order being put together survives a switch of tab or a reload (sessionStorage, one cycle):
// the cart, and the submission still waiting for an answer, so that a reload after a dropped
// connection retries with the same Idempotency-Key instead of risking a second order.
export type OrderDraft = { cart: Cart; unanswered: SubmissionAttempt | null };

export const emptyDraft: OrderDraft = { cart: new Map(), unanswered: null };

export function draftStorageKey(cycleId: number): string {
  return `kewo.portal.orderDraft.${cycleId}`;
}

export function serialiseDraft(draft: OrderDraft): string {
  return JSON.stringify({ cart: [...draft.cart], unanswered: draft.unanswered });
}

const isWholePositive = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

// Whatever is stored (an older shape, a hand edit) yields a usable draft: bad parts are dropped.
export function parseDraft(text: string | null): OrderDraft {
  if (!text) return emptyDraft;
  try {
    const value = JSON.parse(text) as { cart?: unknown; unanswered?: Partial<SubmissionAttempt> | null };
    const entries = Array.isArray(value.cart) ? value.cart : [];
    const cart = new Map<number, number>();
    for (const entry of entries) {
      if (Array.isArray(entry) && isWholePositive(entry[0]) && isWholePositive(entry[1])) cart.set(entry[0], entry[1]);
    }
    const attempt = value.unanswered;
    const unanswered =
      attempt && typeof attempt.key === 'string' && typeof attempt.body === 'string'
        ? { key: attempt.key, body: attempt.body }
        : null;
    return { cart, unanswered };
  } catch {
    return emptyDraft;
  }
}

export function loadDraft(storage: Storage, cycleId: number): OrderDraft {
  try {
    return parseDraft(storage.getItem(draftStorageKey(cycleId)));
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(storage: Storage, cycleId: number, draft: OrderDraft): void {
  try {
    if (draft.cart.size === 0 && !draft.unanswered) storage.removeItem(draftStorageKey(cycleId));
    else storage.setItem(draftStorageKey(cycleId), serialiseDraft(draft));
  } catch {
    // Private browsing or a full storage: the draft just does not outlive the page.
  }
}
