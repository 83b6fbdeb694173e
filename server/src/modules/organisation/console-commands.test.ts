import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { DomainError } from '../../platform/errors/domain-error.ts';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTenantFromConsole, createUserFromConsole } from './organisation.service.ts';

// `kewo user create` and `kewo tenant create` on a deployment that already has city companies
// (the test city 漳州 and 厦门).
describe.each(testDatabaseKinds)('the console commands on a deployment with cities, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 20 });
  });
  afterAll(async () => t?.close());

  const rowCounts = async () => ({
    tenants: (await t.database.db.select({ n: count() }).from(tenants))[0].n,
    users: (await t.database.db.select({ n: count() }).from(users))[0].n,
    audit: (await t.database.db.select({ n: count() }).from(auditLog))[0].n,
  });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: DomainError) => error.code,
    );
  const consoleUser = {
    displayName: '新账号',
    role: 'admin' as const,
    password: 'a-strong-password-2026',
    scopeKind: 'org' as const,
  };

  it('refuses user create --city / --city-code where a city exists, and a user create naming no city, writing nothing', async () => {
    const before = await rowCounts();
    expect(before.tenants).toBe(2);
    expect(
      await codeOf(
        createUserFromConsole(t.context, {
          ...consoleUser,
          username: 'would-be-city-admin',
          cityName: '泉州市烟草公司',
          cityCode: '3505',
        }),
      ),
    ).toBe('CONSOLE_CITY_EXISTS');
    expect(
      await codeOf(
        createUserFromConsole(t.context, {
          ...consoleUser,
          username: 'x-admin',
          tenantCode: t.city.tenantCode,
          cityCode: '3506',
        }),
      ),
    ).toBe('CONSOLE_CITY_EXISTS');
    expect(await codeOf(createUserFromConsole(t.context, { ...consoleUser, username: 'nameless' }))).toBe(
      'CONSOLE_TENANT_REQUIRED',
    );
    expect(
      await codeOf(createUserFromConsole(t.context, { ...consoleUser, username: 'lost', tenantCode: 'nanjing' })),
    ).toBe('TENANT_UNKNOWN');
    expect(await rowCounts()).toEqual(before);
  });

  it('creates an account in the city company named by --tenant', async () => {
    const created = await createUserFromConsole(t.context, {
      ...consoleUser,
      role: 'marketing',
      username: 'xm-marketing',
      tenantCode: 'xiamen',
    });
    expect(created.tenantName).toBe('厦门市烟草公司');
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'xm-marketing'));
    expect(row.tenantId).toBe(t.otherTenant.tenantId);
  });

  it('adds a city company whose administrator signs in to it alone', async () => {
    const created = await createTenantFromConsole(t.context, {
      tenantCode: 'quanzhou',
      cityName: '泉州市烟草公司',
      cityCode: '3505',
      username: 'qz-admin',
      displayName: '泉州管理员',
      password: 'quanzhou-admin-2026',
    });
    expect(created.tenant).toMatchObject({ code: 'quanzhou', name: '泉州市烟草公司', province: '福建省' });
    const cookie = await t.signIn('qz-admin', 'quanzhou-admin-2026');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ role: 'admin', tenant: { id: created.tenant.id, name: '泉州市烟草公司' } });
    const staff = (await t.app.inject({ url: '/api/v1/users?limit=500', headers: { cookie } })).json();
    expect(staff.items.map((user: { username: string }) => user.username)).toEqual(['qz-admin']);
    const customers = (await t.app.inject({ url: '/api/v1/customers?limit=1', headers: { cookie } })).json();
    expect(customers.items).toEqual([]);
    // Its creation is in its own audit trail, made by the system.
    const audit = (await t.app.inject({ url: '/api/v1/audit?entity=tenant', headers: { cookie } })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'create', entityId: String(created.tenant.id) });
  });

  const sanming = {
    tenantCode: 'sanming',
    cityName: '三明市烟草公司',
    cityCode: '3504',
    username: 'sm-admin',
    displayName: '三明管理员',
    password: 'sanming-admin-2026',
  };
  it.each([
    ['a code in use', { tenantCode: 'xiamen', cityCode: '3504' }, 'TENANT_CODE_TAKEN'],
    ['a city that has its company', { tenantCode: 'zhangzhou2', cityCode: '3506' }, 'TENANT_CITY_TAKEN'],
    ['an unknown city', { tenantCode: 'atlantis', cityCode: '9999' }, 'CITY_UNKNOWN'],
    ['a code that is not one', { tenantCode: 'San Ming!', cityCode: '3504' }, 'TENANT_CODE_INVALID'],
    ['a username in use', { tenantCode: 'sanming', cityCode: '3504', username: 'manager01' }, 'USERNAME_TAKEN'],
    ['a weak password', { tenantCode: 'sanming', cityCode: '3504', password: 'short' }, 'WEAK_PASSWORD'],
  ])('refuses a city company with %s and writes nothing', async (_name, change, code) => {
    const before = await rowCounts();
    const input = { ...sanming, ...change };
    expect(await codeOf(createTenantFromConsole(t.context, input))).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });
});
