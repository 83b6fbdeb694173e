import { describe, expect, it } from 'vitest';
import { product, store } from './allocation.fixtures.ts';
import { type AllocationStore, allocateProduct, type ProductAllocationInput } from './allocation.rules.ts';
import { explainQuota } from './quota-explanation.rules.ts';

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
      'outside by 示范类型 and branch',
      store(8, { customerClass: 'demonstration', demoType: 'terminal', branchId: 13 }),
      product(null, { eligibility: { demoTypes: ['brand'], branchIds: [12] } }),
      { scale: 1, supply: null },
      0,
      '不在投放范围（限点：示范类型、分公司）',
      'not eligible (restricted by demonstration type, branch)',
    ],
    [
      'a district region multiplier, named',
      store(12, { grade: 24, districtCode: '350623' }),
      product(null, { regionMultipliers: { districts: { '350623': 0.8 } } }),
      { scale: 1, supply: null },
      4,
      '档位 24 → 5；×0.8 区域系数（350623） → 4',
      'grade 24 → 5; ×0.8 region (350623) → 4',
    ],
    [
      'district and branch region multipliers with a class multiplier',
      store(13, { grade: 12, customerClass: 'demonstration', districtCode: '350623', branchId: 4 }),
      product(null, {
        classMultipliers: { demonstration: 1.2 },
        regionMultipliers: { districts: { '350623': 0.8 }, branches: { '4': 0.5 } },
      }),
      { scale: 1, supply: null },
      1,
      '档位 12 → 3；×1.2 示范客户 ×0.8 区域系数（350623） ×0.5 区域系数（4） → 1.44 → 1',
      'grade 12 → 3; ×1.2 demonstration ×0.8 region (350623) ×0.5 region (4) → 1.44 → 1',
    ],
    [
      'another district keeps its quantity',
      store(14, { grade: 24, districtCode: '350602' }),
      product(null, { regionMultipliers: { districts: { '350623': 0.8 } } }),
      { scale: 1, supply: null },
      5,
      '档位 24 → 5',
      'grade 24 → 5',
    ],
    [
      'proportional with a region multiplier',
      store(15, { recentQty: 10, districtCode: '350623' }),
      {
        productId: 7,
        supply: 100,
        strategy: { base: { kind: 'proportional' }, regionMultipliers: { districts: { '350623': 0.5 } } },
      },
      { scale: 1, supply: 100 },
      5,
      '近4周 10 条；×0.5 区域系数（350623） → 5；按货源 ×1 → 5',
      'last 4 weeks 10 cartons; ×0.5 region (350623) → 5; supply ×1 → 5',
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

  it('names the district and branch when their names are given', () => {
    const subject = store(16, { grade: 24, districtCode: '350623', branchId: 4 });
    const input = product(null, { regionMultipliers: { districts: { '350623': 0.8 }, branches: { '4': 1.5 } } });
    const names = { district: '漳浦县', branch: '漳浦营销部' };
    expect(explainQuota(subject, input, { scale: 1, supply: null }, 6, 'zh-CN', names)).toBe(
      '档位 24 → 5；×0.8 区域系数（漳浦县） ×1.5 区域系数（漳浦营销部） → 6',
    );
    expect(explainQuota(subject, input, { scale: 1, supply: null }, 6, 'en', { district: 'Zhangpu' })).toBe(
      'grade 24 → 5; ×0.8 region (Zhangpu) ×1.5 region (4) → 6',
    );
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
