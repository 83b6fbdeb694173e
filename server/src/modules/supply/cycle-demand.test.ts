import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/index.ts';
import { cycleDemand, insertCycle } from './supply.repository.ts';
import { storeQuotas } from './supply.schema.ts';

// The statement cycleDemand replaced: every store's arrays unnested, element by element. Kept
// here as the specification the grouped statement must agree with, row for row.
async function cycleDemandElementByElement(executor: Executor, tenantId: number, scope: DataScope, cycleId: number) {
  const scoped = scopeCondition(scope, {
    orgPath: customers.orgPath,
    managerId: customers.managerId,
    customerId: customers.id,
  });
  const result = await executor.execute(sql`
    SELECT u.position - 1 AS position,
      sum(GREATEST(u.quota, 0))::bigint AS "quotaTotal",
      sum(u.ordered)::bigint AS ordered,
      count(*) FILTER (WHERE u.ordered > 0)::int AS "storesOrdered",
      count(*) FILTER (WHERE u.quota > 0 AND u.ordered >= u.quota)::int AS "storesAtCap"
    FROM store_quotas q
    JOIN ${customers} ON customers.tenant_id = q.tenant_id AND customers.id = q.customer_id
    CROSS JOIN LATERAL unnest(q.quotas, q.ordered) WITH ORDINALITY AS u(quota, ordered, position)
    WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND ${scoped}
    GROUP BY u.position`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    position: Number(row.position),
    quotaTotal: Number(row.quotaTotal ?? 0),
    ordered: Number(row.ordered ?? 0),
    storesOrdered: Number(row.storesOrdered),
    storesAtCap: Number(row.storesAtCap),
  }));
}

const byPosition = (rows: { position: number }[]) => [...rows].sort((a, b) => a.position - b.position);

// A deterministic pseudo-random sequence, so that a failure can be replayed.
function sequence(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe.each(testDatabaseKinds)(`${cycleDemand.name} on %s`, (kind) => {
  let t: TestApp;
  let cycleId: number;
  const products = 12;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 150 });
    const tenantId = t.city.tenantId;
    const now = t.clock.now;
    const cycle = await insertCycle(t.database.db, {
      tenantId,
      code: '2031-W01',
      weekStart: '2030-12-30',
      opensAt: now,
      closesAt: new Date(now.getTime() + 7 * 86_400_000),
      orderDayOnly: false,
      dailyCutoff: '17:00',
      status: 'published',
      createdAt: now,
      publishedAt: now,
    });
    cycleId = cycle.id;
    const stores = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.tenantId, tenantId));
    const next = sequence(18);
    // Stores share quotas by "grade" (few distinct arrays), one product in three is unlimited (-1),
    // and about half the stores ordered: some nothing of a product, some up to their quota, some
    // past it (an unlimited product).
    const gradeQuotas = Array.from({ length: 5 }, (_, grade) =>
      Array.from({ length: products }, (_, position) => (position % 3 === 2 ? -1 : (grade + position) % 4)),
    );
    await t.database.db.insert(storeQuotas).values(
      stores.map((store, index) => {
        const quotas = gradeQuotas[index % gradeQuotas.length];
        const hasOrdered = next(2) === 0;
        return {
          tenantId,
          cycleId,
          customerId: store.id,
          quotas,
          ordered: quotas.map((quota) => (!hasOrdered ? 0 : quota === -1 ? next(6) : next(quota + 2))),
          grade: (index % 5) + 1,
        };
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('sums and counts exactly what unnesting every store did, whatever the scope', async () => {
    const city = t.city;
    const [store] = await t.database.db
      .select({ managerId: customers.managerId })
      .from(customers)
      .innerJoin(storeQuotas, and(eq(storeQuotas.customerId, customers.id), eq(storeQuotas.cycleId, cycleId)))
      .where(sql`${customers.managerId} IS NOT NULL`)
      .limit(1);
    const unit = (orgUnitId: number, orgPath: string): DataScope => ({
      kind: 'org',
      orgUnitId,
      orgPath,
      orgUnitName: '',
    });
    const branch = city.branches[0];
    const scopes: DataScope[] = [
      unit(city.rootOrgUnitId, `/${city.rootOrgUnitId}/`),
      unit(branch.id, branch.path),
      { kind: 'own', userId: store.managerId as number },
      unit(0, '/0/'),
    ];
    for (const scope of scopes) {
      const expected = byPosition(await cycleDemandElementByElement(t.database.db, city.tenantId, scope, cycleId));
      const actual = byPosition(await cycleDemand(t.database.db, city.tenantId, scope, cycleId));
      expect(actual, JSON.stringify(scope)).toEqual(expected);
    }
    const whole = await cycleDemand(t.database.db, city.tenantId, scopes[0], cycleId);
    expect(whole).toHaveLength(products);
    // The fixture reaches every case: ordered, at the cap, unlimited ordered past nothing.
    expect(whole.some((row) => row.storesAtCap > 0)).toBe(true);
    expect(whole.some((row) => row.storesOrdered > row.storesAtCap)).toBe(true);
  });
});
