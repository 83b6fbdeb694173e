import { and, desc, eq, sql } from 'drizzle-orm';
import { withForeignKeysCheckedAtEnd } from '../db/bulk-writes.ts';
import type { Database, Executor } from '../db/client.ts';
import {
  type AllocationStrategy,
  type CycleAllocation,
  closeCycleIn,
  computeGradeRunIn,
  createCycleIn,
  cycleProducts,
  findCurrentCycle,
  orderCycles,
  type PastOrder,
  publishCycleIn,
  publishGradeRunIn,
  readCycleAllocationIn,
  recordPastOrdersIn,
  setCycleProductsIn,
} from '../modules/supply/index.ts';
import { type Actor, systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { beijingDateOf, beijingMidnightOf } from '../platform/time/beijing.ts';
import { addDays, mondayOf } from '../platform/time/weeks.ts';
import { seedDemoClassification } from './demo-classification.ts';
import { lastDemoOrderDay } from './demo-customers.ts';
import { seedDemoPastVisitsIn } from './demo-visits.ts';
import type { Random } from './random.ts';

// The demo city's 货源 and 订货, as if Kewo had run for 13 weeks: each past week's cycle was planned,
// allocated and published through the supply module, its stores ordered within their quotas on
// their order day, and it closed; grades were recomputed every four weeks from the orders so far.
// Then this week's cycle is published from a grade run of the whole 13 weeks — so every demo
// retailer can order as soon as the demo starts. The orders are the one record of what stores
// bought: the cycles' 需求汇总 and 网上订货率, the portal's order list, grades and classes read them.

export const historyWeeks = 13;
// A grade run takes effect every four weeks of the history (none before the first four weeks: the
// cycles then allocate the scarce brands evenly), the last four weeks before the one of this week.
const gradeRunEvery = 4;
const gradeWeights = { amount: 70, quantity: 30 };
// Ordering hours, Beijing time: a store's order day from 08:00 to the 17:00 cutoff.
const opensHour = 8;
const cutoffHour = 17;

type DemoStore = { id: number; format: string; urbanRural: string; orderChannel: string; orderDay: number };
type DemoProduct = { id: number; priceClass: number; wholesalePriceFen: number; isNew: boolean };

// How much a store of each format buys, relative to a convenience store.
const formatSize: Record<string, number> = {
  tobacco_liquor: 1.6,
  supermarket: 1.4,
  mall: 1.5,
  convenience: 1,
  entertainment: 0.9,
  grocery: 0.7,
  other: 0.6,
};

export type DemoSupplySummary = { orders: number; lines: number; cycles: number; gradeRunId: number };

// The history, grades and classes; this week's cycle comes later (seedDemoThisWeekIn), once the
// credit levels it multiplies by are in force.
export async function seedDemoSupply(
  tx: Executor,
  tenantId: number,
  now: Date,
  random: Random,
): Promise<DemoSupplySummary | undefined> {
  const actor = systemActor(tenantId, 'demo');
  const products = await demoProducts(tx, tenantId);
  const stores = await demoStores(tx, tenantId);
  // A city without stores (kewo demo --customers 0, as the import benchmark starts) has nothing to
  // order or allocate.
  if (stores.length === 0 || products.length === 0) return undefined;
  const thisWeek = mondayOf(now);
  const history = await withForeignKeysCheckedAtEnd(tx, ['orders', 'order_lines'], () =>
    seedOrderHistory(tx, actor, stores, products, thisWeek, random),
  );
  await recordChanges(tx, actor, [{ action: 'seed_demo', entity: 'order', after: history }], now);

  // The order tables' statistics are fresh: the history analyzed them after its last week.
  const run = await computeGradeRunIn(tx, actor, { weights: gradeWeights, effectiveOn: thisWeek }, now);
  await publishGradeRunIn(tx, actor, run.id, now);
  // 客户分类 before the cycle: its allocation reads the classes. The visits of the three months
  // before come first: classification reads their 终端形象 scores (this month's plan reads the classes).
  await seedDemoPastVisitsIn(tx, tenantId, now);
  await seedDemoClassification(tx, tenantId, now, random);
  return { ...history, gradeRunId: run.id };
}

// This week's cycle, published from the grade run of the whole 13 weeks, the classes and the
// credit levels in force (一类、二类 multiplied by the store's level) — so every demo retailer can
// order as soon as the demo starts.
export async function seedDemoThisWeekIn(tx: Executor, tenantId: number, now: Date): Promise<number | undefined> {
  const actor = systemActor(tenantId, 'demo');
  const products = await demoProducts(tx, tenantId);
  const thisWeek = mondayOf(now);
  const gradeRows = (
    (await tx.execute(sql`
      SELECT g.grade, count(*)::int AS count FROM customer_grades g
      JOIN grade_runs r ON r.tenant_id = g.tenant_id AND r.id = g.run_id
      WHERE g.tenant_id = ${tenantId}
        AND r.id = (SELECT max(id) FROM grade_runs WHERE tenant_id = ${tenantId} AND status = 'published')
      GROUP BY g.grade`)) as unknown as { rows: Array<{ grade: number; count: number }> }
  ).rows;
  if (gradeRows.length === 0 || products.length === 0) return undefined;
  const gradeCounts = new Map(gradeRows.map((row) => [Number(row.grade), Number(row.count)]));
  const cycle = await createCycleIn(tx, actor, demoCycleWindow(thisWeek, now), now);
  const recent = await recentTotals(tx, tenantId, addDays(thisWeek, -28), thisWeek);
  await setCycleProductsIn(
    tx,
    actor,
    cycle.id,
    demoStrategies(products, gradeCounts, recent, { creditMultipliers: demoCreditMultipliers }),
    now,
  );
  await publishCycleIn(tx, actor, cycle.id, now);
  return cycle.id;
}

// An instant of a Beijing day: `hour` o'clock on YYYY-MM-DD.
function beijingAt(date: string, hour: number): Date {
  return new Date(beijingMidnightOf(date).getTime() + hour * 3_600_000);
}

// A past week's cycle, as a city company runs them: each store orders on its order day, 08:00 to
// 17:00; the cycle opens on Monday at 08:00 and closes at 17:00 on the last order day (周六).
export function pastCycleWindow(weekStart: string) {
  return {
    weekStart,
    opensAt: beijingAt(weekStart, opensHour).toISOString(),
    closesAt: beijingAt(addDays(weekStart, lastDemoOrderDay - 1), cutoffHour).toISOString(),
    orderDayOnly: true,
    dailyCutoff: `${cutoffHour}:00`,
  };
}

// This week's cycle is open every day of its week (a real cycle opens each store on its order day
// only), so a retailer can order whatever day the demo starts: from Monday 08:00 to the last order
// day's 17:00 — or, for a demo started late in the week, to 17:00 three days on. A demo started
// before Monday 08:00 opens at the hour it started.
export function demoCycleWindow(weekStart: string, now: Date) {
  const opensAt = Math.min(
    beijingAt(weekStart, opensHour).getTime(),
    Math.floor(now.getTime() / 3_600_000) * 3_600_000,
  );
  const closesAt = Math.max(
    beijingAt(addDays(weekStart, lastDemoOrderDay - 1), cutoffHour).getTime(),
    beijingAt(beijingDateOf(new Date(now.getTime() + 3 * 24 * 3_600_000)), cutoffHour).getTime(),
  );
  return {
    weekStart,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    orderDayOnly: false,
    dailyCutoff: `${cutoffHour}:00`,
  };
}

async function demoProducts(tx: Executor, tenantId: number): Promise<DemoProduct[]> {
  const result = await tx.execute(sql`
    SELECT id, price_class AS "priceClass", wholesale_price_fen AS "wholesalePriceFen", is_new AS "isNew"
    FROM products WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`);
  return (result as unknown as { rows: DemoProduct[] }).rows.map((row) => ({
    id: Number(row.id),
    priceClass: Number(row.priceClass),
    wholesalePriceFen: Number(row.wholesalePriceFen),
    isNew: row.isNew,
  }));
}

async function demoStores(tx: Executor, tenantId: number): Promise<DemoStore[]> {
  const result = await tx.execute(sql`
    SELECT id, format, urban_rural AS "urbanRural", order_channel AS "orderChannel", order_day AS "orderDay"
    FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`);
  return (result as unknown as { rows: DemoStore[] }).rows.map((row) => ({
    ...row,
    id: Number(row.id),
    orderDay: Number(row.orderDay),
  }));
}

// ── Order history ─────────────────────────────────────────────────────────────────────────────

type StoreProfile = { store: DemoStore; size: number; classWeights: ReadonlyArray<readonly [number, number]> };

async function seedOrderHistory(
  tx: Executor,
  actor: Actor,
  stores: readonly DemoStore[],
  products: readonly DemoProduct[],
  thisWeek: string,
  random: Random,
) {
  const classes = [...new Set(products.map((product) => product.priceClass))].sort();
  // A store's size and its habits stay the same every week.
  const profiles: StoreProfile[] = stores.map((store) => {
    const size =
      (formatSize[store.format] ?? 1) *
      (store.urbanRural === 'urban' ? 1.2 : 0.85) *
      Math.exp((random.next() - 0.5) * 1.2);
    const classWeights = classes.map((priceClass) => {
      // Bigger stores sell more of the dearer classes; small ones mostly 四类/五类.
      const base = [0, 0.06, 0.16, 0.3, 0.3, 0.18][priceClass] ?? 0.2;
      return [priceClass, priceClass <= 2 ? base * size : priceClass >= 5 ? base / size : base] as const;
    });
    return { store, size, classWeights };
  });

  let gradeCounts: Map<number, number> | undefined;
  let orderCount = 0;
  let lineCount = 0;
  // What each past week's orders bought, by product: the last four weeks' totals plan the next
  // week's 货源 without reading the orders back.
  const boughtByWeek: Map<number, number>[] = [];
  for (let index = 0; index < historyWeeks; index += 1) {
    const weekStart = addDays(thisWeek, -7 * (historyWeeks - index));
    // The marketing centre's Monday morning: grades (every four weeks), then the week's 货源.
    if (index > 0 && index % gradeRunEvery === 0 && historyWeeks - index >= gradeRunEvery) {
      const gradedAt = beijingAt(weekStart, 6);
      const run = await computeGradeRunIn(tx, actor, { weights: gradeWeights, effectiveOn: weekStart }, gradedAt);
      await publishGradeRunIn(tx, actor, run.id, gradedAt);
      gradeCounts = new Map(run.distribution.map((row) => [row.grade, row.count]));
    }
    const plannedAt = beijingAt(weekStart, 7);
    const recent = totalsOf(boughtByWeek.slice(-4));
    const cycle = await createCycleIn(tx, actor, pastCycleWindow(weekStart), plannedAt);
    // Without grades every store counts as grade 1 (the allocation's default).
    const strategies = demoStrategies(products, gradeCounts ?? new Map([[1, stores.length]]), recent, {
      hasGrades: gradeCounts !== undefined,
    });
    await setCycleProductsIn(tx, actor, cycle.id, strategies, plannedAt);
    await publishCycleIn(tx, actor, cycle.id, plannedAt);
    const allocation = await readCycleAllocationIn(tx, actor.tenantId, cycle.id);
    const closedAt = allocation.cycle.closesAt;
    const orders = weekOrders(profiles, allocation, random);
    const written = await recordPastOrdersIn(tx, actor, allocation, orders, closedAt);
    await closeCycleIn(tx, actor, cycle.id, closedAt);
    boughtByWeek.push(boughtBy(orders));
    orderCount += written.orders;
    lineCount += written.lines;
    // Statistics every week (PGlite has no autovacuum): planned on statistics that knew no orders,
    // the allocation's read of the last 4 weeks' purchases grew week by week (weeks 2–4 of a
    // 1,500-store city on a loaded machine: 8, 45 and 99 s, against 0.3 s analyzed).
    await analyzeOrderTables(tx);
  }
  return { orders: orderCount, lines: lineCount, cycles: historyWeeks };
}

// The tables a week of orders writes, and the next week's allocation and orders read.
async function analyzeOrderTables(tx: Executor) {
  await tx.execute(sql`ANALYZE order_cycles, orders, order_lines, store_quotas, store_product_weeks`);
}

// The cartons a week's orders bought, by product.
function boughtBy(orders: readonly PastOrder[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const order of orders) {
    for (const line of order.lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.qty);
  }
  return totals;
}

// Several weeks' totals by product, summed.
function totalsOf(weeks: readonly ReadonlyMap<number, number>[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const week of weeks) {
    for (const [productId, qty] of week) totals.set(productId, (totals.get(productId) ?? 0) + qty);
  }
  return totals;
}

// What the stores ordered in a past cycle: what each wanted of the cycle's products, cut to its
// quotas and the cycle's line cap. Most stores order most weeks, on their order day.
function weekOrders(profiles: readonly StoreProfile[], allocation: CycleAllocation, random: Random): PastOrder[] {
  const { cycle, products, quotas } = allocation;
  // The cycle's products by price class, most popular first (the catalogue's order stands in for
  // popularity).
  const byClass = new Map<number, CycleAllocation['products']>();
  for (const product of [...products].sort((a, b) => a.productId - b.productId)) {
    byClass.set(product.priceClass, [...(byClass.get(product.priceClass) ?? []), product]);
  }
  const orders: PastOrder[] = [];
  for (const { store, size, classWeights } of profiles) {
    if (random.next() > 0.93) continue; // some weeks a store does not order
    const row = quotas.get(store.id);
    if (!row) continue;
    const lineTarget = Math.max(1, Math.min(12, Math.round(size * 3 + random.next() * 2.5)));
    const picked = new Map<number, CycleAllocation['products'][number]>();
    for (let attempt = 0; attempt < lineTarget * 2 && picked.size < lineTarget; attempt += 1) {
      const pool = byClass.get(random.weighted(classWeights)) ?? [];
      // Popular products come first in each class: a skewed pick.
      const product = pool[Math.floor(pool.length * random.next() ** 2)];
      if (product) picked.set(product.productId, product);
    }
    const lines = [];
    for (const product of picked.values()) {
      const wanted = Math.max(1, Math.round((product.priceClass <= 2 ? 1 : 2.5) * size * (0.5 + random.next())));
      const quota = row.quotas[product.position];
      const qty = Math.min(wanted, cycle.lineCap, quota === -1 ? wanted : quota);
      if (qty > 0) lines.push({ productId: product.productId, qty });
    }
    if (lines.length === 0) continue;
    const orderDay = addDays(cycle.weekStart, store.orderDay - 1);
    const placedAt = new Date(
      beijingAt(orderDay, opensHour).getTime() + Math.floor(random.next() * (cutoffHour - opensHour) * 3_600_000),
    );
    orders.push({
      customerId: store.id,
      channel: store.orderChannel === 'phone' || random.next() < 0.05 ? 'phone' : 'online',
      placedAt,
      lines,
    });
  }
  return orders;
}

async function recentTotals(tx: Executor, tenantId: number, fromWeek: string, beforeWeek: string) {
  const result = await tx.execute(sql`
    SELECT l.product_id AS "productId", sum(l.qty)::bigint AS qty
    FROM order_cycles c
    JOIN orders o ON o.tenant_id = c.tenant_id AND o.cycle_id = c.id AND o.status = 'submitted'
    JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
    WHERE c.tenant_id = ${tenantId} AND c.week_start >= ${fromWeek} AND c.week_start < ${beforeWeek}
    GROUP BY l.product_id`);
  return new Map(
    (result as unknown as { rows: Array<{ productId: number; qty: string | number }> }).rows.map((row) => [
      Number(row.productId),
      Number(row.qty),
    ]),
  );
}

// ── This week's strategies ────────────────────────────────────────────────────────────────────

// Of the 120 offered: 一类、二类 (the dear, scarce brands) by grade with 示范客户 ×1.2, supply ~85%
// of what the table asks (before the first grades, one carton a store); new products to town stores
// only, capped at 2; a few popular 三类 in proportion to the last 4 weeks; everything else unlimited.
const scarceTable = [
  { fromGrade: 1, toGrade: 5, qty: 0 },
  { fromGrade: 6, toGrade: 10, qty: 1 },
  { fromGrade: 11, toGrade: 15, qty: 2 },
  { fromGrade: 16, toGrade: 20, qty: 3 },
  { fromGrade: 21, toGrade: 25, qty: 4 },
  { fromGrade: 26, toGrade: 30, qty: 6 },
];
const evenTable = [{ fromGrade: 1, toGrade: 30, qty: 1 }];
const newProductTable = [
  { fromGrade: 1, toGrade: 10, qty: 1 },
  { fromGrade: 11, toGrade: 30, qty: 2 },
];

export const demoCycleProducts = 120;
// 按信用等级系数 of this week's scarce brands: AAA/AA stores get more, B/C/D less (A, the most
// stores, 1).
export const demoCreditMultipliers: Record<string, number> = { AAA: 1.3, AA: 1.15, B: 0.8, C: 0.6, D: 0.4 };

export function demoStrategies(
  products: readonly DemoProduct[],
  gradeCounts: ReadonlyMap<number, number>,
  recentByProduct: ReadonlyMap<number, number>,
  options: { hasGrades?: boolean; creditMultipliers?: Record<string, number> } = {},
): Array<{ productId: number; supply: number | null; strategy: AllocationStrategy }> {
  const demandOf = (table: ReadonlyArray<{ fromGrade: number; toGrade: number; qty: number }>) =>
    table.reduce((sum, row) => {
      let stores = 0;
      for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) stores += gradeCounts.get(grade) ?? 0;
      return sum + stores * row.qty;
    }, 0);
  const scarce = options.hasGrades === false ? evenTable : scarceTable;
  // Before any week has sold, a product's place in its price class stands in for its popularity
  // (the catalogue lists each brand's best-known specs first).
  const rankInClass = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const product of products) {
    const rank = seen.get(product.priceClass) ?? 0;
    rankInClass.set(product.id, rank);
    seen.set(product.priceClass, rank + 1);
  }
  let proportional = 0;
  // This week's 货源: the new products and the best sellers of the last 4 weeks, 120 in all.
  const offered = [
    ...products.filter((product) => product.isNew),
    ...products
      .filter((product) => !product.isNew)
      .sort(
        (a, b) =>
          (recentByProduct.get(b.id) ?? 0) - (recentByProduct.get(a.id) ?? 0) ||
          (rankInClass.get(a.id) ?? 0) - (rankInClass.get(b.id) ?? 0) ||
          a.id - b.id,
      ),
  ].slice(0, demoCycleProducts);
  return offered.map((product) => {
    if (product.isNew) {
      return {
        productId: product.id,
        supply: Math.round(demandOf(newProductTable) * 0.6),
        strategy: {
          base: { kind: 'grade_table', table: newProductTable },
          eligibility: { urbanRural: ['urban'] },
          cap: 2,
        },
      };
    }
    if (product.priceClass <= 2) {
      return {
        productId: product.id,
        supply: Math.round(demandOf(scarce) * 0.85),
        strategy: {
          base: { kind: 'grade_table', table: scarce },
          classMultipliers: { demonstration: 1.2 },
          ...(options.creditMultipliers ? { creditMultipliers: options.creditMultipliers } : {}),
          cap: 8,
        },
      };
    }
    const recent = recentByProduct.get(product.id) ?? 0;
    if (product.priceClass === 3 && recent > 0 && proportional < 5) {
      proportional += 1;
      return {
        productId: product.id,
        supply: Math.round((recent / 4) * 0.9),
        strategy: { base: { kind: 'proportional' }, cap: 20 },
      };
    }
    return { productId: product.id, supply: null, strategy: { base: { kind: 'unlimited' } } };
  });
}

// ── A reused demo ─────────────────────────────────────────────────────────────────────────────

// A demo directory kept from an earlier week has no open cycle any more: the last one, its window
// passed, is closed, and this week's cycle is made from its products and strategies and published,
// as the marketing centre would.
export async function openDemoCycles(db: Database, now: Date): Promise<number> {
  const tenants = await db.selectDistinct({ tenantId: orderCycles.tenantId }).from(orderCycles);
  let opened = 0;
  for (const { tenantId } of tenants) {
    const current = await findCurrentCycle(db, tenantId, now);
    if (current && current.closesAt.getTime() > now.getTime()) continue;
    const weekStart = mondayOf(now);
    const [existing] = await db
      .select({ id: orderCycles.id })
      .from(orderCycles)
      .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.weekStart, weekStart)));
    if (existing) continue;
    const [last] = await db
      .select({ id: orderCycles.id, closesAt: orderCycles.closesAt })
      .from(orderCycles)
      .where(and(eq(orderCycles.tenantId, tenantId), eq(orderCycles.status, 'published')))
      .orderBy(desc(orderCycles.weekStart))
      .limit(1);
    if (!last) continue;
    const template = await db
      .select({ productId: cycleProducts.productId, supply: cycleProducts.supply, strategy: cycleProducts.strategy })
      .from(cycleProducts)
      .where(and(eq(cycleProducts.tenantId, tenantId), eq(cycleProducts.cycleId, last.id)))
      .orderBy(cycleProducts.position);
    const actor = systemActor(tenantId, 'demo');
    await db.transaction(async (tx) => {
      if (last.closesAt.getTime() <= now.getTime()) await closeCycleIn(tx, actor, last.id, now);
      const cycle = await createCycleIn(tx, actor, demoCycleWindow(weekStart, now), now);
      await setCycleProductsIn(tx, actor, cycle.id, template, now);
      await publishCycleIn(tx, actor, cycle.id, now);
    });
    opened += 1;
  }
  return opened;
}
