import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { countedObservations } from './price-index.rules.ts';
import { weightCells } from './prices.repository.ts';
import { priceWarningJob } from './prices.service.ts';

// 价格监管 through the HTTP API on the demo city (visits with shelf prices over the last four weeks):
// the portal's report and its bad inputs, inspectors' market checks, the index against a plain SQL
// recomputation (and a report counted at once), the data scope, the warning rules, a three-week
// dip that raises one warning, its handling and the way to the next allocation.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type IndexRow = {
  key: string;
  label: string;
  observations: number;
  meanPackPrice: number | null;
  suggestedPackPrice: number | null;
  index: number | null;
  weighting: string;
};

describe.each(testDatabaseKinds)('prices on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let inspector: string;
  let managerCookie: string;
  let managerId: number;
  let retailer: string;
  let store: { id: number; licenceNo: string; districtCode: string; branchId: number; orgPath: string };
  let otherStore: { id: number };
  let adminId: number;
  // A product of the test's own (suggested 200 yuan a carton: 20.00 a pack), and one discontinued.
  let productId: number;
  let discontinuedId: number;
  // 2026-11-23 10:00 Beijing (Monday, ISO week 48).
  const thisWeek = '2026-W48';

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const reportCount = async () =>
    Number((await read<{ n: number }>(sql`SELECT count(*)::int AS n FROM price_reports`))[0].n);

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    marketing = await t.signIn('marketing');
    inspector = await t.signIn('inspector');
    const manager = t.city.managers[0];
    managerId = manager.id;
    managerCookie = await t.signIn(manager.username);
    [{ id: adminId }] = await read<{ id: number }>(sql`SELECT id FROM users WHERE username = 'admin'`);
    const inserted = await read<{ id: number }>(sql`
      INSERT INTO products (tenant_id, code, brand, name, price_class, wholesale_price_fen, retail_price_fen, status)
      VALUES (${tenantId}, 'T-PRICE-1', '测试牌', '测试牌(硬)', 2, 18000, 20000, 'active'),
             (${tenantId}, 'T-PRICE-2', '测试牌', '测试牌(停)', 2, 18000, 20000, 'discontinued')
      RETURNING id`);
    [productId, discontinuedId] = inserted.map((row) => Number(row.id));
    const stores = await read<{
      id: number;
      licence_no: string;
      district_code: string;
      branch_id: number;
      org_path: string;
    }>(sql`
      SELECT id, licence_no, district_code, branch_id, org_path FROM customers
      WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id LIMIT 2`);
    store = {
      id: Number(stores[0].id),
      licenceNo: stores[0].licence_no,
      districtCode: stores[0].district_code,
      branchId: Number(stores[0].branch_id),
      orgPath: stores[0].org_path,
    };
    otherStore = { id: Number(stores[1].id) };
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licenceNo, password: testPassword },
    });
    retailer = sessionCookieOf(login);
  }, 240_000);
  afterAll(async () => t?.close());

  const indexOf = async (cookie: string, query: string) => {
    const response = await inject(cookie, 'GET', `/api/v1/prices/index?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { week: string; weekStart: string; rows: IndexRow[] };
  };

  describe('the portal report', () => {
    it('is counted in the index at once', async () => {
      const before = await indexOf(marketing, `productId=${productId}&week=${thisWeek}&groupBy=none`);
      expect(before.rows).toEqual([
        expect.objectContaining({ key: 'all', observations: 0, index: null, suggestedPackPrice: 20 }),
      ]);
      const response = await inject(retailer, 'POST', '/api/v1/portal/prices', { productId, packPrice: 19.5 });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({ id: expect.any(Number), observedAt: t.clock.now.toISOString() });
      const after = await indexOf(marketing, `productId=${productId}&week=${thisWeek}&groupBy=none`);
      expect(after.rows).toEqual([
        expect.objectContaining({ observations: 1, meanPackPrice: 19.5, suggestedPackPrice: 20, index: 97.5 }),
      ]);
      const byDistrict = await indexOf(marketing, `productId=${productId}&week=${thisWeek}&groupBy=district`);
      expect(byDistrict.rows).toEqual([expect.objectContaining({ key: store.districtCode, observations: 1 })]);
      const [row] = await read<{ source: string; customer_id: number; district_code: string; org_path: string }>(
        sql`SELECT source, customer_id, district_code, org_path FROM price_reports WHERE id = ${body.id}`,
      );
      expect(row).toMatchObject({ source: 'retailer', district_code: store.districtCode, org_path: store.orgPath });
      const audit = await read<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE entity = 'price_report' AND entity_id = ${String(body.id)}`,
      );
      expect(audit.map((entry) => entry.action)).toEqual(['create']);
    });

    it.each([
      ['an unknown product', () => ({ productId: 2_000_000_000, packPrice: 20 }), 400, 'PRICE_PRODUCT_UNKNOWN'],
      ['a discontinued product', () => ({ productId: discontinuedId, packPrice: 20 }), 400, 'PRICE_PRODUCT_UNKNOWN'],
      ['a price of 0', () => ({ productId, packPrice: 0 }), 400, 'PRICE_INVALID'],
      ['a negative price', () => ({ productId, packPrice: -3 }), 400, 'PRICE_INVALID'],
      ['three decimals', () => ({ productId, packPrice: 19.999 }), 400, 'PRICE_INVALID'],
      ['a price as text', () => ({ productId, packPrice: '20' }), 400, 'VALIDATION_FAILED'],
      ['another store', () => ({ productId, packPrice: 20, customerId: otherStore.id }), 403, 'PRICE_OTHER_STORE'],
      ['a carton price', () => ({ productId, packPrice: 200 }), 400, 'PRICE_LOOKS_LIKE_CARTON'],
      ['an implausible price', () => ({ productId, packPrice: 3 }), 409, 'PRICE_CONFIRMATION_REQUIRED'],
      ['an unknown field', () => ({ productId, packPrice: 20, shop: 1 }), 400, 'VALIDATION_FAILED'],
    ])('refuses %s and writes nothing', async (_name, body, status, code) => {
      const before = await reportCount();
      const response = await inject(retailer, 'POST', '/api/v1/portal/prices', body());
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(response.json().detail).toBeTruthy();
      expect(await reportCount()).toBe(before);
    });

    it('keeps a confirmed implausible price, flagged and not counted', async () => {
      const before = await indexOf(marketing, `productId=${productId}&week=${thisWeek}&groupBy=none`);
      const response = await inject(retailer, 'POST', '/api/v1/portal/prices', {
        productId,
        packPrice: 3,
        confirm: true,
      });
      expect(response.statusCode, response.body).toBe(201);
      const [row] = await read<{ flagged: boolean }>(
        sql`SELECT flagged FROM price_reports WHERE id = ${response.json().id}`,
      );
      expect(row.flagged).toBe(true);
      const after = await indexOf(marketing, `productId=${productId}&week=${thisWeek}&groupBy=none`);
      expect(after.rows[0].observations).toBe(before.rows[0].observations);
      const flagged = await inject(inspector, 'GET', `/api/v1/prices/observations?flagged=true&productId=${productId}`);
      expect(flagged.json().items.map((item: { id: number }) => item.id)).toContain(response.json().id);
    });

    it('refuses staff, and the 21st report of a product in a day (429)', async () => {
      const staff = await inject(marketing, 'POST', '/api/v1/portal/prices', { productId, packPrice: 20 });
      expect(staff.statusCode).toBe(403);
      const [{ n }] = await read<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM price_reports WHERE customer_id = ${store.id} AND product_id = ${productId}`);
      for (let sent = Number(n); sent < 20; sent += 1) {
        const response = await inject(retailer, 'POST', '/api/v1/portal/prices', { productId, packPrice: 20 });
        expect(response.statusCode, response.body).toBe(201);
      }
      const before = await reportCount();
      const refused = await inject(retailer, 'POST', '/api/v1/portal/prices', { productId, packPrice: 20 });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('PRICE_REPORT_LIMIT');
      expect(await reportCount()).toBe(before);
      // Another product is still open to the store.
      const [{ id: other }] = await read<{ id: number }>(sql`
        SELECT id FROM products WHERE tenant_id = ${tenantId} AND status = 'active' AND id <> ${productId} ORDER BY id LIMIT 1`);
      const [{ retail }] = await read<{ retail: number }>(
        sql`SELECT retail_price_fen AS retail FROM products WHERE id = ${other}`,
      );
      const fine = await inject(retailer, 'POST', '/api/v1/portal/prices', {
        productId: Number(other),
        packPrice: Number(retail) / 1000,
      });
      expect(fine.statusCode, fine.body).toBe(201);
    });
  });

  describe('market checks', () => {
    it('records a store and a market point; refuses what is incomplete', async () => {
      const atStore = await inject(inspector, 'POST', '/api/v1/prices/observations', {
        productId,
        packPrice: 18.8,
        customerId: otherStore.id,
        note: '明察',
      });
      expect(atStore.statusCode, atStore.body).toBe(201);
      expect(atStore.json()).toMatchObject({ source: 'inspection', customerId: otherStore.id, packPrice: 18.8 });
      const point = await inject(inspector, 'POST', '/api/v1/prices/observations', {
        productId,
        packPrice: 19,
        marketPoint: '火车站流动摊点',
        districtCode: store.districtCode,
      });
      expect(point.statusCode, point.body).toBe(201);
      expect(point.json()).toMatchObject({ customerId: null, marketPoint: '火车站流动摊点' });
      for (const [body, code] of [
        [{ productId, packPrice: 19 }, 'PRICE_PLACE_REQUIRED'],
        [{ productId, packPrice: 19, marketPoint: '某点' }, 'PRICE_PLACE_REQUIRED'],
        [
          { productId, packPrice: 19, customerId: store.id, marketPoint: '某点', districtCode: store.districtCode },
          'PRICE_PLACE_REQUIRED',
        ],
        [{ productId, packPrice: 19, marketPoint: '某点', districtCode: '999999' }, 'PRICE_DISTRICT_UNKNOWN'],
        [{ productId, packPrice: 19, customerId: 2_000_000_000 }, 'PRICE_STORE_UNKNOWN'],
        [
          { productId, packPrice: 19, customerId: store.id, observedAt: '2026-01-01T10:00:00+08:00' },
          'PRICE_OBSERVED_AT_INVALID',
        ],
      ] as const) {
        const response = await inject(inspector, 'POST', '/api/v1/prices/observations', body);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().code).toBe(code);
      }
      const manager = await inject(managerCookie, 'POST', '/api/v1/prices/observations', {
        productId,
        packPrice: 19,
        customerId: store.id,
      });
      expect(manager.statusCode).toBe(403);
    });
  });

  // The observations of a product and week, recomputed from the tables with plain SQL and the
  // stated filter (price-index.rules.ts) applied per district.
  async function recompute(
    product: number,
    monday: string,
    keyOf: (row: RawRow) => string,
    keep = (_row: RawRow) => true,
  ) {
    const from = new Date(`${monday}T00:00:00+08:00`);
    const until = new Date(from.getTime() + 7 * 86_400_000);
    const raw = await read<RawRow>(sql`
      SELECT c.district_code, c.branch_id::text AS branch_id, c.manager_id, o.pack_price_fen
      FROM visit_price_observations o JOIN customers c ON c.id = o.customer_id
      WHERE o.tenant_id = ${tenantId} AND o.product_id = ${product} AND o.observed_at >= ${from} AND o.observed_at < ${until}
        AND o.visit_id NOT IN (SELECT corrects_visit_id FROM visits WHERE corrects_visit_id IS NOT NULL)
      UNION ALL
      SELECT r.district_code, r.branch_id::text, c.manager_id, r.pack_price_fen
      FROM price_reports r LEFT JOIN customers c ON c.id = r.customer_id
      WHERE r.tenant_id = ${tenantId} AND r.product_id = ${product} AND NOT r.flagged
        AND r.observed_at >= ${from} AND r.observed_at < ${until}`);
    const [{ retail }] = await read<{ retail: number }>(
      sql`SELECT retail_price_fen AS retail FROM products WHERE id = ${product}`,
    );
    const suggested = Number(retail) / 10;
    const byDistrict = new Map<string, RawRow[]>();
    for (const row of raw) byDistrict.set(row.district_code, [...(byDistrict.get(row.district_code) ?? []), row]);
    const groups = new Map<string, number[]>();
    for (const rows of byDistrict.values()) {
      const kept = countedObservations(
        rows.map((row) => Number(row.pack_price_fen)),
        suggested,
      );
      rows.forEach((row, index) => {
        if (!kept[index] || !keep(row)) return;
        const key = keyOf(row);
        groups.set(key, [...(groups.get(key) ?? []), Number(row.pack_price_fen)]);
      });
    }
    return new Map(
      [...groups.entries()].map(([key, prices]) => {
        const mean = prices.reduce((sum, price) => sum + price, 0) / prices.length;
        return [key, { observations: prices.length, index: (mean * 100) / suggested }];
      }),
    );
  }
  type RawRow = { district_code: string; branch_id: string | null; manager_id: number | null; pack_price_fen: number };

  describe('the index', () => {
    let demoProduct: number;
    const lastWeek = '2026-W47';
    const lastMonday = '2026-11-16';

    beforeAll(async () => {
      const [row] = await read<{ product_id: number }>(sql`
        SELECT product_id FROM visit_price_observations
        WHERE tenant_id = ${tenantId} AND observed_at >= ${new Date('2026-11-16T00:00:00+08:00')}
          AND observed_at < ${new Date('2026-11-23T00:00:00+08:00')}
        GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 1`);
      demoProduct = Number(row.product_id);
    });

    it.each([
      ['none', () => 'all'],
      ['district', (row: RawRow) => row.district_code],
      ['branch', (row: RawRow) => row.branch_id ?? 'none'],
    ] as const)('grouped by %s equals a recomputation from the tables', async (groupBy, keyOf) => {
      const answer = await indexOf(marketing, `productId=${demoProduct}&week=${lastWeek}&groupBy=${groupBy}`);
      expect(answer.weekStart).toBe(lastMonday);
      const expected = await recompute(demoProduct, lastMonday, keyOf);
      expect(expected.size).toBeGreaterThan(0);
      const counted = answer.rows.filter((row) => row.observations > 0);
      expect(counted.map((row) => row.key).sort()).toEqual([...expected.keys()].sort());
      for (const row of counted) {
        const figure = expected.get(row.key);
        expect(row.observations, row.key).toBe(figure?.observations);
        expect(row.index, row.key).toBeCloseTo(figure?.index ?? 0, 2);
        expect(row.label).not.toBe('');
      }
    });

    // The index page's drill-down: the list asked with a figure's own keys lists exactly its count.
    const rowFilter: Record<string, (key: string) => string> = {
      none: () => '',
      branch: (key) => `&branchId=${key}`,
      district: (key) => `&districtCode=${key}`,
      format: (key) => `&format=${key}`,
      urban_rural: (key) => `&urbanRural=${key}`,
      brand: (key) => `&brand=${encodeURIComponent(key)}`,
      price_class: (key) => `&priceClass=${key}`,
      product: (key) => `&productId=${key}`,
    };
    it('lists, filtered on the server, exactly the observations behind each figure', async () => {
      const [{ brand }] = await read<{ brand: string }>(sql`SELECT brand FROM products WHERE id = ${demoProduct}`);
      const subjects = [`productId=${demoProduct}`, `brand=${encodeURIComponent(brand)}`, 'priceClass=2', ''];
      let checked = 0;
      for (const subject of subjects)
        for (const groupBy of Object.keys(rowFilter)) {
          if (subject !== '' && ['brand', 'price_class', 'product'].includes(groupBy)) continue;
          const answer = await indexOf(marketing, `${subject}&week=${lastWeek}&groupBy=${groupBy}`);
          expect(answer).toMatchObject({ week: lastWeek, currentWeek: thisWeek });
          for (const row of answer.rows.filter((each) => each.observations > 0)) {
            const url = `/api/v1/prices/observations?${subject}&week=${lastWeek}&counted=true${rowFilter[groupBy](row.key)}&limit=3`;
            const list = await inject(marketing, 'GET', url);
            expect(list.statusCode, list.body).toBe(200);
            expect(list.json().total, url).toBe(row.observations);
            checked += 1;
          }
        }
      expect(checked).toBeGreaterThan(20);
      // Every source, visits' among them; each row keyed uniquely, paged, newest first.
      const all = await inject(marketing, 'GET', `/api/v1/prices/observations?week=${lastWeek}&limit=500`);
      const items: { key: string; source: string; observedAt: string; reporterName: string }[] = all.json().items;
      expect(new Set(items.map((item) => item.source)).has('visit')).toBe(true);
      expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
      expect(items.every((item) => item.reporterName !== '')).toBe(true);
      const times = items.map((item) => Date.parse(item.observedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const page = await inject(marketing, 'GET', `/api/v1/prices/observations?week=${lastWeek}&limit=5&offset=5`);
      expect(page.json().items.map((item: { key: string }) => item.key)).toEqual(
        items.slice(5, 10).map((item) => item.key),
      );
      const visitsOnly = await inject(marketing, 'GET', `/api/v1/prices/observations?week=${lastWeek}&source=visit`);
      expect(visitsOnly.json().items.every((item: { source: string }) => item.source === 'visit')).toBe(true);
      // The counted ones are a subset of all, never more.
      const counted = await inject(
        marketing,
        'GET',
        `/api/v1/prices/observations?week=${lastWeek}&counted=true&limit=1`,
      );
      expect(counted.json().total).toBeLessThanOrEqual(all.json().total);
      // A manager lists their own stores' observations only.
      const own = await inject(managerCookie, 'GET', `/api/v1/prices/observations?week=${lastWeek}&limit=500`);
      expect(own.statusCode).toBe(403);
      for (const query of ['branchId=abc', 'week=2026-W54', 'source=phone', 'priceClass=6', 'counted=yes', 'limit=501'])
        expect((await inject(marketing, 'GET', `/api/v1/prices/observations?${query}`)).statusCode, query).toBe(400);
    }, 180_000);

    it('gives a manager the figures of their own stores only', async () => {
      const answer = await indexOf(managerCookie, `productId=${demoProduct}&week=${lastWeek}&groupBy=none`);
      const expected = await recompute(
        demoProduct,
        lastMonday,
        () => 'all',
        (row) => Number(row.manager_id) === managerId,
      );
      expect(answer.rows[0].observations).toBe(expected.get('all')?.observations ?? 0);
      if (expected.get('all')) expect(answer.rows[0].index).toBeCloseTo(expected.get('all')?.index ?? 0, 2);
      const city = await indexOf(marketing, `productId=${demoProduct}&week=${lastWeek}&groupBy=none`);
      expect(answer.rows[0].observations).toBeLessThan(city.rows[0].observations);
    });

    it('weights several products by the cartons ordered, the simple index beside it', async () => {
      const answer = await indexOf(marketing, `week=${lastWeek}&groupBy=none`);
      const [row] = answer.rows as (IndexRow & { simpleIndex: number; weightedIndex: number })[];
      expect(row.weighting).toBe('sales');
      expect(row.meanPackPrice).toBeNull();
      const products = await read<{ id: number; retail: number }>(
        sql`SELECT id, retail_price_fen AS retail FROM products WHERE tenant_id = ${tenantId}`,
      );
      const weights = new Map(
        (
          await read<{ product_id: number; cartons: number }>(sql`
          SELECT product_id, sum(ordered)::int AS cartons FROM store_product_weeks
          WHERE tenant_id = ${tenantId} AND week_start > '2026-08-17' AND week_start <= ${lastMonday}
          GROUP BY product_id`)
        ).map((entry) => [Number(entry.product_id), Number(entry.cartons)]),
      );
      let weighted = 0;
      let total = 0;
      const simple: number[] = [];
      for (const product of products) {
        const figure = (await recompute(Number(product.id), lastMonday, () => 'all')).get('all');
        if (!figure) continue;
        simple.push(figure.index);
        const weight = weights.get(Number(product.id)) ?? 0;
        weighted += figure.index * weight;
        total += weight;
      }
      expect(row.simpleIndex).toBeCloseTo(simple.reduce((sum, value) => sum + value, 0) / simple.length, 2);
      expect(row.weightedIndex).toBeCloseTo(weighted / total, 2);
      expect(row.index).toBe(row.weightedIndex);
      const byBrand = await indexOf(marketing, `week=${lastWeek}&groupBy=brand`);
      expect(byBrand.rows.length).toBeGreaterThan(1);
    });

    it('reads the weights of stored weeks from their roll-up, equal to the orders read live', async () => {
      // The demo's history weeks are stored (price_margin_refreshes) with their weights; the week
      // after lastMonday is not, and is read live.
      const stored = await read<{ weeks: number; groups: number }>(sql`
        SELECT (SELECT count(*)::int FROM price_margin_refreshes WHERE tenant_id = ${tenantId}
                  AND week_start > '2026-08-17' AND week_start <= ${lastMonday}) AS weeks,
          (SELECT count(*)::int FROM price_weight_groups WHERE tenant_id = ${tenantId}) AS groups`);
      expect(stored[0].weeks).toBeGreaterThan(0);
      expect(stored[0].groups).toBeGreaterThan(0);
      const columns = { branch: 'c.branch_id::text', district: 'c.district_code', format: 'c.format' } as const;
      const branch = t.city.branches[0];
      const reaches = [
        ['the city', 'tenant', sql`true`],
        [
          'a branch',
          { kind: 'org', orgUnitId: branch.id, orgPath: branch.path, orgUnitName: branch.name },
          sql`c.org_path LIKE ${`${branch.path}%`}`,
        ],
        ['a manager (live)', { kind: 'own', userId: managerId }, sql`c.manager_id = ${managerId}`],
      ] as const;
      for (const monday of [lastMonday, '2026-11-30']) {
        for (const [name, reach, condition] of reaches) {
          for (const [grouping, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
            const cells = await weightCells(t.database.db, { tenantId, monday, grouping, reach });
            const expected = await read<{ key: string; product_id: number; cartons: number }>(sql`
              SELECT ${sql.raw(column)} AS key, w.product_id, sum(w.ordered)::int AS cartons
              FROM store_product_weeks w JOIN customers c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
              WHERE w.tenant_id = ${tenantId} AND w.week_start > ${monday}::date - 91 AND w.week_start <= ${monday}::date
                AND ${condition}
              GROUP BY 1, 2`);
            const text = (rows: { key: string; productId: number; cartons: number }[]) =>
              rows.map((row) => `${row.key}|${row.productId}|${row.cartons}`).sort();
            expect(text(cells), `${name} by ${grouping}, ${monday}`).toEqual(
              text(
                expected.map((row) => ({
                  key: String(row.key),
                  productId: Number(row.product_id),
                  cartons: Number(row.cartons),
                })),
              ),
            );
            expect(cells.length, `${name} by ${grouping}`).toBeGreaterThan(0);
          }
        }
      }
    });

    it('gives a branch its own branch only', async () => {
      const city = await indexOf(marketing, `productId=${demoProduct}&week=${lastWeek}&groupBy=branch`);
      const busiest = [...city.rows].sort((a, b) => b.observations - a.observations)[0];
      const branch = t.city.branches.find((entry) => String(entry.id) === busiest.key);
      expect(branch, busiest.key).toBeDefined();
      await addStaff(t, { username: `mk-index-${kind}`, role: 'marketing', orgUnitId: Number(branch?.id) });
      const cookie = await t.signIn(`mk-index-${kind}`);
      const answer = await indexOf(cookie, `productId=${demoProduct}&week=${lastWeek}&groupBy=branch`);
      const counted = answer.rows.filter((row) => row.observations > 0);
      expect(counted).toEqual([busiest]);
    });

    it('leaves out the observations of a corrected visit', async () => {
      const before = await indexOf(marketing, `productId=${demoProduct}&week=${lastWeek}&groupBy=none`);
      const [visit] = await read<{ visit_id: number }>(sql`
        SELECT o.visit_id FROM visit_price_observations o
        WHERE o.tenant_id = ${tenantId} AND o.product_id = ${demoProduct}
          AND o.observed_at >= ${new Date('2026-11-16T00:00:00+08:00')} AND o.observed_at < ${new Date('2026-11-23T00:00:00+08:00')}
        ORDER BY o.visit_id LIMIT 1`);
      await t.database.db.execute(sql`
        INSERT INTO visits (tenant_id, customer_id, manager_id, org_path, corrects_visit_id, correction_reason,
          check_in_at, check_out_at, checklist, image_score, submitted_at)
        SELECT tenant_id, customer_id, manager_id, org_path, id, '更正', check_in_at, check_out_at, checklist,
          image_score, submitted_at
        FROM visits WHERE id = ${visit.visit_id}`);
      const after = await indexOf(marketing, `productId=${demoProduct}&week=${lastWeek}&groupBy=none`);
      expect(before.rows[0].observations).toBeGreaterThan(0);
      expect(after.rows[0].observations).toBe(before.rows[0].observations - 1);
      const expected = (await recompute(demoProduct, lastMonday, () => 'all')).get('all');
      expect(after.rows[0].observations).toBe(expected?.observations ?? 0);
      if (expected) expect(after.rows[0].index).toBeCloseTo(expected.index, 2);
      else expect(after.rows[0].index).toBeNull();
    });

    it('refuses a week that does not exist; an unknown product is not found', async () => {
      const week = await inject(marketing, 'GET', '/api/v1/prices/index?week=2025-W53');
      expect(week.statusCode).toBe(400);
      expect(week.json().code).toBe('PRICE_WEEK_INVALID');
      const product = await inject(marketing, 'GET', '/api/v1/prices/index?productId=2000000000');
      expect(product.statusCode).toBe(404);
      const grouping = await inject(marketing, 'GET', '/api/v1/prices/index?groupBy=planet');
      expect(grouping.statusCode).toBe(400);
      for (const url of ['/api/v1/prices/index?week=0000-W01', '/api/v1/prices/trend?brand=x&from=0000-W01'])
        expect((await inject(marketing, 'GET', url)).statusCode, url).toBe(400);
      const range = await inject(marketing, 'GET', '/api/v1/prices/trend?brand=x&from=2024-W01&to=2026-W47');
      expect(range.json().code).toBe('PRICE_RANGE_INVALID');
    });
  });

  describe('warning rules', () => {
    it('are kept by marketing; floor ≥ ceiling is refused', async () => {
      const bad = await inject(marketing, 'POST', '/api/v1/prices/warning-rules', {
        scope: 'default',
        yellowFloor: 105,
        yellowCeiling: 95,
        redFloor: 90,
        redCeiling: 110,
        minObservations: 5,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('PRICE_RULE_BANDS_INVALID');
      const created = await inject(marketing, 'POST', '/api/v1/prices/warning-rules', {
        scope: 'price_class',
        priceClass: 5,
        yellowFloor: 96,
        yellowCeiling: 104,
        redFloor: 92,
        redCeiling: 108,
        dropPoints: 4,
        minObservations: 3,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const twice = await inject(marketing, 'POST', '/api/v1/prices/warning-rules', {
        scope: 'price_class',
        priceClass: 5,
        yellowFloor: 95,
        yellowCeiling: 105,
        redFloor: 90,
        redCeiling: 110,
        minObservations: 3,
      });
      expect(twice.statusCode).toBe(409);
      const badEdit = await inject(marketing, 'PATCH', `/api/v1/prices/warning-rules/${id}`, { redFloor: 97 });
      expect(badEdit.json().code).toBe('PRICE_RULE_BANDS_INVALID');
      const edit = await inject(marketing, 'PATCH', `/api/v1/prices/warning-rules/${id}`, { minObservations: 4 });
      expect(edit.json()).toMatchObject({ minObservations: 4, yellowFloor: 96 });
      const target = await inject(marketing, 'POST', '/api/v1/prices/warning-rules', {
        scope: 'product',
        yellowFloor: 95,
        yellowCeiling: 105,
        redFloor: 90,
        redCeiling: 110,
        minObservations: 3,
      });
      expect(target.json().code).toBe('PRICE_RULE_TARGET_INVALID');
      const list = await inject(inspector, 'GET', '/api/v1/prices/warning-rules');
      expect(list.json().builtIn).toMatchObject({ yellowFloor: 95, yellowCeiling: 105, redFloor: 90, redCeiling: 110 });
      expect(list.json().items.map((rule: { id: number }) => rule.id)).toContain(id);
      expect((await inject(inspector, 'DELETE', `/api/v1/prices/warning-rules/${id}`)).statusCode).toBe(403);
      const branchMarketer = await addStaff(t, {
        username: `mk-branch-${kind}`,
        role: 'marketing',
        orgUnitId: t.city.branches[0].id,
      });
      expect(branchMarketer).toBeGreaterThan(0);
      const branchCookie = await t.signIn(`mk-branch-${kind}`);
      const refused = await inject(branchCookie, 'DELETE', `/api/v1/prices/warning-rules/${id}`);
      expect(refused.statusCode).toBe(403);
      expect((await inject(marketing, 'DELETE', `/api/v1/prices/warning-rules/${id}`)).statusCode).toBe(204);
      const audit = await read<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE entity = 'price_warning_rule' AND entity_id = ${String(id)} ORDER BY id`,
      );
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    });
  });

  describe('warnings', () => {
    // The test product in the store's district: 100 in W44, 93 in W45–W47 (a dip of three weeks),
    // six observations a week at six stores of the district.
    const weeks = [
      { week: '2026-W44', monday: '2026-10-26', price: 2000 },
      { week: '2026-W45', monday: '2026-11-02', price: 1860 },
      { week: '2026-W46', monday: '2026-11-09', price: 1860 },
      { week: '2026-W47', monday: '2026-11-16', price: 1860 },
    ];
    let warningId: number;

    beforeAll(async () => {
      const stores = await read<{ id: number; branch_id: number; org_path: string }>(sql`
        SELECT id, branch_id, org_path FROM customers
        WHERE tenant_id = ${tenantId} AND district_code = ${store.districtCode} ORDER BY id LIMIT 6`);
      for (const { monday, price } of weeks)
        for (const [position, row] of stores.entries())
          await t.database.db.execute(sql`
            INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
              pack_price_fen, observed_at, reported_by, created_at)
            VALUES (${tenantId}, 'inspection', ${productId}, ${row.id}, ${store.districtCode}, ${row.branch_id},
              ${row.org_path}, ${price + (position % 2) * 10}, ${new Date(`${monday}T10:00:00+08:00`)}, ${adminId},
              ${new Date(`${monday}T10:00:00+08:00`)})`);
    });

    it('a three-week dip raises one warning, carried from its first week to its last', async () => {
      for (const { week } of weeks) {
        const response = await inject(marketing, 'POST', '/api/v1/prices/warnings/evaluate', { week });
        expect(response.statusCode, response.body).toBe(200);
      }
      const again = await inject(marketing, 'POST', '/api/v1/prices/warnings/evaluate', { week: '2026-W47' });
      expect(again.json()).toMatchObject({ week: '2026-W47', created: 0 });
      const rows = await read<{ id: number; first_week: string; week: string; weeks: number; level: string }>(sql`
        SELECT id, first_week, week, weeks, level FROM price_warnings
        WHERE product_id = ${productId} AND region_kind = 'district' AND region_key = ${store.districtCode}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ first_week: '2026-W45', week: '2026-W47', weeks: 3, level: 'yellow' });
      warningId = Number(rows[0].id);

      const list = await inject(marketing, 'GET', '/api/v1/prices/warnings?status=new');
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((entry: { id: number }) => entry.id === warningId);
      // (1860 × 3 + 1870 × 3) / 6 = 1865 fen → 93.25.
      expect(item).toMatchObject({
        productId,
        region: { kind: 'district', key: store.districtCode },
        week: '2026-W47',
        index: 93.25,
        level: 'yellow',
        status: 'new',
        observations: 6,
      });
      expect(item.rule).toContain('低于黄色下限 95');
      // The week before the dip does not warn; the inspector reads, the manager may not.
      expect((await inject(managerCookie, 'GET', '/api/v1/prices/warnings')).statusCode).toBe(403);
      const closed = await inject(marketing, 'GET', '/api/v1/prices/warnings?status=closed');
      expect(closed.json().items.map((entry: { id: number }) => entry.id)).not.toContain(warningId);
    });

    it('is acknowledged, acted on and closed, forward only', async () => {
      // An owner who is no staff member of the company is refused, and the warning stays new.
      const strangerOwner = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, {
        status: 'acknowledged',
        ownerId: 2_000_000_000,
      });
      expect(strangerOwner.statusCode, strangerOwner.body).toBe(400);
      expect(strangerOwner.json().code).toBe('PRICE_WARNING_OWNER_UNKNOWN');
      const ack = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, { status: 'acknowledged' });
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json()).toMatchObject({ status: 'acknowledged', ownerName: expect.any(String) });
      const noNote = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, {
        status: 'action_taken',
      });
      expect(noNote.json().code).toBe('PRICE_WARNING_NOTE_REQUIRED');

      const draft = await inject(marketing, 'GET', `/api/v1/prices/warnings/${warningId}/allocation`);
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.json()).toMatchObject({
        warningId,
        product: { id: productId },
        segment: { districtCodes: [store.districtCode] },
        regionMultipliers: { districts: { [store.districtCode]: 0.7 } },
        factor: 0.7,
      });
      if (draft.json().cycle === null) expect(draft.json().createWeekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const acted = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, {
        status: 'action_taken',
        note: '下期该区县限量投放，配额下调 20%',
      });
      expect(acted.json()).toMatchObject({ status: 'action_taken', actionNote: '下期该区县限量投放，配额下调 20%' });
      const back = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, { status: 'acknowledged' });
      expect(back.statusCode).toBe(409);
      expect(back.json().code).toBe('PRICE_WARNING_STATUS');
      expect(
        (await inject(inspector, 'PATCH', `/api/v1/prices/warnings/${warningId}`, { status: 'closed' })).statusCode,
      ).toBe(403);
      const closed = await inject(marketing, 'PATCH', `/api/v1/prices/warnings/${warningId}`, { status: 'closed' });
      expect(closed.json().status).toBe('closed');
      // The daily job judges the last complete week (W47) again: the closed warning is not raised anew.
      const outcome = await priceWarningJob.run(t.context);
      expect(outcome).toMatchObject({ tenants: 1 });
      const [{ n }] = await read<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM price_warnings
        WHERE product_id = ${productId} AND region_kind = 'district' AND region_key = ${store.districtCode}`);
      expect(Number(n)).toBe(1);
      const audit = await read<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE entity = 'price_warning' AND entity_id = ${String(warningId)} ORDER BY id`,
      );
      expect(audit.map((entry) => entry.action)).toEqual(['change_status', 'change_status', 'change_status']);
    });

    it('draws the trend and the heat table', async () => {
      const trend = await inject(
        marketing,
        'GET',
        `/api/v1/prices/trend?productId=${productId}&from=2026-W44&to=2026-W47&districtCode=${store.districtCode}`,
      );
      expect(trend.statusCode, trend.body).toBe(200);
      const points = trend.json().points as { week: string; index: number | null }[];
      expect(points.map((point) => point.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
      expect(points[0].index).toBeCloseTo(100.25, 2);
      expect(points[3].index).toBeCloseTo(93.25, 2);
      const both = await inject(marketing, 'GET', `/api/v1/prices/trend?productId=${productId}&brand=测试牌`);
      expect(both.json().code).toBe('PRICE_TREND_TARGET');
      const heat = await inject(marketing, 'GET', '/api/v1/prices/heat?week=2026-W47');
      expect(heat.statusCode, heat.body).toBe(200);
      const cell = heat
        .json()
        .cells.find(
          (entry: { districtCode: string; brand: string }) =>
            entry.districtCode === store.districtCode && entry.brand === '测试牌',
        );
      expect(cell).toMatchObject({ observations: 6 });
      expect(cell.index).toBeCloseTo(93.25, 2);
    });

    it('judges a branch of one district as that district: one warning, not the same one twice', async () => {
      // 龙海营销部 is 龙海区 alone (市区营销部 has two districts).
      const [lone] = await read<{ branch_id: number; district_code: string }>(sql`
        SELECT min(branch_id) AS branch_id, min(district_code) AS district_code FROM customers
        WHERE tenant_id = ${tenantId} GROUP BY branch_id HAVING count(DISTINCT district_code) = 1
        ORDER BY count(*) DESC, 1 LIMIT 1`);
      const stores = await read<{ id: number; org_path: string }>(sql`
        SELECT id, org_path FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${lone.branch_id}
        ORDER BY id LIMIT 5`);
      expect(stores).toHaveLength(5);
      const [{ id }] = await read<{ id: number }>(sql`
        INSERT INTO products (tenant_id, code, brand, name, price_class, wholesale_price_fen, retail_price_fen, status)
        VALUES (${tenantId}, 'T-PRICE-3', '测试牌', '测试牌(软)', 2, 18000, 20000, 'active') RETURNING id`);
      for (const row of stores)
        await t.database.db.execute(sql`
          INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
            pack_price_fen, observed_at, reported_by, created_at)
          VALUES (${tenantId}, 'inspection', ${id}, ${row.id}, ${lone.district_code}, ${lone.branch_id}, ${row.org_path},
            1860, ${new Date('2026-11-17T10:00:00+08:00')}, ${adminId}, ${new Date('2026-11-17T10:00:00+08:00')})`);
      const response = await inject(marketing, 'POST', '/api/v1/prices/warnings/evaluate', { week: '2026-W47' });
      expect(response.statusCode, response.body).toBe(200);
      const raised = await read<{ region_kind: string; region_key: string }>(sql`
        SELECT region_kind, region_key FROM price_warnings WHERE product_id = ${id} ORDER BY region_kind`);
      // The district's and the city's (the product is observed nowhere else): none for the branch.
      expect(raised).toEqual([
        { region_kind: 'city', region_key: 'city' },
        { region_kind: 'district', region_key: lone.district_code },
      ]);
      // The dip above, in the store's branch: judged apart (one warning) if the branch has more districts.
      const [{ n, districts }] = await read<{ n: number; districts: number }>(sql`
        SELECT (SELECT count(*)::int FROM price_warnings WHERE product_id = ${productId} AND region_kind = 'branch'
                  AND region_key = ${String(store.branchId)}) AS n,
          (SELECT count(DISTINCT district_code)::int FROM customers
           WHERE tenant_id = ${tenantId} AND branch_id = ${store.branchId}) AS districts`);
      expect(Number(n)).toBe(Number(districts) > 1 ? 1 : 0);
    });
  });
});
