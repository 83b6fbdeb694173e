import { type SQL, sql } from 'drizzle-orm';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { publishDueArticles, sendArticleReminders } from './information.service.ts';

// 信息推送 through the HTTP API on both databases: writing (sanitised, targeted within the author's
// scope, else nothing written), publishing now or when due (a delivery row per targeted store),
// the portal's feed, read and acknowledge (204, idempotent), receipts counting a read at once,
// reminders after 24 h (portal, worklist, outbound notice once), the newsletter, bad input.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Method = 'GET' | 'POST' | 'PUT';

describe.each(testDatabaseKinds)('information on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let branchMarketing: string;
  let manager: string;
  let retailer: string;
  let otherRetailer: string;
  let ownBranch: { id: number; name: string };
  let otherBranch: { id: number };
  let storeId: number;
  let categoryId: number;
  let usernames = { manager: '', retailer: '', otherRetailer: '' };

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  const state = async () => ({
    articles: await count(sql`SELECT count(*)::int AS n FROM articles`),
    deliveries: await count(sql`SELECT count(*)::int AS n FROM article_deliveries`),
    audit: await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action NOT IN ('sign_in', 'sign_out')`),
  });
  const signInEveryone = async () => {
    marketing = await t.signIn('marketing');
    branchMarketing = await t.signIn('info-branch-marketing');
    manager = await t.signIn(usernames.manager);
    const portal = async (licenceNo: string) =>
      sessionCookieOf(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/portal/auth/login',
          payload: { licenceNo, password: testPassword },
        }),
      );
    retailer = await portal(usernames.retailer);
    otherRetailer = await portal(usernames.otherRetailer);
  };
  const article = (overrides: Record<string, unknown> = {}) => ({
    categoryId,
    title: '新品上市：中华（金细支）',
    bodyHtml: '<p>本月起<strong>投放</strong>新品。</p><script>alert(1)</script><img src="https://evil.example/x.png">',
    acknowledgeRequired: false,
    target: null,
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    const [busiest] = await read<{ manager_id: number }>(
      sql`SELECT manager_id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1`,
    );
    const entry = t.city.managers.find((candidate) => candidate.id === Number(busiest.manager_id));
    const branch = t.city.branches.find((candidate) => candidate.id === entry?.branchId) ?? t.city.branches[0];
    ownBranch = { id: branch.id, name: branch.name };
    otherBranch = t.city.branches.find((candidate) => candidate.id !== branch.id) ?? t.city.branches[1];
    await addStaff(t, { username: 'info-branch-marketing', role: 'marketing', orgUnitId: ownBranch.id });
    const [store] = await read<{ id: number; licence_no: string }>(
      sql`SELECT id, licence_no FROM customers WHERE manager_id = ${Number(busiest.manager_id)} AND status = 'active'
          ORDER BY id LIMIT 1`,
    );
    const [other] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE tenant_id = ${tenantId} AND branch_id = ${otherBranch.id}
          AND status = 'active' ORDER BY id LIMIT 1`,
    );
    storeId = Number(store.id);
    usernames = { manager: entry?.username ?? '', retailer: store.licence_no, otherRetailer: other.licence_no };
    await signInEveryone();
    const categories = await inject(marketing, 'GET', '/api/v1/article-categories');
    expect(categories.json().items.map((item: { name: string }) => item.name)).toEqual([
      '营销信息',
      '行业政策',
      '新品介绍',
      '真假识别',
      '陈列指导',
    ]);
    categoryId = categories.json().items[2].id;
  }, 240_000);
  afterAll(async () => t?.close());

  it('stores the body sanitised, and refuses bad input writing nothing', async () => {
    const before = await state();
    for (const [body, status] of [
      [{ ...article(), title: '' }, 400],
      [{ ...article(), title: 'x'.repeat(101) }, 400],
      [{ ...article(), categoryId: 999_999 }, 400],
      [{ ...article(), bodyHtml: '<script>alert(1)</script>' }, 400],
      [{ ...article(), target: { classes: [] } }, 400],
      [{ ...article(), target: { colour: ['red'] } }, 400],
      [{ ...article(), extra: 1 }, 400],
      [{ ...article(), coverFileId: 123_456 }, 400],
      [{ ...article(), bodyHtml: 'x'.repeat(200_001) }, 400],
    ] as const) {
      const response = await inject(marketing, 'POST', '/api/v1/articles', body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await state()).toEqual(before);
    const created = await inject(marketing, 'POST', '/api/v1/articles', article());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().bodyHtml).toBe('<p>本月起<strong>投放</strong>新品。</p>');
    expect(created.json().status).toBe('draft');
    expect(created.json().targetLabel).toBe('全部客户');
  });

  it('lets a branch write only for its own stores: outside its scope → 403, nothing written', async () => {
    const before = await state();
    for (const target of [null, { branchIds: [otherBranch.id] }, { branchIds: [ownBranch.id, otherBranch.id] }]) {
      const response = await inject(branchMarketing, 'POST', '/api/v1/articles', article({ target }));
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('ARTICLE_TARGET_OUTSIDE_SCOPE');
    }
    expect(await state()).toEqual(before);
    const own = await inject(
      branchMarketing,
      'POST',
      '/api/v1/articles',
      article({ target: { branchIds: [ownBranch.id] } }),
    );
    expect(own.statusCode, own.body).toBe(201);
    // The city's article is not the branch's to change; a manager cannot write at all.
    const city = await inject(marketing, 'POST', '/api/v1/articles', article());
    expect((await inject(branchMarketing, 'PUT', `/api/v1/articles/${city.json().id}`, article())).statusCode).toBe(
      403,
    );
    expect((await inject(manager, 'POST', '/api/v1/articles', article())).statusCode).toBe(403);
    expect((await inject(retailer, 'GET', '/api/v1/articles')).statusCode).toBe(403);
    // Categories are city-wide.
    expect(
      (await inject(branchMarketing, 'POST', '/api/v1/article-categories', { name: '分公司栏目' })).statusCode,
    ).toBe(403);
  });

  it('publishes to every targeted store; the portal reads and acknowledges (204, idempotent); receipts count at once', async () => {
    const created = await inject(
      marketing,
      'POST',
      '/api/v1/articles',
      article({ acknowledgeRequired: true, title: '重要：真假识别要点' }),
    );
    const id = created.json().id as number;
    const published = await inject(marketing, 'POST', `/api/v1/articles/${id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    const active = await count(
      sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
    );
    expect(published.json().targeted).toBe(active);
    expect(await count(sql`SELECT count(*)::int AS n FROM article_deliveries WHERE article_id = ${id}`)).toBe(active);
    expect((await inject(marketing, 'PUT', `/api/v1/articles/${id}`, article())).statusCode).toBe(409);

    const feed = await inject(retailer, 'GET', '/api/v1/portal/articles');
    expect(feed.statusCode, feed.body).toBe(200);
    const item = feed.json().items.find((candidate: { id: number }) => candidate.id === id);
    expect(item).toEqual({
      id,
      title: '重要：真假识别要点',
      category: '新品介绍',
      publishedAt: published.json().publishedAt,
      read: false,
      acknowledgeRequired: true,
      acknowledged: false,
    });
    expect(Object.keys(feed.json())).toEqual(['items', 'nextCursor']);
    const page = await inject(retailer, 'GET', `/api/v1/portal/articles/${id}`);
    expect(page.json().bodyHtml).not.toContain('script');

    const receipts = async () =>
      (await inject(marketing, 'GET', `/api/v1/articles/${id}/receipts?groupBy=branch`)).json().rows as Array<{
        key: string;
        label: string;
        targeted: number;
        read: number;
        acknowledged: number;
      }>;
    const mine = async () => (await receipts()).find((row) => row.key === String(ownBranch.id));
    expect((await mine())?.read).toBe(0);
    for (let time = 0; time < 2; time += 1) {
      const response = await inject(retailer, 'POST', `/api/v1/portal/articles/${id}/read`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    }
    expect(await mine()).toMatchObject({ label: ownBranch.name, read: 1, acknowledged: 0 });
    for (let time = 0; time < 2; time += 1)
      expect((await inject(retailer, 'POST', `/api/v1/portal/articles/${id}/acknowledge`)).statusCode).toBe(204);
    expect(await mine()).toMatchObject({ read: 1, acknowledged: 1 });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'article_receipt' AND entity_id = ${String(id)}`,
      ),
    ).toBe(2);
    const total = (await receipts()).reduce((sum, row) => sum + row.targeted, 0);
    expect(total).toBe(active);
    for (const groupBy of ['manager', 'class', 'format'])
      expect((await inject(marketing, 'GET', `/api/v1/articles/${id}/receipts?groupBy=${groupBy}`)).statusCode).toBe(
        200,
      );
    expect((await inject(marketing, 'GET', `/api/v1/articles/${id}/receipts?groupBy=colour`)).statusCode).toBe(400);
    // A branch's reader sees only its own branch's stores.
    const branchRows = (await inject(branchMarketing, 'GET', `/api/v1/articles/${id}/receipts`)).json().rows;
    expect(branchRows.map((row: { key: string }) => row.key)).toEqual([String(ownBranch.id)]);
    // Bad ids and cursors; another store's article.
    expect((await inject(retailer, 'POST', '/api/v1/portal/articles/0/read')).statusCode).toBe(400);
    expect((await inject(retailer, 'POST', '/api/v1/portal/articles/999999/read')).statusCode).toBe(404);
    expect((await inject(retailer, 'GET', '/api/v1/portal/articles?cursor=nonsense')).statusCode).toBe(400);
    expect((await inject(marketing, 'POST', `/api/v1/portal/articles/${id}/read`)).statusCode).toBe(403);
  });

  it('keeps a branch article from other branches’ stores, and pages the feed unread first', async () => {
    const own = await inject(
      branchMarketing,
      'POST',
      '/api/v1/articles',
      article({ title: '本分公司陈列指导', target: { branchIds: [ownBranch.id] } }),
    );
    const id = own.json().id as number;
    expect((await inject(branchMarketing, 'POST', `/api/v1/articles/${id}/publish`, {})).statusCode).toBe(200);
    const other = await inject(otherRetailer, 'GET', '/api/v1/portal/articles');
    expect(other.json().items.some((item: { id: number }) => item.id === id)).toBe(false);
    expect((await inject(otherRetailer, 'GET', `/api/v1/portal/articles/${id}`)).statusCode).toBe(404);
    // 25 more for everyone: two pages, unread first, nothing twice.
    for (let index = 0; index < 25; index += 1) {
      const created = await inject(
        marketing,
        'POST',
        '/api/v1/articles',
        article({ title: `营销信息第${index + 1}期` }),
      );
      await inject(marketing, 'POST', `/api/v1/articles/${created.json().id}/publish`, {});
    }
    const first = (await inject(retailer, 'GET', '/api/v1/portal/articles')).json();
    expect(first.items).toHaveLength(20);
    const second = (await inject(retailer, 'GET', `/api/v1/portal/articles?cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item: { id: number }) => item.id)).size).toBe(all.length);
    const readFlags = all.map((item: { read: boolean }) => item.read);
    expect(readFlags.indexOf(true)).toBeGreaterThan(readFlags.lastIndexOf(false));
    const list = await inject(
      marketing,
      'GET',
      `/api/v1/articles?status=published&categoryId=${categoryId}&q=${encodeURIComponent('营销信息')}&limit=5`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(25);
    expect(list.json().items).toHaveLength(5);
    const branchList = (await inject(branchMarketing, 'GET', '/api/v1/articles?limit=500')).json();
    expect(branchList.items.some((item: { id: number }) => item.id === id)).toBe(true);
    expect((await inject(marketing, 'GET', '/api/v1/articles?status=gone')).statusCode).toBe(400);
    const search = (await inject(retailer, 'GET', `/api/v1/portal/articles?q=${encodeURIComponent('第7期')}`)).json();
    expect(search.items.map((item: { title: string }) => item.title)).toEqual(['营销信息第7期']);
  });

  it('publishes a scheduled article when due, and reminds after 24 h (portal, worklist, one outbound notice)', async () => {
    const created = await inject(
      marketing,
      'POST',
      '/api/v1/articles',
      article({ title: '定时：重要政策', acknowledgeRequired: true, target: { branchIds: [ownBranch.id] } }),
    );
    const id = created.json().id as number;
    const at = new Date(t.clock.now.getTime() + 60 * 60_000).toISOString();
    const scheduled = await inject(marketing, 'POST', `/api/v1/articles/${id}/publish`, { publishAt: at });
    expect(scheduled.json().status).toBe('scheduled');
    expect(await publishDueArticles(t.context)).toEqual({ articles: 0, deliveries: 0 });
    t.clock.advanceMinutes(61);
    const outcome = await publishDueArticles(t.context);
    expect(outcome.articles).toBe(1);
    expect(outcome.deliveries).toBeGreaterThan(0);
    t.clock.advanceMinutes(23 * 60);
    await signInEveryone();
    expect((await inject(retailer, 'GET', '/api/v1/portal/articles/reminders')).json().items).toEqual([]);
    t.clock.advanceMinutes(60);
    await signInEveryone();
    const reminders = (await inject(retailer, 'GET', '/api/v1/portal/articles/reminders')).json().items;
    expect(reminders.map((item: { id: number }) => item.id)).toContain(id);
    const worklist = (await inject(manager, 'GET', '/api/v1/articles/worklist')).json().items;
    expect(
      worklist.some(
        (line: { customerId: number; articleId: number }) => line.customerId === storeId && line.articleId === id,
      ),
    ).toBe(true);
    const sentBefore = t.context.outbound.sent.length;
    const sent = await sendArticleReminders(t.context);
    expect(sent.reminders).toBeGreaterThan(0);
    expect(t.context.outbound.sent.length).toBeGreaterThan(sentBefore);
    expect(t.context.outbound.sent.at(-1)?.text).toContain('待您确认');
    expect((await sendArticleReminders(t.context)).reminders).toBe(0);
    await inject(retailer, 'POST', `/api/v1/portal/articles/${id}/acknowledge`);
    expect(
      (await inject(retailer, 'GET', '/api/v1/portal/articles/reminders'))
        .json()
        .items.map((item: { id: number }) => item.id),
    ).not.toContain(id);
  });

  it('exports the month’s newsletter as .docx; the interaction rate counts the readers', async () => {
    const response = await inject(branchMarketing, 'GET', '/api/v1/articles/newsletter?month=2026-11');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await unzipper.Open.buffer(response.rawPayload);
    const documentXml = await zip.files.find((file) => file.path === 'word/document.xml')?.buffer();
    const text = documentXml?.toString('utf8') ?? '';
    expect(text).toContain('信息小报');
    expect(text).toContain('本分公司陈列指导');
    expect((await inject(marketing, 'GET', '/api/v1/articles/newsletter?month=2026-13')).statusCode).toBe(400);

    const rate = await inject(marketing, 'GET', '/api/v1/kpis/interaction-rate?month=2026-11&groupBy=branch');
    expect(rate.statusCode, rate.body).toBe(200);
    const row = rate.json().rows.find((candidate: { key: string }) => candidate.key === String(ownBranch.id));
    expect(row.interacting).toBeGreaterThanOrEqual(1);
    expect(row.rate).toBeCloseTo((row.interacting / row.active) * 100, 0);
    const byManager = await inject(manager, 'GET', '/api/v1/kpis/interaction-rate?month=2026-11&groupBy=manager');
    expect(byManager.json().rows).toHaveLength(1);
    expect((await inject(marketing, 'GET', '/api/v1/kpis/interaction-rate?month=2026-1')).statusCode).toBe(400);
    expect((await inject(retailer, 'GET', '/api/v1/kpis/interaction-rate')).statusCode).toBe(403);
  });
});
