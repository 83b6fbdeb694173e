import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { addDays } from '../../platform/time/weeks.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { dropFoldIn, foldAllProgrammes } from './brand-facts.ts';
import {
  computeBrandKpis,
  type KpiCounts,
  kpiCountKeys,
  type ProductWeekRow,
  type StockCountRow,
} from './brand-kpis.rules.ts';

// 品牌培育 through the HTTP API on the demo city (13 weeks of orders, visits with stock counts):
// programmes and their checks, the KPIs against a recomputation from the orders themselves, an order
// moving 上柜率 at once, a manager's scope, the xlsx export, the worklist and its visit planning.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const countsOf = (row: Record<string, unknown>) =>
  Object.fromEntries(kpiCountKeys.map((key) => [key, row[key]])) as KpiCounts;

describe.each(testDatabaseKinds)('brand programmes on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let managerCookie: string;
  let managerId: number;
  let service: string;
  let productIds: number[];
  let programmeId: number;
  const startDate = '2026-09-01';
  const endDate = '2026-12-31';
  const today = '2026-11-23';

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const programmeCount = async () =>
    Number((await read<{ n: number }>(sql`SELECT count(*)::int AS n FROM brand_programmes`))[0].n);

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    marketing = await t.signIn('marketing');
    service = await t.signIn('service');
    const manager = t.city.managers[0];
    managerId = manager.id;
    managerCookie = await t.signIn(manager.username);
    // The products most often counted on visits, so that both ways of 上柜率 have something to read.
    const products = await read<{ product_id: number }>(sql`
      SELECT product_id FROM visit_stock_counts WHERE tenant_id = ${tenantId}
      GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 4`);
    productIds = products.map((row) => Number(row.product_id));
    expect(productIds.length).toBeGreaterThan(1);
  }, 240_000);
  afterAll(async () => t?.close());

  const newProgramme = (overrides: Record<string, unknown> = {}) => ({
    name: '七匹狼(通系列) 培育',
    productIds,
    startDate,
    endDate,
    goals: { shelvingRate: 0.8, sellThroughRate: 0.6, stockToSales: { min: 0.5, max: 1.5 } },
    actions: [{ kind: 'classroom', title: '品牌课堂：卖点培训', date: '2026-11-25' }],
    ...overrides,
  });

  describe('programmes', () => {
    it('creates a draft for every store, activates it, edits it while active', async () => {
      const created = await inject(marketing, 'POST', '/api/v1/brand-programmes', newProgramme());
      expect(created.statusCode, created.body).toBe(201);
      const body = created.json();
      programmeId = body.id;
      const [{ active }] = await read<{ active: number }>(
        sql`SELECT count(*)::int AS active FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
      );
      expect(body).toMatchObject({
        status: 'draft',
        productIds,
        segment: null,
        customerIds: null,
        targetStores: active,
      });
      expect(body.products).toHaveLength(productIds.length);
      expect(body.ownerName).not.toBe('');

      const activated = await inject(marketing, 'POST', `/api/v1/brand-programmes/${programmeId}/activate`);
      expect(activated.statusCode).toBe(200);
      expect(activated.json().status).toBe('active');
      const again = await inject(marketing, 'POST', `/api/v1/brand-programmes/${programmeId}/activate`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('BRAND_PROGRAMME_STATE');

      const edited = await inject(marketing, 'PATCH', `/api/v1/brand-programmes/${programmeId}`, {
        description: '示范、成长客户先行',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ description: '示范、成长客户先行', status: 'active' });

      const list = await inject(managerCookie, 'GET', '/api/v1/brand-programmes?status=active');
      expect(list.json().items.map((item: { id: number }) => item.id)).toContain(programmeId);
      const listed = list.json().items.find((item: { id: number }) => item.id === programmeId);
      expect(listed.products.map((product: { id: number }) => product.id)).toEqual(productIds);
      const audit = await read<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE entity = 'brand_programme' AND entity_id = ${String(programmeId)} ORDER BY id`,
      );
      expect(audit.map((row) => row.action)).toEqual(['create', 'activate', 'update']);
    });

    it('targets a segment, and closes; a closed programme is not edited', async () => {
      const created = await inject(
        marketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({ name: '新品 便利店', segment: { formats: ['convenience'], urbanRural: ['urban', 'rural'] } }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const [{ n }] = await read<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' AND format = 'convenience'`);
      expect(created.json().targetStores).toBe(n);
      expect((await inject(marketing, 'POST', `/api/v1/brand-programmes/${id}/close`)).statusCode).toBe(409);
      await inject(marketing, 'POST', `/api/v1/brand-programmes/${id}/activate`);
      const closed = await inject(marketing, 'POST', `/api/v1/brand-programmes/${id}/close`);
      expect(closed.json().status).toBe('closed');
      const edit = await inject(marketing, 'PATCH', `/api/v1/brand-programmes/${id}`, { name: '改名' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('BRAND_PROGRAMME_CLOSED');
    });

    it.each([
      ['end before start', { startDate: '2026-12-01', endDate: '2026-11-01' }, 400, 'BRAND_PERIOD_INVALID'],
      ['no products', { productIds: [] }, 400, 'BRAND_PRODUCTS_REQUIRED'],
      ['an unknown product', { productIds: [2_000_000_000] }, 400, 'BRAND_PRODUCT_UNKNOWN'],
      ['a segment matching no store', { segment: { branchIds: [2_000_000_000] } }, 400, 'BRAND_SEGMENT_EMPTY'],
      ['a segment that is not one', { segment: { gradeMin: 9, gradeMax: 3 } }, 400, 'BRAND_SEGMENT_INVALID'],
      ['a goal above 100 %', { goals: { shelvingRate: 1.2 } }, 400, 'BRAND_GOAL_INVALID'],
      ['a band with min > max', { goals: { stockToSales: { min: 2, max: 1 } } }, 400, 'BRAND_GOAL_INVALID'],
      ['an unknown store', { customerIds: [2_000_000_000] }, 400, 'BRAND_CUSTOMER_UNKNOWN'],
      ['a segment and a list', { segment: { formats: ['mall'] }, customerIds: [1] }, 400, 'BRAND_TARGET_AMBIGUOUS'],
      [
        'an unknown service item',
        { actions: [{ kind: 'service', title: 'x', serviceItemId: 2_000_000_000 }] },
        400,
        'BRAND_SERVICE_ITEM_UNKNOWN',
      ],
    ])('refuses %s and writes nothing', async (_what, overrides, status, code) => {
      const before = await programmeCount();
      const response = await inject(marketing, 'POST', '/api/v1/brand-programmes', newProgramme(overrides));
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(await programmeCount()).toBe(before);
    });

    it("refuses a branch's marketer targeting another branch's stores", async () => {
      const [own, other] = t.city.branches;
      await addStaff(t, { username: 'brand-branch-marketing', role: 'marketing', orgUnitId: own.id });
      const branchMarketing = await t.signIn('brand-branch-marketing');
      const [foreign] = await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${other.id} AND status = 'active' LIMIT 1`,
      );
      const before = await programmeCount();
      const byList = await inject(
        branchMarketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({ customerIds: [foreign.id] }),
      );
      expect(byList.json().code).toBe('BRAND_CUSTOMER_UNKNOWN');
      const bySegment = await inject(
        branchMarketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({ segment: { branchIds: [other.id] } }),
      );
      expect(bySegment.json().code).toBe('BRAND_SEGMENT_EMPTY');
      expect(await programmeCount()).toBe(before);
      const own_ = await inject(
        branchMarketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({ segment: { branchIds: [own.id] } }),
      );
      expect(own_.statusCode, own_.body).toBe(201);
    });

    it('refuses a manager creating or editing one', async () => {
      const before = await programmeCount();
      expect((await inject(managerCookie, 'POST', '/api/v1/brand-programmes', newProgramme())).statusCode).toBe(403);
      expect(
        (await inject(managerCookie, 'PATCH', `/api/v1/brand-programmes/${programmeId}`, { name: 'x' })).statusCode,
      ).toBe(403);
      expect(await programmeCount()).toBe(before);
    });
  });

  // The rows the KPIs are defined over, read from the orders themselves (not the roll-up).
  async function plainRows(products = productIds): Promise<ProductWeekRow[]> {
    const rows = await read<Record<string, unknown>>(sql`
      SELECT o.customer_id, l.product_id, o.cycle_id, c.week_start::text AS week_start, sum(l.qty)::int AS ordered,
        coalesce((SELECT q.quotas[cp.position + 1] FROM store_quotas q JOIN cycle_products cp
          ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id AND cp.product_id = l.product_id
          WHERE q.tenant_id = o.tenant_id AND q.cycle_id = o.cycle_id AND q.customer_id = o.customer_id), -1) AS quota
      FROM orders o
      JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
      JOIN order_cycles c ON c.tenant_id = o.tenant_id AND c.id = o.cycle_id
      WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted' AND l.product_id = ANY(${`{${products.join(',')}}`}::int[])
      GROUP BY o.tenant_id, o.customer_id, l.product_id, o.cycle_id, c.week_start
      HAVING sum(l.qty) > 0`);
    return rows.map((row) => ({
      customerId: Number(row.customer_id),
      productId: Number(row.product_id),
      cycleId: Number(row.cycle_id),
      weekStart: String(row.week_start),
      ordered: Number(row.ordered),
      quota: Number(row.quota),
    }));
  }

  async function plainInput(managedBy?: number, products = productIds) {
    const stores = await read<{ id: number }>(sql`
      SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
        AND (${managedBy ?? null}::int IS NULL OR manager_id = ${managedBy ?? null}::int)`);
    const cycles = await read<{ id: number; week_start: string }>(
      sql`SELECT id, week_start::text AS week_start FROM order_cycles WHERE tenant_id = ${tenantId}`,
    );
    const counts = await read<Record<string, unknown>>(sql`
      SELECT k.customer_id, k.visit_id, k.product_id, k.counted_at, k.cartons FROM visit_stock_counts k
      WHERE k.tenant_id = ${tenantId}
        AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.tenant_id = k.tenant_id AND v.corrects_visit_id = k.visit_id)`);
    return {
      targetStores: stores.map((store) => ({ customerId: Number(store.id), isActive: true })),
      cycles: cycles.map((cycle) => ({ id: Number(cycle.id), weekStart: cycle.week_start })),
      rows: await plainRows(products),
      stockCounts: counts.map(
        (row): StockCountRow => ({
          customerId: Number(row.customer_id),
          visitId: Number(row.visit_id),
          productId: Number(row.product_id),
          countedAt: new Date(row.counted_at as string).toISOString(),
          countedOn: beijingDateOf(new Date(row.counted_at as string)),
          cartons: Number(row.cartons),
        }),
      ),
      productIds: products,
      startDate,
      endDate,
      today,
    };
  }

  describe('KPIs', () => {
    it('equal a plain SQL recomputation from the orders', async () => {
      const response = await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis`);
      expect(response.statusCode, response.body).toBe(200);
      const { rows, definitions } = response.json();
      expect(definitions.map((definition: { kpi: string }) => definition.kpi)).toContain('sellThroughRate');
      expect(rows).toHaveLength(1);
      const [row] = rows;
      const [plain] = await read<Record<string, number>>(sql`
        WITH period AS (SELECT id, week_start FROM order_cycles WHERE tenant_id = ${tenantId}
            AND week_start BETWEEN ${startDate} AND ${today}),
          ended AS (SELECT week_start FROM period WHERE week_start + 6 <= ${today}::date),
          last AS (SELECT max(week_start) AS w FROM ended),
          prev AS (SELECT max(week_start) AS w FROM ended WHERE week_start < (SELECT w FROM last)),
          lines AS (
            SELECT o.customer_id, l.product_id, o.cycle_id, p.week_start, sum(l.qty) AS qty,
              coalesce((SELECT q.quotas[cp.position + 1] FROM store_quotas q JOIN cycle_products cp
                ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id AND cp.product_id = l.product_id
                WHERE q.tenant_id = o.tenant_id AND q.cycle_id = o.cycle_id AND q.customer_id = o.customer_id), -1) AS quota
            FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
            JOIN period p ON p.id = o.cycle_id
            JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id AND c.status = 'active'
            WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted'
              AND l.product_id = ANY(${`{${productIds.join(',')}}`}::int[])
            GROUP BY o.tenant_id, o.customer_id, l.product_id, o.cycle_id, p.week_start HAVING sum(l.qty) > 0),
          stores AS (
            SELECT customer_id, count(DISTINCT week_start) AS weeks,
              bool_or(week_start = (SELECT w FROM last)) AS in_last, bool_or(week_start = (SELECT w FROM prev)) AS in_prev
            FROM lines GROUP BY customer_id)
        SELECT
          (SELECT count(*) FROM customers WHERE tenant_id = ${tenantId} AND status = 'active')::int AS "targetStores",
          (SELECT count(*) FROM stores)::int AS "stockedStores",
          (SELECT count(*) FROM stores WHERE weeks >= 2)::int AS "reorderedStores",
          (SELECT count(*) FROM stores WHERE in_last)::int AS "repeatBase",
          (SELECT count(*) FROM stores WHERE in_last AND in_prev)::int AS "repeatStores",
          (SELECT coalesce(sum(qty), 0) FROM lines WHERE quota >= 0)::float8 AS "orderedCartons",
          (SELECT coalesce(sum(quota), 0) FROM lines WHERE quota >= 0)::float8 AS "allocatedCartons",
          (SELECT count(*) FROM lines WHERE quota >= 0 AND qty >= quota)::int AS "fullLines",
          (SELECT count(*) FROM lines WHERE quota >= 0)::int AS "orderedLines"`);
      expect(row).toMatchObject(plain);
      expect(row.stockedStores).toBeGreaterThan(0);
      expect(row.shelvingRate).toBe(row.stockedStores / row.targetStores);
      expect(row.sellThroughRate).toBe(row.reorderedStores / row.stockedStores);
      // Every count, stock-to-sales included, as the definitions state them over the same rows.
      expect(countsOf(row)).toEqual(computeBrandKpis(await plainInput()));
      expect(row.stockedStoresObserved).toBeGreaterThan(0);
    });

    it('adds up by branch, manager, class, format and grade to the whole', async () => {
      const whole = (await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis`)).json().rows[0];
      for (const groupBy of ['branch', 'manager', 'class', 'format', 'grade']) {
        const { rows } = (
          await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis?groupBy=${groupBy}`)
        ).json();
        expect(rows.length, groupBy).toBeGreaterThan(1);
        for (const key of ['targetStores', 'stockedStores', 'reorderedStores', 'fullLines', 'overStockStores'] as const)
          expect(
            rows.reduce((sum: number, row: Record<string, number>) => sum + row[key], 0),
            `${groupBy} ${key}`,
          ).toBe(whole[key]);
        for (const row of rows) expect(row.label, groupBy).not.toBe('');
      }
    });

    it('reads week by week, each week cumulative to its end', async () => {
      const { rows } = (
        await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis?groupBy=week`)
      ).json();
      expect(rows.length).toBeGreaterThan(8);
      expect(rows[0].label).toMatch(/^W\d{2} \d{2}\/\d{2}$/);
      const input = await plainInput();
      for (const row of rows) {
        const end = addDays(row.key, 6) < today ? addDays(row.key, 6) : today;
        expect(countsOf(row), row.key).toEqual(computeBrandKpis({ ...input, today: end }));
      }
      const whole = (await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis`)).json().rows[0];
      expect(countsOf(rows[rows.length - 1])).toEqual(countsOf(whole));
    });

    it('lists the stores behind a figure: as many as it counts', async () => {
      const whole = (await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis`)).json().rows[0];
      const figures = {
        not_shelved: whole.targetStores - whole.stockedStores,
        shelved: whole.stockedStores,
        not_reordered: whole.stockedStores - whole.reorderedStores,
        over_stock: whole.overStockStores,
        out_of_stock: whole.outOfStockStores,
      };
      for (const [status, expected] of Object.entries(figures)) {
        const response = await inject(
          marketing,
          'GET',
          `/api/v1/brand-programmes/${programmeId}/stores?status=${status}&limit=1000`,
        );
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body.total, status).toBe(expected);
        expect(body.items).toHaveLength(expected);
        for (const item of body.items) {
          expect(item.status).toBe(status);
          expect(item.reason).not.toBe('');
        }
      }
    });

    it('drills down into a group row and a week row', async () => {
      const base = `/api/v1/brand-programmes/${programmeId}`;
      const [branchRow] = (await inject(marketing, 'GET', `${base}/kpis?groupBy=branch`)).json().rows;
      const inBranch = (
        await inject(
          marketing,
          'GET',
          `${base}/stores?status=shelved&groupBy=branch&groupKey=${branchRow.key}&limit=1000`,
        )
      ).json();
      expect(inBranch.total).toBe(branchRow.stockedStores);
      const weeks = (await inject(marketing, 'GET', `${base}/kpis?groupBy=week`)).json().rows;
      const week = weeks[Math.floor(weeks.length / 2)];
      const inWeek = (
        await inject(
          marketing,
          'GET',
          `${base}/stores?status=not_reordered&groupBy=week&groupKey=${week.key}&limit=1000`,
        )
      ).json();
      expect(inWeek.total).toBe(week.stockedStores - week.reorderedStores);
      const bad = await inject(marketing, 'GET', `${base}/stores?groupBy=week&groupKey=2026-13-45`);
      expect(bad.statusCode).toBe(400);
    });

    it('reflects an order placed a moment before', async () => {
      const [cycle] = await read<{ id: number; week_start: string }>(sql`
        SELECT id, week_start::text AS week_start FROM order_cycles WHERE tenant_id = ${tenantId} AND status = 'published'
          AND opens_at <= ${t.clock.now} AND closes_at > ${t.clock.now} ORDER BY week_start DESC LIMIT 1`);
      // A store that has not ordered this week, and a product it may order 1 of.
      const [store] = await read<{ id: number; product_id: number }>(sql`
        SELECT c.id, cp.product_id FROM store_quotas q
        JOIN customers c ON c.tenant_id = q.tenant_id AND c.id = q.customer_id
        JOIN cycle_products cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id
        WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycle.id} AND c.status = 'active'
          AND (q.quotas[cp.position + 1] = -1 OR q.quotas[cp.position + 1] >= 1)
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = q.tenant_id AND o.cycle_id = q.cycle_id AND o.customer_id = c.id)
        ORDER BY c.id, cp.position LIMIT 1`);
      const created = await inject(
        marketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({
          name: '本周',
          productIds: [store.product_id],
          startDate: cycle.week_start,
          customerIds: [store.id],
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/v1/brand-programmes/${created.json().id}/kpis`;
      const before = (await inject(marketing, 'GET', url)).json().rows[0];
      expect(before).toMatchObject({ targetStores: 1, stockedStores: 0, shelvingRate: 0 });
      const placed = await inject(service, 'POST', '/api/v1/supply/orders', {
        customerId: store.id,
        lines: [{ productId: store.product_id, qty: 1 }],
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const after = (await inject(marketing, 'GET', url)).json().rows[0];
      // 重购率 waits for the week to end: this week's order is not in it yet.
      expect(after).toMatchObject({ targetStores: 1, stockedStores: 1, shelvingRate: 1, repeatBase: 0 });
    });

    it('exports the same rows as xlsx, with the definitions', async () => {
      const api = (
        await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis?groupBy=branch`)
      ).json();
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/brand-programmes/${programmeId}/kpis.xlsx?groupBy=branch`,
        headers: { cookie: marketing },
      });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as never);
      const [sheet, definitions] = workbook.worksheets;
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      const header = values.findIndex((row) => row[0] === '分组键');
      const data = values.slice(header + 1);
      expect(data).toHaveLength(api.rows.length);
      const headers = values[header] as string[];
      expect(headers).toContain('上柜率（订货）');
      const fields = [
        'key',
        'label',
        'targetStores',
        'stockedStores',
        'shelvingRate',
        'stockedStoresObserved',
        'shelvingRateObserved',
        'reorderedStores',
        'sellThroughRate',
        'repeatBase',
        'repeatStores',
        'repeatRate',
        'orderedCartons',
        'allocatedCartons',
        'quotaFill',
        'fullLines',
        'orderedLines',
        'fullLineRate',
        'stockCartons',
        'weeklySalesCartons',
        'stockToSalesRatio',
        'overStockStores',
        'outOfStockStores',
      ];
      api.rows.forEach((row: Record<string, unknown>, index: number) => {
        expect(fields.map((field) => data[index][fields.indexOf(field)] ?? null)).toEqual(
          fields.map((field) => row[field]),
        );
      });
      expect(definitions.rowCount).toBe(api.definitions.length + 1);
    });
  });

  describe('stock counts of visits', () => {
    it('move 在架 上柜率, 存销比, 积压 and 断货 as a manager counts', async () => {
      // The two products most ordered in the 4 weeks before this week, and two stores that ordered them.
      const top = await read<{ product_id: number }>(sql`
        SELECT l.product_id FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
        JOIN order_cycles c ON c.tenant_id = o.tenant_id AND c.id = o.cycle_id
        WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted' AND c.week_start >= '2026-10-26' AND c.week_start < ${today}
        GROUP BY l.product_id ORDER BY count(DISTINCT o.customer_id) DESC, l.product_id LIMIT 2`);
      const products = top.map((row) => Number(row.product_id));
      const created = await inject(
        marketing,
        'POST',
        '/api/v1/brand-programmes',
        newProgramme({ productIds: products }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const stockProgrammeId = created.json().id;
      await inject(marketing, 'POST', `/api/v1/brand-programmes/${stockProgrammeId}/activate`);
      const selling = [
        ...new Set(
          (await plainRows(products))
            .filter((row) => row.weekStart >= '2026-10-26' && row.weekStart < today)
            .map((row) => row.customerId),
        ),
      ];
      const owners = await read<{ id: number; manager_id: number }>(sql`
        SELECT id, manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          AND id = ANY(${`{${selling.join(',')}}`}::int[]) ORDER BY id LIMIT 2`);
      expect(owners).toHaveLength(2);
      const cookieOf = (store: { manager_id: number }) =>
        t.signIn(t.city.managers.find((manager) => manager.id === Number(store.manager_id))?.username as string);
      const [overStocked, empty] = owners.map((store) => Number(store.id));
      const url = `/api/v1/brand-programmes/${stockProgrammeId}/kpis`;
      const before = (await inject(marketing, 'GET', url)).json().rows[0];
      const visit = async (store: { id: number; manager_id: number }, cartons: number) =>
        inject(await cookieOf(store), 'POST', '/api/v1/visits', {
          customerId: Number(store.id),
          checkInAt: '2026-11-23T01:20:00.000Z',
          checkOutAt: '2026-11-23T01:40:00.000Z',
          checklist: { displayStandard: true, pricesMarked: true, targetBrandsOnShelf: cartons > 0 },
          stockCounts: [{ productId: products[0], cartons }],
        });
      expect((await visit(owners[0], 500)).statusCode).toBe(201);
      expect((await visit(owners[1], 0)).statusCode).toBe(201);
      const after = (await inject(marketing, 'GET', url)).json().rows[0];
      expect(countsOf(after)).toEqual(computeBrandKpis(await plainInput(undefined, products)));
      expect(after.overStockStores).toBeGreaterThan(0);
      expect(after.outOfStockStores).toBeGreaterThan(0);
      expect(after.stockToSalesRatio).toBe(after.stockCartons / after.weeklySalesCartons);
      expect(after.weeklySalesCartons).toBeGreaterThan(before.weeklySalesCartons);
      const listed = async (status: string) =>
        (
          await inject(
            marketing,
            'GET',
            `/api/v1/brand-programmes/${stockProgrammeId}/stores?status=${status}&limit=1000`,
          )
        )
          .json()
          .items.map((item: { customerId: number }) => item.customerId);
      expect(await listed('over_stock')).toContain(overStocked);
      expect(await listed('out_of_stock')).toContain(empty);
      const mineNow = (
        await inject(await cookieOf(owners[0]), 'GET', `/api/v1/customers/${overStocked}/brand-programmes`)
      )
        .json()
        .items.find((item: { programmeId: number }) => item.programmeId === stockProgrammeId);
      expect(mineNow).toMatchObject({ shelvedObserved: true, stockCartons: 500 });
      expect(mineNow.flags).toContain('over_stock');
    });
  });

  describe("a manager's scope", () => {
    it('counts only their stores', async () => {
      const row = (await inject(managerCookie, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis`)).json().rows[0];
      const [{ n }] = await read<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' AND manager_id = ${managerId}`);
      expect(row.targetStores).toBe(n);
      expect(countsOf(row)).toEqual(computeBrandKpis(await plainInput(managerId)));
      const stores = (
        await inject(managerCookie, 'GET', `/api/v1/brand-programmes/${programmeId}/stores?limit=1000`)
      ).json();
      expect(stores.total).toBe(n);
      expect(new Set(stores.items.map((item: { managerId: number }) => item.managerId))).toEqual(new Set([managerId]));
      const [foreign] = await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id <> ${managerId} LIMIT 1`,
      );
      expect((await inject(managerCookie, 'GET', `/api/v1/customers/${foreign.id}/brand-programmes`)).statusCode).toBe(
        404,
      );
    });
  });

  describe('the worklist', () => {
    it("adds a manager's unshelved stores to this week's plan, once", async () => {
      const worklist = (await inject(managerCookie, 'GET', '/api/v1/brand-worklist')).json();
      expect(worklist.items.length).toBeGreaterThan(0);
      expect(new Set(worklist.items.map((item: { managerId: number }) => item.managerId))).toEqual(
        new Set([managerId]),
      );
      const toPlan = [
        ...new Set(
          worklist.items
            .filter((item: { plannedThisWeek: boolean }) => !item.plannedThisWeek)
            .map((item: { customerId: number }) => item.customerId),
        ),
      ].slice(0, 3) as number[];
      expect(toPlan.length).toBeGreaterThan(0);
      const planned = await inject(managerCookie, 'POST', '/api/v1/brand-worklist/plan', { customerIds: toPlan });
      expect(planned.statusCode, planned.body).toBe(200);
      expect(planned.json()).toEqual({ added: toPlan.length, alreadyPlanned: 0 });
      const items = await read<{ customer_id: number; planned_on: string; manager_id: number }>(sql`
        SELECT customer_id, planned_on::text AS planned_on, manager_id FROM visit_plan_items
        WHERE tenant_id = ${tenantId} AND source = 'added' AND customer_id = ANY(${`{${toPlan.join(',')}}`}::int[])`);
      expect(items).toHaveLength(toPlan.length);
      for (const item of items) expect(item).toMatchObject({ planned_on: '2026-11-24', manager_id: managerId });
      const again = await inject(managerCookie, 'POST', '/api/v1/brand-worklist/plan', { customerIds: toPlan });
      expect(again.json()).toEqual({ added: 0, alreadyPlanned: toPlan.length });
      const after = (await inject(managerCookie, 'GET', '/api/v1/brand-worklist')).json();
      for (const item of after.items.filter((entry: { customerId: number }) => toPlan.includes(entry.customerId)))
        expect(item.plannedThisWeek).toBe(true);
    });

    it("refuses a manager planning another manager's store, and a day outside this week", async () => {
      const [foreign] = await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id <> ${managerId} AND status = 'active' LIMIT 1`,
      );
      const [own] = await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id = ${managerId} AND status = 'active' LIMIT 1`,
      );
      const before = await read<{ n: number }>(sql`SELECT count(*)::int AS n FROM visit_plan_items`);
      const refused = await inject(managerCookie, 'POST', '/api/v1/brand-worklist/plan', {
        customerIds: [own.id, foreign.id],
      });
      expect(refused.statusCode).toBe(404);
      const nextWeek = await inject(managerCookie, 'POST', '/api/v1/brand-worklist/plan', {
        customerIds: [own.id],
        date: '2026-12-01',
      });
      expect(nextWeek.statusCode).toBe(400);
      expect(nextWeek.json().code).toBe('BRAND_PLAN_DATE_INVALID');
      expect(await read<{ n: number }>(sql`SELECT count(*)::int AS n FROM visit_plan_items`)).toEqual(before);
    });

    it("shows a store's programmes with its own figures and the checklist", async () => {
      const [store] = await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id = ${managerId} AND status = 'active' LIMIT 1`,
      );
      const response = await inject(managerCookie, 'GET', `/api/v1/customers/${store.id}/brand-programmes`);
      expect(response.statusCode, response.body).toBe(200);
      const item = response.json().items.find((entry: { programmeId: number }) => entry.programmeId === programmeId);
      expect(item).toMatchObject({ status: 'active', checklist: [{ kind: 'classroom' }] });
      expect(typeof item.shelved).toBe('boolean');
    });
  });

  // 培育汇总: the closed weeks folded per store (brand-facts.ts) give the figures the roll-up gives.
  describe('folded facts', () => {
    const groupings = ['none', 'branch', 'manager', 'class', 'format', 'grade', 'week'] as const;
    const kpisOf = async (cookie: string, id: number) => {
      const rows: unknown[] = [];
      for (const groupBy of groupings) {
        const response = await inject(cookie, 'GET', `/api/v1/brand-programmes/${id}/kpis?groupBy=${groupBy}`);
        expect(response.statusCode, response.body).toBe(200);
        rows.push(response.json().rows);
      }
      return rows;
    };
    const foldRows = async () =>
      read<{ n: number; through: string | null }>(sql`
        SELECT (SELECT count(*)::int FROM brand_store_facts WHERE programme_id = ${programmeId}) AS n,
          (SELECT through_week::text FROM brand_fact_folds WHERE programme_id = ${programmeId}) AS through`);

    it('read the same KPIs folded as from the roll-up, for every grouping and for a manager', async () => {
      await dropFoldIn(t.database.db, tenantId, programmeId);
      const live = await kpisOf(marketing, programmeId);
      const liveOwn = await kpisOf(managerCookie, programmeId);
      const folded = await foldAllProgrammes(t.context);
      expect(folded.weeks).toBeGreaterThan(0);
      const [{ n, through }] = await foldRows();
      expect(n).toBeGreaterThan(0);
      expect(through).not.toBeNull();
      // Stores ordered since the fold (the week running): the grouped counts read those store by store.
      const [{ since }] = await read<{ since: number }>(sql`
        SELECT count(DISTINCT customer_id)::int AS since FROM store_product_weeks
        WHERE tenant_id = ${tenantId} AND product_id = ANY(${`{${productIds.join(',')}}`}::int[])
          AND week_start > ${through}::date AND week_start <= ${today}::date AND ordered > 0`);
      expect(since).toBeGreaterThan(0);
      expect(await kpisOf(marketing, programmeId)).toEqual(live);
      expect(await kpisOf(managerCookie, programmeId)).toEqual(liveOwn);
      // Nothing new closed: nothing folded again.
      expect((await foldAllProgrammes(t.context)).weeks).toBe(0);
      expect(await foldRows()).toEqual([{ n, through }]);
    });

    it('ignore a fold that no longer holds, and fold again from nothing', async () => {
      const [first] = productIds;
      const edited = await inject(marketing, 'PATCH', `/api/v1/brand-programmes/${programmeId}`, {
        productIds: [first],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const afterEdit = await kpisOf(marketing, programmeId);
      await dropFoldIn(t.database.db, tenantId, programmeId);
      expect(await kpisOf(marketing, programmeId)).toEqual(afterEdit);
      await foldAllProgrammes(t.context);
      const [fold] = await read<{ product_ids: number[] }>(
        sql`SELECT product_ids FROM brand_fact_folds WHERE programme_id = ${programmeId}`,
      );
      expect(fold.product_ids.map(Number)).toEqual([first]);
      expect(await kpisOf(marketing, programmeId)).toEqual(afterEdit);
      const restored = await inject(marketing, 'PATCH', `/api/v1/brand-programmes/${programmeId}`, { productIds });
      expect(restored.statusCode, restored.body).toBe(200);
    });

    // 培育分组汇总: the grouped KPIs read the kinds taken with the fold, corrected for stores moved
    // since (a trigger on customers records them: updated_at does not move with these columns).
    it('read the kinds, and stay exact when a store moves branch or class or closes after they were taken', async () => {
      await foldAllProgrammes(t.context);
      const kindRows = async () =>
        read<{ n: number }>(sql`SELECT count(*)::int AS n FROM brand_kinds WHERE programme_id = ${programmeId}`);
      expect((await kindRows())[0].n).toBeGreaterThan(0);
      const taken = await kpisOf(marketing, programmeId);
      // The grouped figures do come from the kinds: 1,000 stores added to each kind show.
      const [{ n: branchKinds }] = await read<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM brand_kinds WHERE programme_id = ${programmeId} AND grouping = 'branch'`);
      await t.database.db.execute(
        sql`UPDATE brand_kinds SET stores = stores + 1000 WHERE programme_id = ${programmeId} AND grouping = 'branch'`,
      );
      const inflated = (
        await inject(marketing, 'GET', `/api/v1/brand-programmes/${programmeId}/kpis?groupBy=branch`)
      ).json().rows;
      const storesOf = (rows: Array<{ targetStores: number }>) => rows.reduce((sum, row) => sum + row.targetStores, 0);
      expect(storesOf(inflated)).toBe(storesOf(taken[1] as Array<{ targetStores: number }>) + 1000 * branchKinds);
      await t.database.db.execute(
        sql`UPDATE brand_kinds SET stores = stores - 1000 WHERE programme_id = ${programmeId} AND grouping = 'branch'`,
      );
      expect(await kpisOf(marketing, programmeId)).toEqual(taken);
      // Stores with folded weeks: one moves to another branch, one changes class, one is suspended.
      const moved = await read<{ id: number; branch_id: number; org_path: string; class_code: string | null }>(sql`
        SELECT c.id, c.branch_id, c.org_path, c.class_code FROM customers c
        JOIN brand_store_facts f ON f.customer_id = c.id AND f.programme_id = ${programmeId}
        WHERE c.tenant_id = ${tenantId} AND c.status = 'active'
        ORDER BY c.id LIMIT 3`);
      expect(moved).toHaveLength(3);
      const [other] = await read<{ id: number; path: string }>(sql`
        SELECT DISTINCT ou.id, ou.path FROM customers c JOIN org_units ou ON ou.id = c.branch_id
        WHERE c.tenant_id = ${tenantId} AND c.branch_id <> ${moved[0].branch_id} ORDER BY ou.id LIMIT 1`);
      const newClass = moved[1].class_code === 'growth' ? 'ordinary' : 'growth';
      await t.database.db.execute(
        sql`UPDATE customers SET branch_id = ${other.id}, org_path = ${other.path} WHERE id = ${moved[0].id}`,
      );
      await t.database.db.execute(sql`UPDATE customers SET class_code = ${newClass} WHERE id = ${moved[1].id}`);
      await t.database.db.execute(sql`UPDATE customers SET status = 'suspended' WHERE id = ${moved[2].id}`);
      const afterMoves = await kpisOf(marketing, programmeId);
      expect(afterMoves).not.toEqual(taken);
      const afterMovesOwn = await kpisOf(managerCookie, programmeId);
      // The same read store by store (no kinds), and from the roll-up alone (no fold).
      await t.database.db.execute(sql`DELETE FROM brand_kind_snapshots WHERE programme_id = ${programmeId}`);
      expect(await kpisOf(marketing, programmeId)).toEqual(afterMoves);
      await dropFoldIn(t.database.db, tenantId, programmeId);
      expect(await kpisOf(marketing, programmeId)).toEqual(afterMoves);
      expect(await kpisOf(managerCookie, programmeId)).toEqual(afterMovesOwn);
      // Folded and taken again: the moves are in the kinds now, and pruned.
      await foldAllProgrammes(t.context);
      expect((await kindRows())[0].n).toBeGreaterThan(0);
      expect(await kpisOf(marketing, programmeId)).toEqual(afterMoves);
      const [{ moves }] = await read<{ moves: number }>(
        sql`SELECT count(*)::int AS moves FROM brand_store_moves WHERE tenant_id = ${tenantId}`,
      );
      expect(moves).toBe(0);
      // Moved back: corrected again until the next fold job takes the kinds again.
      await t.database.db.execute(
        sql`UPDATE customers SET branch_id = ${moved[0].branch_id}, org_path = ${moved[0].org_path} WHERE id = ${moved[0].id}`,
      );
      await t.database.db.execute(
        sql`UPDATE customers SET class_code = ${moved[1].class_code} WHERE id = ${moved[1].id}`,
      );
      await t.database.db.execute(sql`UPDATE customers SET status = 'active' WHERE id = ${moved[2].id}`);
      expect(await kpisOf(marketing, programmeId)).toEqual(taken);
      await foldAllProgrammes(t.context);
      expect(await kpisOf(marketing, programmeId)).toEqual(taken);
    });
  });
});
