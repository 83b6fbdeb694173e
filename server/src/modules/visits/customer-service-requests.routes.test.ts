import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customers } from '../customers/customers.schema.ts';
import { serviceRequests } from './visits.schema.ts';

// One store's service requests for its 360° view: GET /services/requests?customerId=…, paged.
// A store outside the reader's scope is not found, not an empty list.
describe.each(testDatabaseKinds)("a store's service requests in its 360° view on %s", (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;
  let storeId: number;
  let foreignStoreId: number;
  let itemNames: string[];

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
    storeId = own.id;
    const [foreign] = await t.database.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.managerId, second.id)))
      .limit(1);
    foreignStoreId = foreign.id;
    // The menu is written on first use.
    const menu = (await get(marketing, '/api/v1/services/items')).json().items as Array<{ id: number; name: string }>;
    itemNames = menu.slice(0, 3).map((item) => item.name);
    const row = (customerId: number, index: number, status: 'open' | 'fulfilled' | 'cancelled') => ({
      tenantId: t.city.tenantId,
      customerId,
      itemId: menu[index].id,
      note: `申请 ${index}`,
      status,
      requestedAt: new Date(Date.UTC(2026, 10, 10 + index, 2)),
      fulfilledAt: status === 'fulfilled' ? new Date(Date.UTC(2026, 10, 20, 2)) : null,
    });
    await t.database.db
      .insert(serviceRequests)
      .values([
        row(storeId, 0, 'fulfilled'),
        row(storeId, 1, 'cancelled'),
        row(storeId, 2, 'open'),
        row(foreignStoreId, 0, 'open'),
      ]);
    // Seeding the demo city takes a while on a busy machine.
  }, 240_000);
  afterAll(async () => t?.close());

  it('lists only the store’s requests, newest first, whatever their status', async () => {
    const response = await get(manager, `/api/v1/services/requests?customerId=${storeId}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(3);
    expect(
      body.items.map((item: { itemName: string; status: string; customerId: number }) => [
        item.customerId,
        item.itemName,
        item.status,
      ]),
    ).toEqual([
      [storeId, itemNames[2], 'open'],
      [storeId, itemNames[1], 'cancelled'],
      [storeId, itemNames[0], 'fulfilled'],
    ]);
    expect(body.items[2].fulfilledAt).toBe('2026-11-20T02:00:00.000Z');
  });

  it('pages within bounds', async () => {
    const firstPage = (await get(marketing, `/api/v1/services/requests?customerId=${storeId}&limit=2`)).json();
    const secondPage = (
      await get(marketing, `/api/v1/services/requests?customerId=${storeId}&limit=2&offset=2`)
    ).json();
    expect(firstPage).toMatchObject({ total: 3 });
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items.map((item: { itemName: string }) => item.itemName)).toEqual([itemNames[0]]);
    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'offset=1000001']) {
      const refused = await get(marketing, `/api/v1/services/requests?customerId=${storeId}&${query}`);
      expect(refused.statusCode, query).toBe(400);
    }
  });

  it('refuses a store outside the data scope or of another city as not found', async () => {
    const refused = await get(manager, `/api/v1/services/requests?customerId=${foreignStoreId}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const foreign = (await get(marketing, `/api/v1/services/requests?customerId=${foreignStoreId}`)).json();
    expect(foreign.total).toBe(1);
    expect(foreign.items.map((item: { customerId: number }) => item.customerId)).toEqual([foreignStoreId]);
    const otherCity = await t.signIn(t.otherTenant.adminUsername);
    expect((await get(otherCity, `/api/v1/services/requests?customerId=${storeId}`)).statusCode).toBe(404);
    // Without a store the list is the scope's, as before: the manager's store only.
    const all = (await get(manager, '/api/v1/services/requests')).json();
    expect(all.total).toBe(3);
  });
});
