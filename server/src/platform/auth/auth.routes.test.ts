import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../test/test-app.ts';

describe.each(testDatabaseKinds)('sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('signs in with an httpOnly, SameSite session cookie and returns the user', async () => {
    const response = await login('manager01', 'kewo-demo-2026');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'kewo_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json().user).toMatchObject({ username: 'manager01', role: 'manager', scope: { kind: 'own' } });
  });

  it('answers /auth/me with role, tenant and scope, and 401 without a session', async () => {
    const cookie = await t.signIn('marketing');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'marketing',
      role: 'marketing',
      tenant: { name: '漳州市烟草公司' },
      scope: { kind: 'org', orgUnitName: '漳州市烟草公司' },
    });
    const anonymous = await t.app.inject({ url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: '请先登录。' });
  });

  it('refuses a wrong password with 401 problem+json in the caller language', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'service', password: 'wrong-password' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      remoteAddress: '10.0.0.2',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      detail: 'The username or password is incorrect.',
    });
  });

  it('after 10 failures for one account answers 429 until the 15-minute window passes', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login('inspector', `wrong-${attempt}`, `10.1.0.${attempt}`)).statusCode).toBe(401);
    }
    const blocked = await login('inspector', 'kewo-demo-2026', '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(15);
    expect((await login('inspector', 'kewo-demo-2026', '10.1.1.1')).statusCode).toBe(200);
  });

  it('limits one address at 100 failures across accounts, not at 10', async () => {
    const ip = '10.9.9.9';
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const username = `manager${String(100 + (attempt % 50)).padStart(2, '0')}`;
      expect((await login(username, 'not-the-password', ip)).statusCode).toBe(401);
    }
    expect((await login('manager03', 'kewo-demo-2026', ip)).statusCode).toBe(429);
    expect((await login('manager03', 'kewo-demo-2026', '10.9.9.10')).statusCode).toBe(200);
    t.clock.advanceMinutes(16);
  });

  it('signs out: the session no longer works', async () => {
    const cookie = await t.signIn('manager04');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const cookie = await t.signIn('manager05');
    t.clock.advanceMinutes(t.context.config.KEWO_SESSION_IDLE_MINUTES + 1);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password, signing out other sessions but keeping this one', async () => {
    const first = await t.signIn('manager06');
    const second = await t.signIn('manager06');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'kewo-demo-2026', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'kewo-demo-2026', newPassword: 'a-much-better-secret' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: second } })).statusCode).toBe(401);
    expect((await login('manager06', 'a-much-better-secret')).statusCode).toBe(200);
  });

  it('lists my sessions and revokes one', async () => {
    const keep = await t.signIn('manager07');
    const other = await t.signIn('manager07');
    const list = await t.app.inject({ url: '/api/v1/auth/sessions', headers: { cookie: keep } });
    const items = list.json().items as Array<{ id: string; current: boolean }>;
    expect(items).toHaveLength(2);
    const target = items.find((item) => !item.current);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${target?.id}`,
      headers: { cookie: keep },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
  });

  it('keeps staff out of the portal sign-in and retailers out of the console sign-in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: 'admin', password: 'kewo-demo-2026' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('audits sign-in: one entry, by the user who signed in, from their address', async () => {
    const admin = await t.signIn('admin');
    const signIns = async () =>
      (
        await t.app.inject({
          url: '/api/v1/audit?action=sign_in&entity=session&limit=200',
          headers: { cookie: admin },
        })
      ).json().items as Array<{ id: number; actorId: number; actorName: string; ip: string }>;
    const before = await signIns();
    const response = await login('manager08', 'kewo-demo-2026', '10.0.0.8');
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toContain('kewo_session=');
    const newest = before.length > 0 ? before[0].id : 0;
    const added = (await signIns()).filter((item) => item.id > newest);
    expect(added).toEqual([
      expect.objectContaining({
        actorId: response.json().user.id,
        actorName: response.json().user.displayName,
        ip: '10.0.0.8',
      }),
    ]);
  });
});
