import { describe, expect, it } from 'vitest';
import { defaultServiceMenu, entitledItemsOf, rankServiceMethods } from './service-menu.rules.ts';
import {
  checkInDistanceMetres,
  checkObservations,
  checkVisitTimes,
  terminalImageScoreOf,
  visitFlagsOf,
} from './visit.rules.ts';

const now = new Date('2026-11-23T06:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe(checkVisitTimes.name, () => {
  it.each([
    [-30, -10, undefined],
    [-10, -30, 'VISIT_CHECK_OUT_BEFORE_CHECK_IN'],
    [-10, 30, 'VISIT_IN_FUTURE'],
    [-800, -10, 'VISIT_TOO_LONG'],
  ])('check-in %i min, check-out %i min → %s', (checkIn, checkOut, code) => {
    const check = () => checkVisitTimes({ checkInAt: at(checkIn), checkOutAt: at(checkOut) }, now);
    if (code) expect(check).toThrow(code);
    else expect(check).not.toThrow();
  });
});

describe(checkInDistanceMetres.name, () => {
  const store = { latitude: 24.51, longitude: 117.65 };
  it.each([
    [{ latitude: 24.51, longitude: 117.65 }, store, 0],
    [{ latitude: 24.515, longitude: 117.65 }, store, 556],
    [null, store, null],
    [{ latitude: 24.51, longitude: 117.65 }, { latitude: null, longitude: null }, null],
  ])('%o to %o → %s m', (position, storePosition, metres) => {
    expect(checkInDistanceMetres(position, storePosition)).toBe(metres);
  });
});

describe(visitFlagsOf.name, () => {
  it.each([
    [10, 24.5, 20, []],
    [1, 24.5, 20, ['short']],
    [10, null, null, ['no_position']],
    [10, 24.5, 800, ['far']],
    [1, null, null, ['no_position', 'short']],
  ])('%i min, latitude %s, %s m → %o', (minutes, latitude, distance, flags) => {
    expect(
      visitFlagsOf({ checkInAt: at(-minutes), checkOutAt: now, checkInLatitude: latitude, checkInDistanceM: distance }),
    ).toEqual(flags);
  });
});

describe(terminalImageScoreOf.name, () => {
  it.each([
    [true, true, true, 100],
    [true, false, false, 40],
    [false, true, true, 60],
    [false, false, false, 0],
  ])('display %s, prices %s, brands %s → %i', (displayStandard, pricesMarked, targetBrandsOnShelf, score) => {
    expect(terminalImageScoreOf({ displayStandard, pricesMarked, targetBrandsOnShelf })).toBe(score);
  });
});

describe(checkObservations.name, () => {
  const known = new Set([1, 2]);
  it.each([
    [[{ productId: 1, cartons: 2.5 }], [{ productId: 2, packPriceFen: 2300 }], undefined],
    [[{ productId: 1, cartons: -1 }], [], 'VISIT_STOCK_NEGATIVE'],
    [[{ productId: 9, cartons: 1 }], [], 'VISIT_PRODUCT_UNKNOWN'],
    [[], [{ productId: 9, packPriceFen: 100 }], 'VISIT_PRODUCT_UNKNOWN'],
    [
      [
        { productId: 1, cartons: 1 },
        { productId: 1, cartons: 2 },
      ],
      [],
      'VISIT_PRODUCT_REPEATED',
    ],
    [[], [{ productId: 1, packPriceFen: 0 }], 'VISIT_PRICE_INVALID'],
  ])('%o %o → %s', (stock, prices, code) => {
    const check = () => checkObservations(stock, prices, known);
    if (code) expect(check).toThrow(code);
    else expect(check).not.toThrow();
  });
});

describe('the default service menu', () => {
  it('has 5 categories and 24 items, 12 of them 品牌培育', () => {
    expect(defaultServiceMenu).toHaveLength(24);
    expect(new Set(defaultServiceMenu.map((item) => item.category)).size).toBe(5);
    expect(defaultServiceMenu.filter((item) => item.category === 'brand')).toHaveLength(12);
    expect(new Set(defaultServiceMenu.map((item) => item.code)).size).toBe(24);
  });
});

describe(entitledItemsOf.name, () => {
  const items = defaultServiceMenu.map((item) => ({ ...item, active: item.code !== 'N03' }));
  it.each([
    ['demonstration', 23],
    ['growth', 18],
    ['ordinary', 10],
    ['special', 10],
    [null, 10],
  ] as const)('a %s store sees %i active items', (classCode, count) => {
    const menu = entitledItemsOf(items, classCode);
    expect(menu).toHaveLength(count);
    expect(menu.every((item) => item.active)).toBe(true);
  });
});

describe(rankServiceMethods.name, () => {
  it('ranks by the overall average and flags poor methods with enough ratings', () => {
    const rate = (itemId: number, score: number) => ({
      itemId,
      effectiveness: score,
      pertinence: score,
      economy: score,
    });
    const scores = rankServiceMethods(
      [1, 2, 3, 4],
      [rate(1, 4), rate(1, 5), rate(2, 2), rate(2, 2), rate(2, 1), rate(3, 1)],
    );
    expect(scores.map((score) => score.itemId)).toEqual([1, 2, 3, 4]);
    expect(scores[0]).toMatchObject({ overall: 4.5, ratings: 2, isFlaggedForRetirement: false });
    expect(scores[1]).toMatchObject({ overall: 1.67, isFlaggedForRetirement: true });
    expect(scores[2]).toMatchObject({ overall: 1, isFlaggedForRetirement: false });
    expect(scores[3]).toMatchObject({ overall: null, ratings: 0 });
  });
});
