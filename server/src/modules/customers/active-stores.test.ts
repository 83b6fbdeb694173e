import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// 在营客户 is one condition (activeStoresSql), so every page that counts stores shows one figure:
// the customers list's 在营 count, the classification distribution, the grades of the run in
// effect, this cycle's 网上订货率 and the tickets analysis per 1,000 stores — for the city and for a
// manager's own stores, on the demo city, and again after a store closes.
describe.each(testDatabaseKinds)('the stores every figure counts on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;

  const get = async (cookie: string, url: string) => {
    const response = await t.app.inject({ url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };

  // Each page's count of stores, as the page reads it.
  async function figuresOf(cookie: string) {
    const counts = await get(cookie, '/api/v1/customers/store-counts');
    const listed = await get(cookie, '/api/v1/customers?limit=1');
    const listedActive = await get(cookie, '/api/v1/customers?status=active&limit=1');
    const distribution = await get(cookie, '/api/v1/classification/distribution');
    const gradeRuns = await get(cookie, '/api/v1/supply/grade-runs');
    const published = gradeRuns.items.find((run: { status: string }) => run.status === 'published');
    const grades = await get(cookie, `/api/v1/supply/grade-runs/${published.id}`);
    const cycles = await get(cookie, '/api/v1/supply/cycles');
    const open = cycles.items.find((cycle: { status: string }) => cycle.status === 'published');
    const rate = await get(cookie, `/api/v1/supply/cycles/${open.id}/online-rate`);
    const tickets = await get(cookie, '/api/v1/tickets-analysis');
    return {
      counts,
      listedAll: listed.total as number,
      listedActive: listedActive.total as number,
      classified: distribution.total as number,
      graded: grades.distribution.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0) as number,
      orderingRateStores: rate.total.stores as number,
      ticketStores: tickets.stores as number,
      tickets,
    };
  }

  function expectOneFigure(figures: Awaited<ReturnType<typeof figuresOf>>) {
    const active = figures.counts.active;
    expect(active).toBeGreaterThan(0);
    expect({
      listedActive: figures.listedActive,
      classified: figures.classified,
      graded: figures.graded,
      orderingRateStores: figures.orderingRateStores,
      ticketStores: figures.ticketStores,
    }).toEqual({
      listedActive: active,
      classified: active,
      graded: active,
      orderingRateStores: active,
      ticketStores: active,
    });
    // The list's unfiltered total is the whole of 客户档案, and says so: every status added up.
    expect(figures.listedAll).toBe(figures.counts.all);
    const byStatus = figures.counts.byStatus as Record<string, number>;
    expect(Object.values(byStatus).reduce((sum, count) => sum + count, 0)).toBe(figures.counts.all);
    expect(byStatus.active).toBe(active);
  }

  // The analysis's cards and its branch table: one scope, one ticket set, one denominator.
  function expectCardsAgreeWithTable(tickets: Awaited<ReturnType<typeof figuresOf>>['tickets']) {
    type Row = { count: number; stores: number; per1000Stores: number };
    const rows: Row[] = tickets.byBranch;
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(tickets.complaints);
    expect(rows.reduce((sum, row) => sum + row.stores, 0)).toBe(tickets.stores);
    expect(tickets.per1000Stores).toBeCloseTo((tickets.complaints * 1000) / tickets.stores, 1);
    for (const row of rows) {
      expect(row.per1000Stores).toBeCloseTo(row.stores > 0 ? (row.count * 1000) / row.stores : 0, 1);
    }
    const complaints = tickets.byType.find((row: { key: string }) => row.key === 'complaint');
    expect(complaints?.count ?? 0).toBe(tickets.complaints);
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 300 });
    marketing = await t.signIn('marketing');
    manager = await t.signIn('manager01');
  }, 300_000);
  afterAll(async () => t?.close());

  it('the demo city keeps stores that are not in business, and every page counts the same 在营客户', async () => {
    const city = await figuresOf(marketing);
    expect(city.counts.all).toBeGreaterThan(city.counts.active);
    expectOneFigure(city);
    expectCardsAgreeWithTable(city.tickets);
  });

  it("a manager's pages count the manager's own stores, the branch row of the analysis too", async () => {
    const own = await figuresOf(manager);
    const city = await figuresOf(marketing);
    expect(own.counts.active).toBeLessThan(city.counts.active);
    expectOneFigure(own);
    expectCardsAgreeWithTable(own.tickets);
    // One branch row, divided by the manager's stores, not the whole branch's.
    expect(own.tickets.byBranch).toHaveLength(1);
    expect(own.tickets.byBranch[0].stores).toBe(own.counts.active);
  });

  it('a store that closes leaves every figure at once (one condition behind them all)', async () => {
    const before = await figuresOf(manager);
    const [store] = (await get(manager, '/api/v1/customers?status=active&limit=1')).items;
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${store.id}/status`,
      headers: { cookie: marketing },
      payload: { status: 'closed', reason: '店主转让经营' },
    });
    expect(closed.statusCode).toBe(200);
    const after = await figuresOf(manager);
    expect(after.counts.active).toBe(before.counts.active - 1);
    expect(after.counts.all).toBe(before.counts.all);
    expectOneFigure(after);
    expectCardsAgreeWithTable(after.tickets);
  });

  it('the weekly chart has every week of the period, seven days apart, empty weeks as 0', async () => {
    const { tickets } = await figuresOf(manager);
    const weeks: { week: string; count: number }[] = tickets.byWeek;
    expect(weeks.length).toBeGreaterThanOrEqual(52);
    for (let index = 1; index < weeks.length; index += 1) {
      expect(Date.parse(weeks[index].week) - Date.parse(weeks[index - 1].week)).toBe(7 * 86_400_000);
    }
    expect(weeks.reduce((sum, week) => sum + week.count, 0)).toBe(tickets.total);
    // A manager's few tickets leave most weeks empty: they are there, as 0.
    expect(weeks.some((week) => week.count === 0)).toBe(true);
  });
});
