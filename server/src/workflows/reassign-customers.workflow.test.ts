import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../db/test-database.ts';
import { customers } from '../modules/customers/customers.schema.ts';
import { orders } from '../modules/supply/supply.schema.ts';
import { tickets } from '../modules/tickets/tickets.schema.ts';
import { serviceItems, visitPlanItems, visits } from '../modules/visits/visits.schema.ts';
import { users } from '../platform/identity/identity.schema.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../test/test-app.ts';

type Row = { id?: number; orderId?: number };
type Listed = Row[] | { items: Row[] };
const idsOf = (body: Listed) => (Array.isArray(body) ? body : body.items).map((row) => row.orderId ?? row.id ?? 0);

// A store moves from manager A to manager B (POST /customers/reassign): what the store has —
// tickets, visit records, orders, service requests, the visits still planned — is B's to read
// from then on, and A reads none of it.
describe.each(testDatabaseKinds)('reassigning a store on %s', (kind) => {
  let t: TestApp;
  let store: { id: number; licenceNo: string; managerId: number };
  let managerA: string;
  let managerB: { id: number; username: string };
  let ticketId: number;
  let visitId: number;
  let orderId: number;
  let requestId: number;

  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  // The ids a list shows; a list filtered by a store outside the reader's scope answers 404.
  async function listed(cookie: string, url: string): Promise<number[]> {
    const response = await get(cookie, url);
    if (response.statusCode === 404) return [];
    expect(response.statusCode).toBe(200);
    return idsOf(response.json());
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    // A store of manager01 with a visit record and an order in the demo's history.
    const [row] = await db
      .select({ id: customers.id, licenceNo: customers.licenceNo, managerId: customers.managerId, visitId: visits.id })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.managerId))
      .innerJoin(visits, and(eq(visits.tenantId, customers.tenantId), eq(visits.customerId, customers.id)))
      .where(
        and(
          eq(users.username, 'manager01'),
          eq(customers.status, 'active'),
          sql`EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = ${customers.tenantId} AND o.customer_id = ${customers.id})`,
        ),
      )
      .orderBy(desc(visits.id))
      .limit(1);
    expect(row, 'the demo gives manager01 a store with a visit and an order').toBeDefined();
    store = { id: row.id, licenceNo: row.licenceNo, managerId: row.managerId as number };
    visitId = row.visitId;
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.customerId, store.id)).limit(1);
    orderId = order.id;
    const [other] = await db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(eq(users.username, 'manager02'));
    managerB = other;
    managerA = await t.signIn('manager01');

    const retailerLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licenceNo, password: testPassword },
    });
    const retailer = sessionCookieOf(retailerLogin);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/tickets',
      headers: { cookie: retailer },
      payload: { type: 'complaint', categoryCode: 'attitude', description: '送货员态度很差，还迟到了两个小时。' },
    });
    expect(filed.statusCode).toBe(201);
    ticketId = filed.json().id;
    const [item] = await db
      .select({ id: serviceItems.id })
      .from(serviceItems)
      .where(eq(serviceItems.tenantId, t.city.tenantId))
      .limit(1);
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/services/requests',
      headers: { cookie: retailer },
      payload: { itemId: item.id, note: '请上门指导陈列' },
    });
    expect(requested.statusCode).toBe(201);
    requestId = requested.json().id;
    // Before the move, A reads all of it.
    expect((await get(managerA, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect((await get(managerA, `/api/v1/visits/${visitId}`)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('moves everything the store has to the new manager in one step', async () => {
    const admin = await t.signIn('admin');
    const moved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers/reassign',
      headers: { cookie: admin },
      payload: { customerIds: [store.id], managerId: managerB.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ reassigned: 1, unchanged: 0 });

    const b = await t.signIn(managerB.username);
    expect((await get(b, `/api/v1/customers/${store.id}`)).statusCode).toBe(200);
    expect((await get(b, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect(await listed(b, `/api/v1/tickets?customerId=${store.id}`)).toContain(ticketId);
    expect((await get(b, `/api/v1/visits/${visitId}`)).statusCode).toBe(200);
    expect(await listed(b, `/api/v1/visits?customerId=${store.id}`)).toContain(visitId);
    expect(await listed(b, `/api/v1/supply/orders?customerId=${store.id}`)).toContain(orderId);
    expect(await listed(b, `/api/v1/services/requests?customerId=${store.id}`)).toContain(requestId);

    expect((await get(managerA, `/api/v1/customers/${store.id}`)).statusCode).toBe(404);
    expect((await get(managerA, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(404);
    expect(await listed(managerA, `/api/v1/tickets?customerId=${store.id}`)).toEqual([]);
    expect((await get(managerA, `/api/v1/visits/${visitId}`)).statusCode).toBe(404);
    expect(await listed(managerA, `/api/v1/visits?customerId=${store.id}`)).toEqual([]);
    expect(await listed(managerA, `/api/v1/supply/orders?customerId=${store.id}`)).toEqual([]);
    expect(await listed(managerA, `/api/v1/services/requests?customerId=${store.id}`)).toEqual([]);

    // The ticket's own copy of the store's place moved, and the visits still planned from today on
    // are in B's plan now.
    const [ticket] = await t.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(ticket.managerId).toBe(managerB.id);
    const [stillA] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(visitPlanItems)
      .where(
        and(
          eq(visitPlanItems.customerId, store.id),
          eq(visitPlanItems.status, 'planned'),
          eq(visitPlanItems.managerId, store.managerId),
          sql`${visitPlanItems.plannedOn} >= ${t.clock.now.toISOString().slice(0, 10)}`,
        ),
      );
    expect(stillA.n).toBe(0);
  });

  it('moves them the same way when an import names another manager for the store', async () => {
    const admin = await t.signIn('admin');
    const exported = await t.app.inject({
      url: `/api/v1/customers/export?format=csv&q=${store.licenceNo}`,
      headers: { cookie: admin },
    });
    expect(exported.statusCode).toBe(200);
    const csv = exported.body.replace(/^\uFEFF/, '');
    expect(csv).toContain(managerB.username);
    const moved = csv.replace(new RegExp(`\\b${managerB.username}\\b`), 'manager03');
    const boundary = '----kewo-workflow-boundary';
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers/import?mode=upsert',
      headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="moved.csv"\r\nContent-Type: text/csv\r\n\r\n${moved}\r\n--${boundary}--\r\n`,
      ),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ updated: 1 });

    const c = await t.signIn('manager03');
    expect((await get(c, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect((await get(c, `/api/v1/visits/${visitId}`)).statusCode).toBe(200);
    const b = await t.signIn(managerB.username);
    expect((await get(b, `/api/v1/tickets/${ticketId}`)).statusCode).toBe(404);
    expect((await get(b, `/api/v1/visits/${visitId}`)).statusCode).toBe(404);
  });
});
