import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { tickets } from './tickets.schema.ts';

// One store's tickets for its 360° view: GET /tickets?customerId=…, against the demo city's year
// of tickets. A store outside the reader's scope is not found, not an empty list.
describe.each(testDatabaseKinds)("a store's tickets in its 360° view on %s", (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;
  let store: { id: number; tickets: number };
  let foreignStoreId: number;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    marketing = await t.signIn('marketing');
    const [first, second] = t.city.managers;
    manager = await t.signIn(first.username);
    const [own] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, first.id)))
      .orderBy(customers.id)
      .limit(1);
    // Three tickets filed for the store by phone, beside whatever the demo city gave it.
    for (const [type, description] of [
      ['complaint', '送货迟到两小时，烟箱有破损'],
      ['suggestion', '希望多投放细支烟'],
      ['consultation', '新品什么时候到货'],
    ]) {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { cookie: manager },
        payload: { customerId: own.id, type, description },
      });
      expect(filed.statusCode).toBe(201);
    }
    const [filed] = await t.database.db
      .select({ n: count() })
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.city.tenantId), eq(tickets.customerId, own.id)));
    store = { id: own.id, tickets: Number(filed.n) };
    const [foreign] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, second.id)))
      .limit(1);
    foreignStoreId = foreign.id;
    // Seeding the demo city takes a while on a busy machine.
  }, 240_000);
  afterAll(async () => t?.close());

  it('lists only the store’s tickets, newest first, with status and both SLA clocks', async () => {
    expect(store.tickets).toBeGreaterThanOrEqual(3);
    const response = await get(manager, `/api/v1/tickets?customerId=${store.id}&limit=200`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(store.tickets);
    const ids = body.items.map((item: { id: number }) => item.id);
    const stored = await t.database.db
      .select({ id: tickets.id, status: tickets.status, firstResponseSla: tickets.firstResponseSla })
      .from(tickets)
      .where(eq(tickets.customerId, store.id));
    expect(new Set(ids)).toEqual(new Set(stored.map((row) => row.id)));
    const created = body.items.map((item: { createdAt: string }) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const [first] = body.items;
    const row = stored.find((ticket) => ticket.id === first.id);
    expect(first).toMatchObject({ status: row?.status, firstResponseSla: row?.firstResponseSla });
    expect(first).toHaveProperty('resolutionSla');
    expect(first).toHaveProperty('resolutionDueAt');
  });

  it('pages within bounds', async () => {
    const firstPage = (await get(marketing, `/api/v1/tickets?customerId=${store.id}&limit=1&offset=0`)).json();
    const secondPage = (await get(marketing, `/api/v1/tickets?customerId=${store.id}&limit=1&offset=1`)).json();
    expect(firstPage.total).toBe(store.tickets);
    expect(firstPage.items).toHaveLength(1);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[0].id);
    for (const query of ['limit=0', 'limit=201', 'offset=-1', 'offset=1000001']) {
      const refused = await get(marketing, `/api/v1/tickets?customerId=${store.id}&${query}`);
      expect(refused.statusCode, query).toBe(400);
    }
  });

  it('refuses a store outside the data scope or of another city as not found', async () => {
    const refused = await get(manager, `/api/v1/tickets?customerId=${foreignStoreId}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await get(marketing, `/api/v1/tickets?customerId=${foreignStoreId}`)).statusCode).toBe(200);
    const otherCity = await t.signIn(t.otherTenant.adminUsername);
    expect((await get(otherCity, `/api/v1/tickets?customerId=${store.id}`)).statusCode).toBe(404);
    // Without a store the list is the scope's, as before.
    expect((await get(manager, '/api/v1/tickets')).statusCode).toBe(200);
  });
});
