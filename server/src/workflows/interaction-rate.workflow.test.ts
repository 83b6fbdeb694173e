import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../test/test-app.ts';
import { interactingSourcesSql, interactionRate } from './interaction-rate.workflow.ts';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// 客我互动率: a store that did two things in the month counts once; what happened in another month
// does not count; the rows are the caller's scope (a manager: their own stores, one row).
describe.each(testDatabaseKinds)('the interaction rate on %s', (kind) => {
  let t: TestApp;
  let stores: Array<{ id: number; licence_no: string; branch_id: number }>;

  const portal = async (licenceNo: string) =>
    sessionCookieOf(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo, password: testPassword },
      }),
    );
  const rate = async (cookie: string, query: string) => {
    const response = await t.app.inject({ url: `/api/v1/kpis/interaction-rate?${query}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      month: string;
      rows: Array<{ key: string; label: string; active: number; interacting: number; rate: number }>;
    };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    // Two stores that did nothing in November yet.
    const from = new Date('2026-10-31T16:00:00Z');
    const to = new Date('2026-11-30T16:00:00Z');
    stores = rowsOf(
      await t.database.db.execute(sql`SELECT id, licence_no, branch_id FROM customers
        WHERE tenant_id = ${t.city.tenantId} AND status = 'active'
          AND id NOT IN (${interactingSourcesSql(t.city.tenantId, from, to)}) ORDER BY id LIMIT 2`),
    );
    expect(stores).toHaveLength(2);
  }, 240_000);
  afterAll(async () => t?.close());

  it.each([
    [0, 0, 0],
    [1, 3, 33.3],
    [59, 60, 98.3],
  ])('rates %i of %i as %f %', (part, whole, expected) => expect(interactionRate(part, whole)).toBe(expected));

  it('counts each store once, in its month only, within the caller’s scope', async () => {
    const marketing = await t.signIn('marketing');
    const before = await rate(marketing, 'month=2026-11&groupBy=branch');
    const interactingBefore = before.rows.reduce((sum, row) => sum + row.interacting, 0);
    const categories = await t.app.inject({ url: '/api/v1/article-categories', headers: { cookie: marketing } });
    const article = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { cookie: marketing },
      payload: { categoryId: categories.json().items[0].id, title: '互动率', bodyHtml: '<p>互动</p>', target: null },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/articles/${article.json().id}/publish`,
      headers: { cookie: marketing },
      payload: {},
    });
    // The first store reads and acknowledges (two things, one store); the second relays feedback.
    const first = await portal(stores[0].licence_no);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/articles/${article.json().id}/read`,
      headers: { cookie: first },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/articles/${article.json().id}/acknowledge`,
      headers: { cookie: first },
    });
    const second = await portal(stores[1].licence_no);
    const feedback = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/consumer-feedback',
      headers: { cookie: second },
      payload: { topic: 'price', text: '顾客说价格偏高' },
    });
    expect(feedback.statusCode, feedback.body).toBe(201);
    const after = await rate(marketing, 'month=2026-11&groupBy=branch');
    const interactingAfter = after.rows.reduce((sum, row) => sum + row.interacting, 0);
    expect(interactingAfter - interactingBefore).toBe(2);
    const active = after.rows.reduce((sum, row) => sum + row.active, 0);
    expect(active).toBe(
      Number(
        rowsOf<{ n: number }>(
          await t.database.db.execute(
            sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${t.city.tenantId} AND status = 'active'`,
          ),
        )[0].n,
      ),
    );
    for (const row of after.rows) expect(row.rate).toBe(interactionRate(row.interacting, row.active));
    // Another month: none of this.
    const december = await rate(marketing, 'month=2026-12&groupBy=branch');
    expect(december.rows.reduce((sum, row) => sum + row.interacting, 0)).toBe(0);
    // A manager sees one row: their own stores.
    const manager = await t.signIn(t.city.managers[0].username);
    const own = await rate(manager, 'month=2026-11&groupBy=manager');
    expect(own.rows.map((row) => row.key)).toEqual([String(t.city.managers[0].id)]);
  });
});
