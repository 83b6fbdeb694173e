import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { multipart, xlsxOf } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { assetSheetColumns } from './asset-sheets.ts';

// 资产台账 through the HTTP API: register (tags unique), issue, transfer, return, write off — one
// holder at a time, never to a closed store —, audits (on a visit or standalone, with a photo), the
// overdue and recovery lists, import (all or nothing) and export; each route's roles, the data scope
// (a manager: own stores; a branch: its branch), bad input writing nothing, and the audit trail.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const headers = assetSheetColumns.map((column) => column.header);

type Method = 'GET' | 'POST';

describe.each(testDatabaseKinds)('fixture register on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let branchMarketing: string;
  let manager: string;
  let inspector: string;
  let service: string;
  let retailer: string;
  let storeA: number;
  let storeA2: number;
  let storeB: number;
  let closedStore: number;
  let assetId: number;
  let ownBranchId: number;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  // What a refused write must leave alone: the fixtures, their history and the audit trail.
  const state = async () => ({
    assets: await count(sql`SELECT count(*)::int AS n FROM assets`),
    events: await count(sql`SELECT count(*)::int AS n FROM asset_events`),
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action NOT IN ('sign_in', 'sign_out')`),
    updated: (await read<{ m: string | null }>(sql`SELECT max(updated_at)::text AS m FROM assets`))[0].m,
  });
  const expectRefused = async (
    response: { statusCode: number; json: () => { code: string } },
    status: number,
    code: string,
    before: Awaited<ReturnType<typeof state>>,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect(await state()).toEqual(before);
  };

  let managerUsername: string;
  let retailerLicence: string;
  // Everyone signs in again after the clock has moved on (an idle session expires).
  const signInEveryone = async () => {
    marketing = await t.signIn('marketing');
    branchMarketing = await t.signIn('xc-asset-marketing');
    inspector = await t.signIn('inspector');
    service = await t.signIn('service');
    manager = await t.signIn(managerUsername);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: retailerLicence, password: testPassword },
    });
    retailer = sessionCookieOf(login);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    // The manager with the most stores: two of them, in their branch; a third store there closes.
    const [busiest] = await read<{ manager_id: number }>(
      sql`SELECT manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    const managerId = Number(busiest.manager_id);
    const managerEntry = t.city.managers.find((entry) => entry.id === managerId);
    const ownBranch = t.city.branches.find((branch) => branch.id === managerEntry?.branchId) ?? t.city.branches[0];
    ownBranchId = ownBranch.id;
    await addStaff(t, { username: 'xc-asset-marketing', role: 'marketing', orgUnitId: ownBranch.id });
    managerUsername = managerEntry?.username ?? '';
    const [own] = await read<{ id: number; licence_no: string }>(
      sql`SELECT id, licence_no FROM customers WHERE tenant_id = ${tenantId} AND manager_id = ${managerId}
          AND status = 'active' ORDER BY id LIMIT 1`,
    );
    storeA = Number(own.id);
    retailerLicence = own.licence_no;
    // Another store of the branch, another manager's.
    const [second] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${ownBranch.id} AND status = 'active'
          AND id <> ${storeA} ORDER BY id LIMIT 1`,
    );
    storeA2 = Number(second.id);
    const [third] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' AND id NOT IN (${storeA}, ${storeA2})
          ORDER BY (branch_id = ${ownBranch.id}) DESC, id LIMIT 1`,
    );
    closedStore = Number(third.id);
    // A store that has closed (歇业).
    await t.database.db.execute(sql`UPDATE customers SET status = 'closed' WHERE id = ${closedStore}`);
    const [other] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND branch_id <> ${ownBranch.id} AND status = 'active'
          ORDER BY id LIMIT 1`,
    );
    storeB = Number(other.id);
    await signInEveryone();
  }, 240_000);
  afterAll(async () => t?.close());

  it('registers a fixture with a unique tag; refuses a taken tag, bad input and other roles, writing nothing', async () => {
    const created = await inject(marketing, 'POST', '/api/v1/assets', {
      tag: 'ZZ-YG-0001',
      type: 'cabinet',
      model: '立式烟柜 1.2 米',
      valueYuan: 2800,
    });
    expect(created.statusCode, created.body).toBe(201);
    assetId = created.json().id;
    expect(created.json()).toMatchObject({
      tag: 'ZZ-YG-0001',
      status: 'in_stock',
      customerId: null,
      valueYuan: 2800,
      history: [{ kind: 'register' }],
    });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'asset' AND action = 'create' AND entity_id = ${String(assetId)}`,
      ),
    ).toBe(1);

    const before = await state();
    await expectRefused(
      await inject(marketing, 'POST', '/api/v1/assets', { tag: 'ZZ-YG-0001', type: 'rack', valueYuan: 10 }),
      409,
      'ASSET_TAG_TAKEN',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', '/api/v1/assets', { tag: 'ZZ-YG-0002', type: 'rack', valueYuan: -1 }),
      400,
      'VALIDATION_FAILED',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', '/api/v1/assets', { tag: 'bad tag!', type: 'rack', valueYuan: 1 }),
      400,
      'VALIDATION_FAILED',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', '/api/v1/assets', {
        tag: 'ZZ-YG-0003',
        type: 'rack',
        valueYuan: 1,
        customerId: closedStore,
      }),
      409,
      'ASSET_STORE_NOT_ACTIVE',
      before,
    );
    for (const cookie of [manager, inspector, service, retailer]) {
      await expectRefused(
        await inject(cookie, 'POST', '/api/v1/assets', { tag: 'ZZ-YG-0004', type: 'rack', valueYuan: 1 }),
        403,
        'FORBIDDEN',
        before,
      );
    }
  });

  it('issues to one store at a time: a second issue, a closed store and another branch are refused', async () => {
    const issued = await inject(marketing, 'POST', `/api/v1/assets/${assetId}/issue`, { customerId: storeA });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      status: 'issued',
      customerId: storeA,
      heldSince: '2026-11-23',
      nextAuditOn: '2027-05-23',
      auditOverdue: false,
    });
    const before = await state();
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/issue`, { customerId: storeB }),
      409,
      'ASSET_ALREADY_ISSUED',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: closedStore }),
      409,
      'ASSET_STORE_NOT_ACTIVE',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: storeA }),
      409,
      'ASSET_SAME_STORE',
      before,
    );
    // The branch sees the fixture (its store) but not the store in the other branch.
    await expectRefused(
      await inject(branchMarketing, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: storeB }),
      404,
      'NOT_FOUND',
      before,
    );
    // The manager keeps no register.
    await expectRefused(
      await inject(manager, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: storeA2 }),
      403,
      'FORBIDDEN',
      before,
    );
  });

  it('transfers within the branch, then the other branch cannot see it; history kept in order', async () => {
    const moved = await inject(branchMarketing, 'POST', `/api/v1/assets/${assetId}/transfers`, {
      toCustomerId: storeA2,
      note: '门店装修，调至隔壁店',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().customerId).toBe(storeA2);
    expect(moved.json().history.map((event: { kind: string }) => event.kind)).toEqual([
      'register',
      'issue',
      'transfer',
    ]);
    expect(moved.json().history[2]).toMatchObject({ fromCustomerId: storeA, toCustomerId: storeA2 });
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'asset' AND action = 'transfer'`),
    ).toBe(1);
    // To the other branch by the city, and the branch loses sight of it.
    const away = await inject(marketing, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: storeB });
    expect(away.statusCode).toBe(200);
    expect((await inject(branchMarketing, 'GET', `/api/v1/assets/${assetId}`)).statusCode).toBe(404);
    expect((await inject(manager, 'GET', `/api/v1/assets/${assetId}`)).statusCode).toBe(404);
    const listed = await inject(branchMarketing, 'GET', `/api/v1/assets?customerId=${storeB}`);
    expect(listed.json()).toEqual({ items: [], total: 0 });
    const back = await inject(marketing, 'POST', `/api/v1/assets/${assetId}/transfers`, { toCustomerId: storeA });
    expect(back.statusCode).toBe(200);
  });

  it('lists with the contract’s filters, in scope: a manager sees their own stores’ fixtures only', async () => {
    for (const [tag, customerId] of [
      ['ZZ-YJ-0001', storeA],
      ['ZZ-YJ-0002', storeB],
    ] as const) {
      const response = await inject(marketing, 'POST', '/api/v1/assets', {
        tag,
        type: 'rack',
        valueYuan: 300,
        customerId,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const all = (await inject(marketing, 'GET', '/api/v1/assets?status=issued')).json();
    expect(all.total).toBe(3);
    const mine = (await inject(manager, 'GET', '/api/v1/assets')).json();
    expect(mine.items.map((item: { customerId: number }) => item.customerId).sort()).toEqual([storeA, storeA]);
    expect((await inject(manager, 'GET', `/api/v1/assets?customerId=${storeB}`)).json().total).toBe(0);
    // By branch: its stores' fixtures (and its store room's); another branch's are not in it.
    const ofBranch = (await inject(marketing, 'GET', `/api/v1/assets?branchId=${ownBranchId}`)).json();
    expect(ofBranch.items.map((item: { tag: string }) => item.tag)).toContain('ZZ-YJ-0001');
    expect(ofBranch.items.map((item: { tag: string }) => item.tag)).not.toContain('ZZ-YJ-0002');
    const ofStore = await inject(manager, 'GET', `/api/v1/customers/${storeA}/assets`);
    expect(ofStore.statusCode).toBe(200);
    expect(ofStore.json().total).toBe(2);
    expect((await inject(manager, 'GET', `/api/v1/customers/${storeB}/assets`)).statusCode).toBe(404);
    expect((await inject(retailer, 'GET', '/api/v1/assets')).statusCode).toBe(403);
    // Nothing is overdue today; half a year and a day later everything issued is.
    expect((await inject(marketing, 'GET', '/api/v1/assets?auditOverdue=true')).json().total).toBe(0);
    const now = t.clock.now;
    t.clock.now = new Date('2027-05-25T02:00:00Z');
    await signInEveryone();
    const overdue = (await inject(marketing, 'GET', '/api/v1/assets?auditOverdue=true')).json();
    expect(overdue.total).toBe(3);
    expect(overdue.items.every((item: { auditOverdue: boolean }) => item.auditOverdue)).toBe(true);
    expect((await inject(manager, 'GET', '/api/v1/assets?auditOverdue=true')).json().total).toBe(2);
    t.clock.now = now;
    await signInEveryone();
  });

  it('audits a fixture with a photo (images only, ≤ 5 MB) on a visit to its store, or standalone', async () => {
    const upload = (cookie: string, bytes: Buffer) => {
      const file = multipart('counter.png', bytes);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/assets/photos',
        headers: { cookie, ...file.headers },
        payload: file.payload,
      });
    };
    const before = await state();
    const notImage = await upload(manager, Buffer.from('%PDF-1.7 not a photo'));
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().code).toBe('ASSET_PHOTO_INVALID');
    const tooLarge = await upload(manager, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 1)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(await state()).toEqual(before);
    expect((await upload(retailer, png)).statusCode).toBe(403);

    const photo = await upload(manager, png);
    expect(photo.statusCode, photo.body).toBe(201);
    const photoId = photo.json().id;
    // A visit to another store is not this fixture's.
    const [visit] = await read<{ id: number }>(
      sql`SELECT id FROM visits WHERE tenant_id = ${tenantId} AND customer_id <> ${storeA} ORDER BY id LIMIT 1`,
    );
    const afterUpload = await state();
    if (visit) {
      await expectRefused(
        await inject(manager, 'POST', `/api/v1/assets/${assetId}/audits`, {
          condition: 'good',
          visitId: Number(visit.id),
        }),
        400,
        'ASSET_VISIT_MISMATCH',
        afterUpload,
      );
    }
    await expectRefused(
      await inject(manager, 'POST', `/api/v1/assets/${assetId}/audits`, { condition: 'good', photoId: photoId + 999 }),
      400,
      'ASSET_PHOTO_UNAVAILABLE',
      afterUpload,
    );
    t.clock.advanceMinutes(60 * 24);
    await signInEveryone();
    const audited = await inject(manager, 'POST', `/api/v1/assets/${assetId}/audits`, {
      condition: 'fair',
      photoId,
      note: '门有划痕',
    });
    expect(audited.statusCode, audited.body).toBe(200);
    expect(audited.json()).toMatchObject({ condition: 'fair', lastAuditedOn: '2026-11-24', nextAuditOn: '2027-05-24' });
    expect(audited.json().history.at(-1)).toMatchObject({ kind: 'audit', condition: 'fair', photoId });
    // The photo is the audit's now: not usable twice, readable by whoever sees the fixture.
    expect((await inject(manager, 'GET', `/api/v1/assets/photos/${photoId}`)).statusCode).toBe(200);
    expect((await inject(branchMarketing, 'GET', `/api/v1/assets/photos/${photoId}`)).statusCode).toBe(200);
    const storeBAsset = (await inject(marketing, 'GET', `/api/v1/assets?customerId=${storeB}`)).json().items[0].id;
    expect(
      (await inject(manager, 'POST', `/api/v1/assets/${storeBAsset}/audits`, { condition: 'good' })).statusCode,
    ).toBe(404);
    expect((await inject(service, 'POST', `/api/v1/assets/${assetId}/audits`, { condition: 'good' })).statusCode).toBe(
      403,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity IN ('asset', 'asset_photo') AND action IN ('audit', 'upload')`,
      ),
    ).toBe(2);
  });

  it('flags fixtures at closed stores for recovery; returns and writes off, and a written-off fixture never moves', async () => {
    expect((await inject(marketing, 'GET', '/api/v1/assets?recovery=true')).json().total).toBe(0);
    await t.database.db.execute(sql`UPDATE customers SET status = 'closed' WHERE id = ${storeA}`);
    const flagged = (await inject(marketing, 'GET', '/api/v1/assets?recovery=true')).json();
    expect(flagged.total).toBe(2);
    expect(flagged.items.every((item: { forRecovery: boolean }) => item.forRecovery)).toBe(true);
    const returned = await inject(marketing, 'POST', `/api/v1/assets/${assetId}/return`, { note: '客户歇业收回' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'in_stock', customerId: null, forRecovery: false });
    await t.database.db.execute(sql`UPDATE customers SET status = 'active' WHERE id = ${storeA}`);

    const before = await state();
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/return`, {}),
      409,
      'ASSET_NOT_ISSUED',
      before,
    );
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/write-off`, { reason: '' }),
      400,
      'VALIDATION_FAILED',
      before,
    );
    const gone = await inject(marketing, 'POST', `/api/v1/assets/${assetId}/write-off`, { reason: '柜门损坏无法修复' });
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ status: 'written_off', writeOffReason: '柜门损坏无法修复' });
    const afterWriteOff = await state();
    await expectRefused(
      await inject(marketing, 'POST', `/api/v1/assets/${assetId}/issue`, { customerId: storeA }),
      409,
      'ASSET_WRITTEN_OFF',
      afterWriteOff,
    );
    await expectRefused(
      await inject(manager, 'POST', `/api/v1/assets/${assetId}/audits`, { condition: 'good' }),
      404,
      'NOT_FOUND',
      afterWriteOff,
    );
    expect(
      (
        await read<{ action: string }>(
          sql`SELECT action FROM audit_log WHERE entity = 'asset' AND entity_id = ${String(assetId)} ORDER BY id`,
        )
      ).map((row) => row.action),
    ).toEqual(['create', 'issue', 'transfer', 'transfer', 'transfer', 'audit', 'return', 'write_off']);
  });

  it('imports all or nothing, with each bad row named; exports what it imports', async () => {
    const [{ licence_no: licenceA }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${storeA}`,
    );
    const [{ licence_no: licenceClosed }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${closedStore}`,
    );
    const importFile = async (cookie: string, rows: Array<Record<string, string | number>>) => {
      const file = multipart('资产.xlsx', await xlsxOf(rows, headers, '资产台账'));
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/assets/import',
        headers: { cookie, ...file.headers },
        payload: file.payload,
      });
    };
    const good: Array<Record<string, string | number>> = [
      {
        资产编号: 'ZZ-ZP-0001',
        资产类型: '招牌',
        '价值（元）': 1200,
        使用客户许可证号: licenceA,
        领用日期: '2026-03-01',
      },
      { 资产编号: 'ZZ-SP-0001', 资产类型: '数字屏', '价值（元）': 3500, '盘点周期（月）': 3 },
    ];
    const before = await state();
    const bad = await importFile(marketing, [
      ...good,
      { 资产编号: 'ZZ-YG-0001', 资产类型: '烟柜', '价值（元）': 10 },
      { 资产编号: 'ZZ-YT-0001', 资产类型: '烟盒', '价值（元）': 10 },
      { 资产编号: 'ZZ-YT-0002', 资产类型: '烟套', '价值（元）': 10, 使用客户许可证号: licenceClosed },
      { 资产编号: 'ZZ-SP-0001', 资产类型: '数字屏', '价值（元）': 10 },
    ]);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'ASSET_IMPORT_ROWS_INVALID', errorCount: 4 });
    expect(bad.json().errors.map((error: { row: number; column: string }) => [error.row, error.column])).toEqual([
      [4, '资产编号'],
      [5, '资产类型'],
      [6, '使用客户许可证号'],
      [7, '资产编号'],
    ]);
    expect(await state()).toEqual(before);
    expect((await importFile(manager, good)).statusCode).toBe(403);

    const imported = await importFile(marketing, good);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ rows: 2, created: 2, issued: 1 });
    const sign = (await inject(marketing, 'GET', '/api/v1/assets?tag=ZZ-ZP')).json().items[0];
    expect(sign).toMatchObject({
      customerId: storeA,
      heldSince: '2026-03-01',
      nextAuditOn: '2026-09-01',
      auditOverdue: true,
    });
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'asset' AND action = 'import'`),
    ).toBe(1);

    const exported = await inject(manager, 'GET', '/api/v1/assets/export?format=csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('资产编号');
    expect(exported.body).toContain('ZZ-ZP-0001');
    expect(exported.body).not.toContain('ZZ-YJ-0002');
    const xlsx = await inject(marketing, 'GET', '/api/v1/assets/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The template: the import's headers; only the register's keepers fetch it.
    const template = await inject(marketing, 'GET', '/api/v1/assets/import/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await inject(manager, 'GET', '/api/v1/assets/import/template')).statusCode).toBe(403);
  });
});
