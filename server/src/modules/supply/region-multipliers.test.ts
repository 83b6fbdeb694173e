import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { orgUnits } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers, districts } from '../customers/customers.schema.ts';
import { products } from '../products/products.schema.ts';
import { orderCycles, storeQuotas } from './supply.schema.ts';

// 区域系数 end to end: a cycle whose product has a district factor 0.8 gives that district's stores
// 80 % of their grade-table quantity (rounded half up, as the algorithm rounds), the others theirs;
// districts and branches not of the tenant are refused by name; the explanation names the district.

describe.each(testDatabaseKinds)('region multipliers (区域系数) on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let cycleId: number;
  let productId: number;
  let stores: Array<{ id: number; districtCode: string; branchId: number }>;
  let reduced: { code: string; name: string };

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: marketing }, payload: payload as never });

  const gradeTable = (qty: number) => ({ kind: 'grade_table', table: [{ fromGrade: 1, toGrade: 30, qty }] });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    marketing = await t.signIn('marketing');
    const [inserted] = await t.database.db
      .insert(products)
      .values({
        tenantId: t.city.tenantId,
        code: '6901028099',
        brand: '七匹狼',
        name: '七匹狼(通仙)',
        priceClass: 2,
        wholesalePriceFen: 20_000,
        retailPriceFen: 23_000,
      })
      .returning({ id: products.id });
    productId = inserted.id;
    stores = await t.database.db
      .select({ id: customers.id, districtCode: customers.districtCode, branchId: customers.branchId })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')));
    // The district with the most stores is the one reduced.
    const counts = Map.groupBy(stores, (store) => store.districtCode);
    const code = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0][0];
    const [district] = await t.database.db
      .select({ code: districts.code, name: districts.name })
      .from(districts)
      .where(and(eq(districts.tenantId, t.city.tenantId), eq(districts.code, code)));
    reduced = district;
    const created = await inject('POST', '/api/v1/supply/cycles', { weekStart: '2026-11-30' });
    expect(created.statusCode).toBe(201);
    cycleId = created.json().id;
  });
  afterAll(async () => t?.close());

  it('refuses a district or branch the city company does not have, naming it, and saves nothing', async () => {
    const [otherBranch] = await t.database.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.tenantId, t.otherTenant.tenantId))
      .limit(1);
    for (const [regionMultipliers, named] of [
      [{ districts: { '110101': 0.8 } }, '110101'],
      [{ branches: { [String(otherBranch.id)]: 0.8 } }, String(otherBranch.id)],
    ] as const) {
      const response = await inject('PUT', `/api/v1/supply/cycles/${cycleId}/products`, {
        products: [{ productId, supply: null, strategy: { base: gradeTable(5), regionMultipliers } }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ALLOCATION_STRATEGY_INVALID');
      expect(response.json().detail).toContain(`区域系数中未知的`);
      expect(response.json().detail).toContain(named);
    }
    const english = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/supply/cycles/${cycleId}/products`,
      headers: { cookie: marketing, 'accept-language': 'en' },
      payload: {
        products: [
          {
            productId,
            supply: null,
            strategy: { base: gradeTable(5), regionMultipliers: { districts: { '110101': 0.8 } } },
          },
        ],
      },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().detail).toContain('region multipliers: unknown district 110101');
    const detail = await inject('GET', `/api/v1/supply/cycles/${cycleId}`);
    expect(detail.json().products).toEqual([]);
  });

  it('refuses a malformed region key or factor at the schema', async () => {
    for (const regionMultipliers of [
      { districts: { abc: 0.8 } },
      { branches: { '-1': 0.8 } },
      { districts: { [reduced.code]: 0 } },
      { towns: {} },
    ]) {
      const response = await inject('PUT', `/api/v1/supply/cycles/${cycleId}/products`, {
        products: [{ productId, supply: null, strategy: { base: gradeTable(5), regionMultipliers } }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('gives the district’s stores 80 % of their quantity and the others all of it, and says why', async () => {
    const set = await inject('PUT', `/api/v1/supply/cycles/${cycleId}/products`, {
      products: [
        {
          productId,
          supply: null,
          strategy: { base: gradeTable(3), regionMultipliers: { districts: { [reduced.code]: 0.8 } } },
        },
      ],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().products[0].strategy.regionMultipliers).toEqual({ districts: { [reduced.code]: 0.8 } });
    const published = await inject('POST', `/api/v1/supply/cycles/${cycleId}/publish`);
    expect(published.statusCode).toBe(200);
    const rows = await t.database.db
      .select({ customerId: storeQuotas.customerId, quotas: storeQuotas.quotas })
      .from(storeQuotas)
      .innerJoin(orderCycles, eq(orderCycles.id, storeQuotas.cycleId))
      .where(eq(storeQuotas.cycleId, cycleId));
    const quotaOf = new Map(rows.map((row) => [row.customerId, row.quotas[0]]));
    const inDistrict = stores.filter((store) => store.districtCode === reduced.code);
    const elsewhere = stores.filter((store) => store.districtCode !== reduced.code);
    expect(inDistrict.length).toBeGreaterThan(0);
    expect(elsewhere.length).toBeGreaterThan(0);
    // 3 × 0.8 = 2.4 → 2 (half up); 3 elsewhere.
    for (const store of inDistrict) expect(quotaOf.get(store.id)).toBe(2);
    for (const store of elsewhere) expect(quotaOf.get(store.id)).toBe(3);

    const explained = await inject('GET', `/api/v1/supply/cycles/${cycleId}/quotas/${inDistrict[0].id}`);
    expect(explained.statusCode).toBe(200);
    expect(explained.json().items[0].explanation).toMatch(
      new RegExp(`^档位 \\d+ → 3；×0\\.8 区域系数（${reduced.name}） → 2\\.4 → 2$`),
    );
  });

  it('multiplies a district’s and a branch’s factor for a store in both', async () => {
    const next = await inject('POST', '/api/v1/supply/cycles', { weekStart: '2026-12-07' });
    expect(next.statusCode).toBe(201);
    const store = stores.find((candidate) => candidate.districtCode === reduced.code) as (typeof stores)[number];
    const set = await inject('PUT', `/api/v1/supply/cycles/${next.json().id}/products`, {
      products: [
        {
          productId,
          supply: null,
          strategy: {
            base: gradeTable(10),
            regionMultipliers: { districts: { [reduced.code]: 0.8 }, branches: { [String(store.branchId)]: 0.5 } },
          },
        },
      ],
    });
    expect(set.statusCode).toBe(200);
    const preview = await inject('POST', `/api/v1/supply/cycles/${next.json().id}/preview`);
    expect(preview.statusCode).toBe(200);
    const quotas = preview.json().products[0].distribution.map((row: { quota: number }) => row.quota);
    // 10 × 0.8 × 0.5 = 4 in both; 8 in the district only; 5 in the branch only; 10 in neither.
    expect(quotas).toContain(4);
    for (const quota of quotas) expect([4, 5, 8, 10]).toContain(quota);
  });
});
