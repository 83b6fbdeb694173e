import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { notifications } from '../../platform/notifications/notifications.schema.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { judgedComplaintEventsSql } from './credit-facts.ts';
import { ticketAttachments, ticketEvents, tickets } from './tickets.schema.ts';
import { sweepTickets } from './tickets-sweep.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function multipart(fileName: string, bytes: Buffer, type = 'image/png') {
  const boundary = '----kewo-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDatabaseKinds)('tickets on %s', (kind) => {
  let t: TestApp;
  let service: string;
  let inspector: string;
  let admin: string;
  let retailer: string;
  let otherRetailer: string;
  let store: { id: number; licenceNo: string; managerId: number };
  let otherStore: { id: number; licenceNo: string };

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  async function retailerSignIn(licenceNo: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    return sessionCookieOf(response);
  }

  async function file(description = '送货员态度很差，还迟到了两个小时。', categoryCode = 'attitude') {
    const response = await inject(retailer, 'POST', '/api/v1/portal/tickets', {
      type: 'complaint',
      categoryCode,
      description,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; status: string; firstResponseDueAt: string; resolutionDueAt: string };
  }

  const countOf = async (
    table: typeof ticketEvents | typeof notifications | typeof ticketAttachments,
    ticketId: number,
  ) => {
    const [row] = await t.database.db.select({ n: count() }).from(table).where(eq(table.ticketId, ticketId));
    return row.n;
  };

  // Sessions expire when idle: after moving the clock on, everyone signs in again.
  async function signInAll() {
    service = await t.signIn('service');
    inspector = await t.signIn('inspector');
    admin = await t.signIn('admin');
    if (store) {
      retailer = await retailerSignIn(store.licenceNo);
      otherRetailer = await retailerSignIn(otherStore.licenceNo);
    }
  }
  async function advance(minutes: number) {
    t.clock.advanceMinutes(minutes);
    await signInAll();
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 40 });
    await signInAll();
    const stores = await t.database.db
      .select({ id: customers.id, licenceNo: customers.licenceNo, managerId: customers.managerId })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
      .orderBy(customers.id)
      .limit(2);
    [store, otherStore] = stores;
    retailer = await retailerSignIn(store.licenceNo);
    otherRetailer = await retailerSignIn(otherStore.licenceNo);
  });
  afterAll(async () => t?.close());

  it('files a complaint from the portal: 24 hours to the first response, assigned by the rules', async () => {
    const created = await file();
    expect(created.status).toBe('assigned');
    expect(created.firstResponseDueAt).toBe('2026-11-24T02:00:00.000Z');
    expect(created.resolutionDueAt).toBe('2026-11-25T02:00:00.000Z');
    const detail = (await inject(service, 'GET', `/api/v1/tickets/${created.id}`)).json();
    expect(detail).toMatchObject({
      status: 'assigned',
      channel: 'portal',
      categoryName: '服务态度',
      firstRespondedAt: null,
      firstResponseSla: 'pending',
      resolutionSla: 'pending',
      escalated: false,
      // 服务类 goes to the store's customer manager.
      assigneeId: store.managerId,
    });
    expect(detail.events.map((event: { kind: string }) => event.kind)).toEqual(['created', 'assigned']);
  });

  it('refuses a category outside the library, and writes nothing', async () => {
    const before = await t.database.db.select({ n: count() }).from(tickets);
    const response = await inject(retailer, 'POST', '/api/v1/portal/tickets', {
      type: 'complaint',
      categoryCode: 'no_such',
      description: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('TICKET_CATEGORY_UNKNOWN');
    expect(await t.database.db.select({ n: count() }).from(tickets)).toEqual(before);
  });

  it("hides another store's ticket (404) and another city's (404); an inspector cannot reply (403)", async () => {
    const { id } = await file();
    expect((await inject(otherRetailer, 'GET', `/api/v1/portal/tickets/${id}`)).statusCode).toBe(404);
    expect(
      (await inject(otherRetailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, { accepted: true, rating: 5 }))
        .statusCode,
    ).toBe(404);
    const xiamen = await t.signIn(t.otherTenant.adminUsername);
    expect((await inject(xiamen, 'GET', `/api/v1/tickets/${id}`)).statusCode).toBe(404);
    expect((await inject(inspector, 'GET', `/api/v1/tickets/${id}`)).statusCode).toBe(200);
    expect(
      (await inject(inspector, 'POST', `/api/v1/tickets/${id}/replies`, { body: 'x', visibleToCustomer: true }))
        .statusCode,
    ).toBe(403);
    expect((await inject(retailer, 'GET', '/api/v1/tickets')).statusCode).toBe(403);
  });

  it('answers an illegal transition with 409 naming the state and the allowed ones, and changes nothing', async () => {
    const { id } = await file();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${id}/transitions`,
      headers: { cookie: service, 'accept-language': 'en' },
      payload: { to: 'closed', note: '' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'TICKET_TRANSITION_INVALID' });
    expect(response.json().detail).toBe(
      'The ticket is "assigned" and cannot move to "closed"; allowed: assigned, in_progress, resolved.',
    );
    const detail = (await inject(service, 'GET', `/api/v1/tickets/${id}`)).json();
    expect(detail.status).toBe('assigned');
    expect(detail.events).toHaveLength(2);
  });

  it('stops the first-response clock at the first visible reply; internal notes and later replies change nothing', async () => {
    const { id } = await file();
    await advance(30);
    const note = await inject(service, 'POST', `/api/v1/tickets/${id}/replies`, {
      body: '内部：先核实送货记录',
      visibleToCustomer: false,
    });
    expect(note.json()).toMatchObject({ firstRespondedAt: null, firstResponseSla: 'pending' });
    await advance(30);
    const first = await inject(service, 'POST', `/api/v1/tickets/${id}/replies`, {
      body: '您好，我们已收到，正在核实。',
      visibleToCustomer: true,
    });
    expect(first.statusCode).toBe(200);
    const firstAt = first.json().firstRespondedAt;
    expect(first.json()).toMatchObject({ firstResponseSla: 'met', status: 'in_progress' });
    await advance(60 * 30);
    const later = await inject(service, 'POST', `/api/v1/tickets/${id}/replies`, {
      body: '补充说明',
      visibleToCustomer: true,
    });
    expect(later.json()).toMatchObject({ firstRespondedAt: firstAt, firstResponseSla: 'met' });
    // The retailer sees the visible replies only, and the handler as 客服人员.
    const portal = (await inject(retailer, 'GET', `/api/v1/portal/tickets/${id}`)).json();
    const replies = portal.events.filter((event: { kind: string }) => event.kind === 'reply');
    expect(replies.map((event: { body: string }) => event.body)).toEqual(['您好，我们已收到，正在核实。', '补充说明']);
    // This app's gateway only: the other database's run keeps its own messages.
    expect(
      t.context.outbound.sent.filter(
        (message) => message.customerId === store.id && message.text.includes(`工单 #${id} `),
      ),
    ).toHaveLength(2);
  });

  it('resolves, then the retailer confirms with a rating; a bad rating writes nothing', async () => {
    const { id } = await file();
    await inject(service, 'POST', `/api/v1/tickets/${id}/replies`, { body: '已联系送货员。', visibleToCustomer: true });
    const resolved = await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, {
      to: 'resolved',
      note: '已道歉并调整送货时间',
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionSla: 'met' });
    const bad = await inject(retailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, { accepted: true, rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect((await inject(retailer, 'GET', `/api/v1/portal/tickets/${id}`)).json().status).toBe('resolved');
    const confirmed = await inject(retailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, {
      accepted: true,
      rating: 5,
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', rating: 5 });
    const again = await inject(retailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, { accepted: true, rating: 4 });
    expect(again.statusCode).toBe(409);
    const closed = await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, { to: 'closed', note: '' });
    expect(closed.json().status).toBe('closed');
  });

  it('records the judgement (投诉定性) given on closing as the credit fact; on any other move it is 422', async () => {
    const { id } = await file('送货员说我店的卷烟是假的，其实没有这回事。');
    await inject(service, 'POST', `/api/v1/tickets/${id}/replies`, { body: '已核实。', visibleToCustomer: true });
    const eventsBefore = await countOf(ticketEvents, id);
    const early = await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, {
      to: 'resolved',
      note: '已核实',
      judgement: 'unfounded',
    });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json()).toMatchObject({ code: 'TICKET_JUDGEMENT_ONLY_ON_CLOSE' });
    const [unchanged] = await t.database.db
      .select({ status: tickets.status, judgement: tickets.judgement })
      .from(tickets)
      .where(eq(tickets.id, id));
    expect(unchanged.judgement).toBeNull();
    expect(unchanged.status).not.toBe('resolved');
    expect(await countOf(ticketEvents, id)).toBe(eventsBefore);

    await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, { to: 'resolved', note: '经核实投诉不属实' });
    await inject(retailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, { accepted: true, rating: 3 });
    const closed = await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, {
      to: 'closed',
      note: '恶意投诉',
      judgement: 'malicious',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', judgement: 'malicious' });
    // What credit reads of tickets: one event for this store, citing the ticket, on the day it closed.
    const today = beijingDateOf(t.clock.now);
    const facts = (
      (await t.database.db.execute(
        judgedComplaintEventsSql(t.city.tenantId, { from: today, to: today }),
      )) as unknown as {
        rows: { customer_id: number; kind: string; type: string; source_id: string }[];
      }
    ).rows.filter((row) => row.source_id === String(id));
    expect(facts).toEqual([
      expect.objectContaining({ customer_id: store.id, kind: 'ticket', type: 'malicious', source_id: String(id) }),
    ]);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'ticket'), eq(auditLog.entityId, String(id)), eq(auditLog.action, 'transition:closed')),
      );
    expect(audited.n).toBe(1);
  });

  it('a rejected resolution goes back in progress (reopened)', async () => {
    const { id } = await file();
    await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, { to: 'resolved', note: '已处理' });
    const rejected = await inject(retailer, 'POST', `/api/v1/portal/tickets/${id}/confirm`, {
      accepted: false,
      rating: 2,
    });
    expect(rejected.json()).toMatchObject({ status: 'in_progress', rating: 2, reopenCount: 1 });
  });

  it('the sweep flags the breach and escalates exactly once; a reply before the breach cancels the escalation', async () => {
    const late = await file('价格公示与实际不符，一直没人回复。', 'price');
    const answered = await file('价格公示有误。', 'price');
    await advance(23 * 60);
    await inject(service, 'POST', `/api/v1/tickets/${answered.id}/replies`, {
      body: '已重置账号。',
      visibleToCustomer: true,
    });
    await advance(2 * 60);
    const first = await sweepTickets(t.context);
    expect(first.tickets).toBeGreaterThanOrEqual(2);
    const lateDetail = (await inject(service, 'GET', `/api/v1/tickets/${late.id}`)).json();
    expect(lateDetail).toMatchObject({ firstResponseSla: 'breached', escalated: true });
    const kinds = lateDetail.events.map((event: { kind: string }) => event.kind);
    expect(kinds.filter((kind: string) => kind === 'escalated')).toHaveLength(1);
    const answeredDetail = (await inject(service, 'GET', `/api/v1/tickets/${answered.id}`)).json();
    expect(answeredDetail).toMatchObject({ firstResponseSla: 'met', escalated: false });
    const eventsAfterFirst = await countOf(ticketEvents, late.id);
    await sweepTickets(t.context);
    expect(await countOf(ticketEvents, late.id)).toBe(eventsAfterFirst);
    // The branch head (here the city's marketing staff) was told.
    expect(await countOf(notifications, late.id)).toBeGreaterThanOrEqual(2);
    // A reply after the breach does not undo it.
    const replied = await inject(service, 'POST', `/api/v1/tickets/${late.id}/replies`, {
      body: '抱歉久等。',
      visibleToCustomer: true,
    });
    expect(replied.json().firstResponseSla).toBe('breached');
  });

  it('auto-confirms a resolution nobody answered in 3 days', async () => {
    const { id } = await file();
    await inject(service, 'POST', `/api/v1/tickets/${id}/transitions`, { to: 'resolved', note: '已处理' });
    await advance(3 * 24 * 60 + 1);
    await sweepTickets(t.context);
    const detail = (await inject(retailer, 'GET', `/api/v1/portal/tickets/${id}`)).json();
    expect(detail.status).toBe('confirmed');
  });

  it('takes photos checked by content: a PNG yes, a PDF named .png no, a sixth no', async () => {
    const { id } = await file();
    const upload = (bytes: Buffer, name = 'photo.png') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${id}/attachments`,
        headers: { cookie: retailer, ...multipart(name, bytes).headers },
        payload: multipart(name, bytes).payload,
      });
    const pdf = await upload(Buffer.from('%PDF-1.7 not an image'), 'fake.png');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().code).toBe('TICKET_ATTACHMENT_NOT_IMAGE');
    for (let index = 0; index < 5; index += 1) expect((await upload(png)).statusCode).toBe(201);
    const sixth = await upload(png);
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().code).toBe('TICKET_ATTACHMENT_LIMIT');
    expect(await countOf(ticketAttachments, id)).toBe(5);
    const big = await upload(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PHOTO_TOO_LARGE');
    const detail = (await inject(service, 'GET', `/api/v1/tickets/${id}`)).json();
    const photo = await inject(retailer, 'GET', `/api/v1/tickets/${id}/attachments/${detail.attachments[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(
      (await inject(otherRetailer, 'GET', `/api/v1/tickets/${id}/attachments/${detail.attachments[0].id}`)).statusCode,
    ).toBe(404);
  });

  it('links a service failure and shows its remedy to the handler, not to the retailer', async () => {
    const { id } = await file();
    const edited = await inject(service, 'PATCH', `/api/v1/tickets/${id}`, { failureCode: 'late_delivery' });
    expect(edited.json().failure).toMatchObject({ name: '送货延误' });
    expect((await inject(retailer, 'GET', `/api/v1/portal/tickets/${id}`)).json().failure).toBeNull();
    const failures = (await inject(service, 'GET', '/api/v1/service-failures')).json();
    expect(failures[0]).toMatchObject({ code: 'late_delivery', occurrences: 1 });
  });

  it('takes inbound gateway messages once per message id, with a channel key', async () => {
    const issued = await inject(admin, 'POST', '/api/v1/ticket-channel-keys', { channel: 'sms' });
    expect(issued.statusCode).toBe(201);
    const key = issued.json().key as string;
    const send = (gatewayKey: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tickets/inbound',
        headers: { 'x-gateway-key': gatewayKey },
        payload: { messageId: 'sms-0001', licenceNo: store.licenceNo, description: '短信投诉：假烟' },
      });
    const first = await send(key);
    expect(first.statusCode).toBe(201);
    const second = await send(key);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect((await send('kgw_wrong')).statusCode).toBe(401);
    const [row] = await t.database.db
      .select({ n: count() })
      .from(tickets)
      .where(eq(tickets.gatewayMessageId, 'sms-0001'));
    expect(row.n).toBe(1);
  });

  it('notifies the retailer in the app, and analyses the tickets', async () => {
    const bell = (await inject(retailer, 'GET', '/api/v1/notifications')).json();
    expect(bell.unread).toBeGreaterThan(0);
    expect((await inject(retailer, 'POST', '/api/v1/notifications/read')).json().unread).toBe(0);
    const analysis = await inject(service, 'GET', '/api/v1/tickets-analysis');
    expect(analysis.statusCode).toBe(200);
    const body = analysis.json();
    expect(body.total).toBeGreaterThan(5);
    expect(body.byCategory.find((row: { key: string }) => row.key === 'attitude').count).toBeGreaterThan(0);
    expect(body.satisfaction.rated).toBeGreaterThan(0);
    expect(body.hotSpots.length).toBeGreaterThan(0);
    const workbook = await inject(service, 'GET', '/api/v1/tickets-analysis/export');
    expect(workbook.statusCode).toBe(200);
    const [audited] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'ticket'));
    expect(audited.n).toBeGreaterThan(10);
  });
});
