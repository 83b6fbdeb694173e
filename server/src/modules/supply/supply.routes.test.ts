import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { products } from '../products/products.schema.ts';
import { insertCycle, insertOrder, insertStoreQuotas } from './supply.repository.ts';
import { orderCycles, orderLines, orders, storeQuotas } from './supply.schema.ts';

type CycleItem = { productId: number; quota: number | null; ordered: number; remaining: number | null };

describe.each(testDatabaseKinds)('supply and ordering on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let service: string;
  let store: { id: number; licenceNo: string; managerId: number };
  let otherStore: { id: number; licenceNo: string };
  let burstStore: { id: number; licenceNo: string };
  let retailer: string;
  let otherRetailer: string;
  let cycleId: number;
  const productIds: Record<'zhonghua' | 'furong' | 'baisha' | 'mall', number> = {
    zhonghua: 0,
    furong: 0,
    baisha: 0,
    mall: 0,
  };

  const inject = (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers = {},
  ) => t.app.inject({ method, url, headers: { cookie, ...headers }, payload: payload as never });

  async function retailerSignIn(licenceNo: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    return sessionCookieOf(response);
  }

  async function storeRow(customerId: number) {
    const [row] = await t.database.db
      .select({ quotas: storeQuotas.quotas, ordered: storeQuotas.ordered })
      .from(storeQuotas)
      .where(and(eq(storeQuotas.cycleId, cycleId), eq(storeQuotas.customerId, customerId)));
    return row;
  }

  // Orders of the store in the test's cycle (the demo city brings 13 weeks of history).
  async function orderCount(customerId: number) {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.customerId, customerId), eq(orders.cycleId, cycleId)));
    return row.n;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    marketing = await t.signIn('marketing');
    service = await t.signIn('service');
    const inserted = await t.database.db
      .insert(products)
      .values(
        [
          ['6901028001', '中华', '中华(硬)', 1, 45_000, 50_000],
          ['6901028002', '芙蓉王', '芙蓉王(硬)', 2, 22_000, 25_000],
          ['6901028003', '白沙', '白沙(精品)', 4, 10_000, 11_500],
          ['6901028004', '利群', '利群(新版)', 3, 13_500, 15_000],
        ].map(([code, brand, name, priceClass, wholesale, retail]) => ({
          tenantId: t.city.tenantId,
          code: code as string,
          brand: brand as string,
          name: name as string,
          priceClass: priceClass as number,
          wholesalePriceFen: wholesale as number,
          retailPriceFen: retail as number,
        })),
      )
      .returning({ id: products.id });
    [productIds.zhonghua, productIds.furong, productIds.baisha, productIds.mall] = inserted.map((row) => row.id);
    const stores = await t.database.db
      .select({ id: customers.id, licenceNo: customers.licenceNo, managerId: customers.managerId })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
      .orderBy(customers.id)
      .limit(3);
    [store, otherStore, burstStore] = stores;
    retailer = await retailerSignIn(store.licenceNo);
    otherRetailer = await retailerSignIn(otherStore.licenceNo);
  });
  afterAll(async () => t?.close());

  describe('a cycle from draft to published', () => {
    it('refuses a cycle that does not start on a Monday, and a manager creating one', async () => {
      const tuesday = await inject(marketing, 'POST', '/api/v1/supply/cycles', { weekStart: '2026-11-24' });
      expect(tuesday.statusCode).toBe(400);
      expect(tuesday.json().code).toBe('CYCLE_WEEK_INVALID');
      const manager = await t.signIn('manager01');
      const refused = await inject(manager, 'POST', '/api/v1/supply/cycles', { weekStart: '2026-11-30' });
      expect(refused.statusCode).toBe(403);
    });

    it('refuses a cap of cartons per line outside 1–10,000, and creates nothing', async () => {
      for (const lineCap of [0, 10_001, 2 ** 31, 2.5]) {
        const response = await inject(marketing, 'POST', '/api/v1/supply/cycles', {
          weekStart: '2026-11-30',
          lineCap,
        });
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const cycles = await inject(marketing, 'GET', '/api/v1/supply/cycles');
      expect(cycles.json().items.map((cycle: { weekStart: string }) => cycle.weekStart)).not.toContain('2026-11-30');
      // A cycle made without saying has the default cap: the demo's own.
      expect(cycles.json().items.map((cycle: { lineCap: number }) => cycle.lineCap)).toContain(500);
    });

    it('creates a cycle, open every day until Wednesday, with its own cap of cartons per line', async () => {
      // The demo city already has this week's cycle (2026-W48): this one is next week's, opened early.
      const created = await inject(marketing, 'POST', '/api/v1/supply/cycles', {
        weekStart: '2026-11-30',
        orderDayOnly: false,
        opensAt: '2026-11-23T00:00:00Z',
        closesAt: '2026-11-25T09:00:00Z',
        lineCap: 400,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: '2026-W49', status: 'draft', productCount: 0, lineCap: 400 });
      cycleId = created.json().id;
      const again = await inject(marketing, 'POST', '/api/v1/supply/cycles', { weekStart: '2026-11-30' });
      expect(again.json().code).toBe('CYCLE_EXISTS');
    });

    it('refuses a strategy with overlapping grades, naming them, and changes nothing', async () => {
      const response = await inject(marketing, 'PUT', `/api/v1/supply/cycles/${cycleId}/products`, {
        products: [
          {
            productId: productIds.zhonghua,
            supply: 100,
            strategy: {
              base: {
                kind: 'grade_table',
                table: [
                  { fromGrade: 1, toGrade: 12, qty: 1 },
                  { fromGrade: 10, toGrade: 30, qty: 2 },
                ],
              },
            },
          },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ALLOCATION_STRATEGY_INVALID');
      expect(response.json().detail).toContain('重叠');
      const detail = await inject(marketing, 'GET', `/api/v1/supply/cycles/${cycleId}`);
      expect(detail.json().products).toEqual([]);
    });

    it('sets supplies and strategies, previews without saving, then publishes once', async () => {
      const set = await inject(marketing, 'PUT', `/api/v1/supply/cycles/${cycleId}/products`, {
        products: [
          // 2 cartons for every store, and a supply too small for all of them (60 stores → 100)
          {
            productId: productIds.zhonghua,
            supply: 100,
            strategy: { base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 2 }] } },
          },
          { productId: productIds.furong, supply: null, strategy: { base: { kind: 'unlimited' } } },
          {
            productId: productIds.baisha,
            supply: 1_000,
            strategy: { base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 5 }] }, cap: 3 },
          },
          {
            productId: productIds.mall,
            supply: 50,
            strategy: {
              base: { kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty: 4 }] },
              eligibility: { formats: ['mall'] },
            },
          },
        ],
      });
      expect(set.statusCode).toBe(200);
      expect(set.json().products).toHaveLength(4);

      const preview = await inject(marketing, 'POST', `/api/v1/supply/cycles/${cycleId}/preview`);
      expect(preview.statusCode).toBe(200);
      const zhonghua = preview.json().products.find((p: { productId: number }) => p.productId === productIds.zhonghua);
      expect(zhonghua.allocated).toBeLessThanOrEqual(100);
      expect(zhonghua.scale).toBeLessThan(1);
      expect(await storeRow(store.id)).toBeUndefined();

      const published = await inject(marketing, 'POST', `/api/v1/supply/cycles/${cycleId}/publish`);
      expect(published.statusCode).toBe(200);
      expect(published.json().status).toBe('published');
      expect(published.json().totals.allocated).toBeLessThanOrEqual(published.json().totals.supply);
      const [{ stores }] = await t.database.db
        .select({ stores: count() })
        .from(storeQuotas)
        .where(eq(storeQuotas.cycleId, cycleId));
      const [{ active }] = await t.database.db
        .select({ active: count() })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')));
      expect(stores).toBe(active);

      const twice = await inject(marketing, 'POST', `/api/v1/supply/cycles/${cycleId}/publish`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('CYCLE_NOT_DRAFT');
      const edit = await inject(marketing, 'PUT', `/api/v1/supply/cycles/${cycleId}/products`, { products: [] });
      expect(edit.json().code).toBe('CYCLE_NOT_DRAFT');
    });

    it('explains a store’s quota', async () => {
      const response = await inject(marketing, 'GET', `/api/v1/supply/cycles/${cycleId}/quotas/${store.id}`);
      expect(response.statusCode).toBe(200);
      const baisha = response.json().items.find((item: { productId: number }) => item.productId === productIds.baisha);
      expect(baisha).toMatchObject({ quota: 3 });
      expect(baisha.explanation).toContain('限量 3');
    });
  });

  describe('ordering in the portal', () => {
    it('shows this cycle with quotas; unlimited products have no quota', async () => {
      const response = await inject(retailer, 'GET', '/api/v1/portal/cycle');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        cycleId,
        isOpen: true,
        lineCap: 400,
        window: { opensAt: '2026-11-23T00:00:00.000Z' },
      });
      const furong = body.items.find((item: CycleItem) => item.productId === productIds.furong);
      expect(furong).toMatchObject({ quota: null, remaining: null, wholesalePrice: 220 });
      const baisha = body.items.find((item: CycleItem) => item.productId === productIds.baisha);
      expect(baisha).toMatchObject({ quota: 3, ordered: 0, remaining: 3 });
    });

    it('places an order; the same Idempotency-Key returns the same order', async () => {
      const payload = {
        lines: [
          { productId: productIds.baisha, qty: 2 },
          { productId: productIds.furong, qty: 10 },
        ],
      };
      const headers = { 'idempotency-key': 'order-1' };
      const first = await inject(retailer, 'POST', '/api/v1/portal/orders', payload, headers);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        total: 2_400,
        lines: [{ qty: 2, unitPrice: 100, amount: 200 }, { qty: 10 }],
      });
      const again = await inject(retailer, 'POST', '/api/v1/portal/orders', payload, headers);
      expect(again.statusCode).toBe(201);
      expect(again.json().orderId).toBe(first.json().orderId);
      // The stored response is the first one, whole (the statement that created the order filled in its id).
      expect(again.json()).toEqual(first.json());
      expect(await orderCount(store.id)).toBe(1);
      const otherBody = await inject(
        retailer,
        'POST',
        '/api/v1/portal/orders',
        { lines: [{ productId: productIds.furong, qty: 1 }] },
        headers,
      );
      expect(otherBody.statusCode).toBe(422);
      expect(otherBody.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await storeRow(store.id)).ordered.filter((qty) => qty > 0)).toEqual([10, 2]);
    });

    it('records a placed order in the audit trail, in the statement that writes it', async () => {
      const [mine] = (await inject(retailer, 'GET', `/api/v1/portal/orders?cycleId=${cycleId}`)).json().items;
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(mine.orderId))));
      expect(entry).toMatchObject({
        action: 'place',
        actorName: expect.any(String),
        after: {
          customerId: store.id,
          cycleId,
          channel: 'online',
          lines: [
            { productId: productIds.baisha, qty: 2 },
            { productId: productIds.furong, qty: 10 },
          ],
          total: 2_400,
        },
      });
      expect(entry.actorId).not.toBeNull();
    });

    it('writes nothing when the store’s ordered quantities changed after the order was judged', async () => {
      const before = await storeRow(store.id);
      const audited = await t.database.db.select({ n: count() }).from(auditLog);
      const stale = before.ordered.map((qty, position) => (position === 2 ? qty - 1 : qty));
      const order = {
        tenantId: t.city.tenantId,
        cycleId,
        customerId: store.id,
        channel: 'online' as const,
        createdBy: null,
        now: new Date(),
      };
      const lines = [{ productId: productIds.baisha, qty: 1, unitPriceFen: 10_000 }];
      const written = await insertOrder(t.database.db, order, lines, {
        quota: { expected: stale, ordered: before.ordered.map((qty, position) => (position === 2 ? qty + 1 : qty)) },
      });
      expect(written).toBeUndefined();
      expect(await storeRow(store.id)).toEqual(before);
      expect(await orderCount(store.id)).toBe(1);
      expect(await t.database.db.select({ n: count() }).from(auditLog)).toEqual(audited);
      // Judged on the quantities as they are, the same write lands (rolled back here).
      let landed: number | undefined;
      await t.database.db
        .transaction(async (tx) => {
          landed = await insertOrder(tx, order, lines, {
            quota: {
              expected: before.ordered,
              ordered: before.ordered.map((qty, position) => (position === 2 ? qty + 1 : qty)),
            },
          });
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message.includes('Rollback'))) throw error;
        });
      expect(landed).toEqual(expect.any(Number));
      expect(await storeRow(store.id)).toEqual(before);
    });

    it('refuses a line over the remaining quota, names it, and writes nothing of the order', async () => {
      const before = await storeRow(store.id);
      const response = await inject(retailer, 'POST', '/api/v1/portal/orders', {
        lines: [
          { productId: productIds.furong, qty: 1 },
          { productId: productIds.baisha, qty: 2 },
        ],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'QUOTA_EXCEEDED',
        productId: productIds.baisha,
        requested: 2,
        remaining: 1,
      });
      expect(response.json().detail).toContain('白沙(精品)');
      expect(response.json().detail).toContain('剩余 1 条');
      expect(await storeRow(store.id)).toEqual(before);
      expect(await orderCount(store.id)).toBe(1);
    });

    it.each([
      ['an empty order', { lines: [] }, 400, 'ORDER_EMPTY'],
      ['zero cartons', { lines: [{ productId: 1, qty: 0 }] }, 400, 'ORDER_QTY_INVALID'],
      ['half a carton', { lines: [{ productId: 1, qty: 0.5 }] }, 400, 'ORDER_QTY_INVALID'],
      [
        'one product twice',
        {
          lines: [
            { productId: 1, qty: 1 },
            { productId: 1, qty: 1 },
          ],
        },
        400,
        'ORDER_LINE_DUPLICATE',
      ],
      [
        '201 lines',
        { lines: Array.from({ length: 201 }, (_, index) => ({ productId: index + 1, qty: 1 })) },
        400,
        'ORDER_TOO_MANY_LINES',
      ],
      ['a product not in the cycle', { lines: [{ productId: 999_999, qty: 1 }] }, 409, 'PRODUCT_NOT_IN_CYCLE'],
      ['no lines at all', {}, 400, 'VALIDATION_FAILED'],
    ])('refuses %s', async (_, payload, status, code) => {
      const before = await orderCount(store.id);
      const response = await inject(retailer, 'POST', '/api/v1/portal/orders', payload);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(await orderCount(store.id)).toBe(before);
    });

    // An unlimited product has no quota to stop a line: the cycle's cap of cartons per line does.
    it.each([
      ['one carton above the cycle’s cap', 401],
      ['the largest 32-bit integer', 2_147_483_647],
      ['2³¹', 2 ** 31],
      ['2⁵³ − 1', Number.MAX_SAFE_INTEGER],
    ])('refuses a line of an unlimited product of %s, and writes nothing', async (_, qty) => {
      const before = await storeRow(store.id);
      const orders = await orderCount(store.id);
      const response = await inject(retailer, 'POST', '/api/v1/portal/orders', {
        lines: [
          { productId: productIds.baisha, qty: 1 },
          { productId: productIds.furong, qty },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'ORDER_LINE_ABOVE_CAP',
        productId: productIds.furong,
        qty,
        cap: 400,
      });
      expect(response.json().detail).toBe(`“芙蓉王(硬)”每单最多订 400 条（本次 ${qty} 条）。`);
      expect(await storeRow(store.id)).toEqual(before);
      expect(await orderCount(store.id)).toBe(orders);
    });

    it('says so in English too', async () => {
      const response = await inject(
        retailer,
        'POST',
        '/api/v1/portal/orders',
        { lines: [{ productId: productIds.furong, qty: 2_147_483_647 }] },
        { 'accept-language': 'en' },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toBe(
        '"芙蓉王(硬)": an order holds at most 400 cartons of one product (got 2147483647).',
      );
    });

    it('takes a line at the cap, and the store’s next orders of the product still go through', async () => {
      const before = await storeRow(store.id);
      const atCap = await inject(retailer, 'POST', '/api/v1/portal/orders', {
        lines: [{ productId: productIds.furong, qty: 400 }],
      });
      expect(atCap.statusCode).toBe(201);
      const next = await inject(retailer, 'POST', '/api/v1/portal/orders', {
        lines: [{ productId: productIds.furong, qty: 1 }],
      });
      expect(next.statusCode).toBe(201);
      expect((await storeRow(store.id)).ordered[1]).toBe(before.ordered[1] + 401);
      // Withdrawn again, so the reports below sum the orders they name.
      for (const response of [atCap, next]) {
        const cancelled = await inject(retailer, 'DELETE', `/api/v1/portal/orders/${response.json().orderId}`);
        expect(cancelled.statusCode).toBe(204);
      }
      expect(await storeRow(store.id)).toEqual(before);
    });

    it('refuses a change that puts a line above the cap, and leaves the order as it was', async () => {
      const [mine] = (await inject(retailer, 'GET', `/api/v1/portal/orders?cycleId=${cycleId}`))
        .json()
        .items.filter((order: { status: string }) => order.status === 'submitted');
      const before = await storeRow(store.id);
      for (const qty of [401, 2_147_483_647, 2 ** 31]) {
        const response = await inject(retailer, 'PUT', `/api/v1/portal/orders/${mine.orderId}`, {
          lines: [
            { productId: productIds.baisha, qty: 2 },
            { productId: productIds.furong, qty },
          ],
        });
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'ORDER_LINE_ABOVE_CAP', qty, cap: 400 });
      }
      expect(await storeRow(store.id)).toEqual(before);
      const [after] = (await inject(retailer, 'GET', `/api/v1/portal/orders?cycleId=${cycleId}`))
        .json()
        .items.filter((order: { orderId: number }) => order.orderId === mine.orderId);
      expect(after.lines.map((line: { qty: number }) => line.qty)).toEqual(
        mine.lines.map((line: { qty: number }) => line.qty),
      );
    });

    it('refuses a product the store is not eligible for (quota 0)', async () => {
      // The mall-only product: the store is not a mall, so its quota for it is 0.
      const [{ format }] = await t.database.db
        .select({ format: customers.format })
        .from(customers)
        .where(eq(customers.id, store.id));
      expect(format).not.toBe('mall');
      const before = await storeRow(store.id);
      expect(before.quotas[3]).toBe(0);
      const response = await inject(retailer, 'POST', '/api/v1/portal/orders', {
        lines: [{ productId: productIds.mall, qty: 1 }],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'QUOTA_EXCEEDED', productId: productIds.mall, remaining: 0 });
      expect(await storeRow(store.id)).toEqual(before);
    });

    it('lets the store change and cancel its order; another store cannot see it', async () => {
      const [mine] = (await inject(retailer, 'GET', `/api/v1/portal/orders?cycleId=${cycleId}`))
        .json()
        .items.filter((order: { status: string }) => order.status === 'submitted');
      expect(mine.lines).toHaveLength(2);
      const changed = await inject(retailer, 'PUT', `/api/v1/portal/orders/${mine.orderId}`, {
        lines: [
          { productId: productIds.baisha, qty: 3 },
          { productId: productIds.zhonghua, qty: 1 },
        ],
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().total).toBe(750);
      const row = await storeRow(store.id);
      expect(row.ordered).toEqual([1, 0, 3, 0]);
      const tooMuch = await inject(retailer, 'PUT', `/api/v1/portal/orders/${mine.orderId}`, {
        lines: [{ productId: productIds.baisha, qty: 4 }],
      });
      expect(tooMuch.json().code).toBe('QUOTA_EXCEEDED');
      const theirs = (await inject(otherRetailer, 'GET', '/api/v1/portal/orders')).json().items;
      expect(theirs.map((order: { customerId: number }) => order.customerId)).not.toContain(store.id);
      const notTheirs = await inject(otherRetailer, 'DELETE', `/api/v1/portal/orders/${mine.orderId}`);
      expect(notTheirs.statusCode).toBe(404);
      const cancelled = await inject(retailer, 'DELETE', `/api/v1/portal/orders/${mine.orderId}`);
      expect(cancelled.statusCode).toBe(204);
      expect((await storeRow(store.id)).ordered).toEqual([0, 0, 0, 0]);
      const twice = await inject(retailer, 'DELETE', `/api/v1/portal/orders/${mine.orderId}`);
      expect(twice.json().code).toBe('ORDER_CANCELLED');
    });

    it('orders a store’s whole quota of a limited product, and not one carton more', async () => {
      expect((await storeRow(otherStore.id)).ordered[2]).toBe(0);
      for (const _ of [1, 2, 3]) {
        const response = await inject(otherRetailer, 'POST', '/api/v1/portal/orders', {
          lines: [{ productId: productIds.baisha, qty: 1 }],
        });
        expect(response.statusCode).toBe(201);
      }
      const fourth = await inject(otherRetailer, 'POST', '/api/v1/portal/orders', {
        lines: [{ productId: productIds.baisha, qty: 1 }],
      });
      expect(fourth.statusCode).toBe(409);
      expect(fourth.json()).toMatchObject({ code: 'QUOTA_EXCEEDED', remaining: 0 });
      expect((await storeRow(otherStore.id)).ordered[2]).toBe(3);
    });

    // Only PostgreSQL proves this. PGlite is one connection that runs one statement at a time, so
    // 200 "parallel" submissions reach it one after another and none ever finds the quota row
    // changed under it: the test passes there even with the compare-and-set of the order insert
    // (and the row lock behind it) removed. `npm test` says when it did not run.
    it.skipIf(kind === 'pglite')('never oversells: 200 parallel submissions against a quota of 3', async () => {
      const burstRetailer = await retailerSignIn(burstStore.licenceNo);
      const before = await storeRow(burstStore.id);
      expect(before.quotas[2]).toBe(3);
      expect(before.ordered[2]).toBe(0);
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          inject(
            burstRetailer,
            'POST',
            '/api/v1/portal/orders',
            { lines: [{ productId: productIds.baisha, qty: 1 }] },
            { 'idempotency-key': `burst-${index}` },
          ),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 201)).toHaveLength(3);
      expect(statuses.filter((status) => status === 409)).toHaveLength(197);
      expect((await storeRow(burstStore.id)).ordered[2]).toBe(3);
      const [{ qty }] = await t.database.db
        .select({ qty: sql<number>`coalesce(sum(${orderLines.qty}), 0)::int` })
        .from(orderLines)
        .innerJoin(orders, and(eq(orders.tenantId, orderLines.tenantId), eq(orders.id, orderLines.orderId)))
        .where(
          and(
            eq(orders.customerId, burstStore.id),
            eq(orders.status, 'submitted'),
            eq(orderLines.productId, productIds.baisha),
          ),
        );
      expect(qty).toBe(3);
      // Withdrawn again, so the reports below count only the stores they name.
      for (const response of responses.filter((response) => response.statusCode === 201)) {
        const cancelled = await inject(burstRetailer, 'DELETE', `/api/v1/portal/orders/${response.json().orderId}`);
        expect(cancelled.statusCode).toBe(204);
      }
      expect(await storeRow(burstStore.id)).toEqual(before);
    });

    it('answers a burst of retries of one submission with one order', async () => {
      const before = await orderCount(otherStore.id);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          inject(
            otherRetailer,
            'POST',
            '/api/v1/portal/orders',
            { lines: [{ productId: productIds.furong, qty: 2 }] },
            { 'idempotency-key': 'retry-storm' },
          ),
        ),
      );
      expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.json().orderId)).size).toBe(1);
      expect(await orderCount(otherStore.id)).toBe(before + 1);
    });
  });

  describe('phone orders and reports', () => {
    it('lets the service centre enter a phone order; a manager may not', async () => {
      const response = await inject(
        service,
        'POST',
        '/api/v1/supply/orders',
        { customerId: store.id, lines: [{ productId: productIds.furong, qty: 5 }] },
        { 'idempotency-key': 'phone-1' },
      );
      expect(response.statusCode).toBe(201);
      const [order] = await t.database.db.select().from(orders).where(eq(orders.id, response.json().orderId));
      expect(order.channel).toBe('phone');
      const manager = await t.signIn('manager01');
      const refused = await inject(manager, 'POST', '/api/v1/supply/orders', {
        customerId: store.id,
        lines: [{ productId: productIds.furong, qty: 5 }],
      });
      expect(refused.statusCode).toBe(403);
    });

    it.each([
      ['one carton above the cycle’s cap', 401],
      ['the largest 32-bit integer', 2_147_483_647],
      ['2³¹', 2 ** 31],
    ])('refuses a phone order line of %s, and writes nothing', async (_, qty) => {
      const before = await storeRow(store.id);
      const orders = await orderCount(store.id);
      const response = await inject(service, 'POST', '/api/v1/supply/orders', {
        customerId: store.id,
        lines: [{ productId: productIds.furong, qty }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'ORDER_LINE_ABOVE_CAP',
        productId: productIds.furong,
        qty,
        cap: 400,
      });
      expect(await storeRow(store.id)).toEqual(before);
      expect(await orderCount(store.id)).toBe(orders);
    });

    it('sums demand per product and exports it', async () => {
      const response = await inject(marketing, 'GET', `/api/v1/supply/cycles/${cycleId}/demand`);
      expect(response.statusCode).toBe(200);
      const baisha = response.json().items.find((item: { productId: number }) => item.productId === productIds.baisha);
      expect(baisha).toMatchObject({ ordered: 3, storesOrdered: 1, storesAtCap: 1, supply: 1_000 });
      const furong = response.json().items.find((item: { productId: number }) => item.productId === productIds.furong);
      expect(furong).toMatchObject({ quotaTotal: null, ordered: 7 });
      const file = await inject(marketing, 'GET', `/api/v1/supply/cycles/${cycleId}/demand/export`);
      expect(file.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(1).value).toBe('商品编码');
      expect(sheet.rowCount).toBe(5);
    });

    it('gives the online-ordering rate per branch by stores and by volume', async () => {
      const response = await inject(marketing, 'GET', `/api/v1/supply/cycles/${cycleId}/online-rate`);
      expect(response.statusCode).toBe(200);
      const { total } = response.json();
      // store: phone 5 (its online order was cancelled); other store: online 3 + 2
      expect(total).toMatchObject({
        storesOrdered: 2,
        storesOnline: 1,
        storeRate: 0.5,
        qty: 10,
        qtyOnline: 5,
        volumeRate: 0.5,
      });
    });

    it('keeps a manager to their own stores', async () => {
      const stranger = t.city.managers.find((manager) => manager.id !== store.managerId);
      if (!stranger) throw new Error('need a second manager');
      const cookie = await t.signIn(stranger.username);
      const quotas = await inject(cookie, 'GET', `/api/v1/supply/cycles/${cycleId}/quotas/${store.id}`);
      expect(quotas.statusCode).toBe(404);
      const demand = await inject(cookie, 'GET', `/api/v1/supply/cycles/${cycleId}/online-rate`);
      expect(demand.json().total.qty).toBeLessThan(10);
    });

    it('closes the window at the cutoff', async () => {
      t.clock.now = new Date('2026-11-25T09:00:00Z');
      try {
        const retailer = await retailerSignIn(store.licenceNo);
        const response = await inject(retailer, 'POST', '/api/v1/portal/orders', {
          lines: [{ productId: productIds.furong, qty: 1 }],
        });
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe('ORDER_WINDOW_CLOSED');
        expect(response.json().detail).toContain('2026-11-25 17:00');
        const cycle = await inject(retailer, 'GET', '/api/v1/portal/cycle');
        expect(cycle.json().isOpen).toBe(false);
      } finally {
        t.clock.now = new Date('2026-11-23T02:00:00Z');
      }
    });
  });

  describe('grades', () => {
    it('computes grades from the last 13 weeks, publishes the newest run once, and keeps history', async () => {
      // Two weeks ago: the first store bought much more than the second.
      const past = await insertCycle(t.database.db, {
        tenantId: t.city.tenantId,
        code: '2026-W46',
        weekStart: '2026-11-09',
        opensAt: new Date('2026-11-08T16:00:00Z'),
        closesAt: new Date('2026-11-15T16:00:00Z'),
        orderDayOnly: true,
        dailyCutoff: '17:00',
        status: 'closed',
        createdAt: new Date('2026-11-01T00:00:00Z'),
      });
      const order = (customerId: number, qty: number) =>
        insertOrder(
          t.database.db,
          {
            tenantId: t.city.tenantId,
            cycleId: past.id,
            customerId,
            channel: 'online',
            createdBy: null,
            now: new Date('2026-11-10T02:00:00Z'),
          },
          [{ productId: productIds.zhonghua, qty, unitPriceFen: 45_000 }],
        );
      // Enough that the first store bought more of both over the 13 weeks, whatever its demo history.
      await order(store.id, 200);
      await order(otherStore.id, 4);
      const weights = await inject(marketing, 'POST', '/api/v1/supply/grade-runs', {
        weights: { amount: 60, quantity: 30 },
      });
      expect(weights.statusCode).toBe(400);
      expect(weights.json().code).toBe('GRADE_WEIGHTS_INVALID');

      const first = await inject(marketing, 'POST', '/api/v1/supply/grade-runs', {
        weights: { amount: 70, quantity: 30 },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ periodFrom: '2026-08-24', periodTo: '2026-11-22', status: 'draft' });
      const second = await inject(marketing, 'POST', '/api/v1/supply/grade-runs', {
        weights: { amount: 50, quantity: 50 },
      });
      const stale = await inject(marketing, 'POST', `/api/v1/supply/grade-runs/${first.json().id}/publish`);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('GRADE_RUN_NOT_LATEST');
      const published = await inject(marketing, 'POST', `/api/v1/supply/grade-runs/${second.json().id}/publish`);
      expect(published.json().status).toBe('published');
      const again = await inject(marketing, 'POST', `/api/v1/supply/grade-runs/${second.json().id}/publish`);
      expect(again.json().code).toBe('GRADE_RUN_NOT_DRAFT');

      const detail = await inject(marketing, 'GET', `/api/v1/supply/grade-runs/${second.json().id}`);
      const distribution: Array<{ grade: number; count: number }> = detail.json().distribution;
      expect(distribution).toHaveLength(30);
      expect(distribution.reduce((sum, row) => sum + row.count, 0)).toBe(second.json().storeCount);

      const history = await inject(marketing, 'GET', `/api/v1/customers/${store.id}/grades`);
      const other = await inject(marketing, 'GET', `/api/v1/customers/${otherStore.id}/grades`);
      // The demo's own three runs (weeks 40 and 44, then this week's) came from its 13 weeks of
      // history; this one is the newest, the demo's latest next to it.
      expect(history.json().items).toHaveLength(4);
      const [newest, demoRun] = history.json().items;
      expect(newest.runId).toBe(second.json().id);
      // The week added to the history is in the new run's purchases: 200 cartons at 450 yuan.
      expect(newest.amount - demoRun.amount).toBe(90_000);
      expect(newest.quantity - demoRun.quantity).toBe(200);
      // A store that bought more of both gets a grade at least as high.
      const [theirs] = other.json().items;
      expect(newest.amount).toBeGreaterThan(theirs.amount);
      expect(newest.quantity).toBeGreaterThan(theirs.quantity);
      expect(newest.grade).toBeGreaterThanOrEqual(theirs.grade);
    });
  });

  describe('quota rows', () => {
    it('are written batch by batch exactly as computed: quotas, grade, class and last 4 weeks', async () => {
      // The demo's published cycle, rewritten in batches of 7 inside a transaction that is rolled back.
      const [demoCycle] = await t.database.db
        .select({ id: orderCycles.id })
        .from(orderCycles)
        .where(and(eq(orderCycles.tenantId, t.city.tenantId), eq(orderCycles.status, 'published')))
        .orderBy(orderCycles.id)
        .limit(1);
      const read = (executor: Pick<typeof t.database.db, 'select'>) =>
        executor
          .select()
          .from(storeQuotas)
          .where(and(eq(storeQuotas.tenantId, t.city.tenantId), eq(storeQuotas.cycleId, demoCycle.id)))
          .orderBy(storeQuotas.customerId);
      const before = await read(t.database.db);
      expect(before.length).toBeGreaterThan(20);
      expect(before.some((row) => row.recent !== null)).toBe(true);
      const width = before[0].quotas.length;
      const rollback = new Error('rollback');
      await expect(
        t.database.db.transaction(async (tx) => {
          await tx
            .delete(storeQuotas)
            .where(and(eq(storeQuotas.tenantId, t.city.tenantId), eq(storeQuotas.cycleId, demoCycle.id)));
          // Numbers of every length and sign survive the byte-written literal.
          const expected = before.map((row, index) =>
            index < 3 ? { ...row, quotas: [[1_234_567, -1, 100][index], ...row.quotas.slice(1)] } : row,
          );
          const columns = {
            customerIds: before.map((row) => row.customerId),
            grades: before.map((row) => row.grade),
            customerClasses: before.map((row) => row.customerClass),
            creditLevels: before.map((row) => row.creditLevel),
            quotas: Array.from({ length: width }, (_, position) => expected.map((row) => row.quotas[position])),
            recent: (storeIndex: number) => before[storeIndex].recent,
          };
          await insertStoreQuotas(tx, t.city.tenantId, demoCycle.id, columns, 7);
          const after = await read(tx);
          expect(after.map((row) => ({ ...row, ordered: [] }))).toEqual(
            expected.map((row) => ({ ...row, ordered: [] })),
          );
          expect(after.every((row) => row.ordered.length === width && row.ordered.every((qty) => qty === 0))).toBe(
            true,
          );
          throw rollback;
        }),
      ).rejects.toBe(rollback);
    });
  });
});
