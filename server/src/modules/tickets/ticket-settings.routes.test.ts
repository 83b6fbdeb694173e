import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { ticketSlaPolicies } from './tickets.schema.ts';

// Staff entry of phone / visit tickets, SLA policies per category × priority, the calendar, new
// categories and the gateway keys.
describe.each(testDatabaseKinds)('ticket settings on %s', (kind) => {
  let t: TestApp;
  let service: string;
  let admin: string;
  let manager: string;
  let ownStore: number;
  let foreignStore: number;

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 40 });
    service = await t.signIn('service');
    admin = await t.signIn('admin');
    manager = await t.signIn('manager01');
    const [me] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, t.city.tenantId), eq(users.username, 'manager01')));
    const stores = await t.database.db
      .select({ id: customers.id, managerId: customers.managerId })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
      .orderBy(customers.id);
    ownStore = stores.find((store) => store.managerId === me.id)?.id ?? 0;
    foreignStore = stores.find((store) => store.managerId !== me.id)?.id ?? 0;
    expect(ownStore).toBeGreaterThan(0);
  });
  afterAll(async () => t?.close());

  it('files a phone ticket for any store (service) and a visit ticket for own stores only (manager)', async () => {
    const byPhone = await inject(service, 'POST', '/api/v1/tickets', {
      customerId: foreignStore,
      type: 'complaint',
      channel: 'phone',
      categoryCode: 'quality',
      priority: 'urgent',
      description: '电话反映：一条中华(硬)有受潮。',
    });
    expect(byPhone.statusCode).toBe(201);
    const detail = (await inject(service, 'GET', `/api/v1/tickets/${byPhone.json().id}`)).json();
    expect(detail).toMatchObject({ channel: 'phone', priority: 'urgent', categoryCode: 'quality' });
    // Urgent halves the category's targets when no policy says otherwise: 12 h and 60 h.
    expect(hours(detail.createdAt, detail.firstResponseDueAt)).toBe(12);
    expect(hours(detail.createdAt, detail.resolutionDueAt)).toBe(60);

    const own = await inject(manager, 'POST', '/api/v1/tickets', {
      customerId: ownStore,
      type: 'suggestion',
      channel: 'visit',
      description: '走访时客户建议增加送货时段。',
    });
    expect(own.statusCode).toBe(201);
    const foreign = await inject(manager, 'POST', '/api/v1/tickets', {
      customerId: foreignStore,
      type: 'complaint',
      channel: 'visit',
      description: '不是我的客户',
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('shows the policy table with today’s defaults, and lets the keepers of the library edit it', async () => {
    const table = (await inject(manager, 'GET', '/api/v1/ticket-sla-policies')).json();
    const attitude = table.categories.find((category: { code: string }) => category.code === 'attitude');
    expect(attitude.targets).toEqual({
      low: { firstResponseMinutes: 2160, resolutionMinutes: 4320, custom: false },
      normal: { firstResponseMinutes: 1440, resolutionMinutes: 2880, custom: false },
      high: { firstResponseMinutes: 1080, resolutionMinutes: 2160, custom: false },
      urgent: { firstResponseMinutes: 720, resolutionMinutes: 1440, custom: false },
    });
    expect(table.calendar).toMatchObject({ opens: '08:30', closes: '17:30', weekdays: [1, 2, 3, 4, 5] });

    const cells = [
      { categoryCode: 'quality', priority: 'urgent', firstResponseMinutes: 120, resolutionMinutes: 1440 },
      // Equal to the scaled default: not stored.
      { categoryCode: 'quality', priority: 'normal', firstResponseMinutes: 1440, resolutionMinutes: 7200 },
    ];
    expect((await inject(manager, 'PUT', '/api/v1/ticket-sla-policies', { cells })).statusCode).toBe(403);
    const saved = await inject(service, 'PUT', '/api/v1/ticket-sla-policies', { cells });
    expect(saved.statusCode).toBe(200);
    const quality = saved.json().categories.find((category: { code: string }) => category.code === 'quality');
    expect(quality.targets.urgent).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 1440, custom: true });
    expect(quality.targets.normal.custom).toBe(false);
    const [stored] = await t.database.db.select({ n: count() }).from(ticketSlaPolicies);
    expect(stored.n).toBe(1);

    // A new urgent quality ticket takes the policy; the one filed before keeps its due times.
    const before = (await inject(service, 'GET', '/api/v1/tickets?limit=50'))
      .json()
      .items.find((item: { priority: string; categoryName: string }) => item.priority === 'urgent');
    const created = await inject(service, 'POST', '/api/v1/tickets', {
      customerId: foreignStore,
      type: 'complaint',
      channel: 'phone',
      categoryCode: 'quality',
      priority: 'urgent',
      description: '又一条受潮。',
    });
    const now = created.json();
    const detail = (await inject(service, 'GET', `/api/v1/tickets/${now.id}`)).json();
    expect(hours(detail.createdAt, detail.firstResponseDueAt)).toBe(2);
    expect(hours(detail.createdAt, detail.resolutionDueAt)).toBe(24);
    expect(hours(before.createdAt, before.firstResponseDueAt)).toBe(12);
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.entity, 'ticket_sla_policies'));
    expect(audits[0].n).toBe(1);
  });

  it('refuses a resolution shorter than the first response, or a fraction of a minute, with problem+json', async () => {
    const short = await inject(service, 'PUT', '/api/v1/ticket-sla-policies', {
      cells: [{ categoryCode: 'attitude', priority: 'high', firstResponseMinutes: 600, resolutionMinutes: 300 }],
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json()).toMatchObject({ code: 'TICKET_SLA_RESOLUTION_SHORT' });
    expect(short.json().detail).toContain('服务态度（高）');
    const fraction = await inject(service, 'PUT', '/api/v1/ticket-sla-policies', {
      cells: [{ categoryCode: 'attitude', priority: 'high', firstResponseMinutes: 10.5, resolutionMinutes: 300 }],
    });
    expect(fraction.statusCode).toBe(400);
    // Nothing was replaced: the urgent quality policy is still there.
    const [stored] = await t.database.db.select({ n: count() }).from(ticketSlaPolicies);
    expect(stored.n).toBe(1);
  });

  it('edits the business-hours calendar (hours, weekdays, holidays) and refuses a bad one', async () => {
    const calendar = {
      weekdays: [6, 1, 2, 3, 4, 5],
      opens: '08:00',
      closes: '18:00',
      holidays: ['2027-02-11', '2027-02-10'],
      extraWorkdays: [],
    };
    expect((await inject(manager, 'PUT', '/api/v1/ticket-calendar', calendar)).statusCode).toBe(403);
    const saved = await inject(service, 'PUT', '/api/v1/ticket-calendar', calendar);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().calendar).toEqual({
      ...calendar,
      weekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2027-02-10', '2027-02-11'],
    });
    const bad = await inject(service, 'PUT', '/api/v1/ticket-calendar', {
      ...calendar,
      opens: '18:00',
      closes: '08:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('TICKET_CALENDAR_HOURS_INVALID');
  });

  it('adds, renames and disables a category', async () => {
    const added = await inject(service, 'POST', '/api/v1/ticket-categories', {
      groupCode: 'service',
      name: '电话服务',
    });
    expect(added.statusCode).toBe(201);
    const code = added.json().code;
    expect(added.json().categories.find((category: { code: string }) => category.code === code)).toMatchObject({
      groupCode: 'service',
      name: '电话服务',
      firstResponseMinutes: 1440,
      active: true,
    });
    const twice = await inject(service, 'POST', '/api/v1/ticket-categories', {
      groupCode: 'service',
      name: '电话服务',
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (await inject(manager, 'POST', '/api/v1/ticket-categories', { groupCode: 'other', name: 'x' })).statusCode,
    ).toBe(403);
    const renamed = await inject(service, 'PATCH', `/api/v1/ticket-categories/${code}`, {
      name: '热线服务',
      active: false,
    });
    expect(renamed.json().find((category: { code: string }) => category.code === code)).toMatchObject({
      name: '热线服务',
      active: false,
    });
    const refused = await inject(service, 'POST', '/api/v1/tickets', {
      customerId: foreignStore,
      type: 'complaint',
      categoryCode: code,
      description: '停用的分类',
    });
    expect(refused.statusCode).toBe(400);
  });

  it('lists gateway keys without the key, and revokes one (admin only)', async () => {
    const issued = await inject(admin, 'POST', '/api/v1/ticket-channel-keys', { channel: 'sms' });
    expect(issued.statusCode).toBe(201);
    const { id, key } = issued.json();
    expect((await inject(service, 'GET', '/api/v1/ticket-channel-keys')).statusCode).toBe(403);
    const list = (await inject(admin, 'GET', '/api/v1/ticket-channel-keys')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, channel: 'sms', revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(key);
    const revoked = await inject(admin, 'POST', `/api/v1/ticket-channel-keys/${id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()[0].revokedAt).not.toBeNull();
    expect((await inject(admin, 'POST', `/api/v1/ticket-channel-keys/${id}/revoke`)).statusCode).toBe(409);
    const inbound = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/inbound',
      headers: { 'x-gateway-key': key },
      payload: { messageId: 'm-1', licenceNo: '350602100001', description: '短信投诉' },
    });
    expect(inbound.statusCode).toBe(401);
  });
});
