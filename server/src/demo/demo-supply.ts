import { and, desc, eq, sql } from 'drizzle-orm';
import { arrayLiteral } from '../db/array-literal.ts';
import { unnestArrays, withForeignKeysCheckedAtEnd } from '../db/bulk-writes.ts';
import type { Database, Executor } from '../db/client.ts';
import {
  type AllocationStrategy,
  computeGradeRunIn,
  createCycleIn,
  cycleCodeOf,
  cycleProducts,
  findCurrentCycle,
  orderCycles,
  publishCycleIn,
  publishGradeRunIn,
  setCycleProductsIn,
} from '../modules/supply/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { recordChanges } from '../platform/audit/audit.ts';
import { beijingMidnightOf } from '../platform/time/beijing.ts';
import { addDays, mondayOf } from '../platform/time/weeks.ts';
import { seedDemoClassification } from './demo-classification.ts';
import { seedDemoPastVisitsIn } from './demo-visits.ts';
import type { Random } from './random.ts';

// The demo city's 货源 and 订货: 13 weeks of order history consistent with each store's size and
// format, a published grade run computed from it, and this week's cycle with its allocation
// published — so every demo retailer can order as soon as the demo starts.

export const historyWeeks = 13;

type DemoStore = { id: number; format: string; urbanRural: string; orderChannel: string };
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

export type DemoSupplySummary = { orders: number; lines: number; cycles: number; gradeRunId: number; cycleId: number };

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
    seedOrderHistory(tx, tenantId, stores, products, thisWeek, random),
  );
  await recordChanges(tx, actor, [{ action: 'seed_demo', entity: 'order', entityId: 0, after: history }], now);

  // Fresh rows and no statistics (PGlite has no autovacuum): the grade and allocation queries
  // would plan as if these tables were empty.
  await tx.execute(sql`ANALYZE order_cycles, orders, order_lines`);
  const run = await computeGradeRunIn(tx, actor, { weights: { amount: 70, quantity: 30 }, effectiveOn: thisWeek }, now);
  await publishGradeRunIn(tx, actor, run.id, now);
  // 客户分类 before the cycle: its allocation reads the classes. The visits of the three months
  // before come first: classification reads their 终端形象 scores (this month's plan reads the classes).
  await seedDemoPastVisitsIn(tx, tenantId, now);
  await seedDemoClassification(tx, tenantId, now, random);

  const cycle = await createCycleIn(tx, actor, demoCycleWindow(thisWeek, now), now);
  const gradeCounts = new Map(run.distribution.map((row) => [row.grade, row.count]));
  const recent = await recentTotals(tx, tenantId, addDays(thisWeek, -28), thisWeek);
  await setCycleProductsIn(tx, actor, cycle.id, demoStrategies(products, gradeCounts, recent), now);
  await publishCycleIn(tx, actor, cycle.id, now);
  return { ...history, gradeRunId: run.id, cycleId: cycle.id };
}

// The demo's cycle is open every day of its week (a real cycle usually opens each store on its order
// day only), and at least three more days, so a demo built on a Sunday evening can still order.
function demoCycleWindow(weekStart: string, now: Date) {
  const opensAt = beijingMidnightOf(weekStart);
  const weekEnd = opensAt.getTime() + 7 * 24 * 3_600_000;
  const closesAt = new Date(Math.max(weekEnd, now.getTime() + 3 * 24 * 3_600_000));
  return {
    weekStart,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    orderDayOnly: false,
    dailyCutoff: '17:00',
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
    SELECT id, format, urban_rural AS "urbanRural", order_channel AS "orderChannel"
    FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`);
  return (result as unknown as { rows: DemoStore[] }).rows.map((row) => ({ ...row, id: Number(row.id) }));
}

// ── Order history ─────────────────────────────────────────────────────────────────────────────

async function seedOrderHistory(
  tx: Executor,
  tenantId: number,
  stores: readonly DemoStore[],
  products: readonly DemoProduct[],
  thisWeek: string,
  random: Random,
) {
  if (products.length === 0 || stores.length === 0) return { orders: 0, lines: 0, cycles: 0 };
  const weeks = Array.from({ length: historyWeeks }, (_, index) => addDays(thisWeek, -7 * (historyWeeks - index)));
  const cycles = await tx
    .insert(orderCycles)
    .values(
      weeks.map((weekStart) => {
        const opensAt = beijingMidnightOf(weekStart);
        return {
          tenantId,
          code: cycleCodeOf(weekStart),
          weekStart,
          opensAt,
          closesAt: new Date(opensAt.getTime() + 7 * 24 * 3_600_000),
          orderDayOnly: true,
          dailyCutoff: '17:00',
          status: 'closed' as const,
          createdAt: opensAt,
          publishedAt: opensAt,
        };
      }),
    )
    .returning({ id: orderCycles.id, weekStart: orderCycles.weekStart });

  // Products by price class, most popular first (the catalogue's order stands in for popularity).
  const byClass = new Map<number, DemoProduct[]>();
  for (const product of products) {
    byClass.set(product.priceClass, [...(byClass.get(product.priceClass) ?? []), product]);
  }
  const classes = [...byClass.keys()].sort();
  // A store's size and its habits stay the same every week.
  const profiles = stores.map((store) => {
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

  let orderCount = 0;
  let lineCount = 0;
  for (const cycle of cycles) {
    const customerIds: number[] = [];
    const channels: string[] = [];
    const totals: number[] = [];
    const quantities: number[] = [];
    const lineStore: number[] = [];
    const lineProduct: number[] = [];
    const lineQty: number[] = [];
    const linePrice: number[] = [];
    for (const { store, size, classWeights } of profiles) {
      if (random.next() > 0.93) continue; // some weeks a store does not order
      const lineTarget = Math.max(1, Math.min(12, Math.round(size * 3 + random.next() * 2.5)));
      const picked = new Map<number, DemoProduct>();
      for (let attempt = 0; attempt < lineTarget * 2 && picked.size < lineTarget; attempt += 1) {
        const pool = byClass.get(random.weighted(classWeights)) ?? [];
        // Popular products come first in each class: a skewed pick.
        const product = pool[Math.floor(pool.length * random.next() ** 2)];
        if (product) picked.set(product.id, product);
      }
      let total = 0;
      let quantity = 0;
      for (const product of picked.values()) {
        const qty = Math.max(1, Math.round((product.priceClass <= 2 ? 1 : 2.5) * size * (0.5 + random.next())));
        lineStore.push(store.id);
        lineProduct.push(product.id);
        lineQty.push(qty);
        linePrice.push(product.wholesalePriceFen);
        total += qty * product.wholesalePriceFen;
        quantity += qty;
      }
      customerIds.push(store.id);
      channels.push(store.orderChannel === 'phone' || random.next() < 0.05 ? 'phone' : 'online');
      totals.push(total);
      quantities.push(quantity);
    }
    const openedAt = new Date(new Date(`${cycle.weekStart}T02:00:00Z`).getTime());
    // The week's orders, then their lines joined back by store (one order per store per week).
    await tx.execute(sql`
      WITH created AS (
        INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_at, updated_at)
        SELECT ${tenantId}, ${cycle.id}, o.customer_id, o.channel, 'submitted', o.total, o.qty, ${openedAt}, ${openedAt}
        FROM ${unnestArrays('o', {
          customer_id: ['int', arrayLiteral(customerIds)],
          channel: ['text', arrayLiteral(channels)],
          total: ['bigint', arrayLiteral(totals)],
          qty: ['int', arrayLiteral(quantities)],
        })}
        RETURNING id, customer_id)
      INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
      SELECT ${tenantId}, created.id, l.product_id, l.qty, l.price
      FROM ${unnestArrays('l', {
        customer_id: ['int', arrayLiteral(lineStore)],
        product_id: ['int', arrayLiteral(lineProduct)],
        qty: ['int', arrayLiteral(lineQty)],
        price: ['int', arrayLiteral(linePrice)],
      })}
      JOIN created ON created.customer_id = l.customer_id`);
    orderCount += customerIds.length;
    lineCount += lineStore.length;
  }
  return { orders: orderCount, lines: lineCount, cycles: cycles.length };
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
// of what the table asks; new products to town stores only, capped at 2; a few popular 三类 in
// proportion to the last 4 weeks; everything else unlimited.
const scarceTable = [
  { fromGrade: 1, toGrade: 5, qty: 0 },
  { fromGrade: 6, toGrade: 10, qty: 1 },
  { fromGrade: 11, toGrade: 15, qty: 2 },
  { fromGrade: 16, toGrade: 20, qty: 3 },
  { fromGrade: 21, toGrade: 25, qty: 4 },
  { fromGrade: 26, toGrade: 30, qty: 6 },
];
const newProductTable = [
  { fromGrade: 1, toGrade: 10, qty: 1 },
  { fromGrade: 11, toGrade: 30, qty: 2 },
];

export const demoCycleProducts = 120;

export function demoStrategies(
  products: readonly DemoProduct[],
  gradeCounts: ReadonlyMap<number, number>,
  recentByProduct: ReadonlyMap<number, number>,
): Array<{ productId: number; supply: number | null; strategy: AllocationStrategy }> {
  const demandOf = (table: ReadonlyArray<{ fromGrade: number; toGrade: number; qty: number }>) =>
    table.reduce((sum, row) => {
      let stores = 0;
      for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) stores += gradeCounts.get(grade) ?? 0;
      return sum + stores * row.qty;
    }, 0);
  let proportional = 0;
  // This week's 货源: the new products and the best sellers of the last 4 weeks, 120 in all.
  const offered = [
    ...products.filter((product) => product.isNew),
    ...products
      .filter((product) => !product.isNew && (recentByProduct.get(product.id) ?? 0) > 0)
      .sort((a, b) => (recentByProduct.get(b.id) ?? 0) - (recentByProduct.get(a.id) ?? 0) || a.id - b.id),
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
        supply: Math.round(demandOf(scarceTable) * 0.85),
        strategy: {
          base: { kind: 'grade_table', table: scarceTable },
          classMultipliers: { demonstration: 1.2 },
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

// A demo directory kept from an earlier week has no open cycle any more: this week's cycle is
// made from the last one's products and strategies and published, as the marketing centre would.
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
      .select({ id: orderCycles.id })
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
      const cycle = await createCycleIn(tx, actor, demoCycleWindow(weekStart, now), now);
      await setCycleProductsIn(tx, actor, cycle.id, template, now);
      await publishCycleIn(tx, actor, cycle.id, now);
    });
    opened += 1;
  }
  return opened;
}
