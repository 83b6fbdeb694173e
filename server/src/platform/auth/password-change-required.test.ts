import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../test/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';

// "Must change password" is the server's rule, not only the browser's: a session on a password
// someone else chose reads and writes nothing until the password is the user's own.
describe.each(testDatabaseKinds)('a session that must change its password, on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const auditRows = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0].n;

  async function createAccount(username: string, password: string) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username,
        displayName: username,
        role: 'admin',
        orgUnitId: t.city.rootOrgUnitId,
        scopeKind: 'org',
        password,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
  }

  it('refuses every API of an account on an admin-set password but who am I, changing the password and signing out', async () => {
    await createAccount('new-admin', 'admin-chose-2026');
    const cookie = await t.signIn('new-admin', 'admin-chose-2026');

    for (const url of [
      '/api/v1/customers',
      '/api/v1/audit',
      '/api/v1/tickets',
      '/api/v1/users',
      '/api/v1/auth/sessions',
    ]) {
      const refused = await t.app.inject({ url, headers: { cookie } });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        detail: expect.stringContaining('修改密码'),
      });
    }
    const english = await t.app.inject({ url: '/api/v1/customers', headers: { cookie, 'accept-language': 'en' } });
    expect(english.json().detail).toContain('change your password first');

    // A write is refused before it does anything.
    const before = await auditRows();
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: {
        username: 'sneaky',
        displayName: 'x',
        role: 'admin',
        orgUnitId: t.city.rootOrgUnitId,
        scopeKind: 'org',
        password: 'sneaky-pass-2026',
      },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await auditRows()).toBe(before);

    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'new-admin', mustChangePassword: true });

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'admin-chose-2026', newPassword: 'my-own-choice-2026' },
    });
    expect(changed.statusCode).toBe(204);
    const afterwards = await t.app.inject({ url: '/api/v1/customers', headers: { cookie } });
    expect(afterwards.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses it on every signed-in route of the API but the three', async () => {
    await createAccount('sweeping-admin', 'admin-chose-2026');
    const cookie = await t.signIn('sweeping-admin', 'admin-chose-2026');
    const allowed = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout']);
    const before = await auditRows();
    let checked = 0;
    for (const route of t.app.registeredRoutes) {
      if (!route.url.startsWith('/api/v1/') || allowed.has(`${route.method} ${route.url}`)) continue;
      const url = route.url.replace(/:\w+/g, '1');
      const method = route.method as 'GET';
      // A route that wants a session at all (anonymous: 401) wants one on the user's own password.
      const anonymous = await t.app.inject({ method, url });
      if (anonymous.statusCode !== 401 || anonymous.json().code !== 'UNAUTHENTICATED') continue;
      const refused = await t.app.inject({ method, url, headers: { cookie } });
      expect(refused.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(refused.json().code, `${route.method} ${route.url}`).toBe('PASSWORD_CHANGE_REQUIRED');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
    expect(await auditRows()).toBe(before);
  });

  it('lets an account on an admin-set password sign out', async () => {
    await createAccount('leaving-admin', 'admin-chose-2026');
    const cookie = await t.signIn('leaving-admin', 'admin-chose-2026');
    const signedOut = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(signedOut.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it("keeps a store's portal closed on its one-time password until it sets its own, then opens it", async () => {
    const service = await t.signIn('service');
    const [store] = (await t.app.inject({ url: '/api/v1/customers?limit=1', headers: { cookie: service } })).json()
      .items;
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${store.id}/portal-password`,
      headers: { cookie: service },
    });
    expect(issued.statusCode).toBe(200);
    const { username, password } = issued.json();
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: username, password },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    const cookie = sessionCookieOf(signedIn);

    for (const url of ['/api/v1/portal/orders', '/api/v1/portal/tickets', '/api/v1/portal/cycle']) {
      const refused = await t.app.inject({ url, headers: { cookie } });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    // The portal's first sign-in: it reads who it is, shows the change form, changes the password.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().mustChangePassword).toBe(true);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: password, newPassword: 'my-own-store-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().mustChangePassword).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/portal/orders', headers: { cookie } })).statusCode).toBe(200);
  });
});
