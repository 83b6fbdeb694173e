import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { interactingStoresSql } from './index.ts';

// 消费者意见 through the HTTP API on a small test city: a store relays feedback (the three named
// fields alone, then with a product and a photo); its response due time is the complaints' clock
// (changing the ticket SLA policy of the topic's category changes it); 2,001 characters, an unknown
// product or another store's photo are refused with nothing written; the queue, its filters and
// the answer in scope (a branch's staff see and answer their branch's stores only); the store
// reads the answer; the monthly summary and its .xlsx; role checks on reads and writes; audit.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function multipart(fileName: string, bytes: Buffer, type = 'image/png') {
  const boundary = '----kewo-feedback-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

vi.setConfig({ testTimeout: 120_000 });

type Method = 'GET' | 'POST' | 'PUT';

describe.each(testDatabaseKinds)('consumer feedback on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let admin: string;
  let service: string;
  let branchService: string;
  let inspector: string;
  let storeA: number;
  let storeB: number;
  let retailerA: string;
  let retailerB: string;
  let productId: number;

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const footprint = async () =>
    JSON.stringify(
      await read(sql`SELECT
        (SELECT count(*) FROM consumer_feedback) AS feedback,
        (SELECT max(updated_at)::text FROM consumer_feedback) AS feedback_at,
        (SELECT count(*) FROM tickets) AS tickets,
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
  const relay = (cookie: string, body: unknown) => inject(cookie, 'POST', '/api/v1/portal/consumer-feedback', body);

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 40 });
    tenantId = t.city.tenantId;
    admin = await t.signIn('admin');
    const [a] = await read<{ id: number; branch_id: number }>(
      sql`SELECT id, branch_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id LIMIT 1`,
    );
    const [b] = await read<{ id: number }>(
      sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' AND branch_id <> ${a.branch_id}
          ORDER BY id LIMIT 1`,
    );
    storeA = Number(a.id);
    storeB = Number(b.id);
    await addStaff(t, { username: 'cf-service', role: 'service', orgUnitId: Number(a.branch_id) });
    await addStaff(t, { username: 'cf-city-service', role: 'service', orgUnitId: t.city.rootOrgUnitId });
    await addStaff(t, { username: 'cf-inspector', role: 'inspector', orgUnitId: Number(a.branch_id) });
    service = await t.signIn('cf-city-service');
    branchService = await t.signIn('cf-service');
    inspector = await t.signIn('cf-inspector');
    retailerA = await retailerOf(storeA);
    retailerB = await retailerOf(storeB);
    const [product] = await read<{ id: number }>(
      sql`SELECT id FROM products WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`,
    );
    productId = Number(product.id);
  }, 600_000);

  afterAll(async () => {
    await t?.close();
  });

  it('relays feedback with the three named fields alone; its due time is its ticket’s first-response clock', async () => {
    const response = await relay(retailerA, { topic: 'price', text: '顾客说这款烟最近零售价偏高' });
    expect(response.statusCode, response.body).toBe(201);
    const { id, responseDueAt } = response.json();
    expect(Object.keys(response.json()).sort()).toEqual(['id', 'responseDueAt']);
    const [row] = await read<{ due: string; type: string; category_code: string; customer_id: number }>(
      sql`SELECT t.first_response_due_at AS due, t.type, t.category_code, f.customer_id
          FROM consumer_feedback f JOIN tickets t ON t.tenant_id = f.tenant_id AND t.id = f.ticket_id WHERE f.id = ${id}`,
    );
    expect(new Date(row.due).toISOString()).toBe(responseDueAt);
    expect(row).toMatchObject({ type: 'suggestion', category_code: 'price' });
    expect(Number(row.customer_id)).toBe(storeA);
    // The default first-response target: 24 h round the clock.
    expect(new Date(responseDueAt).getTime() - t.clock.now.getTime()).toBe(24 * 3_600_000);
  });

  it('is the same clock: changing the ticket SLA policy changes feedback’s due time', async () => {
    const put = await inject(admin, 'PUT', '/api/v1/ticket-sla-policies', {
      cells: [{ categoryCode: 'supply', priority: 'normal', firstResponseMinutes: 90, resolutionMinutes: 600 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const response = await relay(retailerA, { topic: 'availability', text: '顾客想买的规格断货了' });
    expect(response.statusCode, response.body).toBe(201);
    expect(new Date(response.json().responseDueAt).getTime() - t.clock.now.getTime()).toBe(90 * 60_000);
    const ticket = await relay(retailerA, { topic: 'other', text: '其他' });
    expect(new Date(ticket.json().responseDueAt).getTime() - t.clock.now.getTime()).toBe(24 * 3_600_000);
  });

  it('takes a product and a photo the store uploaded', async () => {
    const body = multipart('pack.png', png);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/consumer-feedback/photos',
      headers: { cookie: retailerA, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const photoId = upload.json().id;
    const response = await relay(retailerA, { productId, topic: 'packaging', text: '外包装有破损', photoId });
    expect(response.statusCode, response.body).toBe(201);
    const photo = await inject(service, 'GET', `/api/v1/consumer-feedback/${response.json().id}/photo`);
    expect(photo.statusCode).toBe(200);
    // Another store may not cite it.
    const before = await footprint();
    const stolen = await relay(retailerB, { topic: 'packaging', text: '外包装有破损', photoId });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().code).toBe('CONSUMER_FEEDBACK_PHOTO_UNKNOWN');
    expect(await footprint()).toBe(before);
  });

  it.each([
    ['2,001 characters', { topic: 'quality', text: '质'.repeat(2001) }, 400, 'CONSUMER_FEEDBACK_TEXT_TOO_LONG'],
    [
      'an unknown product',
      { productId: 2_000_000_000, topic: 'quality', text: '假烟?' },
      400,
      'CONSUMER_FEEDBACK_PRODUCT_UNKNOWN',
    ],
    ['an unknown topic', { topic: 'smell', text: '味道不对' }, 400, undefined],
    ['no text', { topic: 'quality' }, 400, undefined],
    ['blank text', { topic: 'quality', text: '   ' }, 400, 'CONSUMER_FEEDBACK_TEXT_EMPTY'],
    ['an unknown field', { topic: 'quality', text: '好', storeId: 1 }, 400, undefined],
  ])('refuses %s and writes nothing', async (_name, body, status, code) => {
    const before = await footprint();
    const response = await relay(retailerA, body);
    expect(response.statusCode, response.body).toBe(status);
    if (code) expect(response.json().code).toBe(code);
    expect(await footprint()).toBe(before);
  });

  it('offers the store the catalogue’s products to name', async () => {
    const response = await inject(retailerA, 'GET', '/api/v1/portal/consumer-feedback/products');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.some((item: { id: number }) => item.id === productId)).toBe(true);
  });

  it('accepts exactly 2,000 characters', async () => {
    const response = await relay(retailerB, { topic: 'quality', text: '质'.repeat(2000) });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('shows the queue in scope with its filters; a branch’s staff see their branch only', async () => {
    const all = await inject(service, 'GET', '/api/v1/consumer-feedback?limit=100');
    expect(all.statusCode, all.body).toBe(200);
    const stores = new Set(all.json().items.map((item: { customerId: number }) => item.customerId));
    expect(stores).toEqual(new Set([storeA, storeB]));
    const branch = await inject(branchService, 'GET', '/api/v1/consumer-feedback?limit=100');
    expect(branch.json().items.every((item: { customerId: number }) => item.customerId === storeA)).toBe(true);
    expect(branch.json().total).toBe(4);
    const packaging = await inject(service, 'GET', `/api/v1/consumer-feedback?topic=packaging&productId=${productId}`);
    expect(packaging.json().items).toHaveLength(1);
    expect(packaging.json().items[0]).toMatchObject({ topic: 'packaging', hasPhoto: true, state: 'open' });
    const overdueNow = await inject(service, 'GET', '/api/v1/consumer-feedback?overdue=true');
    expect(overdueNow.json().total).toBe(0);
    t.clock.advanceMinutes(120);
    [service, branchService] = await Promise.all([t.signIn('cf-city-service'), t.signIn('cf-service')]);
    const overdue = await inject(service, 'GET', '/api/v1/consumer-feedback?overdue=true');
    expect(overdue.json().items.map((item: { topic: string; state: string }) => [item.topic, item.state])).toEqual([
      ['availability', 'overdue'],
    ]);
    const other = await inject(branchService, 'GET', '/api/v1/consumer-feedback?limit=100');
    const [foreign] = all.json().items.filter((item: { customerId: number }) => item.customerId === storeB);
    expect(other.json().items.some((item: { id: number }) => item.id === foreign.id)).toBe(false);
    expect((await inject(branchService, 'GET', `/api/v1/consumer-feedback/${foreign.id}`)).statusCode).toBe(404);
  });

  it('answers in scope: the ticket is replied to and resolved, the store sees the answer; once only', async () => {
    const queue = (await inject(service, 'GET', '/api/v1/consumer-feedback?limit=100')).json().items as {
      id: number;
      customerId: number;
      ticketId: number;
    }[];
    const mine = queue.find((item) => item.customerId === storeA) ?? queue[0];
    const foreign = queue.find((item) => item.customerId === storeB) ?? queue[0];
    const before = await footprint();
    const refused = await inject(branchService, 'POST', `/api/v1/consumer-feedback/${foreign.id}/answer`, {
      answer: '已反馈厂家',
    });
    expect(refused.statusCode).toBe(404);
    const tooLong = await inject(branchService, 'POST', `/api/v1/consumer-feedback/${mine.id}/answer`, {
      answer: '答'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(
      (await inject(inspector, 'POST', `/api/v1/consumer-feedback/${mine.id}/answer`, { answer: '好' })).statusCode,
    ).toBe(403);
    expect(await footprint()).toBe(before);
    const answered = await inject(branchService, 'POST', `/api/v1/consumer-feedback/${mine.id}/answer`, {
      answer: '已向工业企业反馈，下月起供应恢复',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', answer: '已向工业企业反馈，下月起供应恢复' });
    const [ticket] = await read<{ status: string; first_response_sla: string }>(
      sql`SELECT status, first_response_sla FROM tickets WHERE id = ${mine.ticketId}`,
    );
    expect(ticket.status).toBe('resolved');
    expect(['met', 'breached']).toContain(ticket.first_response_sla);
    const again = await inject(service, 'POST', `/api/v1/consumer-feedback/${mine.id}/answer`, { answer: '再答' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONSUMER_FEEDBACK_ALREADY_ANSWERED');
    retailerA = await retailerOf(storeA);
    const portal = await inject(retailerA, 'GET', '/api/v1/portal/consumer-feedback');
    expect(portal.statusCode, portal.body).toBe(200);
    const seen = portal.json().items.find((item: { id: number }) => item.id === mine.id);
    expect(seen).toMatchObject({ state: 'answered', answer: '已向工业企业反馈，下月起供应恢复' });
    expect(
      portal
        .json()
        .items.every((item: { id: number }) => queue.some((q) => q.id === item.id && q.customerId === storeA)),
    ).toBe(true);
    const audit = await read<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${tenantId} AND entity = 'consumer_feedback' AND action = 'reply'`,
    );
    expect(Number(audit[0].n)).toBe(1);
  });

  it('categorises in scope', async () => {
    const queue = (await inject(service, 'GET', '/api/v1/consumer-feedback?topic=other')).json().items;
    const response = await inject(service, 'PUT', `/api/v1/consumer-feedback/${queue[0].id}/category`, {
      topic: 'quality',
      productId,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ topic: 'quality', productId });
    const unknown = await inject(service, 'PUT', `/api/v1/consumer-feedback/${queue[0].id}/category`, {
      topic: 'quality',
      productId: 2_000_000_000,
    });
    expect(unknown.json().code).toBe('CONSUMER_FEEDBACK_PRODUCT_UNKNOWN');
  });

  it('summarises the month by product and topic, in scope, and exports it', async () => {
    const month = new Date(t.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const summary = await inject(service, 'GET', `/api/v1/consumer-feedback/summary?month=${month}`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toMatchObject({ month, total: 5, answered: 1 });
    expect(summary.json().rows[0]).toMatchObject({ productId, total: 2 });
    const branch = await inject(branchService, 'GET', `/api/v1/consumer-feedback/summary?month=${month}`);
    expect(branch.json().total).toBe(4);
    const xlsx = await inject(service, 'GET', `/api/v1/consumer-feedback/summary/export?month=${month}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await inject(service, 'GET', '/api/v1/consumer-feedback/summary?month=2026-13')).statusCode).toBe(400);
  });

  it('checks roles on reads and writes', async () => {
    for (const url of ['/api/v1/consumer-feedback', '/api/v1/consumer-feedback/summary?month=2026-01']) {
      expect((await inject(inspector, 'GET', url)).statusCode).toBe(403);
      expect((await inject(retailerA, 'GET', url)).statusCode).toBe(403);
    }
    expect((await relay(service, { topic: 'price', text: '贵' })).statusCode).toBe(403);
    expect((await inject(service, 'GET', '/api/v1/portal/consumer-feedback')).statusCode).toBe(403);
  });

  it('names the stores that relayed feedback in a period (客我互动率)', async () => {
    const from = new Date(t.clock.now.getTime() - 86_400_000);
    const to = new Date(t.clock.now.getTime() + 86_400_000);
    const rows = await read<{ customer_id: number }>(interactingStoresSql(from, to));
    expect(new Set(rows.map((row) => Number(row.customer_id)))).toEqual(new Set([storeA, storeB]));
    expect(await read(interactingStoresSql(to, new Date(to.getTime() + 86_400_000)))).toEqual([]);
  });
});
