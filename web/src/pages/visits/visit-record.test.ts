import { describe, expect, it } from 'vitest';
import {
  correctionLinksOf,
  invalidStandardsOf,
  isValidVisitsPerMonth,
  observationRowsOf,
  planTally,
  serviceNamesOf,
  visitMinutes,
  yuanOf,
} from './visit-record.ts';

describe('visit record helpers', () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 1],
    [119, 2],
    [900, 15],
    [-60, 0],
  ])('visitMinutes(%i) = %i', (seconds, minutes) => {
    expect(visitMinutes(seconds)).toBe(minutes);
  });

  it('names the services delivered in order, an unknown item by its id', () => {
    const menu = [
      { id: 1, name: '新品推介' },
      { id: 2, name: '陈列指导' },
    ];
    expect(serviceNamesOf([2, 1, 9], menu)).toEqual(['陈列指导', '新品推介', '#9']);
    expect(serviceNamesOf([], menu)).toEqual([]);
  });

  it.each([
    [
      { correctsVisitId: null, correctedBy: [] },
      { correctsVisitId: null, correctedBy: [], isCorrection: false },
    ],
    [
      { correctsVisitId: 5, correctedBy: [] },
      { correctsVisitId: 5, correctedBy: [], isCorrection: true },
    ],
    [
      { correctsVisitId: null, correctedBy: [9, 7] },
      { correctsVisitId: null, correctedBy: [7, 9], isCorrection: false },
    ],
    [{ correctsVisitId: 3 }, { correctsVisitId: 3, correctedBy: [], isCorrection: true }],
  ])('links %o in its correction chain', (visit, links) => {
    expect(correctionLinksOf(visit)).toEqual(links);
  });

  it.each([
    [[], { planned: 0, done: 0, open: 0, dropped: 0 }],
    [['planned', 'done', 'done', 'dropped'], { planned: 3, done: 2, open: 1, dropped: 1 }],
    [['dropped'], { planned: 0, done: 0, open: 0, dropped: 1 }],
  ] as const)('tallies the month %o', (statuses, tally) => {
    expect(planTally(statuses.map((status) => ({ status })))).toEqual(tally);
  });

  it('merges stock counts and prices per product', () => {
    expect(
      observationRowsOf({
        stockCounts: [
          { productId: 1, name: '中华', cartons: 3 },
          { productId: 2, name: '七匹狼', cartons: 0 },
        ],
        prices: [
          { productId: 2, name: '七匹狼', packPriceFen: 1500 },
          { productId: 3, name: '芙蓉王', packPriceFen: 2500 },
        ],
      }),
    ).toEqual([
      { productId: 1, name: '中华', cartons: 3, packPriceFen: null },
      { productId: 2, name: '七匹狼', cartons: 0, packPriceFen: 1500 },
      { productId: 3, name: '芙蓉王', cartons: null, packPriceFen: 2500 },
    ]);
    expect(yuanOf(2350)).toBe(23.5);
  });

  it.each([
    [0, true],
    [8, true],
    [4, true],
    [9, false],
    [-1, false],
    [1.5, false],
    [null, false],
    ['2', false],
  ])('isValidVisitsPerMonth(%o) = %o', (value, valid) => {
    expect(isValidVisitsPerMonth(value)).toBe(valid);
  });

  it('names the classes with an invalid standard', () => {
    expect(invalidStandardsOf({ demonstration: 4, growth: 2, ordinary: 1, special: 1 })).toEqual([]);
    expect(invalidStandardsOf({ demonstration: 12, growth: 2, ordinary: null, special: 1 })).toEqual([
      'demonstration',
      'ordinary',
    ]);
  });
});
