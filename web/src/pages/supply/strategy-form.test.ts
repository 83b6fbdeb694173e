import { describe, expect, it } from 'vitest';
import {
  checkGradeTable,
  draftOf,
  emptyDraft,
  type GradeRowDraft,
  type StrategyDraft,
  strategyPieces,
  toStrategy,
  uncoveredGrades,
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
