import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { insertCustomerGrades, insertGradeRun } from './grades.repository.ts';
import { failedSegment, type Segment } from './segment.rules.ts';
import { countStoresInSegment, storesInSegmentSql } from './segment-stores.ts';
import { storesForAllocation } from './supply.repository.ts';

// storesInSegmentSql must pick exactly the stores the allocation's 限点 lets order: the active stores
// as storesForAllocation reads them (record and current 档位), filtered in memory by failedSegment.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)(`${storesInSegmentSql.name} on %s`, (kind) => {
  let t: TestApp;
  let tenantId: number;
  const onDate = '2026-11-23';
  let branchIds: number[];
  let districtCodes: string[];

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 150 });
    tenantId = t.city.tenantId;
    const db = t.database.db;
    branchIds = t.city.branches.map((branch) => branch.id);
    // Classes and demonstration types spread over the stores; a few stores out of business.
    await db.execute(sql`
      UPDATE customers SET
        class_code = (ARRAY['demonstration', 'growth', 'ordinary', 'special'])[1 + id % 4],
        demo_type = CASE WHEN id % 4 = 0 THEN (ARRAY['brand', 'terminal', 'information'])[1 + id % 3] END,
        status = CASE WHEN id % 17 = 0 THEN 'suspended' ELSE status END
      WHERE tenant_id = ${tenantId}`);
    // Three grade runs: the one in effect on onDate decides; a later one and a draft do not.
    const ids = rowsOf<{ id: number }>(
      await db.execute(sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} ORDER BY id`),
    ).map((row) => Number(row.id));
    const run = async (effectiveOn: string, status: 'draft' | 'published', gradeOf: (id: number) => number | null) => {
      const created = await insertGradeRun(db, {
        tenantId,
        periodFrom: '2026-08-01',
        periodTo: '2026-10-31',
        weights: { amount: 70, quantity: 30 },
        effectiveOn,
        status,
        storeCount: ids.length,
        createdAt: t.clock.now,
        publishedAt: status === 'published' ? t.clock.now : null,
      });
      const graded = ids.flatMap((id) => {
        const grade = gradeOf(id);
        return grade === null ? [] : [{ customerId: id, grade, score: 0, amountFen: 0, quantity: 0 }];
      });
      await insertCustomerGrades(db, tenantId, created.id, graded);
    };
    await run('2026-11-16', 'published', (id) => (id % 10 === 0 ? null : 1 + ((id * 7) % 30)));
    await run('2026-11-30', 'published', () => 30);
    await run('2026-11-20', 'draft', () => 1);
    districtCodes = rowsOf<{ code: string }>(
      await db.execute(sql`SELECT DISTINCT district_code AS code FROM customers WHERE tenant_id = ${tenantId}`),
    ).map((row) => row.code);
  });

  afterAll(async () => {
    await t?.close();
  });

  const segments = (): Array<[string, Segment]> => [
    ['everyone', {}],
    ['a class', { classes: ['demonstration'] }],
    ['a demonstration type', { demoTypes: ['brand', 'information'] }],
    ['a branch', { branchIds: [branchIds[0]] }],
    ['formats and urban/rural', { formats: ['convenience', 'grocery'], urbanRural: ['urban'] }],
    ['a district', { districtCodes: [districtCodes[0]] }],
    ['a grade range', { gradeMin: 10, gradeMax: 20 }],
    ['grade 1 (with the stores the run did not grade)', { gradeMax: 1 }],
    [
      'everything together',
      { classes: ['demonstration', 'growth'], branchIds, gradeMin: 5, urbanRural: ['urban', 'rural'] },
    ],
    ['a branch of no store', { branchIds: [2_000_000_000] }],
  ];

  it('selects the active stores the allocation would let order, key by key', async () => {
    const db = t.database.db;
    const stores = await storesForAllocation(db, tenantId, onDate);
    expect(stores.length).toBeGreaterThan(100);
    for (const [name, segment] of segments()) {
      const expected = stores
        .filter((store) => failedSegment({ ...store, grade: store.grade ?? 1 }, segment).length === 0)
        .map((store) => store.customerId);
      const selected = rowsOf<{ customer_id: number }>(
        await db.execute(sql`${storesInSegmentSql(tenantId, segment, { onDate })} ORDER BY 1`),
      ).map((row) => Number(row.customer_id));
      expect(selected, name).toEqual(expected);
      expect(await countStoresInSegment(db, tenantId, segment, { onDate }), name).toBe(expected.length);
    }
  });

  it('leaves out stores out of business and other tenants', async () => {
    const db = t.database.db;
    const inactive = rowsOf<{ count: number }>(
      await db.execute(sql`
        SELECT count(*)::int AS count FROM customers
        WHERE status <> 'active' AND id IN (${storesInSegmentSql(tenantId, {}, { onDate })})`),
    );
    expect(Number(inactive[0].count)).toBe(0);
    expect(await countStoresInSegment(db, t.otherTenant.tenantId, {})).toBe(0);
  });

  it('reads the grade of the run in effect on the day asked (a later run takes over when it starts)', async () => {
    const db = t.database.db;
    const all = await countStoresInSegment(db, tenantId, {}, { onDate });
    expect(await countStoresInSegment(db, tenantId, { gradeMin: 30 }, { onDate: '2026-11-30' })).toBe(all);
    expect(await countStoresInSegment(db, tenantId, { gradeMin: 30 }, { onDate })).toBeLessThan(all);
  });

  it("narrows to a caller's data scope when asked", async () => {
    const db = t.database.db;
    const manager = t.city.managers[0];
    const own = await countStoresInSegment(db, tenantId, {}, { onDate, reach: { kind: 'own', userId: manager.id } });
    const all = await countStoresInSegment(db, tenantId, {}, { onDate });
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(all);
  });
});
