import { describe, expect, it } from 'vitest';
import {
  checkGradeTable,
  checkRegionRows,
  draftOf,
  emptyDraft,
  type GradeRowDraft,
  parseStrategyLink,
  type StrategyDraft,
  strategyPieces,
  toStrategy,
  uncoveredGrades,
  withRegionPreset,
} from './strategy-form.ts';
import type { AllocationStrategy } from './supply.api.ts';

const row = (fromGrade: number | null, toGrade: number | null, qty: number | null): GradeRowDraft => ({
  fromGrade,
  toGrade,
  qty,
});

describe(checkGradeTable.name, () => {
  it.each<[string, GradeRowDraft[], string[]]>([
    ['one band for everyone', [row(1, 30, 2)], []],
    ['adjacent bands', [row(1, 10, 1), row(11, 20, 3), row(21, 30, 5)], []],
    ['a single grade', [row(30, 30, 8)], []],
    ['quantity 0 (excluded band)', [row(1, 5, 0), row(6, 30, 1)], []],
    ['no rows', [], ['tableEmpty']],
    ['a blank cell', [row(1, null, 2)], ['rowIncomplete']],
    ['grade 0', [row(0, 10, 2)], ['gradeOutOfRange']],
    ['grade 31', [row(20, 31, 2)], ['gradeOutOfRange']],
    ['a fractional grade', [row(1.5, 10, 2)], ['gradeOutOfRange']],
    ['from after to', [row(12, 3, 2)], ['rowReversed']],
    ['a negative quantity', [row(1, 30, -1)], ['qtyInvalid']],
    ['a fractional quantity', [row(1, 30, 2.5)], ['qtyInvalid']],
    ['overlapping bands', [row(1, 10, 1), row(10, 20, 2)], ['rowsOverlap']],
    ['overlap out of order', [row(15, 30, 1), row(1, 20, 2)], ['rowsOverlap']],
  ])('%s', (_name, rows, expected) => {
    expect(checkGradeTable(rows).map((issue) => issue.key)).toEqual(expected);
  });

  it('names the lines that overlap, in reading order', () => {
    expect(checkGradeTable([row(15, 30, 1), row(1, 20, 2)])[0]).toMatchObject({
      key: 'rowsOverlap',
      values: { first: 1, second: 2 },
    });
  });
});

describe(uncoveredGrades.name, () => {
  it('lists the grades no band covers as ranges', () => {
    expect(
      uncoveredGrades([
        { fromGrade: 5, toGrade: 10, qty: 1 },
        { fromGrade: 12, toGrade: 28, qty: 2 },
      ]),
    ).toEqual([
      { fromGrade: 1, toGrade: 4 },
      { fromGrade: 11, toGrade: 11 },
      { fromGrade: 29, toGrade: 30 },
    ]);
    expect(uncoveredGrades([{ fromGrade: 1, toGrade: 30, qty: 1 }])).toEqual([]);
  });
});

describe(toStrategy.name, () => {
  it('keeps only what changes the allocation: multipliers of 1 and empty 限点 lists are left out', () => {
    const draft: StrategyDraft = {
      ...emptyDraft(),
      supply: 1200,
      gradeTable: [row(21, 30, 5), row(1, 20, 2)],
      classMultipliers: { demonstration: 1.2, growth: 1, ordinary: null, special: 0.5 },
      creditMultipliers: { AAA: 1.1, AA: 1, A: null, B: null, C: 0.8 },
      urbanRural: ['rural', 'urban'],
      formats: ['supermarket', 'convenience'],
      gradeMin: 3,
      cap: 6,
    };
    expect(toStrategy(draft)).toEqual({
      isValid: true,
      supply: 1200,
      strategy: {
        base: {
          kind: 'grade_table',
          table: [
            { fromGrade: 1, toGrade: 20, qty: 2 },
            { fromGrade: 21, toGrade: 30, qty: 5 },
          ],
        },
        classMultipliers: { demonstration: 1.2, special: 0.5 },
        creditMultipliers: { AAA: 1.1, C: 0.8 },
        eligibility: { formats: ['convenience', 'supermarket'], urbanRural: ['urban', 'rural'], gradeMin: 3 },
        cap: 6,
      },
    });
  });

  it('writes an unlimited product as the bare base, whatever table is left in the editor', () => {
    expect(toStrategy({ ...emptyDraft(), baseKind: 'unlimited', gradeTable: [] })).toEqual({
      isValid: true,
      supply: null,
      strategy: { base: { kind: 'unlimited' } },
    });
  });

  it.each<[string, Partial<StrategyDraft>, string[]]>([
    ['proportional without a supply', { baseKind: 'proportional', supply: null }, ['supplyRequired']],
    ['a negative supply', { supply: -5 }, ['supplyInvalid']],
    [
      'a multiplier of 0',
      { classMultipliers: { demonstration: 0, growth: null, ordinary: null, special: null } },
      ['multiplierInvalid'],
    ],
    ['a multiplier over 10', { creditMultipliers: { AAA: 12 } }, ['multiplierInvalid']],
    ['a cap of 0', { cap: 0 }, ['capInvalid']],
    ['a grade range upside down', { gradeMin: 20, gradeMax: 10 }, ['gradeRangeInvalid']],
    ['a grade range beyond 30', { gradeMax: 40 }, ['gradeRangeInvalid']],
    ['a bad table row', { gradeTable: [row(1, 30, -2)] }, ['qtyInvalid']],
  ])('refuses %s', (_name, change, expected) => {
    const result = toStrategy({ ...emptyDraft(), ...change });
    expect(result.isValid).toBe(false);
    if (!result.isValid) expect(result.issues.map((issue) => issue.key)).toEqual(expected);
  });

  it('gives back the same strategy after a round trip through the editor', () => {
    const strategies: AllocationStrategy[] = [
      { base: { kind: 'unlimited' } },
      { base: { kind: 'proportional' }, cap: 10, eligibility: { classes: ['demonstration', 'growth'] } },
      {
        base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 3 }] },
        classMultipliers: { demonstration: 1.5 },
        creditMultipliers: { AAA: 1.2, B: 0.9 },
        eligibility: { districtCodes: ['350602', '350603'], urbanRural: ['urban'], gradeMin: 10, gradeMax: 30 },
      },
      {
        base: { kind: 'unlimited' },
        eligibility: { classes: ['demonstration'], demoTypes: ['brand', 'information'], branchIds: [3, 12] },
      },
    ];
    for (const strategy of strategies) {
      const result = toStrategy(draftOf(800, strategy));
      expect(result).toEqual({ isValid: true, supply: 800, strategy });
    }
  });
});

describe(strategyPieces.name, () => {
  it('summarises base, multipliers other than 1, 限点 and 限量', () => {
    expect(
      strategyPieces({
        base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 3 }] },
        classMultipliers: { demonstration: 1.2, growth: 1 },
        eligibility: { urbanRural: ['rural'] },
        cap: 4,
      }),
    ).toEqual([
      { kind: 'base', base: 'grade_table', bands: 1 },
      { kind: 'classMultiplier', customerClass: 'demonstration', value: 1.2 },
      { kind: 'eligibility', rules: 1 },
      { kind: 'cap', value: 4 },
    ]);
  });
});

describe('区域系数 (region multipliers)', () => {
  const withRows = (regionRows: StrategyDraft['regionRows']): StrategyDraft => ({ ...emptyDraft(), regionRows });

  it.each<[string, StrategyDraft['regionRows'], string[]]>([
    ['none', [], []],
    [
      'a district and a branch',
      [
        { kind: 'district', key: '350623', factor: 0.8 },
        { kind: 'branch', key: '4', factor: 2 },
      ],
      [],
    ],
    ['a row without a region', [{ kind: 'district', key: null, factor: 0.8 }], ['regionIncomplete']],
    ['a row without a factor', [{ kind: 'district', key: '350623', factor: null }], ['regionIncomplete']],
    ['a factor of 0', [{ kind: 'district', key: '350623', factor: 0 }], ['multiplierInvalid']],
    ['a factor over 10', [{ kind: 'branch', key: '4', factor: 10.5 }], ['multiplierInvalid']],
    [
      'a region twice',
      [
        { kind: 'district', key: '350623', factor: 0.8 },
        { kind: 'district', key: '350623', factor: 0.5 },
      ],
      ['regionDuplicate'],
    ],
    [
      'the same key as a district and a branch is two regions',
      [
        { kind: 'district', key: '350623', factor: 0.8 },
        { kind: 'branch', key: '350623', factor: 0.5 },
      ],
      [],
    ],
  ])('checks %s', (_name, rows, expected) => {
    expect(checkRegionRows(rows).map((issue) => issue.key)).toEqual(expected);
  });

  it('refuses more rows than the server takes', () => {
    const rows = Array.from({ length: 501 }, (_, index) => ({
      kind: 'branch' as const,
      key: String(index + 1),
      factor: 0.8,
    }));
    expect(checkRegionRows(rows).map((issue) => issue.key)).toEqual(['regionTooMany']);
  });

  it('writes factors other than 1, keys in order, and reads them back', () => {
    const result = toStrategy(
      withRows([
        { kind: 'district', key: '350681', factor: 1.5 },
        { kind: 'branch', key: '12', factor: 0.5 },
        { kind: 'district', key: '350623', factor: 0.8 },
        { kind: 'branch', key: '4', factor: 1 },
      ]),
    );
    expect(result.isValid && result.strategy.regionMultipliers).toEqual({
      districts: { '350623': 0.8, '350681': 1.5 },
      branches: { '12': 0.5 },
    });
    if (!result.isValid) throw new Error('valid');
    expect(Object.keys(result.strategy.regionMultipliers?.districts ?? {})).toEqual(['350623', '350681']);
    expect(draftOf(null, result.strategy).regionRows).toEqual([
      { kind: 'district', key: '350623', factor: 0.8 },
      { kind: 'district', key: '350681', factor: 1.5 },
      { kind: 'branch', key: '12', factor: 0.5 },
    ]);
  });

  it('leaves regionMultipliers out when every factor is 1', () => {
    const result = toStrategy(withRows([{ kind: 'district', key: '350623', factor: 1 }]));
    expect(result.isValid && 'regionMultipliers' in result.strategy).toBe(false);
  });

  it('names each region factor in the summary pieces', () => {
    expect(
      strategyPieces({
        base: { kind: 'unlimited' },
        regionMultipliers: { districts: { '350623': 0.8 }, branches: { '4': 1.2 } },
      }),
    ).toEqual([
      { kind: 'base', base: 'unlimited', bands: 0 },
      { kind: 'regionMultiplier', region: 'district', key: '350623', value: 0.8 },
      { kind: 'regionMultiplier', region: 'branch', key: '4', value: 1.2 },
    ]);
  });
});

describe(withRegionPreset.name, () => {
  const saved = (): StrategyDraft => ({
    ...emptyDraft(),
    regionRows: [
      { kind: 'district', key: '350602', factor: 1.2 },
      { kind: 'district', key: '350623', factor: 0.5 },
      { kind: 'branch', key: '4', factor: 0.9 },
    ],
  });

  it('adds the listed regions with the factor and keeps the other rows', () => {
    const draft = withRegionPreset(saved(), { districts: ['350681'], branches: ['12'], factor: 0.8 });
    expect(draft.regionRows).toEqual([
      { kind: 'district', key: '350602', factor: 1.2 },
      { kind: 'district', key: '350623', factor: 0.5 },
      { kind: 'branch', key: '4', factor: 0.9 },
      { kind: 'district', key: '350681', factor: 0.8 },
      { kind: 'branch', key: '12', factor: 0.8 },
    ]);
  });

  it('lowers a listed region already set higher, and keeps one already reduced further', () => {
    const draft = withRegionPreset(saved(), { districts: ['350602', '350623'], branches: ['4'], factor: 0.8 });
    expect(draft.regionRows).toEqual([
      { kind: 'district', key: '350602', factor: 0.8 },
      { kind: 'district', key: '350623', factor: 0.5 },
      { kind: 'branch', key: '4', factor: 0.8 },
    ]);
  });

  it('leaves the factor blank for the user when the link had no valid one', () => {
    const draft = withRegionPreset(emptyDraft(), { districts: ['350681'], branches: [], factor: null });
    expect(draft.regionRows).toEqual([{ kind: 'district', key: '350681', factor: null }]);
    expect(toStrategy(draft).isValid).toBe(false);
  });

  it('does not change the draft it was given', () => {
    const draft = saved();
    withRegionPreset(draft, { districts: ['350602'], branches: [], factor: 0.8 });
    expect(draft.regionRows[0].factor).toBe(1.2);
  });
});

describe(parseStrategyLink.name, () => {
  const parse = (query: string) => parseStrategyLink(new URLSearchParams(query));

  it('reads the fixed link of a price warning', () => {
    expect(parse('product=11&reduceDistricts=350623,350681&reduceBranches=4&factor=0.8&from=warning:42')).toEqual({
      productId: 11,
      districts: ['350623', '350681'],
      branches: ['4'],
      factor: 0.8,
      warningId: '42',
    });
  });

  it.each<[string, Partial<ReturnType<typeof parse>> | null]>([
    ['no product', null],
    ['product=abc', null],
    ['product=0', null],
    ['product=11', { districts: [], branches: [], factor: 0.8, warningId: null }],
    ['product=11&factor=0', { factor: null }],
    ['product=11&factor=11', { factor: null }],
    ['product=11&factor=x', { factor: null }],
    ['product=11&factor=', { factor: null }],
    ['product=11&factor=0.5', { factor: 0.5 }],
    ['product=11&reduceDistricts=3506,350623,350623, 350681', { districts: ['350623', '350681'] }],
    ['product=11&reduceBranches=-1,0,4,x', { branches: ['4'] }],
    ['product=11&from=warning:', { warningId: null }],
    ['product=11&from=visit:3', { warningId: null }],
    ['product=11&from=warning:<script>', { warningId: null }],
  ])('%s', (query, expected) => {
    const link = parse(query === 'no product' ? '' : query);
    if (expected === null) expect(link).toBeNull();
    else expect(link).toMatchObject(expected);
  });
});
