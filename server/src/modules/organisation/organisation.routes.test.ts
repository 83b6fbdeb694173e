import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe.each(testDatabaseKinds)('organisation on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const countRows = async (table: typeof users | typeof auditLog) => {
    const [row] = await t.database.db.select({ n: count() }).from(table);
    return row.n;
  };

  it('lists staff with paging and search, without retailers or other tenants', async () => {
    const response = await t.app.inject({ url: '/api/v1/users?q=manager0&limit=5', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(9);
    expect(body.items).toHaveLength(5);
    const all = await t.app.inject({ url: '/api/v1/users?limit=500', headers: { cookie: admin } });
    expect(all.json().total).toBe(204);
    expect(all.json().items.map((user: { username: string }) => user.username)).not.toContain('xm-admin');
  });

  it('lists usernames in natural order, numbers by value, across pages', async () => {
    const usernames: string[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await t.app.inject({
        url: `/api/v1/users?q=manager&limit=50&offset=${offset}`,
        headers: { cookie: admin },
      });
      const items: { username: string }[] = page.json().items;
      usernames.push(...items.map((user) => user.username));
      if (items.length < 50) break;
    }
    const natural = [...usernames].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(usernames).toEqual(natural);
    // The case text order gets wrong: manager99 before manager100.
    expect(usernames.indexOf('manager99')).toBeGreaterThanOrEqual(0);
    expect(usernames.indexOf('manager99')).toBeLessThan(usernames.indexOf('manager100'));
  });

  it('creates a user, audited with before and after, and never stores the password in the trail', async () => {
    const branch = t.city.branches[1];
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'lh-head',
        displayName: '龙海营销部 郑建国',
        role: 'manager',
        orgUnitId: branch.id,
        scopeKind: 'org',
        password: 'branch-head-2026',
      },
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: 'lh-head',
      role: 'manager',
      orgUnitName: '龙海营销部',
      mustChangePassword: true,
    });
    const audit = await t.app.inject({
      url: `/api/v1/audit?entity=user&entityId=${user.id}`,
      headers: { cookie: admin },
    });
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({ action: 'create', actorName: '系统管理员', before: null });
    expect(entry.after).toMatchObject({ username: 'lh-head', role: 'manager' });
    expect(JSON.stringify(entry)).not.toContain('branch-head-2026');
  });

  it('edits a user and records the change with before and after', async () => {
    const list = await t.app.inject({ url: '/api/v1/users?q=manager02', headers: { cookie: admin } });
    const target = list.json().items[0];
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: { cookie: admin },
      payload: { displayName: '客户经理 二号' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().displayName).toBe('客户经理 二号');
    const audit = await t.app.inject({
      url: `/api/v1/audit?entity=user&entityId=${target.id}&action=update`,
      headers: { cookie: admin },
    });
    const [entry] = audit.json().items;
    expect(entry.before.displayName).toBe(target.displayName);
    expect(entry.after.displayName).toBe('客户经理 二号');
  });

  it.each([
    [
      'an unknown field',
      {
        username: 'someone',
        displayName: 'x',
        role: 'admin',
        orgUnitId: 1,
        scopeKind: 'org',
        password: 'long-enough-pw',
        isRoot: true,
      },
      'isRoot',
    ],
    [
      'a wrong type',
      {
        username: 'someone',
        displayName: 'x',
        role: 'admin',
        orgUnitId: 'one',
        scopeKind: 'org',
        password: 'long-enough-pw',
      },
      'orgUnitId',
    ],
    [
      'an over-long string',
      {
        username: 'someone',
        displayName: '长'.repeat(51),
        role: 'admin',
        orgUnitId: 1,
        scopeKind: 'org',
        password: 'long-enough-pw',
      },
      'displayName',
    ],
    [
      'an unknown role',
      {
        username: 'someone',
        displayName: 'x',
        role: 'king',
        orgUnitId: 1,
        scopeKind: 'org',
        password: 'long-enough-pw',
      },
      'role',
    ],
    [
      'a missing field',
      { displayName: 'x', role: 'admin', orgUnitId: 1, scopeKind: 'org', password: 'long-enough-pw' },
      'username',
    ],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, payload, field) => {
    const [usersBefore, auditBefore] = [await countRows(users), await countRows(auditLog)];
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field });
    expect(response.json().detail).toContain(field);
    expect(await countRows(users)).toBe(usersBefore);
    expect(await countRows(auditLog)).toBe(auditBefore);
  });

  it('refuses a taken username with 409 and a role with a scope it cannot hold', async () => {
    const base = { displayName: 'x', orgUnitId: t.city.rootOrgUnitId, password: 'long-enough-pw' };
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { ...base, username: 'Manager01', role: 'manager', scopeKind: 'own' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
    const scope = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { ...base, username: 'newmarketer', role: 'marketing', scopeKind: 'own' },
    });
    expect(scope.statusCode).toBe(409);
    expect(scope.json().code).toBe('SCOPE_NOT_ALLOWED');
  });

  it("answers 404 for another tenant's user and org unit, as if they did not exist", async () => {
    const other = await t.signIn(t.otherTenant.adminUsername);
    const otherUsers = await t.app.inject({ url: '/api/v1/users', headers: { cookie: other } });
    const otherUserId = otherUsers.json().items[0].id;
    const otherUnits = await t.app.inject({ url: '/api/v1/org-units', headers: { cookie: other } });
    const otherUnitId = otherUnits.json().items[0].id;
    expect((await t.app.inject({ url: `/api/v1/users/${otherUserId}`, headers: { cookie: admin } })).statusCode).toBe(
      404,
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${otherUnitId}`,
      headers: { cookie: admin },
      payload: { name: '被篡改' },
    });
    expect(patch.statusCode).toBe(404);
    const missing = await t.app.inject({ url: '/api/v1/users/999999', headers: { cookie: admin } });
    expect(missing.json()).toEqual({ ...missing.json(), status: 404, code: 'NOT_FOUND' });
  });

  it('disabling a user signs them out and stops sign-in', async () => {
    const victim = await t.signIn('manager09');
    const list = await t.app.inject({ url: '/api/v1/users?q=manager09', headers: { cookie: admin } });
    const id = list.json().items[0].id;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: victim } })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'manager09', password: 'kewo-demo-2026' },
    });
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('an admin cannot disable themself', async () => {
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin } });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.json().id}`,
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(409);
  });

  it('creates org units only where the tree allows, with unique codes', async () => {
    const branch = t.city.branches[0];
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: admin },
      payload: { parentId: branch.id, kind: 'department', name: '市区营销部 第一片区', code: 'xc-1' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().path).toBe(`/${t.city.rootOrgUnitId}/${branch.id}/${created.json().id}/`);
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: admin },
      payload: { parentId: branch.id, kind: 'branch', name: '错误', code: 'wrong' },
    });
    expect(nested.statusCode).toBe(409);
    expect(nested.json().code).toBe('ORG_UNIT_INVALID_PARENT');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: admin },
      payload: { parentId: t.city.rootOrgUnitId, kind: 'department', name: '重复', code: 'xc-1' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'ORG_UNIT_CODE_TAKEN', field: 'code' });
  });

  it('a branch-scoped admin sees only its branch', async () => {
    const branch = t.city.branches[2];
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'ct-admin',
        displayName: '长泰管理员',
        role: 'admin',
        orgUnitId: branch.id,
        scopeKind: 'org',
        password: 'changtai-admin-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    const cookie = await t.signIn('ct-admin', 'changtai-admin-2026');
    // An account the admin created sets its own password before anything else.
    const ownPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'changtai-admin-2026', newPassword: 'changtai-own-2026' },
    });
    expect(ownPassword.statusCode).toBe(204);
    const units = await t.app.inject({ url: '/api/v1/org-units', headers: { cookie } });
    expect(units.json().items.map((unit: { id: number }) => unit.id)).toEqual([branch.id]);
    const staff = await t.app.inject({ url: '/api/v1/users?limit=500', headers: { cookie } });
    const names = staff.json().items.map((user: { orgUnitName: string }) => user.orgUnitName);
    expect(new Set(names)).toEqual(new Set(['长泰营销部']));
    const cityAdmin = await t.app.inject({ url: '/api/v1/users?q=admin', headers: { cookie: admin } });
    const cityAdminId = cityAdmin.json().items.find((user: { username: string }) => user.username === 'admin').id;
    expect((await t.app.inject({ url: `/api/v1/users/${cityAdminId}`, headers: { cookie } })).statusCode).toBe(404);
    // The audit trail too: only what people of the branch did.
    const audit = await t.app.inject({ url: '/api/v1/audit?limit=200', headers: { cookie } });
    const actors = new Set(audit.json().items.map((item: { actorName: string }) => item.actorName));
    expect(actors).toEqual(new Set(['长泰管理员']));
  });

  it('answers the staff directory to every staff role within its scope, bounded, names and units only', async () => {
    const marketing = await t.signIn('marketing');
    const response = await t.app.inject({
      url: '/api/v1/users/directory?role=marketing&limit=100',
      headers: { cookie: marketing },
    });
    expect(response.statusCode).toBe(200);
    const items: { id: number; name: string; role: string; orgUnitName: string }[] = response.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.role === 'marketing')).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'orgUnitName', 'role']);
    // Search by a name or username fragment; at most `limit`.
    const managers = await t.app.inject({
      url: '/api/v1/users/directory?q=manager&limit=7',
      headers: { cookie: marketing },
    });
    expect(managers.json().items).toHaveLength(7);
    expect(managers.json().items.every((item: { role: string }) => item.role === 'manager')).toBe(true);
    // A customer manager (own scope) finds only themself; no retailer is ever listed.
    const manager = t.city.managers[0];
    const own = await t.app.inject({
      url: '/api/v1/users/directory',
      headers: { cookie: await t.signIn(manager.username) },
    });
    expect(own.json().items.map((item: { id: number }) => item.id)).toEqual([manager.id]);
    const everyone = await t.app.inject({ url: '/api/v1/users/directory?limit=100&q=', headers: { cookie: admin } });
    expect(everyone.json().items.some((item: { role: string }) => item.role === ('retailer' as string))).toBe(false);
    for (const query of ['limit=101', 'limit=0', 'role=retailer', `q=${'x'.repeat(51)}`, 'unknown=1'])
      expect(
        (await t.app.inject({ url: `/api/v1/users/directory?${query}`, headers: { cookie: marketing } })).statusCode,
        query,
      ).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/users/directory' })).statusCode).toBe(401);
  });
});
