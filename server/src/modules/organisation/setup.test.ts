import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createUserFromConsole } from './organisation.service.ts';

describe.each(testDatabaseKinds)('first start on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
  });
  afterAll(async () => t?.close());

  it('has no account and no default password on an empty database, and offers the cities to set up', async () => {
    const status = (await t.app.inject({ url: '/api/v1/setup' })).json();
    expect(status.needed).toBe(true);
    expect(status.cities).toContainEqual({ code: '3505', name: '泉州市', province: '福建省' });
    expect(status.cities.length).toBeGreaterThan(300);
    expect(status.cities).toContainEqual({ code: '1101', name: '北京市', province: '北京市' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'admin' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('the one-time setup creates the city and its administrator, then closes', async () => {
    const payload = {
      cityName: '泉州市烟草公司',
      cityCode: '3505',
      username: 'qz-admin',
      displayName: '泉州管理员',
      password: 'quanzhou-setup-2026',
    };
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...payload, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const unknownCity = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...payload, cityCode: '3599' },
    });
    expect(unknownCity.statusCode).toBe(400);
    expect(unknownCity.json()).toMatchObject({ code: 'CITY_UNKNOWN', field: 'cityCode' });
    expect((await t.app.inject({ url: '/api/v1/setup' })).json().needed).toBe(true);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...payload, username: 'intruder' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SETUP_ALREADY_DONE');
    const cookie = await t.signIn('qz-admin', 'quanzhou-setup-2026');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'admin', tenant: { name: '泉州市烟草公司' } });
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    // The city's districts are there, so its stores can be filed at once.
    const reference = await t.app.inject({ url: '/api/v1/customers/reference', headers: { cookie } });
    const districts = reference.json().districts;
    expect(districts).toContainEqual({ code: '350502', name: '鲤城区' });
    expect(districts.every((district: { code: string }) => district.code.startsWith('3505'))).toBe(true);
  });

  it('`kewo user create --tenant` adds staff to the existing city', async () => {
    const created = await createUserFromConsole(t.context, {
      username: 'qz-marketing',
      displayName: '泉州营销',
      role: 'marketing',
      password: 'marketing-pass-2026',
      scopeKind: 'org',
      tenantCode: 'city',
    });
    expect(created).toEqual({ username: 'qz-marketing', role: 'marketing', tenantName: '泉州市烟草公司' });
    await expect(
      createUserFromConsole(t.context, {
        username: 'qz-marketing',
        displayName: 'again',
        role: 'marketing',
        password: 'marketing-pass-2026',
        scopeKind: 'org',
        tenantCode: 'city',
      }),
    ).rejects.toThrow('USERNAME_TAKEN');
  });
});
