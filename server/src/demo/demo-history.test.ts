import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../modules/customers/customers.schema.ts';
import { readCycleAllocationIn, recordPastOrdersIn } from '../modules/supply/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../test/test-app.ts';

// The demo's 13 weeks, as staff and retailers see them: every past cycle has its products, an
// allocation for every store and its orders, and the staff's figures of a week (需求汇总, 网上订货率)
// are what the stores' own order lists and their 13-week purchases (档位) add up to.

type Cycle = {
  id: number;
  code: string;
  weekStart: string;
  status: string;
  orderDayOnly: boolean;
  opensAt: string;
  closesAt: string;
};
type Order = {
  orderId: number;
  cycleId: number;
  customerId: number;
  licenceNo: string;
  channel: string;
  status: string;
  total: number;
  quantity: number;
  lines: Array<{ productId: number; qty: number }>;
};
type Demand = {
  items: Array<{ productId: number; ordered: number; storesOrdered: number; quotaTotal: number | null }>;
};
type OnlineRate = {
  total: { stores: number; storesOrdered: number; storesOnline: number; qty: number; qtyOnline: number };
};

describe('the demo city’s order history', () => {
  let t: TestApp;
  let marketing: string;
  let cycles: Cycle[];
  let activeStores: number;

  const get = async <T>(cookie: string, url: string): Promise<T> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', { customers: 300 });
    marketing = await t.signIn('marketing');
    cycles = (await get<{ items: Cycle[] }>(marketing, '/supply/cycles')).items.sort((a, b) =>
      a.weekStart.localeCompare(b.weekStart),
    );
    const [row] = await t.database.db
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')));
    activeStores = row.n;
  }, 300_000);
  afterAll(async () => t?.close());

  it('has 13 closed weeks, each with its products, every store’s allocation and its orders', async () => {
    const past = cycles.filter((cycle) => cycle.status === 'closed');
    expect(past).toHaveLength(13);
    for (const cycle of past) {
      const detail = await get<{ products: Array<{ outcome: unknown }> }>(marketing, `/supply/cycles/${cycle.id}`);
      expect(detail.products.length, cycle.code).toBeGreaterThan(50);
      expect(
        detail.products.every((product) => product.outcome !== null),
        cycle.code,
      ).toBe(true);
      const rate = await get<OnlineRate>(marketing, `/supply/cycles/${cycle.id}/online-rate`);
      expect(rate.total.stores, cycle.code).toBe(activeStores);
      expect(rate.total.storesOrdered / activeStores, cycle.code).toBeGreaterThan(0.8);
      expect(rate.total.storesOnline, cycle.code).toBeGreaterThan(0);
      const demand = await get<Demand>(marketing, `/supply/cycles/${cycle.id}/demand`);
      expect(
        demand.items.some((item) => item.quotaTotal !== null && item.quotaTotal > 0),
        `${cycle.code} allocates limited products`,
      ).toBe(true);
    }
  });

  it('records history only for a published cycle whose window has passed', async () => {
    const actor = systemActor(t.city.tenantId, 'demo');
    const closed = cycles.find((cycle) => cycle.status === 'closed') as Cycle;
    const open = cycles.find((cycle) => cycle.status === 'published') as Cycle;
    for (const [cycle, code] of [
      [closed, 'CYCLE_NOT_PUBLISHED'],
      [open, 'CYCLE_NOT_ENDED'],
    ] as const) {
      const refused = t.database.db.transaction(async (tx) => {
        const allocation = await readCycleAllocationIn(tx, t.city.tenantId, cycle.id);
        return recordPastOrdersIn(tx, actor, allocation, [], t.clock.now);
      });
      await expect(refused, cycle.code).rejects.toMatchObject({ code });
    }
  });

  it('rounds the windows to the order days: Monday 08:00 to Saturday 17:00 (Beijing)', () => {
    for (const cycle of cycles) {
      expect(new Date(cycle.opensAt).toISOString(), cycle.code).toBe(
        new Date(`${cycle.weekStart}T08:00:00+08:00`).toISOString(),
      );
      const saturday = new Date(new Date(`${cycle.weekStart}T17:00:00+08:00`).getTime() + 5 * 86_400_000);
      expect(new Date(cycle.closesAt).toISOString(), cycle.code).toBe(saturday.toISOString());
    }
    expect(cycles.filter((cycle) => cycle.orderDayOnly)).toHaveLength(13);
  });

  it('gives a past week the same figures on the staff’s pages as in the stores’ orders', async () => {
    const week = cycles.filter((cycle) => cycle.status === 'closed')[8];
    const orders = (await get<{ items: Order[] }>(marketing, `/supply/orders?cycleId=${week.id}&limit=500`)).items;
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length).toBeLessThan(500);
    const submitted = orders.filter((order) => order.status === 'submitted');

    const byProduct = new Map<number, number>();
    const storesOfProduct = new Map<number, Set<number>>();
    for (const order of submitted) {
      for (const line of order.lines) {
        byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.qty);
        storesOfProduct.set(line.productId, (storesOfProduct.get(line.productId) ?? new Set()).add(order.customerId));
      }
    }
    const demand = await get<Demand>(marketing, `/supply/cycles/${week.id}/demand`);
    for (const item of demand.items) {
      expect(item.ordered, `product ${item.productId}`).toBe(byProduct.get(item.productId) ?? 0);
      expect(item.storesOrdered, `product ${item.productId}`).toBe(storesOfProduct.get(item.productId)?.size ?? 0);
      if (item.quotaTotal !== null) expect(item.ordered).toBeLessThanOrEqual(item.quotaTotal);
    }
    expect([...byProduct.keys()].every((id) => demand.items.some((item) => item.productId === id))).toBe(true);

    const rate = await get<OnlineRate>(marketing, `/supply/cycles/${week.id}/online-rate`);
    const online = submitted.filter((order) => order.channel === 'online');
    expect(rate.total).toMatchObject({
      storesOrdered: new Set(submitted.map((order) => order.customerId)).size,
      storesOnline: new Set(online.map((order) => order.customerId)).size,
      qty: submitted.reduce((sum, order) => sum + order.quantity, 0),
      qtyOnline: online.reduce((sum, order) => sum + order.quantity, 0),
    });

    // Two stores on the portal: their orders of the week are the staff's, line for line, and
    // their grade's 13 weeks of purchases are their orders of the 13 weeks added up.
    for (const order of submitted.slice(0, 2)) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: order.licenceNo, password: testPassword },
      });
      const retailer = sessionCookieOf(login);
      const mine = (await get<{ items: Order[] }>(retailer, '/portal/orders')).items;
      const thatWeek = mine.filter((entry) => entry.cycleId === week.id);
      expect(thatWeek.map((entry) => [entry.orderId, entry.total, entry.lines])).toEqual([
        [order.orderId, order.total, order.lines],
      ]);
      const pastIds = new Set(cycles.filter((cycle) => cycle.status === 'closed').map((cycle) => cycle.id));
      const bought = mine
        .filter((entry) => pastIds.has(entry.cycleId) && entry.status === 'submitted')
        .reduce((sum, entry) => sum + Math.round(entry.total * 100), 0);
      const grades = await get<{ items: Array<{ amount: number; effectiveOn: string }> }>(
        marketing,
        `/customers/${order.customerId}/grades`,
      );
      const latest = grades.items.sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))[0];
      expect(Math.round(latest.amount * 100)).toBe(bought);
    }
  });
});
