import { describe, expect, it } from 'vitest';
import { type OutcomeSummary, summariseOutcome } from './allocation-outcome.ts';
import type { CycleProduct } from './supply.api.ts';

const outcome = (allocated: number, eligibleStores: number, storesAtZero: number) => ({
  allocated,
  eligibleStores,
  storesAtZero,
  scale: 1,
});

describe(summariseOutcome.name, () => {
  it.each<[string, Pick<CycleProduct, 'outcome' | 'strategy'>, OutcomeSummary | null]>([
    ['not published yet', { outcome: null, strategy: { base: { kind: 'unlimited' } } }, null],
    [
      'unlimited, no cap: told as unlimited, not as 0 allocated',
      { outcome: outcome(0, 24_000, 0), strategy: { base: { kind: 'unlimited' } } },
      { kind: 'unlimited', eligibleStores: 24_000 },
    ],
    [
      'unlimited with a cap: the cap is allocated',
      { outcome: outcome(48_000, 24_000, 0), strategy: { base: { kind: 'unlimited' }, cap: 2 } },
      { kind: 'allocated', allocated: 48_000, eligibleStores: 24_000, storesWithout: 0 },
    ],
    [
      'proportional, some stores without',
      { outcome: outcome(1_198, 24_000, 23_001), strategy: { base: { kind: 'proportional' } } },
      { kind: 'allocated', allocated: 1_198, eligibleStores: 24_000, storesWithout: 23_001 },
    ],
  ])('%s', (_, product, expected) => {
    expect(summariseOutcome(product)).toEqual(expected);
  });
});
