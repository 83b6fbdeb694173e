import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { sweepTickets } from './tickets-sweep.ts';

// The SLA clocks as the application runs them: filed through the API, moved by the test clock,
// decided by the sweep and read back from the ticket. sla.rules.test.ts holds the arithmetic; this
// holds that the service and the sweep apply it (a category's business hours, the pause while the
// ticket waits for the customer).
//
// The test clock starts on Monday 2026-11-23 at 10:00 Beijing time (02:00 UTC); the default
// calendar opens 08:30–17:30 (Beijing), Monday to Friday.
describe.each(testDatabaseKinds)('SLA clocks through the API on %s', (kind) => {
  let t: TestApp;
  let service: string;
  let retailer: string;
  let licenceNo: string;

  type Detail = {
    id: number;
    createdAt: string;
    status: string;
    firstResponseDueAt: string;
    firstResponseSla: string;
    resolutionDueAt: string;
    resolutionSla: string;
    waitingOnCustomer: boolean;
    escalated: boolean;
    events: { kind: string; body: string | null }[];
  };

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  // Sessions end when idle: after the clock moves on, both sign in again.
  async function signInAll() {
    service = await t.signIn('service');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    retailer = sessionCookieOf(response);
  }

  async function setClock(iso: string) {
    const minutes = (Date.parse(iso) - t.clock.now.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(0);
    t.clock.advanceMinutes(minutes);
    await signInAll();
  }

  async function file(categoryCode: string) {
    const response = await inject(retailer, 'POST', '/api/v1/portal/tickets', {
      type: 'complaint',
      categoryCode,
      description: '卷烟价格与公示不一致，请核实。',
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; firstResponseDueAt: string; resolutionDueAt: string };
  }

  async function detailOf(id: number): Promise<Detail> {
    const response = await inject(service, 'GET', `/api/v1/tickets/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  const slaEvents = (detail: Detail) =>
    detail.events.filter((event) => event.kind === 'sla' || event.kind === 'escalated');

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 40 });
    const [store] = await t.database.db
      .select({ licenceNo: customers.licenceNo })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.status, 'active')))
      .orderBy(customers.id)
      .limit(1);
    licenceNo = store.licenceNo;
    await signInAll();
  });
  afterAll(async () => t?.close());

  it('counts a business-hours category in working minutes, and holds its escalation until the next opening', async () => {
    expect(t.clock.now.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    const table = (await inject(service, 'GET', '/api/v1/ticket-sla-policies')).json();
    expect(table.calendar).toMatchObject({ opens: '08:30', closes: '17:30', weekdays: [1, 2, 3, 4, 5], holidays: [] });
    const price = table.categories.find((category: { code: string }) => category.code === 'price');
    expect(price.targets.normal).toMatchObject({ firstResponseMinutes: 1440, resolutionMinutes: 4320 });

    const edited = await inject(service, 'PATCH', '/api/v1/ticket-categories/price', { businessHours: true });
    expect(edited.statusCode).toBe(200);
    const filed = await file('price');
    // 1,440 working minutes from Monday 10:00: Monday's 7.5 h, Tuesday's 9 h, Wednesday 08:30 + 7.5 h
    // = Wednesday 16:00 Beijing (round the clock it would be Tuesday 10:00).
    expect(filed.firstResponseDueAt).toBe('2026-11-25T08:00:00.000Z');
    // 4,320 working minutes = 8 working days: past the weekend, Thursday 3 December 10:00 Beijing.
    expect(filed.resolutionDueAt).toBe('2026-12-03T02:00:00.000Z');
    const detail = await detailOf(filed.id);
    expect(detail).toMatchObject({
      firstResponseDueAt: filed.firstResponseDueAt,
      resolutionDueAt: filed.resolutionDueAt,
    });

    // Tuesday 11:00 Beijing: a day and an hour later, but not 24 working hours.
    await setClock('2026-11-24T03:00:00Z');
    await sweepTickets(t.context);
    const tuesday = await detailOf(filed.id);
    expect(tuesday).toMatchObject({ firstResponseSla: 'pending', escalated: false });
    expect(slaEvents(tuesday)).toEqual([]);

    // Wednesday 20:00 Beijing, after closing: the breach is recorded at its due time, but the
    // escalation waits for the opening.
    await setClock('2026-11-25T12:00:00Z');
    const evening = await sweepTickets(t.context);
    expect(evening.tickets).toBeGreaterThan(0);
    const closed = await detailOf(filed.id);
    expect(closed).toMatchObject({ firstResponseSla: 'breached', escalated: false });
    expect(slaEvents(closed).map((event) => event.kind)).toEqual(['sla']);

    // Thursday 08:30 Beijing, the opening: now it escalates, once.
    await setClock('2026-11-26T00:30:00Z');
    await sweepTickets(t.context);
    const opening = await detailOf(filed.id);
    expect(opening).toMatchObject({ firstResponseSla: 'breached', escalated: true });
    expect(slaEvents(opening).map((event) => event.kind)).toEqual(['sla', 'escalated']);
  });

  it('stops the clocks while the ticket waits for the customer, and moves the due times on by the wait', async () => {
    // attitude: round the clock, 24 h to the first response, 48 h to the resolution.
    const filed = await file('attitude');
    const createdAt = t.clock.now.getTime();
    expect(Date.parse(filed.resolutionDueAt) - createdAt).toBe(48 * 3_600_000);

    await setClock(new Date(createdAt + 60 * 60_000).toISOString());
    const asked = await inject(service, 'POST', `/api/v1/tickets/${filed.id}/replies`, {
      body: '请提供购买小票的照片。',
      visibleToCustomer: true,
      awaitCustomer: true,
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ firstResponseSla: 'met', waitingOnCustomer: true });

    // Three days of waiting: past the resolution due time, yet nothing is breached.
    const waitedMinutes = 3 * 24 * 60;
    await setClock(new Date(createdAt + (60 + waitedMinutes) * 60_000).toISOString());
    await sweepTickets(t.context);
    const waiting = await detailOf(filed.id);
    expect(waiting).toMatchObject({
      resolutionSla: 'pending',
      resolutionDueAt: filed.resolutionDueAt,
      waitingOnCustomer: true,
      escalated: false,
    });
    expect(slaEvents(waiting)).toEqual([]);

    // The customer answers: the clocks run again, the resolution due time three days later.
    const answered = await inject(retailer, 'POST', `/api/v1/portal/tickets/${filed.id}/replies`, {
      body: '照片已上传。',
    });
    expect(answered.statusCode).toBe(200);
    const resumed = await detailOf(filed.id);
    const movedDue = Date.parse(filed.resolutionDueAt) + waitedMinutes * 60_000;
    expect(resumed).toMatchObject({ waitingOnCustomer: false, resolutionSla: 'pending' });
    expect(resumed.resolutionDueAt).toBe(new Date(movedDue).toISOString());

    // A minute before the moved due time it still holds; a minute after, the sweep breaches it.
    await setClock(new Date(movedDue - 60_000).toISOString());
    await sweepTickets(t.context);
    expect((await detailOf(filed.id)).resolutionSla).toBe('pending');
    await setClock(new Date(movedDue + 60_000).toISOString());
    await sweepTickets(t.context);
    expect(await detailOf(filed.id)).toMatchObject({ resolutionSla: 'breached', escalated: true });
  });
});
