import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { csvOf, multipart, xlsxOf } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { orderingMeasuresSql, settlementEventsSql } from './credit-facts.ts';
import { settlementSheetColumns } from './settlement.rules.ts';
import { markSettlementOnTimeIn } from './settlements.service.ts';
import { orders } from './supply.schema.ts';

// 结算 per order: set by the service centre (PUT /orders/:id/settlement) or imported from the
// settlement system's file (POST /orders/settlements/import), all or nothing; and what credit reads.
describe.each(testDatabaseKinds)('order settlements on %s', (kind) => {
  let t: TestApp;
  let service: string;
  let admin: string;
  let marketing: string;
  let manager: string;
  let mine: number[];
  const headers = settlementSheetColumns.map((column) => column.header);

  const put = (cookie: string, id: number, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/orders/${id}/settlement`, headers: { cookie }, payload });
  const upload = async (cookie: string, rows: Record<string, string | number>[], asCsv = false) => {
    const body = multipart(
      asCsv ? 'settlements.csv' : 'settlements.xlsx',
      asCsv ? csvOf(rows, headers) : await xlsxOf(rows, headers, '结算'),
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/orders/settlements/import',
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  };
  const settlementOf = async (id: number) => {
    const [row] = await t.database.db
      .select({ status: orders.settlementStatus, lateDays: orders.settlementLateDays, source: orders.settlementSource })
      .from(orders)
      .where(eq(orders.id, id));
    return row;
  };
  const settled = async () => {
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(sql`${orders.settlementStatus} IS NOT NULL`);
    return row.n;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    [service, admin, marketing] = await Promise.all([t.signIn('service'), t.signIn('admin'), t.signIn('marketing')]);
    const [first] = t.city.managers;
    manager = await t.signIn(first.username);
    const ofManager = (managerId: number) =>
      t.database.db
        .select({ id: orders.id })
        .from(orders)
        .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
        .where(and(eq(customers.managerId, managerId), eq(orders.status, 'submitted')))
        .orderBy(asc(orders.id))
        .limit(6);
    mine = (await ofManager(first.id)).map((row) => row.id);
    expect(mine).toHaveLength(6);
    // Whatever the demo settled of these, they start unsettled here.
    await t.database.db
      .update(orders)
      .set({ settlementStatus: null, settlementLateDays: null, settlementSource: null })
      .where(inArray(orders.id, mine));
  }, 240_000);
  afterAll(async () => t?.close());

  it('lets the service centre set an order late by 3 days, shows it on the order and audits it', async () => {
    const response = await put(service, mine[0], { status: 'late', lateDays: 3 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ orderId: mine[0], status: 'late', lateDays: 3, source: 'entered' });
    expect(await settlementOf(mine[0])).toEqual({ status: 'late', lateDays: 3, source: 'entered' });
    const [audit] = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(mine[0]))));
    expect(audit.action).toBe('settle');
    const list = await t.app.inject({ url: `/api/v1/supply/orders?limit=500`, headers: { cookie: manager } });
    const item = list.json().items.find((order: { orderId: number }) => order.orderId === mine[0]);
    expect(item?.settlement).toEqual({ status: 'late', lateDays: 3, source: 'entered' });
  });

  it.each([
    ['a bad status', { status: 'paid' }, 400],
    ['late without days', { status: 'late' }, 422],
    ['days on an on-time settlement', { status: 'on_time', lateDays: 2 }, 422],
    ['an unknown field', { status: 'failed', note: 'x' }, 400],
  ])('refuses %s and writes nothing', async (_, payload, status) => {
    const before = await settled();
    const response = await put(admin, mine[1], payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(await settled()).toBe(before);
  });

  it('refuses roles that may not settle (403) and orders outside the scope or cancelled (404/409)', async () => {
    expect((await put(marketing, mine[1], { status: 'on_time' })).statusCode).toBe(403);
    expect((await put(manager, mine[1], { status: 'on_time' })).statusCode).toBe(403);
    expect((await put(service, 999_999_999, { status: 'on_time' })).statusCode).toBe(404);
    const [cancelled] = await t.database.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.status, 'cancelled'))
      .limit(1);
    if (cancelled) expect((await put(service, cancelled.id, { status: 'on_time' })).statusCode).toBe(409);
    expect(await settlementOf(mine[1])).toMatchObject({ status: null });
  });

  it('imports a file all or nothing: an unknown order and a repeated one → 422 with the rows, nothing written', async () => {
    const before = await settled();
    const response = await upload(service, [
      { 订单号: mine[1], 结算状态: '按时' },
      { 订单号: 999_999_999, 结算状态: '按时' },
      { 订单号: mine[2], 结算状态: '逾期' },
      { 订单号: mine[1], 结算状态: '扣款失败' },
    ]);
    expect(response.statusCode, response.body).toBe(422);
    const body = response.json();
    expect(body.code).toBe('SETTLEMENT_IMPORT_ROWS_INVALID');
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 3, column: '订单号', value: '999999999' }),
      expect.objectContaining({ row: 4, column: '逾期天数' }),
      expect.objectContaining({ row: 5, column: '订单号', value: String(mine[1]) }),
    ]);
    expect(await settled()).toBe(before);
  });

  it('imports a good file (xlsx and csv) and counts the changed orders; other roles: 403', async () => {
    const response = await upload(service, [
      { 订单号: mine[1], 结算状态: '按时' },
      { 订单号: mine[2], 结算状态: '逾期', 逾期天数: 5 },
      { 订单号: mine[3], 结算状态: '扣款失败' },
      { 订单号: mine[0], 结算状态: 'late', 逾期天数: 3 },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rows: 4, updated: 3, unchanged: 1, keptByAppeal: 0 });
    expect(await settlementOf(mine[2])).toEqual({ status: 'late', lateDays: 5, source: 'imported' });
    const csv = await upload(admin, [{ 订单号: mine[4], 结算状态: '按时' }], true);
    expect(csv.statusCode, csv.body).toBe(200);
    expect((await upload(marketing, [{ 订单号: mine[5], 结算状态: '按时' }])).statusCode).toBe(403);
  });

  it('keeps an order an accepted credit appeal set on time when the settlement file says late again', async () => {
    const appealed = mine[5];
    await put(service, appealed, { status: 'late', lateDays: 4 });
    await t.database.db.transaction((tx) =>
      markSettlementOnTimeIn(tx, systemActor(t.city.tenantId), appealed, new Date(), 7),
    );
    expect(await settlementOf(appealed)).toEqual({ status: 'on_time', lateDays: null, source: 'appeal' });
    const response = await upload(service, [
      { 订单号: appealed, 结算状态: '逾期', 逾期天数: 4 },
      { 订单号: mine[4], 结算状态: '扣款失败' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, keptByAppeal: 1 });
    expect(await settlementOf(appealed)).toEqual({ status: 'on_time', lateDays: null, source: 'appeal' });
    expect(await settlementOf(mine[4])).toMatchObject({ status: 'failed', source: 'imported' });
  });

  it('gives credit one event per settled order and the ordering measures per store', async () => {
    const window = { from: '2000-01-01', to: '2100-12-31' };
    const events = (await t.database.db.execute(settlementEventsSql(t.city.tenantId, window))) as unknown as {
      rows: { customer_id: number; kind: string; type: string; source_id: string; at: unknown }[];
    };
    const byOrder = new Map(events.rows.map((row) => [row.source_id, row]));
    expect(byOrder.get(String(mine[2]))).toMatchObject({ kind: 'order', type: 'late' });
    expect(byOrder.get(String(mine[3]))).toMatchObject({ kind: 'order', type: 'failed' });
    expect(byOrder.get(String(mine[1]))).toMatchObject({ kind: 'order', type: 'on_time' });
    expect(events.rows.length).toBe(await settled());
    const measures = (await t.database.db.execute(orderingMeasuresSql(t.city.tenantId, window))) as unknown as {
      rows: { customer_id: number; key: string; value: number }[];
    };
    const byStore = Map.groupBy(measures.rows, (row) => row.customer_id);
    expect(byStore.size).toBeGreaterThan(10);
    for (const rows of byStore.values()) {
      const value = (key: string) => rows.find((row) => row.key === key)?.value;
      if (value('cycles_open') === undefined) continue;
      expect(Number(value('cycles_ordered'))).toBeLessThanOrEqual(Number(value('cycles_open')));
      expect(Number(value('order_streak'))).toBeLessThanOrEqual(Number(value('cycles_ordered')));
      expect(Number(value('days_since_purchase'))).toBeGreaterThanOrEqual(0);
    }
    expect(measures.rows.some((row) => row.key === 'tenure_months')).toBe(true);
    // Nothing of another city company.
    const [otherStores] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(
        and(
          ne(customers.tenantId, t.city.tenantId),
          sql`${customers.id} = ANY(${`{${[...byStore.keys()].join(',')}}`}::int[])`,
        ),
      );
    expect(otherStores.n).toBe(0);
  });
});
