import type { CycleProduct } from './supply.api.ts';

// A published product's outcome in plain words. A 不限量 product without a cap allocates nothing
// (every eligible store orders what it needs), so "0 cartons allocated, 0 stores at 0" would
// mislead: it is told as unlimited. Otherwise: cartons allocated, stores that may order, and how
// many of them got none (said only when some did).
export type OutcomeSummary =
  | { kind: 'unlimited'; eligibleStores: number }
  | { kind: 'allocated'; allocated: number; eligibleStores: number; storesWithout: number };

export function summariseOutcome(product: Pick<CycleProduct, 'outcome' | 'strategy'>): OutcomeSummary | null {
  const { outcome, strategy } = product;
  if (!outcome) return null;
  if (strategy.base.kind === 'unlimited' && strategy.cap === undefined) {
    return { kind: 'unlimited', eligibleStores: outcome.eligibleStores };
  }
  return {
    kind: 'allocated',
    allocated: outcome.allocated,
    eligibleStores: outcome.eligibleStores,
    storesWithout: outcome.storesAtZero,
  };
}
