import type { OrderLineRequest, StoreQuota } from './supply.api.ts';
import { isUnlimitedQuota } from './supply-format.ts';

// Quantities typed per product (blank = not ordered) → the order's lines, in the quota list's order.
export function orderLinesOf(
  quotas: readonly StoreQuota[],
  quantities: Record<number, number | null>,
): OrderLineRequest[] {
  return quotas
    .map((quota) => ({ productId: quota.productId, qty: quantities[quota.productId] ?? 0 }))
    .filter((line) => line.qty > 0);
}

export function remainingOf(quota: StoreQuota): number | null {
  if (isUnlimitedQuota(quota.quota)) return null;
  return Math.max(0, (quota.quota as number) - quota.ordered);
}

// Lines the console already knows are over the remaining quota or not whole cartons. The server
// decides (another channel may order meanwhile); this only saves a round trip.
export type LineProblem = { productId: number; name: string; kind: 'notWhole' | 'overQuota'; remaining: number | null };

export function lineProblems(quotas: readonly StoreQuota[], lines: readonly OrderLineRequest[]): LineProblem[] {
  const byProduct = new Map(quotas.map((quota) => [quota.productId, quota]));
  const problems: LineProblem[] = [];
  for (const line of lines) {
    const quota = byProduct.get(line.productId);
    if (!quota) continue;
    const remaining = remainingOf(quota);
    if (!Number.isInteger(line.qty))
      problems.push({ productId: line.productId, name: quota.name, kind: 'notWhole', remaining });
    else if (remaining !== null && line.qty > remaining)
      problems.push({ productId: line.productId, name: quota.name, kind: 'overQuota', remaining });
  }
  return problems;
}

export function orderTotal(quotas: readonly StoreQuota[], lines: readonly OrderLineRequest[]): number | null {
  const prices = new Map(quotas.map((quota) => [quota.productId, quota.wholesalePrice]));
  let totalFen = 0;
  for (const line of lines) {
    const price = prices.get(line.productId);
    if (price === undefined) return null;
    totalFen += Math.round(price * 100) * line.qty;
  }
  return totalFen / 100;
}

// One Idempotency-Key per order as entered: a retry of the same store and lines (after a timeout)
// reuses it, so the server answers with the first order instead of writing a second; any change
// to the order is a new order and gets a new key.
export type KeyedDraft = { signature: string; key: string };

export function orderSignature(customerId: number, cycleId: number, lines: readonly OrderLineRequest[]): string {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId);
  return JSON.stringify([customerId, cycleId, sorted.map((line) => [line.productId, line.qty])]);
}

export function keyFor(previous: KeyedDraft | null, signature: string, newKey: () => string): KeyedDraft {
  if (previous && previous.signature === signature) return previous;
  return { signature, key: newKey() };
}

// The products whose name or code contains the text (case and surrounding spaces ignored).
export function filterQuotas(quotas: readonly StoreQuota[], text: string): StoreQuota[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...quotas];
  return quotas.filter(
    (quota) => quota.name.toLowerCase().includes(needle) || (quota.code ?? '').toLowerCase().includes(needle),
  );
}
