import { describe, expect, it } from 'vitest';
import {
  computeBrandKpis,
  type KpiInput,
  type ProductWeekRow,
  periodCyclesOf,
  primaryStatusOf,
  rateOf,
  ratesOf,
  type StockCountRow,
  stockStandingOf,
  storeFactsOf,
  storeStatusesOf,
} from './brand-kpis.rules.ts';

// The fixture: 20 stores × 5 products × 4 weeks, every figure computed by hand below.
// Target products 1 and 2 (3–5 are other brands); period cycles 11–14 (weeks of 11-02, 11-09, 11-16,
// 11-23), today Thursday 2026-11-26; cycles 9 (10-19) and 10 (10-26) came before the programme and
// count only towards the weekly sales behind 存销比. Stores 19 and 20 are closed (left out).
const cycles = [
  { id: 9, weekStart: '2026-10-19' },
  { id: 10, weekStart: '2026-10-26' },
  { id: 11, weekStart: '2026-11-02' },
  { id: 12, weekStart: '2026-11-09' },
  { id: 13, weekStart: '2026-11-16' },
  { id: 14, weekStart: '2026-11-23' },
  { id: 15, weekStart: '2026-11-30' }, // next week: not yet
];
const weekOf = new Map(cycles.map((cycle) => [cycle.id, cycle.weekStart]));

const row = (customerId: number, productId: number, cycleId: number, ordered: number, quota = -1): ProductWeekRow => ({
  customerId,
  productId,
  cycleId,
  weekStart: weekOf.get(cycleId) as string,
  ordered,
  quota,
});

const rows: ProductWeekRow[] = [
  // 1: every week, and before the programme (cycle 9)
  row(1, 1, 9, 4),
  row(1, 1, 11, 2, 2),
  row(1, 1, 12, 2, 3),
  row(1, 1, 13, 1, 2),
  row(1, 1, 14, 2, 2),
  row(1, 3, 14, 6),
  // 2: ordered in the first week, then stopped
  row(2, 1, 11, 3, 3),
  // 3: weeks 3 and 4, unlimited
  row(3, 2, 13, 1),
  row(3, 2, 14, 1),
  // 4: two products in week 2 only
  row(4, 1, 12, 2, 2),
  row(4, 2, 12, 1, 4),
  // 5: only other brands (seen in stock on a visit, below)
  row(5, 3, 11, 5),
  row(5, 3, 12, 5),
  row(5, 3, 13, 5),
  row(5, 3, 14, 5),
  // 6: weeks 1–3, unlimited
  row(6, 1, 11, 1),
  row(6, 1, 12, 1),
  row(6, 1, 13, 1),
  // 7: week 4 only
  row(7, 2, 14, 2, 2),
  // 8: weeks 3 and 4
  row(8, 1, 13, 3, 5),
  row(8, 1, 14, 5, 5),
  // 9: a row of nothing ordered, and another brand
  row(9, 1, 12, 0, 5),
  row(9, 5, 13, 2),
  // 10: only before the programme
  row(10, 1, 10, 2),
  // 11–18: other brands or nothing
  row(11, 4, 12, 3),
  row(14, 4, 14, 1),
  // 19, 20: closed stores that ordered every week
  ...[11, 12, 13, 14].flatMap((cycleId) => [row(19, 1, cycleId, 1, 1), row(20, 2, cycleId, 2, 2)]),
  // next week's cycle is not counted yet
  row(12, 1, 15, 4, 4),
];

const count = (
  customerId: number,
  visitId: number,
  countedOn: string,
  productId: number,
  cartons: number,
): StockCountRow => ({
  customerId,
  visitId,
  productId,
  countedAt: `${countedOn}T02:00:00.000Z`,
  countedOn,
  cartons,
});

const stockCounts: StockCountRow[] = [
  count(1, 100, '2026-11-05', 1, 9), // an earlier visit
  count(1, 101, '2026-11-18', 1, 3),
  count(1, 101, '2026-11-18', 3, 10), // another brand
  count(2, 102, '2026-11-25', 1, 0),
  count(4, 104, '2026-11-12', 1, 0.5),
  count(4, 104, '2026-11-12', 2, 0.5),
  count(4, 140, '2026-11-27', 1, 9), // after today
  count(5, 105, '2026-11-20', 1, 2),
  count(6, 106, '2026-11-24', 1, 1),
  count(8, 108, '2026-11-26', 1, 12),
  count(10, 110, '2026-11-11', 2, 0.5),
  count(11, 111, '2026-10-30', 1, 5), // before the programme
  count(12, 112, '2026-11-19', 3, 4), // another brand only
  count(20, 120, '2026-11-20', 1, 5), // a closed store
];

const fixture: KpiInput = {
  targetStores: Array.from({ length: 20 }, (_, index) => ({ customerId: index + 1, isActive: index + 1 < 19 })),
  cycles,
  rows,
  stockCounts,
  productIds: [1, 2],
  startDate: '2026-11-02',
  endDate: '2026-12-31',
  today: '2026-11-26',
};

describe(computeBrandKpis.name, () => {
  it('reproduces the hand-computed figures of the 20 × 5 × 4 fixture', () => {
    const counts = computeBrandKpis(fixture);
    expect(counts).toEqual({
      targetStores: 18, // 1–18 (19 and 20 closed)
      stockedStores: 7, // 1, 2, 3, 4, 6, 7, 8
      stockedStoresObserved: 6, // latest count > 0: 1 (3), 4 (1), 5 (2), 6 (1), 8 (12), 10 (0.5)
      reorderedStores: 4, // ≥ 2 weeks: 1, 3, 6, 8
      repeatBase: 4, // week 3, the last ended (week 4 runs till Sunday): 1, 3, 6, 8
      repeatStores: 2, // and week 2: 1, 6
      orderedCartons: 23, // limited lines: 1 (2+2+1+2), 2 (3), 4 (2+1), 7 (2), 8 (3+5)
      allocatedCartons: 30, // 1 (2+3+2+2), 2 (3), 4 (2+4), 7 (2), 8 (5+5)
      fullLines: 6, // 1 (W1, W4), 2, 4 (P1), 7, 8 (W4)
      orderedLines: 10,
      stockCartons: 16.5, // 1 (3), 2 (0), 6 (1), 8 (12), 10 (0.5)
      weeklySalesCartons: 4.75, // 1 (8/4), 2 (3/4), 6 (3/4), 8 (3/4), 10 (2/4)
      overStockStores: 1, // 8: 12 ÷ 0.75 = 16 (1: 3 ÷ 2 = 1.5, not above)
      outOfStockStores: 1, // 2: none in stock while it sold 0.75 a week
    });
    expect(ratesOf(counts)).toEqual({
      shelvingRate: 7 / 18,
      shelvingRateObserved: 6 / 18,
      sellThroughRate: 4 / 7,
      repeatRate: 2 / 4,
      quotaFill: 23 / 30,
      fullLineRate: 0.6,
      stockToSalesRatio: 16.5 / 4.75,
    });
  });

  it('counts a week as its end saw it (the trend chart’s week 2)', () => {
    const counts = computeBrandKpis({ ...fixture, today: '2026-11-15' });
    expect(counts).toMatchObject({
      targetStores: 18,
      stockedStores: 4, // 1, 2, 6 (W1), 4 (W2)
      reorderedStores: 2, // 1, 6
      repeatBase: 3, // W2, over on its Sunday: 1, 4, 6
      repeatStores: 2, // and W1: 1, 6
      orderedLines: 5, // 1 (W1, W2), 2 (W1), 4 (P1, P2)
      stockedStoresObserved: 3, // 1 (9 on 11-05), 4 (1), 10 (0.5)
    });
  });

  it('counts nothing for a programme that has not started', () => {
    const counts = computeBrandKpis({ ...fixture, startDate: '2026-12-01', today: '2026-11-26' });
    expect(counts.stockedStores).toBe(0);
    expect(ratesOf(counts).sellThroughRate).toBeNull();
  });

  it('gives each store its statuses, most pressing first', () => {
    const facts = storeFactsOf(fixture);
    const band = { min: 0.5, max: 1.5 };
    const statuses = Object.fromEntries(
      [...facts].map(([customerId, store]) => [customerId, storeStatusesOf(store, band).map((entry) => entry.status)]),
    );
    expect(statuses).toEqual({
      1: [],
      2: ['out_of_stock', 'not_reordered'],
      3: [],
      4: ['not_reordered'],
      5: ['not_shelved'],
      6: [],
      7: ['not_reordered'],
      8: ['over_stock'],
      9: ['not_shelved'],
      10: ['not_shelved'],
      11: ['not_shelved'],
      12: ['not_shelved'],
      13: ['not_shelved'],
      14: ['not_shelved'],
      15: ['not_shelved'],
      16: ['not_shelved'],
      17: ['not_shelved'],
      18: ['not_shelved'],
    });
    expect(facts.get(8)).toEqual({
      orderedWeeks: 2,
      firstOrderedWeek: '2026-11-16',
      lastOrderedWeek: '2026-11-23',
      orderedCartons: 8,
      stockCartons: 12,
      weeklySalesCartons: 0.75,
    });
    expect(primaryStatusOf(facts.get(1) as never, band).status).toBe('shelved');
  });
});

describe(stockStandingOf.name, () => {
  const band = { min: 0.5, max: 1.5 };
  it.each([
    { stock: 3, weekly: 2, ratio: 1.5, over: false, out: false, why: 'on the band’s top: in' },
    { stock: 3.1, weekly: 2, ratio: 1.55, over: true, out: false, why: 'above the band: 积压' },
    { stock: 0, weekly: 1, ratio: 0, over: false, out: true, why: 'none while it sells: 断货' },
    { stock: 0.4, weekly: 1, ratio: 0.4, over: false, out: true, why: 'below the band while it sells' },
    { stock: 0.5, weekly: 1, ratio: 0.5, over: false, out: false, why: 'on the band’s bottom: in' },
    { stock: 5, weekly: 0, ratio: null, over: false, out: false, why: 'no sales: no ratio, no flag' },
    { stock: null, weekly: null, ratio: null, over: false, out: false, why: 'never counted' },
  ])('$why', ({ stock, weekly, ratio, over, out }) => {
    expect(stockStandingOf(stock, weekly, band)).toEqual({ ratio, isOverStock: over, isOutOfStock: out });
  });

  it('takes the goal’s band', () => {
    expect(stockStandingOf(3, 2, { min: 0.2, max: 1 }).isOverStock).toBe(true);
  });
});

describe(periodCyclesOf.name, () => {
  it('takes the cycles starting within the dates and not after today, in order', () => {
    expect(
      periodCyclesOf([...cycles].reverse(), { startDate: '2026-11-02', endDate: '2026-11-20' }, '2026-11-26').map(
        (cycle) => cycle.id,
      ),
    ).toEqual([11, 12, 13]);
    expect(periodCyclesOf(cycles, { startDate: '2026-11-02', endDate: '2026-12-31' }, '2026-11-22')).toHaveLength(3);
  });
});

describe(rateOf.name, () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [5, 5, 1],
    [1, 3, 1 / 3],
  ])('%d ÷ %d = %s', (part, whole, expected) => {
    expect(rateOf(part, whole)).toBe(expected);
  });
});

describe(storeStatusesOf.name, () => {
  const band = { min: 0.5, max: 1.5 };
  const store = {
    orderedWeeks: 1,
    firstOrderedWeek: '2026-11-02',
    lastOrderedWeek: '2026-11-02',
    orderedCartons: 3,
    stockCartons: 0,
    weeklySalesCartons: 0.75,
  };
  it('says why, in both languages', () => {
    expect(storeStatusesOf(store, band)).toEqual([
      {
        status: 'out_of_stock',
        reason: {
          zh: '最近走访库存为 0，而近 4 周周均订购 0.8 条',
          en: 'None in stock on the latest visit, while it ordered 0.8 cartons a week over the 4 weeks before',
        },
      },
      {
        status: 'not_reordered',
        reason: {
          zh: '仅 2026-11-02 当周订购过，此后未再订购',
          en: 'Ordered only in the week of 2026-11-02, not again since',
        },
      },
    ]);
  });
});
