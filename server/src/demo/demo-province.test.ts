import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { checkLicenceNo } from '../modules/customers/customer.rules.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { tenants, users } from '../platform/identity/identity.schema.ts';
import { demoBranchesOf, demoDistrictsOf, otherFujianCities, urbanShareOf } from './fujian.ts';
import { type DemoCity, readDemoMarker, seedDemoCity, seedDemoProvince } from './seed-demo-city.ts';

// The province generator's shape on a small province (2,500 stores): the proportions and names
// the full ~250,000 will have.
describe('demo province', () => {
  let database: DatabaseHandle;
  let cities: DemoCity[];
  const now = new Date('2026-11-23T02:00:00Z');
  const total = 2_500;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    cities = await seedDemoProvince(database.db, now, { customers: total });
  }, 300_000);
  afterAll(async () => database?.close());

  const customersOf = (tenantId: number) =>
    database.db
      .select({ licenceNo: customers.licenceNo, name: customers.name, phone: customers.phone })
      .from(customers)
      .where(eq(customers.tenantId, tenantId))
      .orderBy(customers.id);

  it('makes the nine city companies of Fujian, 漳州 first, with the total asked for', async () => {
    expect(cities.map((city) => city.tenantCode)).toEqual(['zhangzhou', ...otherFujianCities.map((c) => c.tenantCode)]);
    expect(cities.reduce((sum, city) => sum + city.customerCount, 0)).toBe(total);
    // 漳州 keeps its share of the default province: 24,000 of 250,000.
    expect(cities[0].customerCount).toBe(240);
    const [row] = await database.db.select({ n: count() }).from(tenants);
    expect(row.n).toBe(9);
    expect(await readDemoMarker(database.db)).toMatch(/ province$/);
  });

  it('sizes the cities by population: 泉州 and 福州 largest, 三明 smallest', () => {
    const sizes = new Map(cities.map((city) => [city.tenantCode, city.customerCount]));
    const others = otherFujianCities.map((city) => sizes.get(city.tenantCode) ?? 0);
    expect(Math.max(...others)).toBe(sizes.get('quanzhou'));
    expect(Math.min(...others)).toBe(sizes.get('sanming'));
    expect(sizes.get('fuzhou')).toBeGreaterThan(sizes.get('xiamen') ?? 0);
  });

  it("makes 漳州 exactly as the city demo does, so the README's accounts and licences hold", async () => {
    const city = await createTestDatabase('pglite');
    try {
      const alone = await seedDemoCity(city.db, now, { customers: 240 });
      const [inProvince, byItself] = await Promise.all([
        customersOf(cities[0].tenantId),
        city.db
          .select({ licenceNo: customers.licenceNo, name: customers.name, phone: customers.phone })
          .from(customers)
          .where(eq(customers.tenantId, alone.tenantId))
          .orderBy(customers.id),
      ]);
      expect(inProvince).toEqual(byItself);
      expect(cities[0].managers.map((manager) => manager.username)).toEqual(
        alone.managers.map((manager) => manager.username),
      );
    } finally {
      await city.close();
    }
  }, 120_000); // seeds a whole city, history and credit runs included

  it('gives other cities staff usernames prefixed by the city, unique in the deployment', async () => {
    const staff = await database.db
      .select({ username: users.username, tenantId: users.tenantId })
      .from(users)
      .where(sql`${users.role} <> 'retailer'`);
    expect(new Set(staff.map((user) => user.username.toLowerCase())).size).toBe(staff.length);
    const fuzhou = cities.find((city) => city.tenantCode === 'fuzhou');
    const fuzhouStaff = staff.filter((user) => user.tenantId === fuzhou?.tenantId).map((user) => user.username);
    expect(fuzhouStaff).toEqual(
      expect.arrayContaining(['fuzhou-admin', 'fuzhou-marketing', 'fuzhou-service', 'fuzhou-manager01']),
    );
    expect(fuzhouStaff.every((username) => username.startsWith('fuzhou-'))).toBe(true);
    expect(staff.filter((user) => user.tenantId === cities[0].tenantId).map((user) => user.username)).toContain(
      'admin',
    );
  });

  it('licenses every store in a district of its own city, with a retailer account named by the licence', async () => {
    for (const [index, plan] of otherFujianCities.entries()) {
      const city = cities[index + 1];
      const known = new Set(demoDistrictsOf(plan).map((district) => district.code));
      const rows = await database.db
        .select({ licenceNo: customers.licenceNo, latitude: customers.latitude, longitude: customers.longitude })
        .from(customers)
        .where(eq(customers.tenantId, city.tenantId));
      expect(rows.length).toBe(city.customerCount);
      const [south, west, north, east] = plan.bounds;
      for (const row of rows) {
        expect(known.has(checkLicenceNo(row.licenceNo, known))).toBe(true);
        expect(row.latitude).toBeGreaterThanOrEqual(south);
        expect(row.latitude).toBeLessThanOrEqual(north);
        expect(row.longitude).toBeGreaterThanOrEqual(west);
        expect(row.longitude).toBeLessThanOrEqual(east);
      }
    }
    const [accounts] = await database.db
      .select({ n: count() })
      .from(users)
      .innerJoin(customers, and(eq(customers.id, users.customerId), eq(customers.licenceNo, users.username)))
      .where(eq(users.role, 'retailer'));
    expect(accounts.n).toBe(total);
  });

  it('puts more of a 区 in town than of a 县级市, and more of a 县级市 than of a 县', async () => {
    expect(urbanShareOf('鼓楼区')).toBeGreaterThan(urbanShareOf('福清市'));
    expect(urbanShareOf('福清市')).toBeGreaterThan(urbanShareOf('闽侯县'));
    const rows = await database.db
      .select({ districtCode: customers.districtCode, urbanRural: customers.urbanRural })
      .from(customers)
      .where(sql`${customers.tenantId} <> ${cities[0].tenantId}`);
    const shareOf = (suffix: string) => {
      const names = new Map(
        otherFujianCities.flatMap((plan) => demoDistrictsOf(plan)).map((district) => [district.code, district.name]),
      );
      const matching = rows.filter((row) => names.get(row.districtCode)?.endsWith(suffix));
      return matching.filter((row) => row.urbanRural === 'urban').length / matching.length;
    };
    expect(shareOf('区')).toBeGreaterThan(shareOf('市'));
    expect(shareOf('市')).toBeGreaterThan(shareOf('县'));
  });

  it('has one branch per district, shares summing to 1, and leaves 金门县 without stores', () => {
    const quanzhou = otherFujianCities.find((city) => city.tenantCode === 'quanzhou');
    if (!quanzhou) throw new Error('泉州 missing');
    const districts = demoDistrictsOf(quanzhou);
    expect(districts.map((district) => district.code)).not.toContain('350527');
    const branches = demoBranchesOf(districts);
    expect(branches).toHaveLength(districts.length);
    expect(branches.find((branch) => branch.districtCodes[0] === '350582')?.name).toBe('晋江营销部');
    expect(branches.reduce((sum, branch) => sum + branch.share, 0)).toBeCloseTo(1, 10);
  });

  it('is deterministic: the same province again', async () => {
    const again = await createTestDatabase('pglite');
    try {
      const other = await seedDemoProvince(again.db, now, { customers: total });
      const xiamen = other.find((city) => city.tenantCode === 'xiamen');
      const [first, second] = await Promise.all([
        customersOf(cities.find((city) => city.tenantCode === 'xiamen')?.tenantId ?? 0),
        again.db
          .select({ licenceNo: customers.licenceNo, name: customers.name, phone: customers.phone })
          .from(customers)
          .where(eq(customers.tenantId, xiamen?.tenantId ?? 0))
          .orderBy(customers.id),
      ]);
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual(first);
    } finally {
      await again.close();
    }
  }, 300_000); // seeds the province a second time
});
