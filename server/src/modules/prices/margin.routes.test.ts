import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { mondayOf } from '../../platform/time/weeks.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { countsAsObservation, type MarginLine, marginOf, meanOf, sumsOfLines } from './margin.rules.ts';
import { refreshMarginsOf } from './margin.service.ts';

// 零售毛利率, 明码标价 and a store's prices through the HTTP API on the demo city (13 weeks of orders,
// visits with observed prices): the endpoints against the same figures computed from the raw rows in
// TypeScript (margin.rules.ts), live and from the refreshed roll-up; a manager's scope; the portal's
// own store; bad input.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Reference = { retailFen: number; wholesaleFen: number; cartons: number; own: number; district: number };

describe.each(testDatabaseKinds)('retail margin and compliance on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let managerCookie: string;
  let managerId: number;
  let retailer: string;
  let retailerStoreId: number;
  const from = '2026-08-24';
  const to = '2026-11-22';

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    marketing = await t.signIn('marketing');
    const manager = t.city.managers[0];
    managerId = manager.id;
    managerCookie = await t.signIn(manager.username);
    // A store that ordered in the history, and a retailer report of its own at it.
    const [store] = await read<{ id: number; licence_no: string }>(sql`
      SELECT c.id, c.licence_no FROM customers c
      WHERE c.tenant_id = ${tenantId} AND c.status = 'active'
        AND EXISTS (SELECT 1 FROM store_product_weeks w WHERE w.tenant_id = c.tenant_id AND w.customer_id = c.id)
      ORDER BY c.id LIMIT 1`);
    retailerStoreId = Number(store.id);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licence_no, password: testPassword },
    });
    retailer = sessionCookieOf(login);
    // Observations in the history's weeks (the demo's are in the last four only): one in three
    // store-product-weeks of the store's district observed, so all three sources occur.
    await t.database.db.execute(sql`
      INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
        pack_price_fen, observed_at, reported_by, created_at)
      SELECT w.tenant_id, 'inspection', w.product_id, w.customer_id, c.district_code, c.branch_id, c.org_path,
        round(p.retail_price_fen / 10.0 * (0.95 + (w.customer_id % 9) * 0.01)), w.week_start + interval '2 days 3 hours',
        (SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'inspector' LIMIT 1), now()
      FROM store_product_weeks w
      JOIN customers c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
      JOIN products p ON p.tenant_id = w.tenant_id AND p.id = w.product_id
      WHERE w.tenant_id = ${tenantId} AND (w.customer_id + w.product_id + extract(week FROM w.week_start)::int) % 3 = 0`);
    // A price typed wrongly (a carton's) and a flagged one: neither counts.
    await t.database.db.execute(sql`
      INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
        pack_price_fen, observed_at, reported_by, flagged, flag_reason, created_at)
      SELECT w.tenant_id, 'retailer', w.product_id, w.customer_id, c.district_code, c.branch_id, c.org_path,
        p.retail_price_fen * f, w.week_start + interval '1 day', (SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'inspector' LIMIT 1),
        f = 2, CASE WHEN f = 2 THEN 'implausible' END, now()
      FROM (SELECT * FROM store_product_weeks WHERE tenant_id = ${tenantId} AND customer_id = ${retailerStoreId} LIMIT 2) w
      JOIN customers c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
      JOIN products p ON p.tenant_id = w.tenant_id AND p.id = w.product_id
      CROSS JOIN (VALUES (1), (2)) AS x(f)`);
    // The demo stored its weeks before these reports: store them again, as the refresh job would.
    await refreshMarginsOf(t.database.db, tenantId, t.clock.now, { all: true });
  }, 240_000);
  afterAll(async () => t?.close());

  // The margin of the history's weeks from the raw rows, by margin.rules.ts.
  async function reference(where: SQL = sql`true`): Promise<Reference> {
    const lines = await read<{
      customer_id: number;
      product_id: number;
      week: string;
      ordered: number;
      district: string;
    }>(sql`
      SELECT w.customer_id, w.product_id, w.week_start::text AS week, w.ordered, c.district_code AS district
      FROM store_product_weeks w JOIN customers c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
      WHERE w.tenant_id = ${tenantId} AND w.week_start >= ${from}::date AND w.week_start <= ${to}::date AND ${where}`);
    const prices = new Map(
      (
        await read<{ id: number; wholesale: number; retail: number }>(
          sql`SELECT id, wholesale_price_fen AS wholesale, retail_price_fen AS retail FROM products WHERE tenant_id = ${tenantId}`,
        )
      ).map((row) => [Number(row.id), { wholesale: Number(row.wholesale), retail: Number(row.retail) }]),
    );
    const observations = await read<{
      customer_id: number | null;
      product_id: number;
      district: string;
      price: number;
      at: Date | string;
    }>(sql`
      SELECT o.customer_id, o.product_id, c.district_code AS district, o.pack_price_fen AS price, o.observed_at AS at
      FROM visit_price_observations o JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
      WHERE o.tenant_id = ${tenantId}
        AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = o.tenant_id AND n.corrects_visit_id = o.visit_id)
      UNION ALL
      SELECT customer_id, product_id, district_code, pack_price_fen, observed_at FROM price_reports
      WHERE tenant_id = ${tenantId} AND NOT flagged`);
    const own = new Map<string, number[]>();
    const district = new Map<string, number[]>();
    for (const row of observations) {
      const price = prices.get(Number(row.product_id));
      if (!price || !countsAsObservation(Number(row.price), price.retail)) continue;
      const week = mondayOf(new Date(row.at));
      const push = (map: Map<string, number[]>, key: string) =>
        map.set(key, [...(map.get(key) ?? []), Number(row.price)]);
      if (row.customer_id !== null) push(own, `${row.customer_id}|${row.product_id}|${week}`);
      push(district, `${row.district}|${row.product_id}|${week}`);
    }
    const marginLines: MarginLine[] = lines.map((line) => {
      const price = prices.get(Number(line.product_id)) ?? { wholesale: 0, retail: 0 };
      return {
        cartons: Number(line.ordered),
        wholesaleCartonFen: price.wholesale,
        suggestedCartonFen: price.retail,
        ownMeanPackFen: meanOf(own.get(`${line.customer_id}|${line.product_id}|${line.week}`) ?? []),
        districtMeanPackFen: meanOf(district.get(`${line.district}|${line.product_id}|${line.week}`) ?? []),
      };
    });
    const sums = sumsOfLines(marginLines);
    return {
      retailFen: sums.retailFen,
      wholesaleFen: sums.wholesaleFen,
      cartons: sums.cartons,
      own: sums.ownCartons,
      district: sums.districtCartons,
    };
  }

  const expectEqual = (
    row: { retailAmount: number; wholesaleAmount: number; cartons: number; margin: number | null },
    ref: Reference,
  ) => {
    expect(row.retailAmount).toBeCloseTo(ref.retailFen / 100, 1);
    expect(row.wholesaleAmount).toBeCloseTo(ref.wholesaleFen / 100, 2);
    expect(row.cartons).toBe(ref.cartons);
    expect(row.margin).toBeCloseTo(marginOf(ref) ?? Number.NaN, 6);
  };

  it('answers the city’s margin equal to the raw rows, live and from the refreshed roll-up', async () => {
    const ref = await reference();
    expect(ref.cartons).toBeGreaterThan(0);
    expect(ref.own).toBeGreaterThan(0);
    expect(ref.district).toBeGreaterThan(0);
    expect(ref.cartons - ref.own - ref.district).toBeGreaterThan(0);

    const stored = await get(marketing, `/api/v1/prices/margin?from=${from}&to=${to}`);
    expect(stored.statusCode, stored.body).toBe(200);
    const storedBody = stored.json();
    expect(storedBody).toMatchObject({ storedWeeks: 13, liveWeeks: 0, groupBy: 'none' });
    expect(storedBody.rows).toHaveLength(1);
    expectEqual(storedBody.rows[0], ref);
    expect(storedBody.rows[0].sources.own).toBeCloseTo(ref.own / ref.cartons, 6);
    expect(storedBody.rows[0].sources.district).toBeCloseTo(ref.district / ref.cartons, 6);
    // The same weeks read live (no stored rows), then stored again.
    await t.database.db.execute(
      sql`DELETE FROM price_margin_refreshes WHERE tenant_id = ${tenantId} AND week_start BETWEEN ${from}::date AND ${to}::date`,
    );
    const live = (await get(marketing, `/api/v1/prices/margin?from=${from}&to=${to}`)).json();
    expect(live).toMatchObject({ storedWeeks: 0, liveWeeks: 13 });
    expectEqual(live.rows[0], ref);
    const refreshed = await refreshMarginsOf(t.database.db, tenantId, t.clock.now);
    expect(refreshed.weeks).toBeGreaterThanOrEqual(13);
  });

  it('groups by branch, class, district and week into the same total', async () => {
    const city = (await get(marketing, `/api/v1/prices/margin?from=${from}&to=${to}`)).json().rows[0];
    for (const groupBy of ['branch', 'class', 'district', 'week']) {
      const response = await get(marketing, `/api/v1/prices/margin?groupBy=${groupBy}&from=${from}&to=${to}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      const sum = body.rows.reduce((total: number, row: { retailAmount: number }) => total + row.retailAmount, 0);
      expect(sum).toBeCloseTo(city.retailAmount, 0);
      expect(body.total.retailAmount).toBeCloseTo(city.retailAmount, 1);
      for (const row of body.rows) {
        expect(row.label).not.toBe('');
        expect(row.margin).toBeGreaterThan(0);
        expect(row.margin).toBeLessThan(1);
      }
      if (groupBy === 'week') expect(body.rows.map((row: { label: string }) => row.label)[0]).toBe('2026-W35');
    }
  });

  it('gives a manager their own stores only', async () => {
    const ref = await reference(sql`c.manager_id = ${managerId}`);
    const response = await get(managerCookie, `/api/v1/prices/margin?from=${from}&to=${to}`);
    expect(response.statusCode).toBe(200);
    expectEqual(response.json().rows[0], ref);
  });

  it('compares with last year’s same weeks', async () => {
    // The demo's last-year weeks (its roll-up from before Kewo): about 1.28 points lower.
    const response = (await get(marketing, `/api/v1/prices/margin?groupBy=week&from=${from}&to=${to}`)).json();
    expect(response.lastYearFrom).toBe('2025-08-25');
    for (const row of response.rows) {
      expect(row.lastYear).not.toBeNull();
      expect(row.change).toBeGreaterThan(0.005);
      expect(row.change).toBeLessThan(0.02);
    }
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    for (const query of [
      'from=2026-11-01&to=2026-10-01',
      'from=2024-01-01&to=2026-11-01',
      'groupBy=store',
      'from=2026-02-30',
      'x=1',
    ]) {
      const response = await get(marketing, `/api/v1/prices/margin?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    expect((await get(retailer, '/api/v1/prices/margin')).statusCode).toBe(403);
  });

  it('counts 明码标价 per branch, manager, class and week, equal to the visits', async () => {
    const [expected] = await read<{ visits: number; marked: number }>(sql`
      SELECT count(*)::int AS visits, count(*) FILTER (WHERE (checklist->>'pricesMarked')::boolean)::int AS marked
      FROM visits v WHERE tenant_id = ${tenantId} AND check_in_at >= '2026-08-23T16:00:00Z' AND check_in_at < '2026-11-22T16:00:00Z'
        AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = v.tenant_id AND n.corrects_visit_id = v.id)`);
    expect(Number(expected.visits)).toBeGreaterThan(0);
    for (const groupBy of ['none', 'branch', 'manager', 'class', 'week']) {
      const response = await get(
        marketing,
        `/api/v1/prices/compliance?groupBy=${groupBy}&from=2026-08-24&to=2026-11-22`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.total.visits).toBe(Number(expected.visits));
      expect(body.total.marked).toBe(Number(expected.marked));
      expect(body.total.share).toBeCloseTo(Number(expected.marked) / Number(expected.visits), 6);
    }
    const mine = (await get(managerCookie, '/api/v1/prices/compliance?groupBy=manager')).json();
    expect(mine.rows.every((row: { key: string }) => row.key === String(managerId))).toBe(true);
  });

  it('lists the stores whose latest two visits both failed', async () => {
    const response = await get(marketing, '/api/v1/prices/compliance/repeat-failures');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const [expected] = await read<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT customer_id, bool_or((checklist->>'pricesMarked')::boolean) AS any_marked, count(*) AS k FROM (
          SELECT v.*, row_number() OVER (PARTITION BY customer_id ORDER BY check_in_at DESC, id DESC) AS r
          FROM visits v WHERE tenant_id = ${tenantId} AND check_in_at >= ${new Date(t.clock.now.getTime() - 180 * 86_400_000)}
            AND check_in_at < ${t.clock.now}
            AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = v.tenant_id AND n.corrects_visit_id = v.id)) x
        WHERE r <= 2 GROUP BY customer_id) y WHERE k = 2 AND NOT any_marked`);
    expect(body.total).toBe(Number(expected.n));
    for (const item of body.items) {
      expect(item.visits).toHaveLength(2);
      expect(item.name).not.toBe('');
    }
  });

  it('shows the retailer its own margin by week and brand, and the suggested prices of what it buys', async () => {
    const byWeek = await get(retailer, `/api/v1/portal/prices/margin?from=${from}&to=${to}`);
    expect(byWeek.statusCode, byWeek.body).toBe(200);
    const ref = await reference(sql`w.customer_id = ${retailerStoreId}`);
    expectEqual(byWeek.json().total, ref);
    const byBrand = await get(retailer, `/api/v1/portal/prices/margin?by=brand&from=${from}&to=${to}`);
    expect(byBrand.statusCode, byBrand.body).toBe(200);
    expectEqual(byBrand.json().total, ref);
    const suggested = await get(retailer, '/api/v1/portal/prices/suggested');
    expect(suggested.statusCode, suggested.body).toBe(200);
    const items = suggested.json().items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.suggestedPackPrice).toBeCloseTo(item.suggestedCartonPrice / 10, 2);
      expect(item.marginAtSuggested).toBeGreaterThan(0);
    }
    expect((await get(marketing, '/api/v1/portal/prices/margin')).statusCode).toBe(403);
  });

  it('shows a store’s prices in the 360° view, within the scope', async () => {
    const response = await get(marketing, `/api/v1/customers/${retailerStoreId}/prices`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.observations.length).toBeGreaterThan(0);
    expect(body.observations.every((row: { source: string }) => row.source !== 'retailer' || true)).toBe(true);
    expect(body.margin.rows.length).toBeGreaterThan(0);
    const [other] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id <> ${managerId} LIMIT 1`,
    );
    expect((await get(managerCookie, `/api/v1/customers/${other.id}/prices`)).statusCode).toBe(404);
    expect((await get(marketing, '/api/v1/customers/999999/prices')).statusCode).toBe(404);
  });
});
