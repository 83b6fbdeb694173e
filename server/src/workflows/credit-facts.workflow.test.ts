import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../db/test-database.ts';
import { defaultCreditModel, licenceTermYears, scoreStore, storeFactRows } from '../modules/credit/index.ts';
import { settlementEventsSql } from '../modules/supply/index.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { creditFactSources } from './credit-facts.workflow.ts';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// A run counts the ordinary facts in SQL (on-time settlements) and lists only the exceptional ones
// as events: on a small city, the counts and events storeFactRows gives are what counting every
// settled order one by one gives, so the pure rule scores the same either way; and tenure reads
// the licence date where the store has one.
describe.each(testDatabaseKinds)('the facts of a credit run on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  const window = { from: '2025-11-30', to: '2026-11-30' };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    // Exceptions at a few stores: some orders late, one failed, on top of the demo's.
    await t.database.db.execute(sql`
      UPDATE orders o SET settlement_status = CASE WHEN x.n % 5 = 0 THEN 'failed' ELSE 'late' END,
        settlement_late_days = CASE WHEN x.n % 5 = 0 THEN NULL ELSE 2 END
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM orders
        WHERE tenant_id = ${tenantId} AND status = 'submitted' AND settlement_status IS NOT NULL) x
      WHERE o.id = x.id AND x.n % 23 = 0`);
  }, 600_000);
  afterAll(async () => t?.close());

  it('counts every settled order per store in SQL, and lists only the late and failed ones', async () => {
    const facts = await storeFactRows(t.database.db, tenantId, creditFactSources, window);
    // One by one: every settlement event of the window, as supply gives it.
    const raw = rowsOf<{ customer_id: number; type: string; source_id: string; at: unknown }>(
      await t.database.db.execute(sql`
        SELECT customer_id, type, source_id, to_char(at, 'YYYY-MM-DD') AS at FROM (${settlementEventsSql(tenantId, window)}) s
        WHERE s.at > ${window.from}::date AND s.at <= ${window.to}::date`),
    );
    expect(raw.some((row) => row.type === 'late')).toBe(true);
    expect(raw.some((row) => row.type === 'failed')).toBe(true);
    const byStore = Map.groupBy(raw, (row) => Number(row.customer_id));
    let scored = 0;
    for (const store of facts) {
      const own = byStore.get(store.customerId) ?? [];
      const settled = own.length;
      const onTime = own.filter((row) => row.type === 'on_time').length;
      expect(store.measures.orders_settled ?? 0).toBe(settled);
      expect(store.measures.orders_on_time ?? 0).toBe(onTime);
      const exceptional = own
        .filter((row) => row.type !== 'on_time')
        .map((row) => ({ kind: 'order', type: row.type, id: String(row.source_id), at: String(row.at) }));
      const listed = store.events.filter((event) => event.kind === 'order');
      expect(listed.toSorted((a, b) => a.id.localeCompare(b.id))).toEqual(
        exceptional.toSorted((a, b) => a.id.localeCompare(b.id)),
      );
      // The pure rule on the SQL path's facts gives the rate of the orders counted one by one.
      const result = scoreStore(store, defaultCreditModel, window.to);
      const rate = result.indicators.find((entry) => entry.indicator === 'on_time_rate')?.value ?? null;
      expect(rate).toBe(settled === 0 ? null : Math.round((onTime / settled) * 1000) / 10);
      expect(result.score).toBeCloseTo(
        defaultCreditModel.base + result.items.reduce((sum, item) => sum + item.points, 0),
        9,
      );
      if (settled > 0) scored += 1;
    }
    expect(scored).toBeGreaterThan(10);
  });

  it('gives tenure from the licence date where the store has one', async () => {
    const facts = await storeFactRows(t.database.db, tenantId, creditFactSources, window);
    const licences = rowsOf<{ id: number; valid_until: string | null }>(
      await t.database.db.execute(sql`
        SELECT id, to_char(licence_valid_until, 'YYYY-MM-DD') AS valid_until FROM customers WHERE tenant_id = ${tenantId}`),
    );
    const validUntil = new Map(licences.map((row) => [Number(row.id), row.valid_until]));
    let withLicence = 0;
    for (const store of facts) {
      const until = validUntil.get(store.customerId);
      if (!until) {
        expect(store.measures.licence_months).toBeUndefined();
        continue;
      }
      const [year, month, day] = until.split('-').map(Number);
      const [toYear, toMonth, toDay] = window.to.split('-').map(Number);
      const months = (toYear - (year - licenceTermYears)) * 12 + (toMonth - month) - (toDay < day ? 1 : 0);
      expect(store.measures.licence_months, `store ${store.customerId}`).toBe(months);
      const tenure = scoreStore(store, defaultCreditModel, window.to).indicators.find(
        (entry) => entry.indicator === 'tenure',
      );
      expect(tenure?.value).toBe(Math.max(months, store.measures.tenure_months ?? months));
      withLicence += 1;
    }
    expect(withLicence).toBeGreaterThan(10);
  });
});
