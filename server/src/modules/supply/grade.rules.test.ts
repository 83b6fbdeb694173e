import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { messageOf } from '../../platform/errors/error-catalogue.ts';
// The server's modules register their error codes when loaded, supply's among them.
import '../../modules.ts';
import {
  checkGradeRunPublishable,
  checkGradeWeights,
  computeGrades,
  type GradePurchases,
  gradeDistribution,
  gradeRunPeriodOf,
} from './grade.rules.ts';

function errorOf(action: () => unknown): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

const evenly = { amount: 50, quantity: 50 };

describe(checkGradeWeights.name, () => {
  it.each([
    [60, 30],
    [-10, 110],
    [50.5, 49.5],
    [101, -1],
    [Number.NaN, 100],
    [0, 0],
  ])('refuses amount %s + quantity %s', (amount, quantity) => {
    const error = errorOf(() => checkGradeWeights({ amount, quantity }));
    expect(error?.code).toBe('GRADE_WEIGHTS_INVALID');
    expect(error?.field).toBe('weights');
  });

  it.each([
    [50, 50],
    [100, 0],
    [0, 100],
    [70, 30],
  ])('accepts amount %s + quantity %s', (amount, quantity) => {
    expect(() => checkGradeWeights({ amount, quantity })).not.toThrow();
  });

  it('says what was given and what is expected', () => {
    const error = errorOf(() => checkGradeWeights({ amount: 60, quantity: 30 }));
    expect(messageOf('GRADE_WEIGHTS_INVALID', 'zh-CN', error?.details)).toBe(
      '档位权重须为 0–100 的整数且合计 100（金额 60 + 数量 30）。',
    );
  });
});

describe(computeGrades.name, () => {
  it('grades 30 stores of distinct sizes 1 to 30', () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({
      customerId: 100 + index,
      amountFen: (index + 1) * 21_094,
      quantity: index + 1,
    }));
    const grades = computeGrades(rows, evenly);
    expect(grades.map((grade) => grade.grade)).toEqual(rows.map((_, index) => index + 1));
    expect(grades[0]).toEqual({ customerId: 100, grade: 1, score: 1.67 });
    expect(grades[29]).toEqual({ customerId: 129, grade: 30, score: 98.33 });
  });

  it.each<[string, GradePurchases[], { amount: number; quantity: number }, Array<[number, number]>]>([
    ['no rows', [], evenly, []],
    [
      'a store that bought nothing is grade 1 with score 0, and does not count in the ranks',
      [
        { customerId: 1, amountFen: 0, quantity: 0 },
        { customerId: 2, amountFen: 500_000, quantity: 20 },
      ],
      evenly,
      [
        [1, 0],
        [16, 50],
      ],
    ],
    [
      'ties share a grade and a score',
      [
        { customerId: 1, amountFen: 100, quantity: 1 },
        { customerId: 2, amountFen: 100, quantity: 1 },
        { customerId: 3, amountFen: 900, quantity: 9 },
      ],
      evenly,
      [
        [11, 33.33],
        [11, 33.33],
        [26, 83.33],
      ],
    ],
    [
      'weights decide between amount and quantity (70/30)',
      [
        { customerId: 1, amountFen: 900_000, quantity: 10 },
        { customerId: 2, amountFen: 100_000, quantity: 90 },
      ],
      { amount: 70, quantity: 30 },
      [
        [19, 60],
        [13, 40],
      ],
    ],
    [
      'amount only (100/0): the quantity does not count',
      [
        { customerId: 1, amountFen: 900_000, quantity: 1 },
        { customerId: 2, amountFen: 100_000, quantity: 900 },
      ],
      { amount: 100, quantity: 0 },
      [
        [23, 75],
        [8, 25],
      ],
    ],
    [
      'returns (a refund week) count as nothing bought',
      [
        { customerId: 1, amountFen: -5_000, quantity: -1 },
        { customerId: 2, amountFen: 5_000, quantity: 1 },
      ],
      evenly,
      [
        [1, 0],
        [16, 50],
      ],
    ],
  ])('%s', (_, rows, weights, expected) => {
    const grades = computeGrades(rows, weights);
    expect(grades.map((grade) => [grade.grade, grade.score])).toEqual(expected);
    expect(grades.map((grade) => grade.customerId)).toEqual(rows.map((row) => row.customerId));
  });

  it('refuses weights that do not add up to 100', () => {
    expect(errorOf(() => computeGrades([], { amount: 40, quantity: 40 }))?.code).toBe('GRADE_WEIGHTS_INVALID');
  });

  const rowsArbitrary = fc
    .array(
      fc.record({
        amountFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 })),
        quantity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
      }),
      { maxLength: 200 },
    )
    .map((rows) => rows.map((row, index) => ({ customerId: index + 1, ...row })));
  const weightsArbitrary = fc.integer({ min: 0, max: 100 }).map((amount) => ({ amount, quantity: 100 - amount }));

  it('gives every store a whole grade 1–30 and a score 0–100; nothing bought → grade 1, score 0', () => {
    fc.assert(
      fc.property(rowsArbitrary, weightsArbitrary, (rows, weights) => {
        computeGrades(rows, weights).forEach((grade, index) => {
          expect(Number.isInteger(grade.grade)).toBe(true);
          expect(grade.grade).toBeGreaterThanOrEqual(1);
          expect(grade.grade).toBeLessThanOrEqual(30);
          expect(grade.score).toBeGreaterThanOrEqual(0);
          expect(grade.score).toBeLessThanOrEqual(100);
          if (rows[index].amountFen <= 0 && rows[index].quantity <= 0)
            expect(grade).toMatchObject({ grade: 1, score: 0 });
        });
      }),
    );
  });

  it('never grades a store that bought at least as much, by both measures, below another', () => {
    fc.assert(
      fc.property(rowsArbitrary, weightsArbitrary, (rows, weights) => {
        const grades = computeGrades(rows, weights);
        rows.forEach((a, i) => {
          rows.forEach((b, j) => {
            if (a.amountFen >= b.amountFen && a.quantity >= b.quantity) {
              expect(grades[i].grade).toBeGreaterThanOrEqual(grades[j].grade);
              expect(grades[i].score).toBeGreaterThanOrEqual(grades[j].score);
            }
          });
        });
      }),
      { numRuns: 50 },
    );
  });

  it('gives each store the same grade whatever the order of the rows', () => {
    fc.assert(
      fc.property(rowsArbitrary, weightsArbitrary, (rows, weights) => {
        const byCustomer = new Map(computeGrades(rows, weights).map((grade) => [grade.customerId, grade]));
        const reversed = computeGrades([...rows].reverse(), weights);
        for (const grade of reversed) expect(grade).toEqual(byCustomer.get(grade.customerId));
      }),
    );
  });

  it('fills the 30 grades evenly when stores differ in size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 2_000 }), weightsArbitrary, (count, weights) => {
        const rows = Array.from({ length: count }, (_, index) => ({
          customerId: index,
          amountFen: (index + 1) * 1_000,
          quantity: index + 1,
        }));
        const counts = gradeDistribution(computeGrades(rows, weights)).map((entry) => entry.count);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe(gradeDistribution.name, () => {
  it('counts stores per grade 1–30, zeros included', () => {
    const distribution = gradeDistribution([{ grade: 1 }, { grade: 30 }, { grade: 30 }, { grade: 7 }]);
    expect(distribution).toHaveLength(30);
    expect(distribution[0]).toEqual({ grade: 1, count: 1 });
    expect(distribution[6]).toEqual({ grade: 7, count: 1 });
    expect(distribution[29]).toEqual({ grade: 30, count: 2 });
    expect(distribution.reduce((total, entry) => total + entry.count, 0)).toBe(4);
    expect(gradeDistribution([]).every((entry) => entry.count === 0)).toBe(true);
  });
});

describe(gradeRunPeriodOf.name, () => {
  it.each<[string, string, string | undefined, { periodFrom: string; periodTo: string; effectiveOn: string }]>([
    [
      'on a Monday morning: the 13 weeks before it, effective next Monday',
      '2026-11-23T02:00:00Z',
      undefined,
      { periodFrom: '2026-08-24', periodTo: '2026-11-22', effectiveOn: '2026-11-30' },
    ],
    [
      'on a Sunday night, Beijing time: the same week as its Monday',
      '2026-11-29T15:59:00Z',
      undefined,
      { periodFrom: '2026-08-24', periodTo: '2026-11-22', effectiveOn: '2026-11-30' },
    ],
    [
      'just after midnight on Monday, Beijing time (still Sunday in UTC): the new week',
      '2026-11-29T16:01:00Z',
      undefined,
      { periodFrom: '2026-08-31', periodTo: '2026-11-29', effectiveOn: '2026-12-07' },
    ],
    [
      'with a date the centre picks',
      '2026-11-23T02:00:00Z',
      '2026-12-01',
      { periodFrom: '2026-08-24', periodTo: '2026-11-22', effectiveOn: '2026-12-01' },
    ],
  ])('%s', (_, now, effectiveOn, expected) => {
    expect(gradeRunPeriodOf(new Date(now), effectiveOn)).toEqual(expected);
  });
});

describe(checkGradeRunPublishable.name, () => {
  it.each<[string, { id: number; status: string }, number | undefined, string | undefined]>([
    ['publishes the newest draft', { id: 5, status: 'draft' }, 5, undefined],
    ['refuses a published run', { id: 5, status: 'published' }, 5, 'GRADE_RUN_NOT_DRAFT'],
    ['refuses a draft with a newer run after it', { id: 4, status: 'draft' }, 5, 'GRADE_RUN_NOT_LATEST'],
  ])('%s', (_, run, latestRunId, code) => {
    expect(errorOf(() => checkGradeRunPublishable(run, latestRunId))?.code).toBe(code);
  });

  it('names the newest run', () => {
    expect(errorOf(() => checkGradeRunPublishable({ id: 4, status: 'draft' }, 5))?.details).toEqual({ latestId: 5 });
  });
});
