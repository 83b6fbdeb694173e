import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { checkLicenceNo } from '../modules/customers/customer.rules.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { users } from '../platform/identity/identity.schema.ts';
import { createDemoTestCity, demoTestCityDate } from '../test/demo-test-city.ts';
import { type DemoCity, seedDemoCity } from './seed-demo-city.ts';
import { demoBranches, demoDistricts, districtBounds } from './zhangzhou.ts';

// The generator's shape on a smaller city (3,000 stores): what the demo, tests and benchmarks see.
describe('demo city customers', () => {
  let database: DatabaseHandle;
  let city: DemoCity;
  let rows: (typeof customers.$inferSelect)[];
  const now = new Date(demoTestCityDate);

  beforeAll(async () => {
    // Seeded once per test run, shared with demo-classification.test.ts (test/demo-test-city.ts).
    ({ database, city } = await createDemoTestCity('pglite'));
    rows = await database.db.select().from(customers).orderBy(customers.id);
    // A whole demo city, its 13 weeks of ordering history included, on a shared machine.
  }, 300_000);
  afterAll(async () => database?.close());

  it('generates the number asked for, each with a valid, unique licence number of its district', () => {
    expect(rows).toHaveLength(3000);
    const known = new Set(demoDistricts.map((district) => district.code));
    for (const row of rows) expect(checkLicenceNo(row.licenceNo, known)).toBe(row.districtCode);
    expect(new Set(rows.map((row) => row.licenceNo)).size).toBe(rows.length);
  });

  it('orders formats as a city does: grocery most, then convenience, tobacco & liquor, supermarket, entertainment, mall', () => {
    const countOf = (format: string) => rows.filter((row) => row.format === format).length;
    const order = ['grocery', 'convenience', 'tobacco_liquor', 'supermarket', 'entertainment', 'mall'];
    const counts = order.map(countOf);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('has a few stores suspended or closed (about 2 % each), the rest in business', () => {
    const shareOf = (status: string) => rows.filter((row) => row.status === status).length / rows.length;
    expect(shareOf('active')).toBeGreaterThan(0.94);
    for (const status of ['suspended', 'closed']) {
      expect(shareOf(status), status).toBeGreaterThan(0.01);
      expect(shareOf(status), status).toBeLessThan(0.03);
    }
  });

  it('has about 70.8% ordering online and order days Monday to Saturday', () => {
    const online = rows.filter((row) => row.orderChannel === 'online').length / rows.length;
    expect(online).toBeGreaterThan(0.68);
    expect(online).toBeLessThan(0.74);
    expect(new Set(rows.map((row) => row.orderDay))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('puts every store inside its district, with its district in the address', () => {
    for (const row of rows) {
      const [south, west, north, east] = districtBounds[row.districtCode];
      expect(row.latitude).toBeGreaterThanOrEqual(south);
      expect(row.latitude).toBeLessThanOrEqual(north);
      expect(row.longitude).toBeGreaterThanOrEqual(west);
      expect(row.longitude).toBeLessThanOrEqual(east);
      const district = demoDistricts.find((candidate) => candidate.code === row.districtCode);
      expect(row.address.startsWith(district?.name ?? '?')).toBe(true);
    }
  });

  it("assigns each store to a manager of its branch, in one of the branch's districts", () => {
    const managerBranch = new Map(city.managers.map((manager) => [manager.id, manager.branchId]));
    for (const row of rows) {
      expect(managerBranch.get(row.managerId)).toBe(row.branchId);
      const branch = city.branches.find((candidate) => candidate.id === row.branchId);
      expect(branch?.districtCodes).toContain(row.districtCode);
      expect(row.orgPath).toBe(branch?.path);
    }
    expect(city.branches.map((branch) => branch.code)).toEqual(demoBranches.map((branch) => branch.code));
  });

  it('gives every store a retailer account named by its licence number', async () => {
    const [accounts] = await database.db
      .select({ n: count() })
      .from(users)
      .innerJoin(customers, and(eq(customers.id, users.customerId), eq(customers.licenceNo, users.username)))
      .where(and(eq(users.role, 'retailer'), eq(users.scopeKind, 'customer')));
    expect(accounts.n).toBe(3000);
  });

  it('is deterministic: the same seed makes the same city', async () => {
    const again = await createTestDatabase('pglite');
    try {
      // The stores are drawn before the supply history, visits, prices and surveys, from the city's
      // own seed: the city without them has the same stores, in a fraction of the time.
      await seedDemoCity(again.db, now, { customers: 3000, supply: false });
      const other = await again.db
        .select({ licenceNo: customers.licenceNo, name: customers.name, phone: customers.phone })
        .from(customers)
        .orderBy(customers.id);
      expect(other).toEqual(rows.map(({ licenceNo, name, phone }) => ({ licenceNo, name, phone })));
    } finally {
      await again.close();
    }
  }, 180_000);

  it('leaves statistics for the planner after the bulk load', async () => {
    const result = await database.db.execute(sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'customers'`);
    const [row] = (result as unknown as { rows: { n: number }[] }).rows;
    expect(row.n).toBe(3000);
  });
});
