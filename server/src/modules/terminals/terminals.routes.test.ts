import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';

// 终端建设 (tiers) through the HTTP API on a small test city: the default tiers seeded once, a tier
// added and edited by the marketing centre only (city-wide), an application from the portal →
// branch review → marketing approval → an inspection with photos that awards the tier; an
// inspection before the approval; a failed re-inspection that downgrades; the lists, map, counts,
// the 360° tab and the portal status in scope; bad input and other scopes writing nothing; every
// step audited.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function multipart(fileName: string, bytes: Buffer, type = 'image/png') {
  const boundary = '----kewo-terminals-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

// The machine the suite runs on may be shared: each step inspects with several uploads.
vi.setConfig({ testTimeout: 120_000 });

type Method = 'GET' | 'POST' | 'PUT';
type Tier = { id: number; name: string; rank: number; passScore: number; items: { id: string; maxScore: number }[] };

describe.each(testDatabaseKinds)('terminals (tiers) on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let admin: string;
  let marketing: string;
  let branchMarketing: string;
  let branchInspector: string;
  let manager: string;
  let otherManager: string;
  let storeA: number;
  let storeB: number;
  let otherBranchStore: number;
  let tiers: Tier[];
  let managerName: string;
  let otherManagerName: string;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  // What a refused write must leave as it was.
  const footprint = async () =>
    JSON.stringify(
      await read(sql`SELECT
        (SELECT count(*) FROM terminal_tiers) AS tiers,
        (SELECT count(*) FROM terminal_applications) AS applications,
        (SELECT max(updated_at)::text FROM terminal_applications) AS applications_at,
        (SELECT count(*) FROM terminal_inspections) AS inspections,
        (SELECT count(*) FROM terminal_awards) AS awards,
        (SELECT max(updated_at)::text FROM terminal_awards) AS awards_at,
        (SELECT count(*) FROM audit_log) AS audit`),
    );
  const retailerOf = async (customerId: number) => {
    const [{ licence_no: licenceNo }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${customerId}`,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    return sessionCookieOf(login);
  };
  const upload = async (cookie: string, url = '/api/v1/terminals/photos') => {
    const body = multipart('counter.png', png);
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  const tierNamed = (name: string) => {
    const tier = tiers.find((entry) => entry.name === name);
    if (!tier) throw new Error(`no tier ${name}`);
    return tier;
  };
  const fullMarks = (tier: Tier, overrides: Record<string, { passed?: boolean; score?: number }> = {}) =>
    tier.items.map((item) => ({
      itemId: item.id,
      passed: true,
      ...(item.maxScore > 0 ? { score: item.maxScore } : {}),
      ...overrides[item.id],
    }));

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    admin = await t.signIn('admin');
    marketing = await t.signIn('marketing');
    const [busiest] = await read<{ manager_id: number; branch_id: number }>(
      sql`SELECT manager_id, min(branch_id) AS branch_id FROM customers
          WHERE tenant_id = ${tenantId} AND status = 'active'
          GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    const managerId = Number(busiest.manager_id);
    const ownBranchId = Number(busiest.branch_id);
    managerName = t.city.managers.find((entry) => entry.id === managerId)?.username ?? '';
    manager = await t.signIn(managerName);
    // Two stores of the manager in one branch (the small test city gives most managers one: the
    // second is handed to them here).
    const own = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' AND branch_id = ${ownBranchId}
          ORDER BY (manager_id = ${managerId}) DESC, id LIMIT 2`,
    );
    expect(own).toHaveLength(2);
    await t.database.db.execute(
      sql`UPDATE customers SET manager_id = ${managerId} WHERE tenant_id = ${tenantId} AND id = ${Number(own[1].id)}`,
    );
    [storeA, storeB] = own.map((row) => Number(row.id));
    const [other] = await read<{ id: number; manager_id: number }>(
      sql`SELECT id, manager_id FROM customers WHERE tenant_id = ${tenantId} AND branch_id <> ${ownBranchId}
          AND status = 'active' ORDER BY id LIMIT 1`,
    );
    otherBranchStore = Number(other.id);
    otherManagerName = t.city.managers.find((entry) => entry.id === Number(other.manager_id))?.username ?? '';
    otherManager = await t.signIn(otherManagerName);
    const ownBranch = { id: ownBranchId };
    await addStaff(t, { username: 'tm-marketing', role: 'marketing', orgUnitId: ownBranch.id });
    await addStaff(t, { username: 'tm-inspector', role: 'inspector', orgUnitId: ownBranch.id });
    branchMarketing = await t.signIn('tm-marketing');
    branchInspector = await t.signIn('tm-inspector');
  }, 600_000);

  // Moving the clock by months ends every session: sign in again.
  const advanceDays = async (days: number) => {
    t.clock.advanceMinutes(60 * 24 * days);
    [admin, marketing, manager, otherManager, branchMarketing, branchInspector] = await Promise.all(
      ['admin', 'marketing', managerName, otherManagerName, 'tm-marketing', 'tm-inspector'].map((name) =>
        t.signIn(name),
      ),
    );
  };

  afterAll(async () => {
    await t?.close();
  });

  it('seeds the four default tiers on first use, once, audited', async () => {
    const first = await inject(manager, 'GET', '/api/v1/terminals/tiers');
    expect(first.statusCode, first.body).toBe(200);
    tiers = first.json().items;
    expect(tiers.map((tier) => tier.name)).toEqual(['品牌形象店', '品牌精品店', '品牌示范店', '品牌体验店']);
    expect(tiers[0]).toMatchObject({ passScore: 90, maxScore: 100, fundingYuan: 20000, reinspectionMonths: 6 });
    expect(tiers[0].items.map((item) => item.id)).toEqual(expect.arrayContaining(['visible', 'clean', 'screen']));
    const again = await inject(marketing, 'GET', '/api/v1/terminals/tiers');
    expect(again.json().items).toHaveLength(4);
    expect(
      await count(sql`SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${tenantId}
                      AND entity = 'terminal_tier' AND action = 'seed_default'`),
    ).toBe(1);
    expect((await inject(await retailerOf(storeA), 'GET', '/api/v1/terminals/tiers')).statusCode).toBe(403);
  });

  it('lets the marketing centre add and edit a tier; refuses branch staff, managers and bad standards', async () => {
    const body = {
      name: '乡村示范店',
      rank: 1,
      passScore: 60,
      fundingYuan: 2000,
      fixtures: ['烟架'],
      reinspectionMonths: 12,
      items: [
        { name: '亮证经营', category: 'service', mandatory: true, maxScore: 0 },
        { id: 'visible', name: '显眼度', category: 'display', mandatory: false, maxScore: 50 },
        { id: 'clean', name: '整洁度', category: 'display', mandatory: false, maxScore: 50 },
      ],
    };
    const before = await footprint();
    for (const cookie of [branchMarketing, manager, branchInspector]) {
      const refused = await inject(cookie, 'POST', '/api/v1/terminals/tiers', body);
      expect(refused.statusCode, refused.body).toBe(403);
    }
    const unreachable = await inject(marketing, 'POST', '/api/v1/terminals/tiers', { ...body, passScore: 101 });
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().code).toBe('TERMINAL_TIER_INVALID');
    const taken = await inject(marketing, 'POST', '/api/v1/terminals/tiers', { ...body, name: '品牌形象店' });
    expect(taken.json().code).toBe('TERMINAL_TIER_NAME_TAKEN');
    const badItem = await inject(marketing, 'POST', '/api/v1/terminals/tiers', {
      ...body,
      items: [{ id: 'a b', name: 'x', category: 'display', mandatory: true, maxScore: 0 }],
    });
    expect(badItem.statusCode).toBe(400);
    expect(await footprint()).toBe(before);

    const created = await inject(marketing, 'POST', '/api/v1/terminals/tiers', body);
    expect(created.statusCode, created.body).toBe(201);
    const tier = created.json();
    expect(tier.items[0].id).toBe('item-1');
    const edited = await inject(marketing, 'PUT', `/api/v1/terminals/tiers/${tier.id}`, {
      ...body,
      passScore: 70,
      active: false,
      items: tier.items,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ passScore: 70, active: false });
    expect((await inject(marketing, 'PUT', '/api/v1/terminals/tiers/999999', body)).statusCode).toBe(404);
    const audited = await read<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE tenant_id = ${tenantId} AND entity = 'terminal_tier'
          AND entity_id = ${String(tier.id)} ORDER BY id`,
    );
    expect(audited.map((row) => row.action)).toEqual(['create', 'update']);
    // Inactive: no application for it.
    const retailer = await retailerOf(storeB);
    const inactive = await inject(retailer, 'POST', '/api/v1/portal/terminals/applications', { tierId: tier.id });
    expect(inactive.json().code).toBe('TERMINAL_TIER_INACTIVE');
  });

  it('takes a store from the portal application through review, approval and inspection to its tier', async () => {
    const model = tierNamed('品牌示范店');
    const retailer = await retailerOf(storeA);
    const portalPhoto = await upload(retailer, '/api/v1/portal/terminals/photos');
    const applied = await inject(retailer, 'POST', '/api/v1/portal/terminals/applications', {
      tierId: model.id,
      note: '门店已更新烟柜',
      photoIds: [portalPhoto],
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json();
    expect(application).toMatchObject({ status: 'submitted', source: 'portal', customerId: storeA });
    const twice = await inject(retailer, 'POST', '/api/v1/portal/terminals/applications', { tierId: model.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('TERMINAL_APPLICATION_OPEN');

    // Review: not before it is reviewed by the branch; not by another branch's manager.
    const early = await inject(marketing, 'POST', `/api/v1/terminals/applications/${application.id}/approval`, {
      approve: true,
    });
    expect(early.json().code).toBe('TERMINAL_APPLICATION_STATE');
    // The message says the states in words, not their codes.
    expect(early.json().detail).toBe('该申报当前为“待分公司审核”，此操作只能在“待营销中心审批”时进行。');
    const earlyEn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/terminals/applications/${application.id}/approval`,
      headers: { cookie: marketing, 'accept-language': 'en' },
      payload: { approve: true },
    });
    expect(earlyEn.json().detail).toBe(
      'The application is awaiting the branch review; this step can only be taken while it is awaiting the marketing centre approval.',
    );
    const before = await footprint();
    const foreign = await inject(otherManager, 'POST', `/api/v1/terminals/applications/${application.id}/review`, {
      approve: true,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await footprint()).toBe(before);
    const reviewed = await inject(manager, 'POST', `/api/v1/terminals/applications/${application.id}/review`, {
      approve: true,
      note: '情况属实',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().status).toBe('reviewed');
    const branchApproval = await inject(
      branchMarketing,
      'POST',
      `/api/v1/terminals/applications/${application.id}/approval`,
      {
        approve: true,
      },
    );
    expect(branchApproval.statusCode).toBe(403);
    const approved = await inject(marketing, 'POST', `/api/v1/terminals/applications/${application.id}/approval`, {
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', awarded: false });

    // Inspection: photos (≥ 3, the inspector's own) and a result for every item, or nothing written.
    const photos = [await upload(manager), await upload(manager), await upload(manager)];
    const bad = [
      { body: { photoIds: photos.slice(0, 2), results: fullMarks(model) }, code: 'TERMINAL_PHOTOS_REQUIRED' },
      { body: { photoIds: photos, results: fullMarks(model).slice(1) }, code: 'TERMINAL_RESULT_MISSING' },
      {
        body: { photoIds: photos, results: fullMarks(model, { visible: { score: 25 } }) },
        code: 'TERMINAL_SCORE_INVALID',
      },
      {
        body: { photoIds: [portalPhoto, ...photos.slice(1)], results: fullMarks(model) },
        code: 'TERMINAL_PHOTO_UNKNOWN',
      },
    ];
    const untouched = await footprint();
    for (const { body, code } of bad) {
      const refused = await inject(manager, 'POST', '/api/v1/terminals/inspections', {
        customerId: storeA,
        tierId: model.id,
        ...body,
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().code).toBe(code);
    }
    const otherPhotos = [await upload(otherManager), await upload(otherManager), await upload(otherManager)];
    const outside = await inject(otherManager, 'POST', '/api/v1/terminals/inspections', {
      customerId: storeA,
      tierId: model.id,
      photoIds: otherPhotos,
      results: fullMarks(model),
    });
    expect(outside.statusCode).toBe(404);
    const byRetailer = await inject(retailer, 'POST', '/api/v1/terminals/inspections', {
      customerId: storeA,
      tierId: model.id,
      photoIds: photos,
      results: fullMarks(model),
    });
    expect(byRetailer.statusCode).toBe(403);
    // Uploads are audited; nothing else changed.
    expect(JSON.parse(await footprint())[0].inspections).toBe(JSON.parse(untouched)[0].inspections);
    expect(JSON.parse(await footprint())[0].awards).toBe(JSON.parse(untouched)[0].awards);

    const inspected = await inject(manager, 'POST', '/api/v1/terminals/inspections', {
      customerId: storeA,
      tierId: model.id,
      photoIds: photos,
      results: fullMarks(model, { visible: { score: 15 } }),
    });
    expect(inspected.statusCode, inspected.body).toBe(201);
    expect(inspected.json()).toMatchObject({ awarded: true, score: 95, outcome: 'awarded', tierId: model.id });

    // The store shows its tier: portal, 360°, lists, map, counts.
    const portal = await inject(retailer, 'GET', '/api/v1/portal/terminal');
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().award).toMatchObject({ tierId: model.id, tierName: '品牌示范店', dueOn: '2027-11-23' });
    expect(portal.json().applications[0].status).toBe('awarded');
    expect(portal.json().tiers.length).toBeGreaterThanOrEqual(4);
    const tab = await inject(manager, 'GET', `/api/v1/customers/${storeA}/terminal`);
    expect(tab.json()).toMatchObject({ nextDueOn: '2027-11-23', award: { tierName: '品牌示范店' } });
    expect(tab.json().inspections[0]).toMatchObject({ score: 95, outcome: 'awarded' });
    expect((await inject(otherManager, 'GET', `/api/v1/customers/${storeA}/terminal`)).statusCode).toBe(404);
    const stores = await inject(manager, 'GET', `/api/v1/terminals/stores?tier=${model.id}`);
    expect(stores.json()).toMatchObject({ total: 1, items: [{ customerId: storeA, tierName: '品牌示范店' }] });
    expect((await inject(otherManager, 'GET', `/api/v1/terminals/stores?tier=${model.id}`)).json().total).toBe(0);
    const summary = (await inject(marketing, 'GET', '/api/v1/terminals/summary')).json();
    expect(summary.total).toBe(1);
    expect(summary.branches[0].counts).toEqual([{ tierId: model.id, count: 1 }]);
    expect((await inject(otherManager, 'GET', '/api/v1/terminals/summary')).json().total).toBe(0);
    const detail = await inject(manager, 'GET', `/api/v1/terminals/inspections/${inspected.json().id}`);
    expect(detail.json().results).toHaveLength(model.items.length);
    expect((await inject(otherManager, 'GET', `/api/v1/terminals/inspections/${inspected.json().id}`)).statusCode).toBe(
      404,
    );
    // Photos: the manager's own, the portal's to the store's staff, nobody else's.
    expect((await inject(manager, 'GET', `/api/v1/terminals/photos/${portalPhoto}`)).statusCode).toBe(200);
    expect((await inject(otherManager, 'GET', `/api/v1/terminals/photos/${photos[0]}`)).statusCode).toBe(404);
    expect((await inject(retailer, 'GET', `/api/v1/portal/terminals/photos/${portalPhoto}`)).statusCode).toBe(200);

    const audited = await read<{ entity: string; action: string }>(
      sql`SELECT entity, action FROM audit_log WHERE tenant_id = ${tenantId}
          AND entity IN ('terminal_application', 'terminal_inspection', 'terminal_award') AND action <> 'upload'
          ORDER BY id`,
    );
    expect(audited.map((row) => `${row.entity}:${row.action}`)).toEqual([
      'terminal_application:create',
      'terminal_application:review',
      'terminal_application:approve',
      'terminal_inspection:create',
      'terminal_award:award',
    ]);
  });

  it('awards on approval when the inspection came first; refuses inspection without an application', async () => {
    const boutique = tierNamed('品牌精品店');
    const photos = [await upload(manager), await upload(manager), await upload(manager)];
    const inspect = (customerId: number, tierId: number, results: unknown) =>
      inject(manager, 'POST', '/api/v1/terminals/inspections', { customerId, tierId, photoIds: photos, results });
    const before = await footprint();
    const unasked = await inspect(storeB, boutique.id, fullMarks(boutique));
    expect(unasked.statusCode).toBe(409);
    expect(unasked.json().code).toBe('TERMINAL_APPLICATION_REQUIRED');
    expect(await footprint()).toBe(before);

    const applied = await inject(manager, 'POST', '/api/v1/terminals/applications', {
      customerId: storeB,
      tierId: boutique.id,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().source).toBe('staff');
    const foreignApply = await inject(manager, 'POST', '/api/v1/terminals/applications', {
      customerId: otherBranchStore,
      tierId: boutique.id,
    });
    expect(foreignApply.statusCode).toBe(404);
    const failed = await inspect(storeB, boutique.id, fullMarks(boutique, { signage: { passed: false } }));
    expect(failed.json()).toMatchObject({ awarded: false, outcome: 'not_awarded', failedMandatory: ['统一门头招牌'] });
    const passed = await inspect(storeB, boutique.id, fullMarks(boutique));
    expect(passed.json()).toMatchObject({ awarded: true, outcome: 'pending_approval', tierId: null });
    expect((await inject(manager, 'GET', `/api/v1/customers/${storeB}/terminal`)).json().award).toBeNull();
    const id = applied.json().id;
    expect(
      (await inject(admin, 'POST', `/api/v1/terminals/applications/${id}/review`, { approve: true })).statusCode,
    ).toBe(200);
    const approved = await inject(marketing, 'POST', `/api/v1/terminals/applications/${id}/approval`, {
      approve: true,
    });
    expect(approved.json()).toMatchObject({ status: 'awarded', awarded: true });
    expect((await inject(manager, 'GET', `/api/v1/customers/${storeB}/terminal`)).json().award).toMatchObject({
      tierName: '品牌精品店',
      dueOn: '2027-05-23',
    });
    const list = await inject(branchMarketing, 'GET', '/api/v1/terminals/applications?status=awarded');
    expect(list.json().total).toBe(2);
    expect((await inject(otherManager, 'GET', '/api/v1/terminals/applications')).json().total).toBe(0);
  });

  it('downgrades a store on a failed re-inspection with the reason, and lists re-inspections due by the clock', async () => {
    const boutique = tierNamed('品牌精品店');
    const model = tierNamed('品牌示范店');
    const due = await inject(manager, 'GET', '/api/v1/terminals/re-inspections-due?withinDays=30');
    expect(due.json().total).toBe(0);
    await advanceDays(180);
    const later = (await inject(manager, 'GET', '/api/v1/terminals/re-inspections-due?withinDays=30')).json();
    expect(later.items.map((item: { customerId: number }) => item.customerId)).toEqual([storeB]);
    await advanceDays(10);
    const overdue = (await inject(marketing, 'GET', '/api/v1/terminals/re-inspections-due?withinDays=0')).json();
    expect(overdue.items[0]).toMatchObject({ customerId: storeB, overdue: true });

    const photos = [await upload(branchInspector), await upload(branchInspector), await upload(branchInspector)];
    const outsideBefore = await footprint();
    const outside = await inject(branchInspector, 'POST', '/api/v1/terminals/inspections', {
      customerId: otherBranchStore,
      tierId: model.id,
      photoIds: photos,
      results: fullMarks(model),
    });
    expect(outside.statusCode).toBe(404);
    expect(await footprint()).toBe(outsideBefore);
    const reinspected = await inject(branchInspector, 'POST', '/api/v1/terminals/inspections', {
      customerId: storeB,
      tierId: boutique.id,
      photoIds: photos,
      results: fullMarks(boutique, { signage: { passed: false } }),
      note: '门头招牌破损未修复',
    });
    expect(reinspected.statusCode, reinspected.body).toBe(201);
    expect(reinspected.json()).toMatchObject({
      awarded: false,
      outcome: 'downgraded',
      tierId: model.id,
      reason: '必备项未通过：统一门头招牌；门头招牌破损未修复',
    });
    const tab = (await inject(manager, 'GET', `/api/v1/customers/${storeB}/terminal`)).json();
    expect(tab.award).toMatchObject({ tierName: '品牌示范店' });
    expect(tab.history[1]).toMatchObject({
      tierName: '品牌精品店',
      status: 'downgraded',
      endReason: '必备项未通过：统一门头招牌；门头招牌破损未修复',
    });
    const audited = await read<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE tenant_id = ${tenantId} AND entity = 'terminal_award' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited[0].action).toBe('downgrade');
  });

  it('answers the map with compact points in scope and refuses bad queries', async () => {
    await t.database.db.execute(
      sql`UPDATE customers SET longitude = 117.65, latitude = 24.51 WHERE tenant_id = ${tenantId} AND id IN (${storeA}, ${storeB})`,
    );
    const map = (await inject(marketing, 'GET', '/api/v1/terminals/map')).json();
    expect(map.tiers).toHaveLength(5);
    expect(map.points).toHaveLength(2);
    expect(map.points[0]).toHaveLength(4);
    expect((await inject(otherManager, 'GET', '/api/v1/terminals/map')).json().points).toEqual([]);
    expect((await inject(marketing, 'GET', '/api/v1/terminals/stores?tier=abc')).statusCode).toBe(400);
    expect((await inject(marketing, 'GET', '/api/v1/terminals/re-inspections-due?withinDays=999')).statusCode).toBe(
      400,
    );
    expect((await inject(await retailerOf(storeA), 'GET', '/api/v1/terminals/map')).statusCode).toBe(403);
  });
});
