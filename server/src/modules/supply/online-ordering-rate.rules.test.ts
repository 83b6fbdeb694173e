import { describe, expect, it } from 'vitest';
import { type OrderingCounts, onlineOrderingRates, onlineRateOf } from './online-ordering-rate.rules.ts';

describe(onlineRateOf.name, () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [5, 0, null],
    [0, 8, 0],
    [8, 8, 1],
    [13, 16, 0.8125],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
  ])('%s of %s is %s', (part, whole, rate) => {
    expect(onlineRateOf(part, whole)).toBe(rate);
  });
});

describe(onlineOrderingRates.name, () => {
  const branch = (branchId: number, counts: OrderingCounts) => ({
    branchId,
    branchName: `分公司${branchId}`,
    ...counts,
  });

  it('rates each branch, and the company from the counts added up rather than the branches’ rates', () => {
    const result = onlineOrderingRates([
      branch(1, { stores: 10, storesOrdered: 8, storesOnline: 8, qty: 100, qtyOnline: 100 }),
      branch(2, { stores: 100, storesOrdered: 80, storesOnline: 20, qty: 1_000, qtyOnline: 250 }),
    ]);
    expect(result.byBranch.map((row) => [row.branchId, row.storeRate, row.volumeRate])).toEqual([
      [1, 1, 1],
      [2, 0.25, 0.25],
    ]);
    expect(result.total).toEqual({
      stores: 110,
      storesOrdered: 88,
      storesOnline: 28,
      qty: 1_100,
      qtyOnline: 350,
      storeRate: 0.3182,
      volumeRate: 0.3182,
    });
  });

  it('has no rate where nothing was ordered', () => {
    const result = onlineOrderingRates([
      branch(1, { stores: 5, storesOrdered: 0, storesOnline: 0, qty: 0, qtyOnline: 0 }),
    ]);
    expect(result.byBranch[0]).toMatchObject({ branchName: '分公司1', storeRate: null, volumeRate: null });
    expect(result.total).toMatchObject({ stores: 5, storeRate: null, volumeRate: null });
  });

  it('totals nothing for no branches', () => {
    expect(onlineOrderingRates([])).toEqual({
      byBranch: [],
      total: { stores: 0, storesOrdered: 0, storesOnline: 0, qty: 0, qtyOnline: 0, storeRate: null, volumeRate: null },
    });
  });
});
