import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { messageOf } from '../../platform/errors/error-catalogue.ts';
import {
  type AllocationStore,
  type AllocationStrategy,
  allocateCycle,
  allocateProduct,
  checkStrategy,
  explainQuota,
  type ProductAllocationInput,
  prepareStores,
  quotaDistribution,
} from './allocation.rules.ts';

function store(customerId: number, overrides: Partial<AllocationStore> = {}): AllocationStore {
  return {
    customerId,
    grade: 1,
    customerClass: null,
    creditLevel: null,
    format: 'grocery',
    districtCode: '350602',
    urbanRural: 'urban',
    recentQty: 0,
    ...overrides,
  };
}

const gradeTable: AllocationStrategy['base'] = {
  kind: 'grade_table',
  table: [
    { fromGrade: 1, toGrade: 9, qty: 1 },
    { fromGrade: 10, toGrade: 19, qty: 3 },
    { fromGrade: 20, toGrade: 30, qty: 5 },
  ],
};

function product(supply: number | null, strategy: Partial<AllocationStrategy> = {}): ProductAllocationInput {
  return { productId: 7, supply, strategy: { base: gradeTable, ...strategy } };
}

function errorOf(action: () => unknown): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

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

describe(explainQuota.name, () => {
  const demonstration24 = store(1, { grade: 24, customerClass: 'demonstration' });
  const capped = product(null, { classMultipliers: { demonstration: 1.2 }, cap: 6 });

  it.each<
    [string, AllocationStore, ProductAllocationInput, { scale: number; supply: number | null }, number, string, string]
  >([
    [
      'grade, class multiplier, cap',
      demonstration24,
      capped,
      { scale: 1, supply: null },
      6,
      '档位 24 → 5；×1.2 示范客户 → 6；限量 6',
      'grade 24 → 5; ×1.2 demonstration → 6; cap 6',
    ],
    [
      'scaled to the supply, with the largest remainder carton',
      demonstration24,
      capped,
      { scale: 0.83, supply: 830 },
      5,
      '档位 24 → 5；×1.2 示范客户 → 6；限量 6；按货源 ×0.83 → 4.98 → 5（最大余数）',
      'grade 24 → 5; ×1.2 demonstration → 6; cap 6; supply ×0.83 → 4.98 → 5 (largest remainder)',
    ],
    [
      'scaled and floored',
      store(2, { grade: 12 }),
      product(10),
      { scale: 0.5, supply: 10 },
      1,
      '档位 12 → 3；按货源 ×0.5 → 1.5 → 1',
      'grade 12 → 3; supply ×0.5 → 1.5 → 1',
    ],
    [
      'a fractional multiplied quantity rounds',
      store(3, { grade: 12, creditLevel: 'AA' }),
      product(null, { creditMultipliers: { AA: 1.5 } }),
      { scale: 1, supply: null },
      5,
      '档位 12 → 3；×1.5 信用 AA → 4.5 → 5',
      'grade 12 → 3; ×1.5 credit AA → 4.5 → 5',
    ],
    [
      'a cap below the grade quantity',
      store(4, { grade: 30 }),
      product(null, { cap: 2 }),
      { scale: 1, supply: null },
      2,
      '档位 30 → 5；限量 2',
      'grade 30 → 5; cap 2',
    ],
    [
      'outside the eligible set',
      store(5, { format: 'mall' }),
      product(null, { eligibility: { formats: ['convenience'] } }),
      { scale: 1, supply: null },
      0,
      '不在投放范围（限点：业态）',
      'not eligible (restricted by format)',
    ],
    [
      'outside on two counts',
      store(6, { grade: 3, urbanRural: 'rural' }),
      product(null, { eligibility: { urbanRural: ['urban'], gradeMin: 10 } }),
      { scale: 1, supply: null },
      0,
      '不在投放范围（限点：城乡、档位范围）',
      'not eligible (restricted by urban/rural, grade range)',
    ],
    [
      'unlimited',
      store(7),
      { productId: 7, supply: null, strategy: { base: { kind: 'unlimited' } } },
      { scale: 1, supply: null },
      -1,
      '不限量',
      'unlimited',
    ],
    [
      'unlimited with a cap, scaled',
      store(8),
      { productId: 7, supply: 10, strategy: { base: { kind: 'unlimited' }, cap: 4 } },
      { scale: 10 / 12, supply: 10 },
      4,
      '不限量；限量 4；按货源 ×0.83 → 3.33 → 4（最大余数）',
      'unlimited; cap 4; supply ×0.83 → 3.33 → 4 (largest remainder)',
    ],
    [
      'proportional with a multiplier',
      store(9, { recentQty: 12, customerClass: 'demonstration' }),
      {
        productId: 7,
        supply: 100,
        strategy: { base: { kind: 'proportional' }, classMultipliers: { demonstration: 1.2 } },
      },
      { scale: 0.5, supply: 100 },
      7,
      '近4周 12 条；×1.2 示范客户 → 14.4；按货源 ×0.5 → 7.2 → 7',
      'last 4 weeks 12 cartons; ×1.2 demonstration → 14.4; supply ×0.5 → 7.2 → 7',
    ],
    [
      'proportional at the cap',
      store(10, { recentQty: 40 }),
      { productId: 7, supply: 100, strategy: { base: { kind: 'proportional' }, cap: 30 } },
      { scale: 2.5, supply: 100 },
      30,
      '近4周 40 条；按货源 ×2.5 → 100；限量 30',
      'last 4 weeks 40 cartons; supply ×2.5 → 100; cap 30',
    ],
    [
      'proportional with no recent orders',
      store(11, { recentQty: 0 }),
      { productId: 7, supply: 100, strategy: { base: { kind: 'proportional' } } },
      { scale: 2.5, supply: 100 },
      0,
      '近4周 0 条 → 0',
      'last 4 weeks 0 cartons → 0',
    ],
  ])('%s', (_, subject, input, outcome, quota, zh, en) => {
    expect(explainQuota(subject, input, outcome, quota)).toBe(zh);
    expect(explainQuota(subject, input, outcome, quota, 'en')).toBe(en);
  });

  it('explains exactly what allocateProduct computed, store by store', () => {
    const stores = [
      store(1, { grade: 24, customerClass: 'demonstration' }),
      store(2, { grade: 24 }),
      store(3, { grade: 12 }),
    ];
    const input = product(10, { classMultipliers: { demonstration: 1.2 }, cap: 6 });
    const outcome = allocateProduct(stores, input);
    expect([...outcome.quotas]).toEqual([4, 4, 2]);
    expect(stores.map((subject, index) => explainQuota(subject, input, outcome, outcome.quotas[index]))).toEqual([
      '档位 24 → 5；×1.2 示范客户 → 6；限量 6；按货源 ×0.71 → 4.29 → 4',
      '档位 24 → 5；按货源 ×0.71 → 3.57 → 4（最大余数）',
      '档位 12 → 3；按货源 ×0.71 → 2.14 → 2',
    ]);
  });
});

describe(checkStrategy.name, () => {
  const table = (...rows: Array<[number, number, number]>): AllocationStrategy['base'] => ({
    kind: 'grade_table',
    table: rows.map(([fromGrade, toGrade, qty]) => ({ fromGrade, toGrade, qty })),
  });

  it.each<[string, ProductAllocationInput, string, string]>([
    [
      'overlapping rows',
      product(100, { base: table([1, 12, 1], [12, 15, 2], [16, 30, 3]) }),
      '档位 1–12 与 12–15 重叠',
      'grades 1–12 and 12–15 overlap',
    ],
    [
      'a gap between rows',
      product(100, { base: table([1, 9, 1], [12, 30, 2]) }),
      '档位 10–11 未设投放量',
      'grades 10–11 have no row',
    ],
    [
      'grades left out at the top',
      product(100, { base: table([1, 29, 1]) }),
      '档位 30 未设投放量',
      'grades 30 have no row',
    ],
    [
      'grades left out at the bottom',
      product(100, { base: table([5, 30, 1]) }),
      '档位 1–4 未设投放量',
      'grades 1–4 have no row',
    ],
    ['an empty table', product(100, { base: table() }), '按档位投放须至少设一行档位', 'at least one row'],
    [
      'a grade outside 1–30',
      product(100, { base: table([0, 30, 1]) }),
      '档位 0–30 超出 1–30',
      'grades 0–30 are outside 1–30',
    ],
    [
      'a row running backwards',
      product(100, { base: table([1, 30, 1], [20, 10, 1]) }),
      '档位 20–10 起止颠倒',
      'grades 20–10 run backwards',
    ],
    [
      'a negative quantity',
      product(100, { base: table([1, 9, 1], [10, 30, -2]) }),
      '档位 10–30 的投放量不能为负数（-2）',
      'the quantity cannot be negative (-2)',
    ],
    [
      'a fractional quantity',
      product(100, { base: table([1, 9, 1], [10, 30, 2.5]) }),
      '档位 10–30 的投放量须为整数条（2.5）',
      'must be whole cartons (2.5)',
    ],
    [
      'a multiplier of 0',
      product(100, { classMultipliers: { growth: 0 } }),
      '成长客户系数须大于 0 且不超过 10（0）',
      'growth multiplier',
    ],
    [
      'a negative multiplier',
      product(100, { creditMultipliers: { AA: -1 } }),
      '信用 AA 系数须大于 0 且不超过 10（-1）',
      'the credit AA multiplier must be above 0',
    ],
    [
      'a multiplier over 10',
      product(100, { classMultipliers: { demonstration: 10.5 } }),
      '示范客户系数须大于 0 且不超过 10（10.5）',
      '(10.5)',
    ],
    ['a negative cap', product(100, { cap: -1 }), '限量须为不小于 0 的整数条（-1）', 'the cap must be whole cartons'],
    ['a fractional cap', product(100, { cap: 2.5 }), '限量须为不小于 0 的整数条（2.5）', '(2.5)'],
    [
      'gradeMin above gradeMax',
      product(100, { eligibility: { gradeMin: 20, gradeMax: 10 } }),
      '限点档位下限 20 大于上限 10',
      'the lowest eligible grade 20 is above the highest 10',
    ],
    [
      'an eligible grade outside 1–30',
      product(100, { eligibility: { gradeMax: 31 } }),
      '限点档位上限须为 1–30 的整数（31）',
      'the highest eligible grade must be a whole number from 1 to 30 (31)',
    ],
    [
      'an empty eligible list',
      product(100, { eligibility: { formats: [] } }),
      '限点“业态”为空，没有客户可订（不限请不填）',
      'the eligible formats list is empty',
    ],
    [
      'a negative supply',
      product(-5),
      '货源量须为不小于 0 的整数条（-5）',
      'the supply must be whole cartons, 0 or more (-5)',
    ],
    ['a fractional supply', product(2.5), '货源量须为不小于 0 的整数条（2.5）', '(2.5)'],
    [
      'proportional without a supply',
      { productId: 7, supply: null, strategy: { base: { kind: 'proportional' } } },
      '按比例投放须填写货源量',
      'a proportional allocation needs a supply',
    ],
    [
      'unlimited with a supply but no cap',
      { productId: 7, supply: 500, strategy: { base: { kind: 'unlimited' } } },
      '不限量投放不能同时限定货源量 500',
      'an unlimited allocation cannot also have a supply of 500',
    ],
    [
      'an unknown kind',
      { productId: 7, supply: 5, strategy: { base: { kind: 'lottery' } as unknown as AllocationStrategy['base'] } },
      '未知的投放方式：lottery',
      'unknown allocation kind: lottery',
    ],
  ])('refuses %s, naming it', (_, input, zh, en) => {
    const error = errorOf(() => checkStrategy(input));
    expect(error?.code).toBe('ALLOCATION_STRATEGY_INVALID');
    expect(error?.field).toBe('strategy');
    expect(messageOf('ALLOCATION_STRATEGY_INVALID', 'zh-CN', error?.details)).toContain(zh);
    expect(messageOf('ALLOCATION_STRATEGY_INVALID', 'en', error?.details)).toContain(en);
  });

  it('names every problem at once', () => {
    const error = errorOf(() => checkStrategy(product(-1, { cap: -2, classMultipliers: { growth: 0 } })));
    expect(error?.details.reason).toBe(
      '货源量须为不小于 0 的整数条（-1）；限量须为不小于 0 的整数条（-2）；成长客户系数须大于 0 且不超过 10（0）',
    );
  });

  it.each<[string, ProductAllocationInput]>([
    ['a full grade table', product(100)],
    ['one row for every grade', product(null, { base: table([1, 30, 2]) })],
    ['a single-grade row', product(null, { base: table([1, 1, 0], [2, 30, 2]) })],
    [
      'every option at once',
      product(0, {
        classMultipliers: { demonstration: 10, special: 0.5 },
        creditMultipliers: { AAA: 1.2 },
        cap: 0,
        eligibility: { classes: ['growth'], formats: ['mall'], districtCodes: ['350602'], gradeMin: 30, gradeMax: 30 },
      }),
    ],
    ['proportional with a supply', { productId: 7, supply: 0, strategy: { base: { kind: 'proportional' } } }],
    ['unlimited', { productId: 7, supply: null, strategy: { base: { kind: 'unlimited' } } }],
    [
      'unlimited, capped, with a supply',
      { productId: 7, supply: 9, strategy: { base: { kind: 'unlimited' }, cap: 1 } },
    ],
  ])('accepts %s', (_, input) => {
    expect(() => checkStrategy(input)).not.toThrow();
  });
});
