import { describe, expect, it } from 'vitest';
import { messageOf } from '../../platform/errors/error-catalogue.ts';
import { errorOf, product } from './allocation.fixtures.ts';
// The server's modules register their error codes when loaded, supply's among them.
import '../../modules.ts';
import {
  type AllocationStrategy,
  checkCycleProducts,
  checkStrategy,
  type ProductStrategy,
} from './allocation-strategy.rules.ts';

describe(checkStrategy.name, () => {
  const table = (...rows: Array<[number, number, number]>): AllocationStrategy['base'] => ({
    kind: 'grade_table',
    table: rows.map(([fromGrade, toGrade, qty]) => ({ fromGrade, toGrade, qty })),
  });

  it.each<[string, ProductStrategy, string, string]>([
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
      '限点：档位下限 20 大于上限 10',
      'eligibility: the lowest grade 20 is above the highest 10',
    ],
    [
      'an eligible grade outside 1–30',
      product(100, { eligibility: { gradeMax: 31 } }),
      '限点：档位上限须为 1–30 的整数（31）',
      'eligibility: the highest grade must be a whole number from 1 to 30 (31)',
    ],
    [
      'an empty eligible list',
      product(100, { eligibility: { formats: [] } }),
      '限点：“业态”为空，没有客户符合（不限请不填）',
      'eligibility: the formats list is empty',
    ],
    [
      'a district region multiplier of 0',
      product(100, { regionMultipliers: { districts: { '350623': 0 } } }),
      '区县 350623 的区域系数须大于 0 且不超过 10（0）',
      'the region (district 350623) multiplier must be above 0 and at most 10 (0)',
    ],
    [
      'a branch region multiplier over 10',
      product(100, { regionMultipliers: { branches: { '4': 12 } } }),
      '分公司 4 的区域系数须大于 0 且不超过 10（12）',
      'the region (branch 4) multiplier must be above 0 and at most 10 (12)',
    ],
    [
      'a region multiplier that is not a number',
      product(100, { regionMultipliers: { districts: { '350623': '0.8' as unknown as number } } }),
      '区县 350623 的区域系数须大于 0 且不超过 10（0.8）',
      'the region (district 350623) multiplier',
    ],
    [
      'a malformed district code',
      product(100, { regionMultipliers: { districts: { '3506': 0.8 } } }),
      '区域系数中未知的区县：3506',
      'region multipliers: unknown district 3506',
    ],
    [
      'a malformed branch id',
      product(100, { regionMultipliers: { branches: { abc: 0.8 } } }),
      '区域系数中未知的分公司：abc',
      'region multipliers: unknown branch abc',
    ],
    [
      'an unknown region list',
      product(100, { regionMultipliers: { towns: {} } as unknown as AllocationStrategy['regionMultipliers'] }),
      '区域系数中未知的项：towns',
      'unknown region multiplier list: towns',
    ],
    [
      'a region list that is not a map',
      product(100, { regionMultipliers: { districts: ['350623'] as unknown as Record<string, number> } }),
      '区域系数的区县须为“编码 → 系数”',
      'the district region multipliers must map districts to factors',
    ],
    [
      'too many districts',
      product(100, {
        regionMultipliers: {
          districts: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [String(350000 + i), 0.8])),
        },
      }),
      '区域系数最多设 500 个区县（501）',
      'region multipliers cover at most 500 districts (501)',
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

  it.each<[string, ProductStrategy, string, string]>([
    [
      'a district the tenant does not serve',
      product(100, { regionMultipliers: { districts: { '350623': 0.8, '110101': 0.8 } } }),
      '区域系数中未知的区县：110101',
      'region multipliers: unknown district 110101',
    ],
    [
      'a branch of another tenant',
      product(100, { regionMultipliers: { branches: { '4': 0.8, '99': 0.5 } } }),
      '区域系数中未知的分公司：99',
      'region multipliers: unknown branch 99',
    ],
  ])('refuses %s when the tenant’s districts and branches are known', (_, input, zh, en) => {
    const known = { districtCodes: ['350602', '350623'], branchIds: [4, 5] };
    expect(() => checkStrategy(input)).not.toThrow();
    const error = errorOf(() => checkStrategy(input, known));
    expect(error?.code).toBe('ALLOCATION_STRATEGY_INVALID');
    expect(error?.details.reason).toBe(zh);
    expect(error?.details.reasonEn).toBe(en);
  });

  it.each<[string, ProductStrategy]>([
    ['a full grade table', product(100)],
    [
      'region multipliers of known districts and branches',
      product(100, { regionMultipliers: { districts: { '350623': 0.8 }, branches: { '4': 10, '5': 0.01 } } }),
    ],
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
    expect(() => checkStrategy(input, { districtCodes: ['350602', '350623'], branchIds: [4, 5] })).not.toThrow();
  });
});

describe(checkCycleProducts.name, () => {
  it.each<[string, ProductStrategy[], string | undefined, Record<string, unknown> | undefined]>([
    ['accepts no products', [], undefined, undefined],
    ['accepts products each set once', [product(10), { ...product(null), productId: 8 }], undefined, undefined],
    ['refuses a product set twice, naming it', [product(10), product(20)], 'ORDER_LINE_DUPLICATE', { productId: 7 }],
    [
      'refuses a product whose strategy cannot be allocated',
      [{ ...product(10), productId: 8 }, product(-1)],
      'ALLOCATION_STRATEGY_INVALID',
      { productId: 7 },
    ],
  ])('%s', (_, products, code, details) => {
    const error = errorOf(() => checkCycleProducts(products));
    expect(error?.code).toBe(code);
    if (details) expect(error?.details).toMatchObject(details);
  });
});
