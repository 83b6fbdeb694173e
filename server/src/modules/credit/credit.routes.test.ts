import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { xlsxOf } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { defaultCreditModel } from './default-model.ts';
import { violationSampleRow, violationSheetColumns } from './violation-import.ts';

// 信用 through the HTTP API on a small test city: models (bad bands refused, draft → approved,
// locked), preview, violations, a run (one computing at a time, the same facts give the same
// scores), publishing once, the distribution in a manager's scope, a store's ledger, and an appeal
// (one open, the item frozen, decided by an inspector only, re-scoring the store), every step audited.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function multipart(fileName: string, bytes: Buffer, type = 'image/png') {
  const boundary = '----kewo-credit-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Method = 'GET' | 'POST' | 'PUT';

describe.each(testDatabaseKinds)('credit on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let admin: string;
  let marketing: string;
  let inspector: string;
  let manager: string;
  let managerId: number;
  let storeA: number;
  let storeB: number;
  let otherManagersStore: number;
  let modelId: number;
  let firstRunId: number;
  let runId: number;
  let violationId: number;
  let storeC: number;
  let lateOrderId: number;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
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

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    admin = await t.signIn('admin');
    marketing = await t.signIn('marketing');
    inspector = await t.signIn('inspector');
    // The manager with the most stores; two of them without an open appeal (the demo files two).
    const [busiest] = await read<{ manager_id: number }>(
      sql`SELECT manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    managerId = Number(busiest.manager_id);
    const username = t.city.managers.find((entry) => entry.id === managerId)?.username ?? '';
    manager = await t.signIn(username);
    const own = await read<{ id: number }>(
      sql`SELECT id FROM customers c WHERE tenant_id = ${tenantId} AND manager_id = ${managerId} AND status = 'active'
          AND NOT EXISTS (SELECT 1 FROM credit_appeals a WHERE a.customer_id = c.id AND a.status = 'open')
          ORDER BY id LIMIT 2`,
    );
    storeA = Number(own[0].id);
    const [other] = await read<{ id: number }>(
      sql`SELECT id FROM customers c WHERE tenant_id = ${tenantId} AND status = 'active' AND id <> ${storeA}
          AND NOT EXISTS (SELECT 1 FROM credit_appeals a WHERE a.customer_id = c.id AND a.status = 'open')
          ORDER BY id LIMIT 1`,
    );
    storeB = Number(other.id);
    otherManagersStore = Number(
      (
        await read<{ id: number }>(
          sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id <> ${managerId} AND status = 'active' ORDER BY id LIMIT 1`,
        )
      )[0].id,
    );
    // A third store whose one settled order, in October's 12-month window, was paid late: whatever the
    // demo settled of its orders is cleared, then the service centre records the late payment.
    const [late] = await read<{ customer_id: number; order_id: number }>(
      sql`SELECT o.customer_id, o.id AS order_id FROM orders o
          JOIN order_cycles y ON y.tenant_id = o.tenant_id AND y.id = o.cycle_id
          JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
          WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted' AND c.status = 'active'
            AND c.id NOT IN (${storeA}, ${storeB})
            AND y.week_start BETWEEN '2026-08-01' AND '2026-10-20'
            AND NOT EXISTS (SELECT 1 FROM credit_appeals a WHERE a.customer_id = c.id AND a.status = 'open')
          ORDER BY o.id LIMIT 1`,
    );
    storeC = Number(late.customer_id);
    lateOrderId = Number(late.order_id);
    await t.database.db.execute(
      sql`UPDATE orders SET settlement_status = NULL, settlement_late_days = NULL, settlement_source = NULL
          WHERE tenant_id = ${tenantId} AND customer_id = ${storeC}`,
    );
    const settled = await inject(await t.signIn('service'), 'PUT', `/api/v1/orders/${lateOrderId}/settlement`, {
      status: 'late',
      lateDays: 6,
    });
    expect(settled.statusCode, settled.body).toBe(200);
  }, 240_000);
  afterAll(async () => t?.close());

  it('refuses bad models with 400 naming the conflict, writing nothing', async () => {
    const modelsBefore = await count(sql`SELECT count(*)::int AS n FROM credit_models`);
    const overlapping = {
      ...defaultCreditModel,
      bands: [
        { level: 'AAA', min: 100 },
        { level: 'AA', min: 110 },
        { level: 'D', min: null },
      ],
    };
    for (const definition of [
      overlapping,
      { ...defaultCreditModel, rules: [{ rule: 'late_payment', label: '逾期', points: 0, sourceKind: 'order' }] },
      { ...defaultCreditModel, rules: [{ rule: 'late_payment', label: '逾期', points: -2, sourceKind: '' }] },
    ]) {
      const response = await inject(marketing, 'POST', '/api/v1/credit/models', { name: '坏模型', definition });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('CREDIT_MODEL_INVALID');
    }
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/credit/models',
      headers: { cookie: marketing, 'accept-language': 'en' },
      payload: { name: 'x', definition: overlapping },
    });
    expect(english.json().detail).toContain('overlap');
    expect(await count(sql`SELECT count(*)::int AS n FROM credit_models`)).toBe(modelsBefore);
    const byManager = await inject(manager, 'POST', '/api/v1/credit/models', {
      name: 'm',
      definition: defaultCreditModel,
    });
    expect(byManager.statusCode).toBe(403);
  });

  it('saves a draft, edits it, approves it once, then locks it', async () => {
    const versionBefore = await count(
      sql`SELECT coalesce(max(version), 0)::int AS n FROM credit_models WHERE tenant_id = ${tenantId}`,
    );
    const created = await inject(marketing, 'POST', '/api/v1/credit/models', {
      name: '信用模型',
      definition: defaultCreditModel,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: versionBefore + 1, status: 'draft' });
    modelId = created.json().id;
    const edited = await inject(marketing, 'PUT', `/api/v1/credit/models/${modelId}`, {
      name: '信用模型 2026',
      definition: { ...defaultCreditModel, alertSharePoints: 3 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const run = await inject(marketing, 'POST', '/api/v1/credit/runs', { modelId, month: '2026-10' });
    expect(run.statusCode).toBe(409);
    expect(run.json().code).toBe('CREDIT_MODEL_NOT_APPROVED');
    expect((await inject(marketing, 'POST', `/api/v1/credit/models/${modelId}/approve`)).statusCode).toBe(200);
    const again = await inject(marketing, 'POST', `/api/v1/credit/models/${modelId}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CREDIT_MODEL_APPROVED');
    const locked = await inject(marketing, 'PUT', `/api/v1/credit/models/${modelId}`, {
      name: 'x',
      definition: defaultCreditModel,
    });
    expect(locked.statusCode).toBe(409);
    const next = await inject(marketing, 'POST', '/api/v1/credit/models', {
      name: '下一版',
      definition: defaultCreditModel,
    });
    expect(next.json().version).toBe(versionBefore + 2);
  });

  it('previews the distribution of every active store without saving', async () => {
    const runsBefore = await count(sql`SELECT count(*)::int AS n FROM credit_runs`);
    const active = await count(
      sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
    );
    const response = await inject(marketing, 'POST', '/api/v1/credit/models/preview', {
      definition: defaultCreditModel,
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.total).toBe(active);
    expect(preview.levels.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0)).toBe(active);
    expect(await count(sql`SELECT count(*)::int AS n FROM credit_runs`)).toBe(runsBefore);
  });

  it('records violations by inspectors only, within their scope', async () => {
    const input = {
      customerId: storeA,
      occurredOn: '2026-09-10',
      type: 'counterfeit',
      severity: 'severe',
      documentNo: '漳烟专罚〔2026〕12号',
    };
    expect((await inject(manager, 'POST', '/api/v1/credit/violations', input)).statusCode).toBe(403);
    expect((await inject(marketing, 'POST', '/api/v1/credit/violations', input)).statusCode).toBe(403);
    const created = await inject(inspector, 'POST', '/api/v1/credit/violations', input);
    expect(created.statusCode, created.body).toBe(201);
    violationId = created.json().id;
    const list = await inject(manager, 'GET', `/api/v1/credit/violations?customerId=${storeA}`);
    expect(list.json().items.map((item: { id: number }) => item.id)).toEqual([violationId]);
    const notMine = await inject(manager, 'GET', `/api/v1/credit/violations?customerId=${otherManagersStore}`);
    expect(notMine.json().total).toBe(0);
  });

  it('imports violations all or nothing, with the errors per row', async () => {
    const headers = ['许可证号', '违规日期', '违规类型', '严重程度', '文书编号', '备注'];
    const [{ licence_no: licenceNo }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${storeB}`,
    );
    const upload = async (rows: Record<string, string>[]) => {
      const file = multipart(
        '违规.xlsx',
        await xlsxOf(rows, headers),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/credit/violations/import',
        headers: { cookie: inspector, ...file.headers },
        payload: file.payload,
      });
    };
    const before = await count(sql`SELECT count(*)::int AS n FROM credit_violations`);
    const good = {
      许可证号: licenceNo,
      违规日期: '2026-08-01',
      违规类型: '违规进货',
      严重程度: '一般',
      文书编号: '漳烟专〔2026〕3号',
      备注: '',
    };
    const refused = await upload([good, { ...good, 许可证号: '999999999999', 严重程度: '很严重' }]);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().code).toBe('CREDIT_IMPORT_ROWS_INVALID');
    expect(
      refused.json().errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`),
    ).toEqual(['3:严重程度']);
    const unknownStore = await upload([good, { ...good, 许可证号: '999999999999' }]);
    expect(unknownStore.json().errors).toEqual([expect.objectContaining({ row: 3, column: '许可证号' })]);
    expect(await count(sql`SELECT count(*)::int AS n FROM credit_violations`)).toBe(before);
    const accepted = await upload([good, { ...good, 违规日期: '2026-08-02', 违规类型: 'price', 严重程度: 'minor' }]);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ rows: 2, created: 2 });
    expect(
      await count(sql`SELECT count(*)::int AS n FROM credit_violations WHERE source = 'imported'`),
    ).toBeGreaterThanOrEqual(2);
    expect((await inject(manager, 'POST', '/api/v1/credit/violations/import')).statusCode).toBe(403);
  });

  it('hands out the violation template with a sample row, which imports once filled for a real store', async () => {
    expect((await inject(manager, 'GET', '/api/v1/credit/violations/import/template')).statusCode).toBe(403);
    const template = await inject(inspector, 'GET', '/api/v1/credit/violations/import/template');
    expect(template.statusCode, template.body).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      violationSheetColumns.map((column) => column.header),
    );
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([...violationSampleRow]);
    expect(notes.name).toBe('填写说明');
    const upload = async (bytes: Buffer) => {
      const file = multipart('违规记录导入模板.xlsx', bytes, 'application/octet-stream');
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/credit/violations/import',
        headers: { cookie: inspector, ...file.headers },
        payload: file.payload,
      });
    };
    const bytesOf = async () => Buffer.from(await workbook.xlsx.writeBuffer());

    // Unchanged, the sample names no store: refused, nothing written.
    const before = await count(sql`SELECT count(*)::int AS n FROM credit_violations`);
    const unchanged = await upload(await bytesOf());
    expect(unchanged.statusCode, unchanged.body).toBe(422);
    expect(unchanged.json().errors).toEqual([expect.objectContaining({ row: 2, column: '许可证号' })]);
    expect(await count(sql`SELECT count(*)::int AS n FROM credit_violations`)).toBe(before);

    const [{ licence_no: licenceNo }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${storeB}`,
    );
    sheet.getCell('A2').value = licenceNo;
    sheet.getCell('E2').value = '漳烟专罚〔2026〕88号';
    const filled = await upload(await bytesOf());
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toEqual({ rows: 1, created: 1 });
    const [created] = await read<{ customer_id: number; type: string; severity: string; occurred_on: string }>(
      sql`SELECT customer_id, type, severity, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM credit_violations
          WHERE document_no = '漳烟专罚〔2026〕88号'`,
    );
    expect(created).toEqual({
      customer_id: storeB,
      type: 'illegal_purchase',
      severity: 'minor',
      occurred_on: violationSampleRow[1],
    });
  });

  it('runs a month, one computing at a time, the same facts giving the same scores', async () => {
    await t.database.db.execute(
      sql`INSERT INTO credit_runs (tenant_id, model_id, month, status, created_at) VALUES (${tenantId}, ${modelId}, '2026-09', 'computing', now())`,
    );
    const busy = await inject(marketing, 'POST', '/api/v1/credit/runs', { modelId, month: '2026-10' });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('CREDIT_RUN_BUSY');
    await t.database.db.execute(sql`DELETE FROM credit_runs WHERE status = 'computing'`);

    const first = await inject(marketing, 'POST', '/api/v1/credit/runs', { modelId, month: '2026-10' });
    expect(first.statusCode, first.body).toBe(201);
    firstRunId = first.json().id;
    const second = await inject(marketing, 'POST', '/api/v1/credit/runs', { modelId, month: '2026-10' });
    expect(second.statusCode, second.body).toBe(201);
    runId = second.json().id;
    const run = second.json();
    expect(run.status).toBe('computed');
    const active = await count(
      sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
    );
    expect(run.summary.total).toBe(active);
    expect(run.summary.branches.reduce((sum: number, branch: { total: number }) => sum + branch.total, 0)).toBe(active);
    const differing = await count(sql`
      SELECT count(*)::int AS n FROM credit_scores a JOIN credit_scores b ON b.customer_id = a.customer_id AND b.run_id = ${runId}
      WHERE a.run_id = ${firstRunId} AND (a.score <> b.score OR a.level <> b.level OR a.items <> b.items)`);
    expect(differing).toBe(0);
    const [{ level }] = await read<{ level: string }>(
      sql`SELECT level FROM credit_scores WHERE run_id = ${runId} AND customer_id = ${storeA}`,
    );
    expect(['B', 'C', 'D']).toContain(level);
    const stores = await inject(manager, 'GET', `/api/v1/credit/runs/${runId}/stores?level=${level}`);
    expect(stores.statusCode, stores.body).toBe(200);
    expect(stores.json().items.map((item: { customerId: number }) => item.customerId)).toContain(storeA);
  });

  it('publishes the latest run once, from a date', async () => {
    const older = await inject(marketing, 'POST', `/api/v1/credit/runs/${firstRunId}/publish`, {
      effectiveFrom: '2026-11-23',
    });
    expect(older.statusCode).toBe(409);
    expect(older.json().code).toBe('CREDIT_RUN_NOT_LATEST');
    const byManager = await inject(manager, 'POST', `/api/v1/credit/runs/${runId}/publish`, {
      effectiveFrom: '2026-11-23',
    });
    expect(byManager.statusCode).toBe(403);
    const published = await inject(marketing, 'POST', `/api/v1/credit/runs/${runId}/publish`, {
      effectiveFrom: '2026-11-23',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', effectiveFrom: '2026-11-23' });
    const twice = await inject(marketing, 'POST', `/api/v1/credit/runs/${runId}/publish`, {
      effectiveFrom: '2026-11-23',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CREDIT_RUN_PUBLISHED');
    const audited = await count(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'credit_run' AND action = 'publish' AND entity_id = ${String(runId)}`,
    );
    expect(audited).toBe(1);
  });

  it('gives the distribution in force, a manager only their stores', async () => {
    const all = (await inject(marketing, 'GET', '/api/v1/credit/distribution?by=branch')).json();
    expect(all.runId).toBe(runId);
    expect(all.effectiveFrom).toBe('2026-11-23');
    expect(all.levels.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0)).toBe(all.total);
    expect(all.groups.reduce((sum: number, group: { total: number }) => sum + group.total, 0)).toBe(all.total);
    const own = (await inject(manager, 'GET', '/api/v1/credit/distribution')).json();
    const managed = await count(
      sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND manager_id = ${managerId} AND status = 'active'`,
    );
    expect(own.total).toBe(managed);
    expect(own.total).toBeLessThan(all.total);
  });

  it("explains a store's credit: score = base + Σ items, the cap, and the scope", async () => {
    const response = await inject(manager, 'GET', `/api/v1/customers/${storeA}/credit`);
    expect(response.statusCode, response.body).toBe(200);
    const credit = response.json();
    const sum = credit.items.reduce((total: number, item: { points: number }) => total + item.points, 0);
    expect(credit.score).toBeCloseTo(credit.base + sum, 6);
    expect(['B', 'C', 'D']).toContain(credit.level);
    expect(credit.caps[0]).toMatchObject({ rule: 'severe_violation_12m', capLevel: 'B' });
    expect(credit.items).toContainEqual(
      expect.objectContaining({
        rule: 'violation_severe',
        points: -20,
        source: { kind: 'violation', id: String(violationId), at: '2026-09-10' },
      }),
    );
    expect(credit.history[0]).toMatchObject({ runId, effectiveFrom: '2026-11-23' });
    expect((await inject(manager, 'GET', `/api/v1/customers/${otherManagersStore}/credit`)).statusCode).toBe(404);
  });

  it('takes an appeal from the store, freezes the item, and lets an inspector accept it', async () => {
    const retailer = await retailerOf(storeA);
    const portal = (await inject(retailer, 'GET', '/api/v1/portal/credit')).json();
    expect(['B', 'C', 'D']).toContain(portal.level);
    expect(portal.howToRaise.length).toBeGreaterThan(0);
    const item = portal.items.find((entry: { rule: string }) => entry.rule === 'violation_severe');

    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/credit/photos',
      headers: { cookie: retailer, ...multipart('证明.png', png).headers },
      payload: multipart('证明.png', png).payload,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const otherRetailer = await retailerOf(storeB);
    const foreignPhoto = await inject(otherRetailer, 'POST', '/api/v1/portal/credit/appeals', {
      reason: '借用照片',
      photoIds: [photo.json().id],
    });
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json().code).toBe('CREDIT_APPEAL_PHOTO_UNKNOWN');

    const filed = await inject(retailer, 'POST', '/api/v1/portal/credit/appeals', {
      reason: '该批卷烟有合法进货凭证',
      itemKey: item.key,
      photoIds: [photo.json().id],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'open', dueOn: '2026-12-14' });
    const appealId = filed.json().id;
    const second = await inject(retailer, 'POST', '/api/v1/portal/credit/appeals', { reason: '再申诉一次' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CREDIT_APPEAL_OPEN');
    const frozen = await inject(inspector, 'POST', `/api/v1/credit/violations/${violationId}/void`, {
      reason: '录入错误',
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('CREDIT_ITEM_FROZEN');

    const detail = await inject(inspector, 'GET', `/api/v1/credit/appeals/${appealId}`);
    expect(detail.json().item).toMatchObject({ key: item.key, points: -20 });
    const image = await inject(manager, 'GET', `/api/v1/credit/appeals/${appealId}/photos/${photo.json().id}`);
    expect(image.statusCode).toBe(200);

    const byManager = await inject(manager, 'POST', `/api/v1/credit/appeals/${appealId}/decision`, {
      outcome: 'accepted',
      note: '同意',
    });
    expect(byManager.statusCode).toBe(403);
    const byMarketing = await inject(marketing, 'POST', `/api/v1/credit/appeals/${appealId}/decision`, {
      outcome: 'accepted',
      note: '同意',
    });
    expect(byMarketing.statusCode).toBe(403);
    const decided = await inject(inspector, 'POST', `/api/v1/credit/appeals/${appealId}/decision`, {
      outcome: 'accepted',
      note: '凭证属实，撤销该违规记录',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'accepted', corrected: 'violation_voided' });
    expect(decided.json().rescored.score).toBe(portal.score + 20);
    const again = await inject(inspector, 'POST', `/api/v1/credit/appeals/${appealId}/decision`, {
      outcome: 'rejected',
      note: '再次',
    });
    expect(again.statusCode).toBe(409);

    const after = (await inject(retailer, 'GET', '/api/v1/portal/credit')).json();
    expect(after.level).toBe(decided.json().rescored.level);
    expect(after.items.some((entry: { rule: string }) => entry.rule === 'violation_severe')).toBe(false);
    expect(after.appeal).toMatchObject({ id: appealId, status: 'accepted', note: '凭证属实，撤销该违规记录' });
    const voided = await read<{ voided_at: Date | null }>(
      sql`SELECT voided_at FROM credit_violations WHERE id = ${violationId}`,
    );
    expect(voided[0].voided_at).not.toBeNull();
    const audited = await read<{ entity: string; action: string }>(
      sql`SELECT entity, action FROM audit_log WHERE entity IN ('credit_appeal', 'credit_violation', 'credit_run') ORDER BY id`,
    );
    expect(audited.map((row) => `${row.entity}:${row.action}`)).toEqual(
      expect.arrayContaining([
        'credit_appeal:upload',
        'credit_appeal:create',
        'credit_violation:void',
        'credit_appeal:decide',
        'credit_run:correct',
      ]),
    );
  });

  it('rejects an appeal on the level with a note', async () => {
    const retailer = await retailerOf(storeB);
    const filed = await inject(retailer, 'POST', '/api/v1/portal/credit/appeals', { reason: '我店一直按时结算' });
    expect(filed.statusCode, filed.body).toBe(201);
    const list = (await inject(inspector, 'GET', '/api/v1/credit/appeals?status=open')).json();
    expect(list.items.map((item: { id: number }) => item.id)).toContain(filed.json().id);
    const before = (await inject(retailer, 'GET', '/api/v1/portal/credit')).json();
    const decided = await inject(admin, 'POST', `/api/v1/credit/appeals/${filed.json().id}/decision`, {
      outcome: 'rejected',
      note: '结算记录无误',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'rejected', rescored: null });
    const after = (await inject(retailer, 'GET', '/api/v1/portal/credit')).json();
    expect(after.score).toBe(before.score);
    expect((await inject(retailer, 'GET', '/api/v1/portal/credit/appeals')).json().items[0]).toMatchObject({
      status: 'rejected',
      note: '结算记录无误',
    });
  });

  it('corrects a late payment where it lives when the appeal is accepted: the item goes, the on-time rate is 100 %', async () => {
    const retailer = await retailerOf(storeC);
    const onTimeRate = (credit: { indicators: { indicator: string; value: number | null }[] }) =>
      credit.indicators.find((entry) => entry.indicator === 'on_time_rate')?.value;
    const before = (await inject(retailer, 'GET', '/api/v1/portal/credit')).json();
    const item = before.items.find(
      (entry: { source: { kind: string; id: string } }) =>
        entry.source.kind === 'order' && entry.source.id === String(lateOrderId),
    );
    expect(item).toMatchObject({ rule: 'late_payment', points: -2 });
    expect(onTimeRate(before)).toBe(0);

    const filed = await inject(retailer, 'POST', '/api/v1/portal/credit/appeals', {
      reason: '银行扣款延迟，非本店原因',
      itemKey: item.key,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appealId = filed.json().id;
    // Decided three days later (sessions from before have expired by then).
    t.clock.advanceMinutes(3 * 24 * 60);
    const decidedAt = t.clock.now.toISOString();
    const decided = await inject(await t.signIn('inspector'), 'POST', `/api/v1/credit/appeals/${appealId}/decision`, {
      outcome: 'accepted',
      note: '银行出具证明，系系统故障',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'accepted', corrected: 'order_corrected', decidedAt });
    expect(decided.json().rescored.score).toBeGreaterThan(before.score);

    // The fact itself is corrected in supply, audited there with the appeal it came from.
    const [order] = await read<{ settlement_status: string; settlement_late_days: number | null }>(
      sql`SELECT settlement_status, settlement_late_days FROM orders WHERE id = ${lateOrderId}`,
    );
    expect(order).toEqual({ settlement_status: 'on_time', settlement_late_days: null });
    const [settleAudit] = await read<{ after: { settlementStatus: string; appealId: number; note: string } }>(
      sql`SELECT after FROM audit_log WHERE entity = 'order' AND action = 'settle' AND entity_id = ${String(lateOrderId)}
          ORDER BY id DESC LIMIT 1`,
    );
    expect(settleAudit.after).toMatchObject({ settlementStatus: 'on_time', appealId });
    expect(settleAudit.after.note).toContain(`#${appealId}`);

    // …so the ledger item is gone and the rate counts the order as paid on time: 1 of its 1 settled orders.
    const after = (await inject(await retailerOf(storeC), 'GET', '/api/v1/portal/credit')).json();
    expect(after.items.some((entry: { key: string }) => entry.key === item.key)).toBe(false);
    expect(onTimeRate(after)).toBe(100);
    expect(after.score).toBe(decided.json().rescored.score);
    const staffView = (await inject(await t.signIn('admin'), 'GET', `/api/v1/customers/${storeC}/credit`)).json();
    expect(onTimeRate(staffView)).toBe(100);
  });
});
