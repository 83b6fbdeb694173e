import { describe, expect, it } from 'vitest';
import { errorOf, product, store } from './allocation.fixtures.ts';
import {
  type AllocationStore,
  allocateCycle,
  allocateProduct,
  type ProductAllocationInput,
  prepareStores,
  quotaDistribution,
} from './allocation.rules.ts';

describe(allocateProduct.name, () => {
  const threeGrades = [store(1, { grade: 24 }), store(2, { grade: 10 }), store(3, { grade: 3 })];

  it.each<[string, AllocationStore[], ProductAllocationInput, number[], { scale?: number; allocated?: number }]>([
    ['by grade table when demand fits the supply', threeGrades, product(100), [5, 3, 1], { scale: 1, allocated: 9 }],
    ['by grade table with no supply limit', threeGrades, product(null), [5, 3, 1], { scale: 1 }],
    ['exactly at the supply: nothing scaled', threeGrades, product(9), [5, 3, 1], { scale: 1, allocated: 9 }],
    ['a zero supply gives everyone 0', threeGrades, product(0), [0, 0, 0], { scale: 0, allocated: 0 }],
    [
      'a store without a grade (0) counts as grade 1; above 30 as 30',
      [store(1, { grade: 0 }), store(2, { grade: 99 })],
      product(null),
      [1, 5],
      {},
    ],
    [
      'the class multiplier, then the cap',
      [store(1, { grade: 24, customerClass: 'demonstration' }), store(2, { grade: 24, customerClass: 'growth' })],
      product(null, { classMultipliers: { demonstration: 1.6 }, cap: 6 }),
      [6, 5],
      {},
    ],
    [
      'multiplied cartons round half up (3 × 1.5 = 4.5 → 5; 3 × 1.1 = 3.3 → 3)',
      [store(1, { grade: 12, customerClass: 'growth' }), store(2, { grade: 12, creditLevel: 'A' })],
      product(null, { classMultipliers: { growth: 1.5 }, creditMultipliers: { A: 1.1 } }),
      [5, 3],
      {},
    ],
    [
      'class and credit multipliers multiply (5 × 1.2 × 1.5 = 9)',
      [store(1, { grade: 24, customerClass: 'demonstration', creditLevel: 'AAA' }), store(2, { grade: 24 })],
      product(null, { classMultipliers: { demonstration: 1.2 }, creditMultipliers: { AAA: 1.5 } }),
      [9, 5],
      {},
    ],
    [
      'a district region multiplier (5 × 0.8 = 4; other districts 5)',
      [
        store(1, { grade: 24, districtCode: '350623' }),
        store(2, { grade: 24 }),
        store(3, { grade: 12, districtCode: '350623' }),
      ],
      product(null, { regionMultipliers: { districts: { '350623': 0.8 } } }),
      [4, 5, 2],
      { scale: 1, allocated: 11 },
    ],
    [
      'district × branch × class multiply (5 × 0.8 × 0.5 × 1.2 = 2.4 → 2)',
      [
        store(1, { grade: 24, districtCode: '350623', branchId: 4, customerClass: 'demonstration' }),
        store(2, { grade: 24, districtCode: '350623', branchId: 5 }),
        store(3, { grade: 24, branchId: 4 }),
      ],
      product(null, {
        classMultipliers: { demonstration: 1.2 },
        regionMultipliers: { districts: { '350623': 0.8 }, branches: { '4': 0.5 } },
      }),
      [2, 4, 3],
      {},
    ],
    [
      'a region multiplier, then the cap (5 × 1.6 = 8 → cap 6)',
      [store(1, { grade: 24, branchId: 4 }), store(2, { grade: 24 })],
      product(null, { regionMultipliers: { branches: { '4': 1.6 } }, cap: 6 }),
      [6, 5],
      {},
    ],
    [
      'region-reduced demand scaled to the supply (4 + 5 = 9 > 6)',
      [store(1, { grade: 24, districtCode: '350623' }), store(2, { grade: 24 })],
      product(6, { regionMultipliers: { districts: { '350623': 0.8 } } }),
      [3, 3],
      { allocated: 6 },
    ],
    [
      'proportional with a region multiplier (weights 10 × 0.5 and 10)',
      [store(1, { recentQty: 10, districtCode: '350623' }), store(2, { recentQty: 10 })],
      {
        productId: 7,
        supply: 30,
        strategy: { base: { kind: 'proportional' }, regionMultipliers: { districts: { '350623': 0.5 } } },
      },
      [10, 20],
      { allocated: 30 },
    ],
    [
      'region multipliers for districts no store is in change nothing',
      threeGrades,
      product(null, { regionMultipliers: { districts: { '350699': 0.5 }, branches: { '77': 2 } } }),
      [5, 3, 1],
      {},
    ],
    [
      'scaled: floors, then the leftover carton to the larger remainder (3.6 → 4, 2.4 → 2)',
      [store(1, { grade: 24, customerClass: 'demonstration' }), store(2, { grade: 12, customerClass: 'growth' })],
      product(6, { classMultipliers: { demonstration: 1.2, growth: 4 / 3 } }),
      [4, 2],
      { scale: 0.6, allocated: 6 },
    ],
    [
      'equal remainders: the larger raw demand first (1.5 → 2, 0.5 → 0)',
      [store(1, { grade: 1 }), store(2, { grade: 10 })],
      product(2),
      [0, 2],
      { scale: 0.5 },
    ],
    [
      'equal demand and remainder: the smaller customerId first, whatever the order',
      [store(9, { grade: 1 }), store(2, { grade: 1 }), store(5, { grade: 1 })],
      product(1),
      [0, 1, 0],
      {},
    ],
    [
      'two cartons among three equal stores go to the two smallest customerIds',
      [store(9, { grade: 1 }), store(2, { grade: 1 }), store(5, { grade: 1 })],
      product(2),
      [0, 1, 1],
      {},
    ],
    [
      'ineligible stores get 0 and do not take supply',
      [store(1, { grade: 24, format: 'convenience' }), store(2, { grade: 24, format: 'supermarket' })],
      product(5, { eligibility: { formats: ['convenience'] } }),
      [5, 0],
      { scale: 1 },
    ],
    [
      '限点 by class, district, urban/rural and grade range together',
      [
        store(1, { grade: 24, customerClass: 'demonstration', districtCode: '350681', urbanRural: 'rural' }),
        store(2, { grade: 24, customerClass: 'growth', districtCode: '350681', urbanRural: 'rural' }),
        store(3, { grade: 24, customerClass: 'demonstration', districtCode: '350602', urbanRural: 'rural' }),
        store(4, { grade: 24, customerClass: 'demonstration', districtCode: '350681', urbanRural: 'urban' }),
        store(5, { grade: 15, customerClass: 'demonstration', districtCode: '350681', urbanRural: 'rural' }),
        store(6, { grade: 24, customerClass: null, districtCode: '350681', urbanRural: 'rural' }),
      ],
      product(null, {
        eligibility: {
          classes: ['demonstration'],
          districtCodes: ['350681'],
          urbanRural: ['rural'],
          gradeMin: 20,
          gradeMax: 30,
        },
      }),
      [5, 0, 0, 0, 0, 0],
      {},
    ],
    [
      '限点 by 示范类型 and branch (the segment keys brand programmes share)',
      [
        store(1, { grade: 24, customerClass: 'demonstration', demoType: 'brand', branchId: 12 }),
        store(2, { grade: 24, customerClass: 'demonstration', demoType: 'terminal', branchId: 12 }),
        store(3, { grade: 24, customerClass: 'demonstration', demoType: 'brand', branchId: 13 }),
        store(4, { grade: 24, customerClass: 'growth', demoType: null, branchId: 12 }),
        store(5, { grade: 24, customerClass: 'demonstration', demoType: 'information', branchId: 14 }),
      ],
      product(null, { eligibility: { demoTypes: ['brand', 'information'], branchIds: [12, 14] } }),
      [5, 0, 0, 0, 5],
      {},
    ],
    [
      'unlimited: −1 for eligible stores, 0 for the others',
      [store(1, { urbanRural: 'rural' }), store(2)],
      { productId: 7, supply: null, strategy: { base: { kind: 'unlimited' }, eligibility: { urbanRural: ['rural'] } } },
      [-1, 0],
      { allocated: 0 },
    ],
    [
      'unlimited with a cap: the cap for everyone',
      [store(1), store(2, { grade: 30 })],
      { productId: 7, supply: null, strategy: { base: { kind: 'unlimited' }, cap: 4 } },
      [4, 4],
      { allocated: 8 },
    ],
    [
      'unlimited with a cap and a short supply: the caps scaled',
      [store(1), store(2), store(3)],
      { productId: 7, supply: 10, strategy: { base: { kind: 'unlimited' }, cap: 4 } },
      [4, 3, 3],
      { allocated: 10 },
    ],
    [
      'proportional: the whole supply in proportion to the last 4 weeks',
      [store(1, { recentQty: 10 }), store(2, { recentQty: 20 }), store(3, { recentQty: 0 })],
      { productId: 7, supply: 6, strategy: { base: { kind: 'proportional' } } },
      [2, 4, 0],
      { scale: 0.2, allocated: 6 },
    ],
    [
      'proportional: a store over the cap is capped and its excess goes to the others',
      [store(1, { recentQty: 80 }), store(2, { recentQty: 10 }), store(3, { recentQty: 10 })],
      { productId: 7, supply: 40, strategy: { base: { kind: 'proportional' }, cap: 20 } },
      [20, 10, 10],
      { scale: 1, allocated: 40 },
    ],
    [
      'proportional: everyone at the cap leaves supply over',
      [store(1, { recentQty: 3 }), store(2, { recentQty: 1 })],
      { productId: 7, supply: 100, strategy: { base: { kind: 'proportional' }, cap: 5 } },
      [5, 5],
      { allocated: 10 },
    ],
    [
      'proportional: multipliers, then largest remainder (8.4 : 10 of 10 → 4.57 → 5, 5.43 → 5)',
      [store(1, { recentQty: 7, customerClass: 'demonstration' }), store(2, { recentQty: 10 })],
      {
        productId: 7,
        supply: 10,
        strategy: { base: { kind: 'proportional' }, classMultipliers: { demonstration: 1.2 } },
      },
      [5, 5],
      { allocated: 10 },
    ],
    [
      'proportional: nobody ordered → nobody gets any',
      [store(1), store(2)],
      { productId: 7, supply: 50, strategy: { base: { kind: 'proportional' } } },
      [0, 0],
      { allocated: 0, scale: 1 },
    ],
  ])('%s', (_, stores, input, quotas, expected) => {
    const outcome = allocateProduct(stores, input);
    expect([...outcome.quotas]).toEqual(quotas);
    if (expected.scale !== undefined) expect(outcome.scale).toBeCloseTo(expected.scale, 10);
    if (expected.allocated !== undefined) expect(outcome.allocated).toBe(expected.allocated);
    expect(outcome.productId).toBe(7);
    expect(outcome.supply).toBe(input.supply);
  });

  it('orders ties by customerId even when ids are negative or out of order (the slow ordering path)', () => {
    const stores = [store(-5), store(3), store(-7), store(2 ** 40)];
    expect([...allocateProduct(stores, product(2)).quotas]).toEqual([1, 0, 1, 0]);
  });

  it('shares proportionally when last-4-weeks cartons are too many to index directly', () => {
    const stores = [store(1, { recentQty: 100_000 }), store(2, { recentQty: 3 }), store(3, { recentQty: 5 })];
    const outcome = allocateProduct(stores, { productId: 7, supply: 10, strategy: { base: { kind: 'proportional' } } });
    expect([...outcome.quotas]).toEqual([10, 0, 0]);
    const capped = allocateProduct(stores, {
      productId: 7,
      supply: 10,
      strategy: { base: { kind: 'proportional' }, cap: 6 },
    });
    expect([...capped.quotas]).toEqual([6, 1, 3]); // 4 left for 3 : 5 → 1.5, 2.5: the tie goes to the larger demand
  });

  it('counts eligible stores and eligible stores left at 0', () => {
    const stores = [store(1, { grade: 1 }), store(2, { grade: 24 }), store(3, { format: 'mall' })];
    const outcome = allocateProduct(stores, product(1, { eligibility: { formats: ['grocery'] } }));
    expect(outcome).toMatchObject({ eligibleStores: 2, storesAtZero: 1, allocated: 1 });
    expect([...outcome.quotas]).toEqual([0, 1, 0]);
  });

  it('takes this product’s last-4-weeks cartons from recentQuantities when given', () => {
    const stores = [store(1, { recentQty: 99 }), store(2, { recentQty: 1 })];
    const outcome = allocateProduct(stores, {
      productId: 7,
      supply: 9,
      strategy: { base: { kind: 'proportional' } },
      recentQuantities: [1, 2],
    });
    expect([...outcome.quotas]).toEqual([3, 6]);
  });

  it('refuses an invalid strategy before allocating anything', () => {
    expect(errorOf(() => allocateProduct([store(1)], product(-1)))?.code).toBe('ALLOCATION_STRATEGY_INVALID');
  });

  it('gives the same quotas from prepared stores as from the plain array', () => {
    const stores = Array.from({ length: 50 }, (_, index) =>
      store(1000 - index, { grade: (index % 30) + 1, recentQty: index % 7, customerClass: 'growth' }),
    );
    const prepared = prepareStores(stores);
    for (const input of [
      product(37, { classMultipliers: { growth: 1.3 } }),
      { productId: 7, supply: 41, strategy: { base: { kind: 'proportional' as const }, cap: 3 } },
    ]) {
      expect(allocateProduct(prepared, input)).toEqual(allocateProduct(stores, input));
    }
  });
});

describe(allocateCycle.name, () => {
  it('allocates every product of a cycle over the same stores', () => {
    const stores = [store(1, { grade: 24, recentQty: 2 }), store(2, { grade: 5, recentQty: 6 })];
    const products = [product(4), { productId: 8, supply: 4, strategy: { base: { kind: 'proportional' as const } } }];
    const outcomes = allocateCycle(stores, products);
    expect(outcomes.map((outcome) => [...outcome.quotas])).toEqual([
      [3, 1],
      [1, 3],
    ]);
    expect(outcomes.map((outcome) => outcome.productId)).toEqual([7, 8]);
  });
});

describe(quotaDistribution.name, () => {
  it('counts stores per quota, ascending, unlimited (−1) first', () => {
    expect(quotaDistribution(Int32Array.from([3, 0, 3, -1, 5, 0, 3]))).toEqual([
      { quota: -1, stores: 1 },
      { quota: 0, stores: 2 },
      { quota: 3, stores: 3 },
      { quota: 5, stores: 1 },
    ]);
    expect(quotaDistribution([])).toEqual([]);
  });
});
