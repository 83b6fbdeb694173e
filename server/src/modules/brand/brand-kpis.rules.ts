import { addDays, mondayOfDay } from '../../platform/time/weeks.ts';

// 品牌培育 KPIs: what each figure means (a versioned formula text, served with every figure and kept
// in docs/glossary.md — the industry has no single definition of 动销率, so Kewo states its own),
// the rates from their counts, a store's 存销比 and its worklist status with the reason. Pure: the
// repository computes the same counts in one SQL statement; computeBrandKpis states them over plain
// rows, for the tests and for anyone who wants to recompute a figure.

export const kpiNames = [
  'shelvingRate',
  'shelvingRateObserved',
  'sellThroughRate',
  'repeatRate',
  'quotaFill',
  'fullLineRate',
  'stockToSalesRatio',
] as const;
export type KpiName = (typeof kpiNames)[number];

type Words = { zh: string; en: string };
export type KpiDefinition = { kpi: KpiName; version: number; name: Words; formula: Words };

// A formula changes by a new version, never in place: a figure exported last month names the version
// it was computed by.
export const kpiDefinitions: readonly KpiDefinition[] = [
  {
    kpi: 'shelvingRate',
    version: 1,
    name: { zh: '上柜率（订货）', en: 'Shelving rate (by orders)' },
    formula: {
      zh: '本期（起止日期内、已开始的订货周期）订购过任一目标品规的目标客户数 ÷ 目标客户数（在营客户，按数据范围）',
      en: 'Target stores that ordered any target product in a cycle of the period (cycles starting between the start and end dates, up to today) ÷ target stores (active stores, within your data scope)',
    },
  },
  {
    kpi: 'shelvingRateObserved',
    version: 1,
    name: { zh: '上柜率（在架）', en: 'Shelving rate (on the shelf)' },
    formula: {
      zh: '本期最近一次走访盘点到目标品规库存 > 0 的目标客户数 ÷ 目标客户数',
      en: 'Target stores whose latest visit stock count in the period found more than 0 cartons of the target products ÷ target stores',
    },
  },
  {
    kpi: 'sellThroughRate',
    version: 1,
    name: { zh: '动销率', en: 'Sell-through rate' },
    formula: {
      zh: '本期首次订购后，在本期更晚的订货周期再次订购目标品规的客户数 ÷ 本期已上柜（订货）客户数',
      en: 'Stores that ordered a target product again in a later cycle of the period than their first order ÷ stores shelved by orders',
    },
  },
  {
    kpi: 'repeatRate',
    // 2: the last two cycles whose week has ended (v1 took the running week, empty until stores ordered in it).
    version: 2,
    name: { zh: '重购率', en: 'Repeat rate' },
    formula: {
      zh: '本期最近两个已结束的订货周期（该周已过完）都订购了目标品规的客户数 ÷ 其中最近一个周期订购了的客户数',
      en: 'Stores that ordered a target product in both of the last two cycles of the period whose week has ended ÷ stores that ordered one in the later of the two',
    },
  },
  {
    kpi: 'quotaFill',
    version: 1,
    name: { zh: '订足率', en: 'Quota fill' },
    formula: {
      zh: '有货源限量的订货行：订购条数合计 ÷ 投放（限量）条数合计；不限量的行不计',
      en: 'Over order lines with a quota: cartons ordered ÷ cartons allocated; unlimited lines are left out',
    },
  },
  {
    kpi: 'fullLineRate',
    version: 1,
    name: { zh: '订足面', en: 'Full-quota lines' },
    formula: {
      zh: '订足限量（订购 ≥ 限量）的订货行数 ÷ 有限量的订货行数（一店一品一周为一行）',
      en: 'Order lines that took the whole quota (ordered ≥ quota) ÷ order lines with a quota (a line: one store, one product, one week)',
    },
  },
  {
    kpi: 'stockToSalesRatio',
    version: 1,
    name: { zh: '存销比', en: 'Stock-to-sales ratio' },
    formula: {
      zh: '客户：本期最近一次走访盘点的目标品规库存条数 ÷ 该走访所在周之前 4 周的周均订购条数；合计：Σ库存 ÷ Σ周均销量（有盘点且周均销量 > 0 的客户）。高于目标上限为积压，库存为 0 或低于下限而仍有销量为断货；未设目标按 0.5–1.5',
      en: 'Per store: cartons of the target products counted on its latest visit in the period ÷ average weekly cartons it ordered of them in the 4 weeks before that visit’s week; overall: Σ stock ÷ Σ weekly sales over stores with a count and sales above 0. Above the goal band: over-stocked; 0 in stock or below the band while it sells: out of stock; without a goal band, 0.5–1.5',
    },
  },
];

export type StockBand = { min: number; max: number };
export const defaultStockBand: StockBand = { min: 0.5, max: 1.5 };

// The counts behind every rate: anyone can recompute a rate from them.
export type KpiCounts = {
  targetStores: number;
  stockedStores: number;
  stockedStoresObserved: number;
  reorderedStores: number;
  repeatBase: number;
  repeatStores: number;
  orderedCartons: number; // on lines with a quota (quotaFill's numerator)
  allocatedCartons: number;
  fullLines: number;
  orderedLines: number;
  stockCartons: number; // over stores with a count and weekly sales > 0
  weeklySalesCartons: number;
  overStockStores: number;
  outOfStockStores: number;
};

export type KpiRates = {
  shelvingRate: number | null;
  shelvingRateObserved: number | null;
  sellThroughRate: number | null;
  repeatRate: number | null;
  quotaFill: number | null;
  fullLineRate: number | null;
  stockToSalesRatio: number | null;
};

export const emptyKpiCounts: KpiCounts = {
  targetStores: 0,
  stockedStores: 0,
  stockedStoresObserved: 0,
  reorderedStores: 0,
  repeatBase: 0,
  repeatStores: 0,
  orderedCartons: 0,
  allocatedCartons: 0,
  fullLines: 0,
  orderedLines: 0,
  stockCartons: 0,
  weeklySalesCartons: 0,
  overStockStores: 0,
  outOfStockStores: 0,
};

// The counts' names, as the repository's SQL and the tests' recomputations name their columns.
export const kpiCountKeys = Object.keys(emptyKpiCounts) as (keyof KpiCounts)[];

// A rate is null when its denominator is 0 (nothing to measure), never 0 or NaN.
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function ratesOf(counts: KpiCounts): KpiRates {
  return {
    shelvingRate: rateOf(counts.stockedStores, counts.targetStores),
    shelvingRateObserved: rateOf(counts.stockedStoresObserved, counts.targetStores),
    sellThroughRate: rateOf(counts.reorderedStores, counts.stockedStores),
    repeatRate: rateOf(counts.repeatStores, counts.repeatBase),
    quotaFill: rateOf(counts.orderedCartons, counts.allocatedCartons),
    fullLineRate: rateOf(counts.fullLines, counts.orderedLines),
    stockToSalesRatio: rateOf(counts.stockCartons, counts.weeklySalesCartons),
  };
}

// ── A store ─────────────────────────────────────────────────────────────────────────────────────

export const storeStatuses = ['not_shelved', 'not_reordered', 'over_stock', 'out_of_stock', 'shelved'] as const;
export type StoreStatus = (typeof storeStatuses)[number];
export type WorklistStatus = Exclude<StoreStatus, 'shelved'>;

// What the KPIs know of one target store in the period.
export type StoreFacts = {
  orderedWeeks: number; // period cycles in which it ordered a target product (the SQL says 2 for two or more)
  firstOrderedWeek: string | null;
  lastOrderedWeek: string | null;
  orderedCartons: number;
  stockCartons: number | null; // on its latest visit count in the period; null: not counted
  weeklySalesCartons: number | null; // average over the 4 weeks before that visit; null: not counted
};

export type StockStanding = { ratio: number | null; isOverStock: boolean; isOutOfStock: boolean };

// 存销比 of a store and its flags: 积压 above the band; 断货 when it still sells (weekly sales > 0)
// but had none in stock, or less than the band's minimum.
export function stockStandingOf(stock: number | null, weeklySales: number | null, band: StockBand): StockStanding {
  if (stock === null || weeklySales === null || weeklySales <= 0)
    return { ratio: null, isOverStock: false, isOutOfStock: false };
  const ratio = stock / weeklySales;
  return { ratio, isOverStock: ratio > band.max, isOutOfStock: stock === 0 || ratio < band.min };
}

export type StoreStatusEntry = { status: WorklistStatus; reason: Words };

const cartons = (value: number) => String(Math.round(value * 10) / 10);
const ratioText = (value: number) => value.toFixed(2);

// Every worklist status of a store, most pressing first (not shelved, out of stock, over-stocked,
// not re-ordered), each with its reason in one line.
export function storeStatusesOf(store: StoreFacts, band: StockBand): StoreStatusEntry[] {
  const statuses: StoreStatusEntry[] = [];
  const standing = stockStandingOf(store.stockCartons, store.weeklySalesCartons, band);
  if (store.orderedWeeks === 0)
    statuses.push({
      status: 'not_shelved',
      reason: { zh: '本期未订购目标品规', en: 'No order of the target products in the period' },
    });
  if (standing.isOutOfStock) {
    const weekly = cartons(store.weeklySalesCartons ?? 0);
    statuses.push({
      status: 'out_of_stock',
      reason:
        store.stockCartons === 0
          ? {
              zh: `最近走访库存为 0，而近 4 周周均订购 ${weekly} 条`,
              en: `None in stock on the latest visit, while it ordered ${weekly} cartons a week over the 4 weeks before`,
            }
          : {
              zh: `存销比 ${ratioText(standing.ratio ?? 0)}，低于目标下限 ${band.min}`,
              en: `Stock-to-sales ${ratioText(standing.ratio ?? 0)}, below the goal's minimum ${band.min}`,
            },
    });
  }
  if (standing.isOverStock)
    statuses.push({
      status: 'over_stock',
      reason: {
        zh: `库存 ${cartons(store.stockCartons ?? 0)} 条，周均订购 ${cartons(store.weeklySalesCartons ?? 0)} 条，存销比 ${ratioText(standing.ratio ?? 0)} 高于目标上限 ${band.max}`,
        en: `${cartons(store.stockCartons ?? 0)} cartons in stock against ${cartons(store.weeklySalesCartons ?? 0)} a week: stock-to-sales ${ratioText(standing.ratio ?? 0)}, above the goal's maximum ${band.max}`,
      },
    });
  if (store.orderedWeeks === 1)
    statuses.push({
      status: 'not_reordered',
      reason: {
        zh: `仅 ${store.firstOrderedWeek} 当周订购过，此后未再订购`,
        en: `Ordered only in the week of ${store.firstOrderedWeek}, not again since`,
      },
    });
  return statuses;
}

// The one status a store is listed under when no status is asked for.
export function primaryStatusOf(store: StoreFacts, band: StockBand): { status: StoreStatus; reason: Words } {
  const [first] = storeStatusesOf(store, band);
  if (first) return first;
  return {
    status: 'shelved',
    reason: {
      zh: `本期已订购并再次订购，最近一次在 ${store.lastOrderedWeek} 当周`,
      en: `Ordered and re-ordered in the period, last in the week of ${store.lastOrderedWeek}`,
    },
  };
}

// ── The period ──────────────────────────────────────────────────────────────────────────────────

export type Cycle = { id: number; weekStart: string };

// The cycles a programme's figures read: those starting within its dates, and not after today.
export function periodCyclesOf(
  cycles: readonly Cycle[],
  period: { startDate: string; endDate: string },
  today: string,
) {
  return cycles
    .filter(
      (cycle) => cycle.weekStart >= period.startDate && cycle.weekStart <= period.endDate && cycle.weekStart <= today,
    )
    .sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
}

// The last day a programme's figures read: its end, or today while it runs.
export function periodEndOf(period: { endDate: string }, today: string): string {
  return period.endDate < today ? period.endDate : today;
}

// ── Every figure from plain rows (the definitions, executable) ─────────────────────────────────

export type ProductWeekRow = {
  customerId: number;
  productId: number;
  cycleId: number;
  weekStart: string;
  ordered: number;
  quota: number; // -1: unlimited
};

export type StockCountRow = {
  customerId: number;
  visitId: number;
  productId: number;
  countedAt: string; // ISO instant: the latest visit is the latest check-in
  countedOn: string; // its Beijing day
  cartons: number;
};

export type KpiInput = {
  targetStores: readonly { customerId: number; isActive: boolean }[];
  cycles: readonly Cycle[];
  rows: readonly ProductWeekRow[];
  stockCounts: readonly StockCountRow[];
  productIds: readonly number[];
  startDate: string;
  endDate: string;
  today: string;
  band?: StockBand;
};

// Each active target store's facts over the period.
export function storeFactsOf(input: KpiInput): Map<number, StoreFacts> {
  const products = new Set(input.productIds);
  const targets = new Set(input.targetStores.filter((store) => store.isActive).map((store) => store.customerId));
  const period = periodCyclesOf(input.cycles, input, input.today);
  const periodIds = new Set(period.map((cycle) => cycle.id));
  const end = periodEndOf(input, input.today);
  const facts = new Map<number, StoreFacts>();
  for (const customerId of targets)
    facts.set(customerId, {
      orderedWeeks: 0,
      firstOrderedWeek: null,
      lastOrderedWeek: null,
      orderedCartons: 0,
      stockCartons: null,
      weeklySalesCartons: null,
    });
  const weeksOf = new Map<number, Set<string>>();
  for (const row of input.rows) {
    const store = facts.get(row.customerId);
    if (!store || !products.has(row.productId) || !periodIds.has(row.cycleId) || row.ordered <= 0) continue;
    store.orderedCartons += row.ordered;
    const weeks = weeksOf.get(row.customerId) ?? new Set<string>();
    weeks.add(row.weekStart);
    weeksOf.set(row.customerId, weeks);
  }
  for (const [customerId, weeks] of weeksOf) {
    const store = facts.get(customerId) as StoreFacts;
    const sorted = [...weeks].sort();
    store.orderedWeeks = sorted.length;
    store.firstOrderedWeek = sorted[0];
    store.lastOrderedWeek = sorted[sorted.length - 1];
  }
  // The latest visit in the period that counted a target product, per store (latest check-in, then
  // the higher visit id).
  const visits = new Map<number, { visitId: number; countedAt: string; countedOn: string }>();
  for (const count of input.stockCounts) {
    if (!facts.has(count.customerId) || !products.has(count.productId)) continue;
    if (count.countedOn < input.startDate || count.countedOn > end) continue;
    const latest = visits.get(count.customerId);
    if (
      !latest ||
      count.countedAt > latest.countedAt ||
      (count.countedAt === latest.countedAt && count.visitId > latest.visitId)
    )
      visits.set(count.customerId, { visitId: count.visitId, countedAt: count.countedAt, countedOn: count.countedOn });
  }
  for (const [customerId, visit] of visits) {
    // Its cartons of every target product.
    const cartons = input.stockCounts
      .filter((count) => count.visitId === visit.visitId && products.has(count.productId))
      .reduce((sum, count) => sum + count.cartons, 0);
    const monday = mondayOfDay(visit.countedOn);
    const from = addDays(monday, -28);
    const sold = input.rows
      .filter(
        (row) =>
          row.customerId === customerId &&
          products.has(row.productId) &&
          row.ordered > 0 &&
          row.weekStart >= from &&
          row.weekStart < monday,
      )
      .reduce((sum, row) => sum + row.ordered, 0);
    const store = facts.get(customerId) as StoreFacts;
    store.stockCartons = cartons;
    store.weeklySalesCartons = sold / 4;
  }
  return facts;
}

// Every count of a programme's KPIs over its active target stores.
export function computeBrandKpis(input: KpiInput): KpiCounts {
  const band = input.band ?? defaultStockBand;
  const products = new Set(input.productIds);
  const facts = storeFactsOf(input);
  const period = periodCyclesOf(input.cycles, input, input.today);
  const periodIds = new Set(period.map((cycle) => cycle.id));
  // 重购率 reads the cycles whose week is over (Sunday reached: ordering closed on Saturday).
  const ended = period.filter((cycle) => addDays(cycle.weekStart, 6) <= input.today);
  const last = ended[ended.length - 1]?.weekStart;
  const previous = ended[ended.length - 2]?.weekStart;
  const counts = { ...emptyKpiCounts, targetStores: facts.size };
  const weeksOf = new Map<number, Set<string>>();
  for (const row of input.rows) {
    if (!facts.has(row.customerId) || !products.has(row.productId) || !periodIds.has(row.cycleId) || row.ordered <= 0)
      continue;
    const weeks = weeksOf.get(row.customerId) ?? new Set<string>();
    weeks.add(row.weekStart);
    weeksOf.set(row.customerId, weeks);
    if (row.quota >= 0) {
      counts.orderedLines += 1;
      counts.orderedCartons += row.ordered;
      counts.allocatedCartons += row.quota;
      if (row.ordered >= row.quota) counts.fullLines += 1;
    }
  }
  for (const store of facts.values()) {
    if (store.orderedWeeks > 0) counts.stockedStores += 1;
    if (store.orderedWeeks >= 2) counts.reorderedStores += 1;
    if ((store.stockCartons ?? 0) > 0) counts.stockedStoresObserved += 1;
    const standing = stockStandingOf(store.stockCartons, store.weeklySalesCartons, band);
    if (standing.ratio !== null) {
      counts.stockCartons += store.stockCartons ?? 0;
      counts.weeklySalesCartons += store.weeklySalesCartons ?? 0;
    }
    if (standing.isOverStock) counts.overStockStores += 1;
    if (standing.isOutOfStock) counts.outOfStockStores += 1;
  }
  for (const weeks of weeksOf.values()) {
    if (last !== undefined && weeks.has(last)) {
      counts.repeatBase += 1;
      if (previous !== undefined && weeks.has(previous)) counts.repeatStores += 1;
    }
  }
  return counts;
}
