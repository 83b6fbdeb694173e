import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';

// 店品周汇总 store_product_weeks must equal, at every moment, both what it is defined from — the
// stores' store_quotas.ordered elements (with their quotas and the cycle's week) — and what the
// orders say: the sum of the submitted orders' lines per store, product and cycle. Checked after
// the demo city's 13 weeks of history (written by recordPastOrdersIn) and after places, changes
// and cancels through the portal and the service centre.

type WeekRow = { key: string; ordered: number; quota: number | null; weekStart: string | null };

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)('store_product_weeks on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let cycleId: number;
  let service: string;
  let stores: Array<{ id: number; cookie: string; open: number[] }>; // open: products it may order ≥ 4 of

  const inject = (cookie: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  async function read(statement: ReturnType<typeof sql>): Promise<WeekRow[]> {
    return rowsOf<Record<string, unknown>>(await t.database.db.execute(statement))
      .map((row) => ({
        key: `${row.product_id}/${row.cycle_id}/${row.customer_id}`,
        ordered: Number(row.ordered),
        quota: row.quota === undefined ? null : Number(row.quota),
        weekStart: row.week_start === undefined ? null : String(row.week_start),
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  const rollUp = () =>
    read(sql`
      SELECT product_id, cycle_id, customer_id, ordered, quota, week_start::text AS week_start
      FROM store_product_weeks WHERE tenant_id = ${tenantId}`);

  // The definition: every store_quotas.ordered element above 0.
  const fromQuotaRows = () =>
    read(sql`
      SELECT cp.product_id, q.cycle_id, q.customer_id, q.ordered[cp.position + 1] AS ordered,
        q.quotas[cp.position + 1] AS quota, c.week_start::text AS week_start
      FROM store_quotas q
      JOIN order_cycles c ON c.tenant_id = q.tenant_id AND c.id = q.cycle_id
      JOIN cycle_products cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id
      WHERE q.tenant_id = ${tenantId} AND q.ordered[cp.position + 1] > 0`);

  // What the orders say: the submitted orders' lines, summed.
  const fromOrderLines = () =>
    read(sql`
      SELECT l.product_id, o.cycle_id, o.customer_id, sum(l.qty)::int AS ordered
      FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
      WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted'
      GROUP BY l.product_id, o.cycle_id, o.customer_id
      HAVING sum(l.qty) > 0`);

  async function expectRollUpConsistent() {
    const [rows, quotaRows, lines] = await Promise.all([rollUp(), fromQuotaRows(), fromOrderLines()]);
    expect(rows).toEqual(quotaRows);
    expect(rows.map(({ key, ordered }) => ({ key, ordered }))).toEqual(
      lines.map(({ key, ordered }) => ({ key, ordered })),
    );
    return rows;
  }

  const rowOf = async (customerId: number, productId: number) =>
    (await rollUp()).find((row) => row.key === `${productId}/${cycleId}/${customerId}`);

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    service = await t.signIn('service');
    const [cycle] = rowsOf<{ id: number }>(
      await t.database.db.execute(sql`
        SELECT id FROM order_cycles WHERE tenant_id = ${tenantId} AND status = 'published'
          AND opens_at <= ${t.clock.now} AND closes_at > ${t.clock.now}
        ORDER BY week_start DESC LIMIT 1`),
    );
    cycleId = Number(cycle.id);
    // Three active stores that have not ordered this week, with the products each may order 4+ of.
    const rows = rowsOf<{ id: number; licence_no: string; open: number[] }>(
      await t.database.db.execute(sql`
        SELECT c.id, c.licence_no,
          array(SELECT cp.product_id FROM cycle_products cp
                WHERE cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id
                  AND (q.quotas[cp.position + 1] = -1 OR q.quotas[cp.position + 1] >= 4)
                ORDER BY cp.position) AS open
        FROM store_quotas q JOIN customers c ON c.tenant_id = q.tenant_id AND c.id = q.customer_id
        WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND c.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = q.tenant_id AND o.cycle_id = q.cycle_id AND o.customer_id = c.id)
        ORDER BY c.id LIMIT 3`),
    );
    expect(rows).toHaveLength(3);
    stores = [];
    for (const row of rows) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: row.licence_no, password: testPassword },
      });
      const open = (typeof row.open === 'string' ? JSON.parse(`[${String(row.open).slice(1, -1)}]`) : row.open).map(
        Number,
      );
      expect(open.length).toBeGreaterThanOrEqual(3);
      stores.push({ id: Number(row.id), cookie: sessionCookieOf(login), open });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('holds the demo history: a row per store, product and week ordered, equal to the quota rows and the lines', async () => {
    const rows = await expectRollUpConsistent();
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((row) => row.weekStart)).size).toBeGreaterThanOrEqual(10);
  });

  it('follows an order placed, a second order, a change and a cancel of one store', async () => {
    const [a, b, c] = stores[0].open;
    const first = await inject(stores[0].cookie, 'POST', '/api/v1/portal/orders', {
      lines: [
        { productId: a, qty: 2 },
        { productId: b, qty: 1 },
      ],
    });
    expect(first.statusCode).toBe(201);
    expect((await rowOf(stores[0].id, a))?.ordered).toBe(2);
    await expectRollUpConsistent();

    const second = await inject(stores[0].cookie, 'POST', '/api/v1/portal/orders', {
      lines: [
        { productId: a, qty: 1 },
        { productId: c, qty: 3 },
      ],
    });
    expect(second.statusCode).toBe(201);
    expect((await rowOf(stores[0].id, a))?.ordered).toBe(3);
    await expectRollUpConsistent();

    // b dropped from the first order, c added: b's row goes, a's and c's move.
    const changed = await inject(stores[0].cookie, 'PUT', `/api/v1/portal/orders/${first.json().orderId}`, {
      lines: [
        { productId: a, qty: 1 },
        { productId: c, qty: 1 },
      ],
    });
    expect(changed.statusCode).toBe(200);
    expect(await rowOf(stores[0].id, b)).toBeUndefined();
    expect((await rowOf(stores[0].id, a))?.ordered).toBe(2);
    expect((await rowOf(stores[0].id, c))?.ordered).toBe(4);
    await expectRollUpConsistent();

    const cancelled = await inject(stores[0].cookie, 'DELETE', `/api/v1/portal/orders/${second.json().orderId}`);
    expect(cancelled.statusCode).toBe(204);
    expect((await rowOf(stores[0].id, a))?.ordered).toBe(1);
    expect((await rowOf(stores[0].id, c))?.ordered).toBe(1);
    await expectRollUpConsistent();
  });

  it('removes the rows of a store whose only order is cancelled', async () => {
    const [a] = stores[1].open;
    const placed = await inject(stores[1].cookie, 'POST', '/api/v1/portal/orders', {
      lines: [{ productId: a, qty: 4 }],
    });
    expect(placed.statusCode).toBe(201);
    const row = await rowOf(stores[1].id, a);
    expect(row?.ordered).toBe(4);
    expect(row?.quota === -1 || (row?.quota ?? 0) >= 4).toBe(true);
    await inject(stores[1].cookie, 'DELETE', `/api/v1/portal/orders/${placed.json().orderId}`);
    expect(await rowOf(stores[1].id, a)).toBeUndefined();
    await expectRollUpConsistent();
  });

  it('follows a phone order of the service centre, and writes nothing for one refused', async () => {
    const [a, b] = stores[2].open;
    const placed = await inject(service, 'POST', '/api/v1/supply/orders', {
      customerId: stores[2].id,
      lines: [
        { productId: a, qty: 1 },
        { productId: b, qty: 2 },
      ],
    });
    expect(placed.statusCode).toBe(201);
    const before = await expectRollUpConsistent();
    const refused = await inject(service, 'POST', '/api/v1/supply/orders', {
      customerId: stores[2].id,
      lines: [{ productId: b, qty: 100_000 }],
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await expectRollUpConsistent()).toEqual(before);
  });
});
