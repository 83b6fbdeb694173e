import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const newCompany = {
  tenantCode: 'putian',
  cityCode: '3503',
  cityName: '莆田市烟草公司',
  username: 'pt-admin',
  displayName: '莆田管理员',
  password: 'putian-admin-2026!',
};

// 市公司 in the console: the deployment's operator (KEWO_OPERATOR_TENANT's city-wide administrators)
// lists the city companies and adds one; nobody else may.
describe.each(testDatabaseKinds)('city companies in the console on %s', (kind) => {
  let t: TestApp;
  // The deployment's setting, as if the server had been started with it.
  const operate = (tenantCode: string | undefined) => {
    (t.context.config as { -readonly [Name in keyof Config]: Config[Name] }).KEWO_OPERATOR_TENANT = tenantCode;
  };
  const inject = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('refuses everyone while the deployment names no operator', async () => {
    const admin = await t.signIn('admin');
    expect((await inject(admin, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ deploymentOperator: false });
    const refused = await inject(admin, 'POST', '/api/v1/tenants', newCompany);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'DEPLOYMENT_OPERATOR_ONLY' });
  });

  it("lets the operator's administrator list and add a company, whose administrator then changes the password", async () => {
    operate('zhangzhou');
    try {
      const admin = await t.signIn('admin');
      expect((await inject(admin, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ deploymentOperator: true });
      const listed = await inject(admin, 'GET', '/api/v1/tenants');
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((tenant: { code: string }) => tenant.code)).toEqual(['zhangzhou', 'xiamen']);
      expect(listed.json().cities.length).toBeGreaterThan(300);

      const created = await inject(admin, 'POST', '/api/v1/tenants', newCompany);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ code: 'putian', username: 'pt-admin' });
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, t.city.tenantId),
            eq(auditLog.entity, 'tenant'),
            eq(auditLog.entityId, String(created.json().tenantId)),
          ),
        );
      // Recorded in the operator's company, which made it (the new company's own log starts with its setup).
      expect(entry).toMatchObject({ action: 'create', entityId: String(created.json().tenantId) });
      expect(entry.after).toMatchObject({ code: 'putian', cityCode: '3503', admin: 'pt-admin' });

      const newAdmin = await t.signIn('pt-admin', newCompany.password);
      expect((await inject(newAdmin, 'GET', '/api/v1/auth/me')).json()).toMatchObject({
        mustChangePassword: true,
        deploymentOperator: false,
      });
      expect((await inject(newAdmin, 'GET', '/api/v1/users')).json()).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
      });

      const again = await inject(admin, 'POST', '/api/v1/tenants', {
        ...newCompany,
        tenantCode: 'putian-2',
        username: 'pt2',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'TENANT_CITY_TAKEN' });
      const sameCode = await inject(admin, 'POST', '/api/v1/tenants', {
        ...newCompany,
        cityCode: '3504',
        username: 'sm-admin',
      });
      expect(sameCode.json(), sameCode.body).toMatchObject({ status: 409, code: 'TENANT_CODE_TAKEN' });
    } finally {
      operate(undefined);
    }
  });

  it("refuses other roles and other companies' administrators", async () => {
    operate('zhangzhou');
    try {
      const marketing = await t.signIn('marketing');
      expect((await inject(marketing, 'GET', '/api/v1/tenants')).statusCode).toBe(403);
      const other = await t.signIn(t.otherTenant.adminUsername);
      const refused = await inject(other, 'GET', '/api/v1/tenants');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'DEPLOYMENT_OPERATOR_ONLY' });
    } finally {
      operate(undefined);
    }
  });
});
