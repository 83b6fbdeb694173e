import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { gradeRuns, orderCycles, storeQuotas } from '../modules/supply/supply.schema.ts';
import { openDemoCycles } from './demo-supply.ts';
import { type DemoCity, seedDemoCity } from './seed-demo-city.ts';

// The demo's 货源 and 订货: history that follows each store's size, grades from it, and an open
// cycle whose allocation every store can order against.
describe('demo city supply', () => {
  let database: DatabaseHandle;
  let city: DemoCity;
  const now = new Date('2026-11-23T02:00:00Z');
  const reports: { step: string; done: number; total: number }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    city = await seedDemoCity(database.db, now, {
      customers: 1_500,
      onProgress: (step, done, total) => reports.push({ step, done, total }),
    });
  }, 600_000);
  afterAll(async () => database?.close());

  it('reports its progress against a total it reaches exactly, and never passes', () => {
    const total = reports[0].total;
    expect(reports.every((report) => report.total === total)).toBe(true);
    expect(reports.map((report) => report.done)).toEqual([...Array(total + 1).keys(), total]);
    expect(reports.at(-2)?.step).toMatch(/credit$/);
    expect(reports.at(-1)?.step).toBe('done');
  });

  it('has 13 closed weeks of history and this week’s cycle published and open', async () => {
    const cycles = await database.db
      .select({ status: orderCycles.status, weekStart: orderCycles.weekStart, closesAt: orderCycles.closesAt })
      .from(orderCycles)
      .where(eq(orderCycles.tenantId, city.tenantId))
      .orderBy(orderCycles.weekStart);
    expect(cycles.map((cycle) => cycle.status)).toEqual([...Array(13).fill('closed'), 'published']);
    expect(cycles[0].weekStart).toBe('2026-08-24');
    expect(cycles[13].weekStart).toBe('2026-11-23');
    expect(cycles[13].closesAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it('gives every active store its quotas, and most stores something to order', async () => {
    const [{ active }] = await database.db
      .select({ active: count() })
      .from(customers)
      .where(and(eq(customers.tenantId, city.tenantId), eq(customers.status, 'active')));
    const [current] = await database.db
      .select({ id: orderCycles.id })
      .from(orderCycles)
      .where(and(eq(orderCycles.tenantId, city.tenantId), eq(orderCycles.status, 'published')));
    const rows = await database.db
      .select({ quotas: storeQuotas.quotas })
      .from(storeQuotas)
      .where(eq(storeQuotas.cycleId, current.id));
    expect(rows).toHaveLength(active);
    const limitedPositions = rows[0].quotas.map((quota, index) => (quota === -1 ? -1 : index)).filter((i) => i >= 0);
    expect(limitedPositions.length).toBeGreaterThan(20);
    const withLimited = rows.filter((row) => limitedPositions.some((position) => row.quotas[position] > 0));
    expect(withLimited.length / rows.length).toBeGreaterThan(0.6);
  });

  it('makes bigger formats buy more: a tobacco & liquor shop outbuys a grocery', async () => {
    const result = await database.db.execute(sql`
      SELECT c.format, avg(o.total_fen)::float AS amount FROM orders o
      JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
      GROUP BY c.format`);
    const byFormat = new Map(
      (result as unknown as { rows: Array<{ format: string; amount: number }> }).rows.map((row) => [
        row.format,
        Number(row.amount),
      ]),
    );
    expect(byFormat.get('tobacco_liquor')).toBeGreaterThan(byFormat.get('grocery') ?? Number.POSITIVE_INFINITY);
  });

  it('gives every past cycle its products, every store’s quotas and orders that the quotas record', async () => {
    const result = await database.db.execute(sql`
      SELECT c.code, c.status,
        (SELECT count(*) FROM cycle_products p WHERE p.tenant_id = c.tenant_id AND p.cycle_id = c.id)::int AS products,
        (SELECT count(*) FROM store_quotas q WHERE q.tenant_id = c.tenant_id AND q.cycle_id = c.id)::int AS stores,
        (SELECT count(*) FROM orders o WHERE o.tenant_id = c.tenant_id AND o.cycle_id = c.id)::int AS orders,
        (SELECT coalesce(sum(l.qty), 0) FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
          WHERE o.tenant_id = c.tenant_id AND o.cycle_id = c.id AND o.status = 'submitted')::int AS "linesQty",
        (SELECT coalesce(sum(u.ordered), 0) FROM store_quotas q CROSS JOIN LATERAL unnest(q.ordered) AS u(ordered)
          WHERE q.tenant_id = c.tenant_id AND q.cycle_id = c.id)::int AS "quotaOrdered",
        (SELECT count(*) FROM store_quotas q CROSS JOIN LATERAL unnest(q.quotas, q.ordered) AS u(quota, ordered)
          WHERE q.tenant_id = c.tenant_id AND q.cycle_id = c.id AND u.quota >= 0 AND u.ordered > u.quota)::int AS "overQuota",
        (SELECT count(*) FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
          LEFT JOIN cycle_products p ON p.tenant_id = l.tenant_id AND p.cycle_id = o.cycle_id AND p.product_id = l.product_id
          WHERE o.tenant_id = c.tenant_id AND o.cycle_id = c.id AND p.product_id IS NULL)::int AS "notOffered",
        (SELECT count(*) FROM orders o WHERE o.tenant_id = c.tenant_id AND o.cycle_id = c.id
          AND NOT (o.created_at >= c.opens_at AND o.created_at < c.closes_at))::int AS "outsideWindow"
      FROM order_cycles c WHERE c.tenant_id = ${city.tenantId} AND c.status = 'closed' ORDER BY c.week_start`);
    const weeks = (result as unknown as { rows: Array<Record<string, number | string>> }).rows;
    const [{ active }] = await database.db
      .select({ active: count() })
      .from(customers)
      .where(and(eq(customers.tenantId, city.tenantId), eq(customers.status, 'active')));
    expect(weeks).toHaveLength(13);
    for (const week of weeks) {
      expect(week.products, `${week.code} products`).toBeGreaterThan(50);
      expect(week.stores, `${week.code} quota rows`).toBe(active);
      expect(week.orders, `${week.code} orders`).toBeGreaterThan(active * 0.8);
      expect(week.quotaOrdered, `${week.code}: quotas record the orders`).toBe(week.linesQty);
      expect(week, week.code as string).toMatchObject({ overQuota: 0, notOffered: 0, outsideWindow: 0 });
    }
  });

  it('publishes grade runs from the history, the last one spreading stores over grades 1–30', async () => {
    const runs = await database.db
      .select()
      .from(gradeRuns)
      .where(eq(gradeRuns.tenantId, city.tenantId))
      .orderBy(gradeRuns.effectiveOn);
    expect(runs.map((run) => [run.effectiveOn, run.status])).toEqual([
      ['2026-09-21', 'published'],
      ['2026-10-19', 'published'],
      ['2026-11-23', 'published'],
    ]);
    const run = runs[2];
    expect(run).toMatchObject({ effectiveOn: '2026-11-23', periodFrom: '2026-08-24', periodTo: '2026-11-22' });
    const result = await database.db.execute(
      sql`SELECT count(DISTINCT grade)::int AS grades FROM customer_grades WHERE run_id = ${run.id}`,
    );
    expect((result as unknown as { rows: Array<{ grades: number }> }).rows[0].grades).toBe(30);
  });

  it('opens the next week’s cycle when a kept demo starts again, once', async () => {
    const nextWeek = new Date('2026-12-01T03:00:00Z');
    expect(await openDemoCycles(database.db, nextWeek)).toBe(1);
    expect(await openDemoCycles(database.db, nextWeek)).toBe(0);
    const [latest] = await database.db
      .select({ weekStart: orderCycles.weekStart, status: orderCycles.status })
      .from(orderCycles)
      .orderBy(sql`${orderCycles.weekStart} DESC`)
      .limit(1);
    expect(latest).toEqual({ weekStart: '2026-11-30', status: 'published' });
    const [last] = await database.db
      .select({ status: orderCycles.status })
      .from(orderCycles)
      .where(eq(orderCycles.weekStart, '2026-11-23'));
    expect(last.status).toBe('closed');
  });
});
