import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { listPlanItems, listPlanItemsForView } from './visits.repository.ts';

describe.each(testDatabaseKinds)(`${listPlanItemsForView.name} on %s`, (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 120 });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reads what the month plan shows, in the order the sorted statement gave', async () => {
    const city = t.city;
    const branch = city.branches[0];
    const month = t.clock.now.toISOString().slice(0, 7);
    // Ties on a day and a store, so that the order by id matters: a second visit to the same stores.
    await t.database.db.execute(sql`
      INSERT INTO visit_plan_items (tenant_id, month, manager_id, customer_id, org_path, planned_on, status, source, created_at)
      SELECT tenant_id, month, manager_id, customer_id, org_path, planned_on, 'planned', 'added', created_at
      FROM visit_plan_items WHERE tenant_id = ${city.tenantId} AND month = ${month} ORDER BY id DESC LIMIT 40`);
    const unit = (orgUnitId: number, orgPath: string): DataScope => ({
      kind: 'org',
      orgUnitId,
      orgPath,
      orgUnitName: '',
    });
    const cases: [DataScope, Parameters<typeof listPlanItems>[3]][] = [
      [unit(city.rootOrgUnitId, `/${city.rootOrgUnitId}/`), { month }],
      [unit(branch.id, branch.path), { month }],
      [
        { kind: 'own', userId: city.managers[0].id },
        { month, managerId: city.managers[0].id },
      ],
      [unit(city.rootOrgUnitId, `/${city.rootOrgUnitId}/`), { month, date: `${month}-15` }],
    ];
    let compared = 0;
    for (const [scope, filter] of cases) {
      const expected = (await listPlanItems(t.database.db, city.tenantId, scope, filter)).map(
        ({ address: _address, latitude: _latitude, longitude: _longitude, ...item }) => item,
      );
      const actual = await listPlanItemsForView(t.database.db, city.tenantId, scope, filter);
      expect(actual, JSON.stringify({ scope, filter })).toEqual(expected);
      compared += actual.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
