import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { createTestDatabase, testDatabaseKinds } from '../../db/test-database.ts';
import { seedDemoTickets } from '../../demo/demo-tickets.ts';
import { createRandom } from '../../demo/random.ts';
import { type DemoCity, seedDemoCity } from '../../demo/seed-demo-city.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import {
  type AnalysisPeriod,
  complaintsAndStoresByBranch,
  countsByCategory,
  countsByType,
  countsByWeek,
  handlingAndSatisfaction,
  hotSpots,
  slaByHandler,
} from './ticket-analysis.repository.ts';

// The analysis queries are shaped for speed at a million tickets (e.g. weeks grouped before they are
// formatted): each is checked here against a straightforward SQL over the raw tickets, on the
// demo's year, in three data scopes and two periods.

const now = new Date('2026-11-23T02:00:00Z');
const dayMs = 86_400_000;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// Row order among equal counts is not part of the contract: compare as sorted sets.
const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

describe.each(testDatabaseKinds)('ticket analysis queries on %s', (kind) => {
  let database: DatabaseHandle;
  let city: DemoCity;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The city without its order history (slow), then the demo's year of tickets alone.
    city = await seedDemoCity(database.db, now, { customers: 4000, supply: false });
    await seedDemoTickets(database.db, city.tenantId, now, createRandom(7));
  }, 300_000);
  afterAll(async () => database?.close());

  const raw = async <T>(query: SQL) => rowsOf<T>(await database.db.execute(query));

  function scopes(): Array<[string, DataScope]> {
    const branch = city.branches[0];
    const manager = city.managers.find((row) => row.branchId === branch.id) ?? city.managers[0];
    return [
      ['city', { kind: 'org', orgUnitId: city.rootOrgUnitId, orgPath: '/', orgUnitName: '' }],
      ['branch', { kind: 'org', orgUnitId: branch.id, orgPath: branch.path, orgUnitName: branch.name }],
      ['own', { kind: 'own', userId: manager.id }],
    ];
  }

  // The scope as plain SQL over the raw ticket columns.
  function scopeSql(scope: DataScope): SQL {
    if (scope.kind === 'org') return sql.raw(`t.org_path LIKE '${scope.orgPath}%'`);
    if (scope.kind === 'own') return sql.raw(`t.manager_id = ${scope.userId}`);
    return sql.raw(`t.customer_id = ${scope.customerId}`);
  }

  // The same scope over the raw store columns.
  function storeScopeSql(scope: DataScope): SQL {
    if (scope.kind === 'org') return sql.raw(`s.org_path LIKE '${scope.orgPath}%'`);
    if (scope.kind === 'own') return sql.raw(`s.manager_id = ${scope.userId}`);
    return sql.raw(`s.id = ${scope.customerId}`);
  }

  function periods(scope: DataScope): Array<[string, AnalysisPeriod]> {
    const to = new Date(now.getTime() + dayMs);
    return [
      ['last 365 days', { tenantId: city.tenantId, scope, from: new Date(to.getTime() - 365 * dayMs), to }],
      [
        'one quarter',
        {
          tenantId: city.tenantId,
          scope,
          from: new Date('2026-04-01T00:00:00+08:00'),
          to: new Date('2026-07-01T00:00:00+08:00'),
        },
      ],
    ];
  }

  function where(period: AnalysisPeriod): SQL {
    return sql`t.tenant_id = ${period.tenantId} AND t.created_at >= ${period.from.toISOString()}::timestamptz
      AND t.created_at < ${period.to.toISOString()}::timestamptz AND ${scopeSql(period.scope)}`;
  }

  it('the demo has a year of tickets with resolutions and ratings to analyse', async () => {
    const [row] = await raw<{ n: number; resolved: number; rated: number }>(
      sql`SELECT count(*)::int AS n, count(resolved_at)::int AS resolved, count(rating)::int AS rated FROM tickets`,
    );
    expect(row.n).toBeGreaterThan(200);
    expect(row.resolved).toBeGreaterThan(100);
    expect(row.rated).toBeGreaterThan(50);
  });

  it('each query equals a straightforward SQL over the raw tickets, in every scope and period', async () => {
    for (const [scopeName, scope] of scopes()) {
      for (const [periodName, period] of periods(scope)) {
        const label = `${scopeName}, ${periodName}`;
        const w = where(period);

        const types = await raw(sql`SELECT t.type AS key, count(*)::int AS count FROM tickets t WHERE ${w} GROUP BY 1`);
        expect(sorted(await countsByType(database.db, period)), label).toEqual(sorted(types));

        const categories = await raw(sql`
          SELECT c.code AS key, c.name AS label, c.group_code AS "group",
            (SELECT count(*) FROM tickets t WHERE ${w} AND t.category_code = c.code)::int AS count
          FROM ticket_categories c WHERE c.tenant_id = ${period.tenantId}`);
        expect(sorted(await countsByCategory(database.db, period)), label).toEqual(sorted(categories));

        // Complaints and 在营客户 per branch, both in the scope: a branch with stores and no complaint too.
        const branches = await raw(sql`
          SELECT o.id::text AS key, o.name AS label,
            (SELECT count(*) FROM tickets t WHERE ${w} AND t.type = 'complaint' AND t.branch_id = o.id)::int AS count,
            (SELECT count(*) FROM customers s WHERE s.tenant_id = o.tenant_id AND s.branch_id = o.id AND s.status = 'active'
              AND ${storeScopeSql(period.scope)})::int AS stores
          FROM org_units o WHERE o.tenant_id = ${period.tenantId}`);
        const inScope = (branches as { count: number; stores: number }[]).filter(
          (row) => row.count > 0 || row.stores > 0,
        );
        expect(sorted(await complaintsAndStoresByBranch(database.db, period)), label).toEqual(sorted(inScope));

        const weeks = await raw(sql`
          SELECT to_char(date_trunc('week', t.created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week, count(*)::int AS count
          FROM tickets t WHERE ${w} GROUP BY 1 ORDER BY 1`);
        expect(await countsByWeek(database.db, period), label).toEqual(weeks);

        const spots = await raw(sql`
          SELECT d.name AS district, c.name AS category, count(*)::int AS count
          FROM tickets t
          JOIN districts d ON d.tenant_id = t.tenant_id AND d.code = t.district_code
          JOIN ticket_categories c ON c.tenant_id = t.tenant_id AND c.code = t.category_code
          WHERE ${w} AND t.type = 'complaint' GROUP BY 1, 2`);
        expect(sorted(await hotSpots(database.db, period)), label).toEqual(sorted(spots));

        const handlers = await raw(sql`
          SELECT t.assignee_id AS "handlerId", coalesce(u.display_name, '未分派') AS handler, coalesce(o.name, '') AS team,
            count(*)::int AS tickets,
            count(*) FILTER (WHERE t.first_response_sla = 'met')::int AS "firstResponseMet",
            count(*) FILTER (WHERE t.first_response_sla <> 'pending')::int AS "firstResponseDecided",
            count(*) FILTER (WHERE t.resolution_sla = 'met')::int AS "resolutionMet",
            count(*) FILTER (WHERE t.resolution_sla <> 'pending')::int AS "resolutionDecided"
          FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id
          LEFT JOIN org_units o ON o.tenant_id = u.tenant_id AND o.id = u.org_unit_id
          WHERE ${w} GROUP BY 1, 2, 3`);
        expect(handlers.length, label).toBeLessThan(300);
        expect(sorted(await slaByHandler(database.db, period)), label).toEqual(sorted(handlers));

        const [handling] = await raw<Record<string, unknown>>(sql`
          SELECT count(*)::int AS total,
            count(*) FILTER (WHERE t.type = 'complaint')::int AS complaints,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', t.resolved_at - t.created_at) / 3600)
              FILTER (WHERE t.resolved_at IS NOT NULL) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', t.resolved_at - t.created_at) / 3600)
              FILTER (WHERE t.resolved_at IS NOT NULL) AS p90,
            count(t.rating)::int AS rated,
            avg(t.rating)::float AS average,
            count(*) FILTER (WHERE t.rating >= 4)::int AS satisfied
          FROM tickets t WHERE ${w}`);
        const ours = await handlingAndSatisfaction(database.db, period);
        expect(ours.total, label).toBeGreaterThan(0);
        expect({ ...ours, median: Number(ours.median), p90: Number(ours.p90) }, label).toEqual({
          ...handling,
          median: Number(handling.median),
          p90: Number(handling.p90),
        });
      }
    }
  });
});
