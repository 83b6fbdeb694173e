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

  it.each<[string, ProductStrategy]>([
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
