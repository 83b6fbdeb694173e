import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { staffRoles } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// GET /organisation/overview: the console home's figures in one request. Each must be the figure
// the pages it summarises show (the staff list's total per role, the org units listed).
describe.each(testDatabaseKinds)('organisation overview on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const overviewOf = async (cookie: string) => {
    const response = await t.app.inject({ url: '/api/v1/organisation/overview', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.json() as {
      usersTotal: number;
      orgUnitsTotal: number;
      usersByRole: { role: string; total: number }[];
    };
  };
  const staffTotal = async (cookie: string, query: string) =>
    (await t.app.inject({ url: `/api/v1/users?limit=1&${query}`, headers: { cookie } })).json().total as number;
  const orgUnitCount = async (cookie: string) =>
    (await t.app.inject({ url: '/api/v1/org-units', headers: { cookie } })).json().items.length as number;

  it('answers the figures the staff list and the org units show, every staff role in order', async () => {
    const overview = await overviewOf(admin);
    expect(overview.usersByRole.map((entry) => entry.role)).toEqual([...staffRoles]);
    expect(overview.usersTotal).toBe(await staffTotal(admin, ''));
    expect(overview.orgUnitsTotal).toBe(await orgUnitCount(admin));
    for (const { role, total } of overview.usersByRole)
      expect(total, role).toBe(await staffTotal(admin, `role=${role}`));
    expect(overview.usersTotal).toBe(overview.usersByRole.reduce((sum, entry) => sum + entry.total, 0));
  });

  it('counts only what a branch-scoped administrator sees', async () => {
    const branch = t.city.branches[2];
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'ov-admin',
        displayName: '长泰概览管理员',
        role: 'admin',
        orgUnitId: branch.id,
        scopeKind: 'org',
        password: 'changtai-overview-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    const first = await t.signIn('ov-admin', 'changtai-overview-2026');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'changtai-overview-2026', newPassword: 'changtai-own-2027' },
    });
    expect(changed.statusCode).toBe(204);
    const cookie = await t.signIn('ov-admin', 'changtai-own-2027');
    const branchOverview = await overviewOf(cookie);
    expect(branchOverview.orgUnitsTotal).toBe(1);
    expect(branchOverview.usersTotal).toBe(await staffTotal(cookie, ''));
    expect(branchOverview.usersTotal).toBeLessThan((await overviewOf(admin)).usersTotal);
  });

  it('answers administrators only, signed in', async () => {
    for (const role of staffRoles.filter((role) => role !== 'admin')) {
      const response = await t.app.inject({
        url: '/api/v1/organisation/overview',
        headers: { cookie: await t.signIn(role === 'manager' ? t.city.managers[0].username : role) },
      });
      expect(response.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/organisation/overview' })).statusCode).toBe(401);
  });
});
