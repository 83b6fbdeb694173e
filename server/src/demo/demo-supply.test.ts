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
  }, 180_000);
  afterAll(async () => database?.close());

  it('reports its progress against a total it reaches exactly, and never passes', () => {
    const total = reports[0].total;
    expect(reports.every((report) => report.total === total)).toBe(true);
    expect(reports.map((report) => report.done)).toEqual([...Array(total + 1).keys(), total]);
    expect(reports.at(-2)?.step).toMatch(/visits$/);
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
    const rows = await database.db.select({ quotas: storeQuotas.quotas }).from(storeQuotas);
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

  it('publishes a grade run from the history that spreads stores over grades 1–30', async () => {
    const [run] = await database.db.select().from(gradeRuns).where(eq(gradeRuns.tenantId, city.tenantId));
    expect(run).toMatchObject({ status: 'published', effectiveOn: '2026-11-23', periodTo: '2026-11-22' });
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
  });
});
