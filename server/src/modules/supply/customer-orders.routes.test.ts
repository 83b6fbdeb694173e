import { and, count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { orderCycles, orderLines, orders } from './supply.schema.ts';

// A store's orders and 13-week purchase trend in its 360° view (GET /customers/:id/orders and
// /customers/:id/purchase-trend), against the demo city's order history.
describe.each(testDatabaseKinds)("a store's orders in its 360° view on %s", (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;
  // The manager's store with the most orders, and a store of another manager.
  let store: { id: number; orders: number };
  let foreignStoreId: number;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    marketing = await t.signIn('marketing');
    const [first, second] = t.city.managers;
    manager = await t.signIn(first.username);
    const [busiest] = await t.database.db
      .select({ id: customers.id, orders: count(orders.id) })
      .from(customers)
      .innerJoin(orders, and(eq(orders.tenantId, customers.tenantId), eq(orders.customerId, customers.id)))
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, first.id)))
      .groupBy(customers.id)
      .orderBy(desc(count(orders.id)), customers.id)
      .limit(1);
    store = { id: busiest.id, orders: Number(busiest.orders) };
    const [foreign] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, second.id)))
      .limit(1);
    foreignStoreId = foreign.id;
    // Seeding the demo city takes a while on a busy machine.
  }, 240_000);
  afterAll(async () => t?.close());

  it('lists the store’s orders newest cycle first, with the cycle week, lines, cartons and amount', async () => {
    expect(store.orders).toBeGreaterThan(2);
    const response = await get(manager, `/api/v1/customers/${store.id}/orders?limit=100`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(store.orders);
    expect(body.items).toHaveLength(Math.min(store.orders, 100));
    const weeks = body.items.map((item: { weekStart: string }) => item.weekStart);
    expect(weeks).toEqual([...weeks].sort().reverse());
    const [first] = body.items;
    const [expected] = await t.database.db
      .select({
        cycleCode: orderCycles.code,
        weekStart: orderCycles.weekStart,
        quantity: orders.quantity,
        totalFen: orders.totalFen,
        channel: orders.channel,
        status: orders.status,
      })
      .from(orders)
      .innerJoin(orderCycles, eq(orderCycles.id, orders.cycleId))
      .where(eq(orders.id, first.orderId));
    const [lines] = await t.database.db
      .select({ n: count(), cartons: sql<number>`sum(${orderLines.qty})::int` })
      .from(orderLines)
      .where(eq(orderLines.orderId, first.orderId));
    expect(first).toMatchObject({
      cycleCode: expected.cycleCode,
      weekStart: expected.weekStart,
      quantity: expected.quantity,
      total: Number(expected.totalFen) / 100,
      channel: expected.channel,
      status: expected.status,
      lineCount: lines.n,
    });
    expect(lines.cartons).toBe(expected.quantity);
  });

  it('pages within bounds: pages do not overlap, and limits outside 1–100 or a negative offset are refused', async () => {
    const firstPage = (await get(marketing, `/api/v1/customers/${store.id}/orders?limit=2&offset=0`)).json();
    const secondPage = (await get(marketing, `/api/v1/customers/${store.id}/orders?limit=2&offset=2`)).json();
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBe(store.orders);
    const ids = (page: { items: Array<{ orderId: number }> }) => page.items.map((item) => item.orderId);
    expect(ids(secondPage).some((id) => ids(firstPage).includes(id))).toBe(false);
    const beyond = (await get(marketing, `/api/v1/customers/${store.id}/orders?offset=1000000`)).json();
    expect(beyond).toEqual({ total: store.orders, items: [] });
    for (const query of ['limit=0', 'limit=101', 'offset=-1', 'offset=1000001', 'limit=2.5', 'page=1']) {
      const refused = await get(marketing, `/api/v1/customers/${store.id}/orders?${query}`);
      expect(refused.statusCode, query).toBe(400);
    }
  });

  it('sums submitted orders per week over the 13 weeks up to the current one, leaving empty weeks out', async () => {
    const response = await get(manager, `/api/v1/customers/${store.id}/purchase-trend`);
    expect(response.statusCode).toBe(200);
    const trend = response.json();
    // The test clock is Monday 2026-11-23 (Beijing): 13 weeks back to 2026-08-31.
    expect(trend).toMatchObject({ from: '2026-08-31', to: '2026-11-23' });
    const expected = await t.database.db
      .select({
        weekStart: orderCycles.weekStart,
        quantity: sql<number>`sum(${orders.quantity})::int`,
        amountFen: sql<number>`sum(${orders.totalFen})::bigint`,
      })
      .from(orders)
      .innerJoin(orderCycles, eq(orderCycles.id, orders.cycleId))
      .where(
        and(
          eq(orders.customerId, store.id),
          eq(orders.status, 'submitted'),
          sql`${orderCycles.weekStart} BETWEEN '2026-08-31' AND '2026-11-23'`,
        ),
      )
      .groupBy(orderCycles.weekStart)
      .orderBy(orderCycles.weekStart);
    expect(expected.length).toBeGreaterThan(0);
    expect(trend.weeks).toEqual(
      expected.map((week) => ({
        weekStart: week.weekStart,
        quantity: Number(week.quantity),
        amount: Number(week.amountFen) / 100,
      })),
    );
  });

  it('leaves a cancelled order out of the trend but lists it', async () => {
    const [latest] = await t.database.db
      .select({ id: orders.id, weekStart: orderCycles.weekStart, quantity: orders.quantity })
      .from(orders)
      .innerJoin(orderCycles, eq(orderCycles.id, orders.cycleId))
      .where(and(eq(orders.customerId, store.id), eq(orders.status, 'submitted')))
      .orderBy(desc(orderCycles.weekStart))
      .limit(1);
    const before = (await get(manager, `/api/v1/customers/${store.id}/purchase-trend`)).json();
    await t.database.db.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, latest.id));
    try {
      const after = (await get(manager, `/api/v1/customers/${store.id}/purchase-trend`)).json();
      const cartonsOf = (trend: { weeks: Array<{ weekStart: string; quantity: number }> }) =>
        trend.weeks.find((week) => week.weekStart === latest.weekStart)?.quantity ?? 0;
      expect(cartonsOf(after)).toBe(cartonsOf(before) - latest.quantity);
      const listed = (await get(manager, `/api/v1/customers/${store.id}/orders?limit=100`)).json();
      expect(listed.items.find((item: { orderId: number }) => item.orderId === latest.id)?.status).toBe('cancelled');
    } finally {
      await t.database.db.update(orders).set({ status: 'submitted' }).where(eq(orders.id, latest.id));
    }
  });

  it('refuses a store outside the data scope or of another city as not found, and unknown ids', async () => {
    for (const path of ['orders', 'purchase-trend']) {
      expect((await get(manager, `/api/v1/customers/${foreignStoreId}/${path}`)).statusCode, path).toBe(404);
      expect((await get(marketing, `/api/v1/customers/${foreignStoreId}/${path}`)).statusCode, path).toBe(200);
      const otherCity = await t.signIn(t.otherTenant.adminUsername);
      expect((await get(otherCity, `/api/v1/customers/${store.id}/${path}`)).statusCode, path).toBe(404);
      expect((await get(marketing, `/api/v1/customers/0/${path}`)).statusCode, path).toBe(400);
      const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${store.id}/${path}` });
      expect(anonymous.statusCode, path).toBe(401);
    }
  });
});
