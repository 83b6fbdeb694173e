import { and, asc, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { customers } from '../../modules/customers/customers.schema.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { errorCatalogue } from '../errors/error-catalogue.ts';
import { users } from '../identity/identity.schema.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// Staff scoped to one branch (营销部) change only their branch: a write that affects the whole city
// company needs a city-wide scope (403 CITY_WIDE_SCOPE_REQUIRED), and a scoped write outside the
// scope finds nothing (404).
describe.each(testDatabaseKinds)('scoped staff cannot write outside their scope on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let branchMarketing: string;
  let branchAdmin: string;
  let ownBranch: TestApp['city']['branches'][number];
  let otherBranch: TestApp['city']['branches'][number];

  const inject = (cookie: string, method: Method, url: string, payload?: unknown, language = 'zh-CN') =>
    t.app.inject({ method, url, headers: { cookie, 'accept-language': language }, payload: payload as never });
  const auditRows = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0].n);

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 300 });
    [ownBranch, otherBranch] = t.city.branches;
    expect(ownBranch.name).toBe('市区营销部');
    await addStaff(t, { username: 'xc-marketing', role: 'marketing', orgUnitId: ownBranch.id });
    await addStaff(t, { username: 'xc-admin', role: 'admin', orgUnitId: ownBranch.id });
    marketing = await t.signIn('marketing');
    branchMarketing = await t.signIn('xc-marketing');
    branchAdmin = await t.signIn('xc-admin');
  });
  afterAll(async () => t?.close());

  it('a branch-scoped marketer or admin is refused every city-wide write, in its language, and nothing is written', async () => {
    const cityWideRoutes = t.app.registeredRoutes.filter(
      (route) => route.access?.kind === 'roles' && route.access.cityWide === true,
    );
    expect(cityWideRoutes.length).toBeGreaterThan(20);
    const before = await auditRows();
    let tried = 0;
    for (const route of cityWideRoutes) {
      const access = route.access as { roles: readonly string[] };
      for (const [role, cookie] of [
        ['marketing', branchMarketing],
        ['admin', branchAdmin],
      ] as const) {
        if (!access.roles.includes(role)) continue;
        const url = route.url.replaceAll(/:\w+/g, '1');
        const response = await inject(cookie, route.method as Method, url, {});
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json()).toMatchObject({
          status: 403,
          code: 'CITY_WIDE_SCOPE_REQUIRED',
          detail: errorCatalogue.CITY_WIDE_SCOPE_REQUIRED['zh-CN'],
        });
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(cityWideRoutes.length);
    const english = await inject(branchAdmin, 'POST', '/api/v1/customer-fields', {}, 'en');
    expect(english.json().detail).toBe(errorCatalogue.CITY_WIDE_SCOPE_REQUIRED.en);
    expect(await auditRows()).toBe(before);
  });

  it('a branch cannot wipe the city’s ticket routing (PUT /ticket-assignment-rules {"rules":[]}); the city can', async () => {
    const rules = (await inject(marketing, 'GET', '/api/v1/ticket-assignment-rules')).json();
    expect(rules.length).toBeGreaterThan(0);
    const wiped = await inject(branchMarketing, 'PUT', '/api/v1/ticket-assignment-rules', { rules: [] });
    expect(wiped.statusCode).toBe(403);
    expect((await inject(branchMarketing, 'GET', '/api/v1/ticket-assignment-rules')).json()).toEqual(rules);
    const same = rules.map((rule: Record<string, unknown>) => ({
      groupCode: rule.groupCode,
      categoryCode: rule.categoryCode,
      target: rule.target,
      userId: rule.userId,
    }));
    const kept = await inject(marketing, 'PUT', '/api/v1/ticket-assignment-rules', { rules: same });
    expect(kept.statusCode).toBe(200);
  });

  it('routes tickets only to the city’s own staff: another city’s user in an assignment rule is not found', async () => {
    const rules = (await inject(marketing, 'GET', '/api/v1/ticket-assignment-rules')).json();
    const [otherCityAdmin] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, t.otherTenant.adminUsername));
    const auditBefore = await auditRows();
    const routed = await inject(marketing, 'PUT', '/api/v1/ticket-assignment-rules', {
      rules: [{ groupCode: 'service', categoryCode: null, target: 'user', userId: otherCityAdmin.id }],
    });
    expect(routed.statusCode).toBe(404);
    expect(routed.json().code).toBe('NOT_FOUND');
    expect((await inject(marketing, 'GET', '/api/v1/ticket-assignment-rules')).json()).toEqual(rules);
    expect(await auditRows()).toBe(auditBefore);
  });

  it('a branch-scoped marketer approves a classification run only for branches in its scope', async () => {
    const ruleSets = (await inject(marketing, 'GET', '/api/v1/classification/rule-sets')).json();
    const run = await inject(marketing, 'POST', '/api/v1/classification/runs', { ruleSetId: ruleSets.items[0].id });
    expect(run.statusCode).toBe(201);
    const approve = `/api/v1/classification/runs/${run.json().id}/approve`;
    const classesOutside = () =>
      t.database.db
        .select({ id: customers.id, classCode: customers.classCode })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), ne(customers.branchId, ownBranch.id)))
        .orderBy(asc(customers.id));
    const outsideBefore = await classesOutside();
    expect(outsideBefore.length).toBeGreaterThan(0);
    const auditBefore = await auditRows();

    const all = await inject(branchMarketing, 'POST', approve, {});
    expect(all.statusCode).toBe(403);
    expect(all.json().code).toBe('CITY_WIDE_SCOPE_REQUIRED');
    for (const branchIds of [[otherBranch.id], [ownBranch.id, otherBranch.id], [t.city.rootOrgUnitId]]) {
      const outside = await inject(branchMarketing, 'POST', approve, { branchIds });
      expect(outside.statusCode, JSON.stringify(branchIds)).toBe(404);
      expect(outside.json().code).toBe('NOT_FOUND');
    }
    expect(await auditRows()).toBe(auditBefore);
    expect((await inject(marketing, 'GET', `/api/v1/classification/runs/${run.json().id}`)).json().status).toBe(
      'proposed',
    );

    const own = await inject(branchMarketing, 'POST', approve, { branchIds: [ownBranch.id] });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'partly_applied', appliedBranchIds: [ownBranch.id] });
    expect(await classesOutside()).toEqual(outsideBefore);
    expect(await auditRows()).toBe(auditBefore + 1);
    // The rest of the city is the city's to approve.
    const rest = await inject(marketing, 'POST', approve, {});
    expect(rest.statusCode).toBe(200);
    expect(rest.json().status).toBe('applied');
  });
});
