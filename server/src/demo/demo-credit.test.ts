import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { violationSeverities, violationTypes } from '../modules/credit/index.ts';
import { createDemoTestCity, demoTestCityDate } from '../test/demo-test-city.ts';
import { demoCreditMultipliers } from './demo-supply.ts';
import type { DemoCity } from './seed-demo-city.ts';

// The demo's year of credit on the shared 3,000-store city (test/demo-test-city.ts, built on
// 2026-11-23): the facts, 12 published monthly runs, a distribution as real cities have it, two
// open appeals, and this week's allocation by the levels in force.
describe('the demo city’s credit', () => {
  let database: DatabaseHandle;
  let city: DemoCity;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    (await database.db.execute(query)) as unknown as { rows: T[] };

  beforeAll(async () => {
    ({ database, city } = await createDemoTestCity('pglite'));
  }, 900_000);
  afterAll(async () => database?.close());

  it('settles every past order, most on time, a few late or failed', async () => {
    const { rows: counts } = await rows<{ status: string | null; orders: number; stores: number }>(sql`
      SELECT settlement_status AS status, count(*)::int AS orders, count(DISTINCT customer_id)::int AS stores
      FROM orders WHERE tenant_id = ${city.tenantId} AND status = 'submitted' GROUP BY 1`);
    const of = (status: string | null) => counts.find((row) => row.status === status);
    expect(of(null)).toBeUndefined();
    const total = counts.reduce((sum, row) => sum + row.orders, 0);
    expect((of('on_time')?.orders ?? 0) / total).toBeGreaterThan(0.98);
    const stores = city.customerCount;
    expect((of('late')?.stores ?? 0) / stores).toBeGreaterThan(0.02);
    expect((of('late')?.stores ?? 0) / stores).toBeLessThan(0.06);
    expect(of('failed')?.stores ?? 0).toBeGreaterThan(0);
    expect((of('failed')?.stores ?? 0) / stores).toBeLessThan(0.01);
  });

  it('records a handful of violations with their document numbers, types and severities', async () => {
    const { rows: violations } = await rows<{ type: string; severity: string; document_no: string }>(sql`
      SELECT type, severity, document_no FROM credit_violations WHERE tenant_id = ${city.tenantId}`);
    expect(violations.length).toBeGreaterThan(2);
    expect(violations.length / city.customerCount).toBeLessThan(0.01);
    for (const violation of violations) {
      expect(violationTypes).toContain(violation.type);
      expect(violationSeverities).toContain(violation.severity);
      expect(violation.document_no).toMatch(/^漳烟专(罚|责改)〔\d{4}〕第\d{3,}号$/);
    }
  });

  it('judges the closed complaints, a few unfounded or malicious', async () => {
    const { rows: judged } = await rows<{ judgement: string; n: number }>(sql`
      SELECT judgement, count(*)::int AS n FROM tickets
      WHERE tenant_id = ${city.tenantId} AND status = 'closed' AND type = 'complaint' GROUP BY 1`);
    const of = (judgement: string) => judged.find((row) => row.judgement === judgement)?.n ?? 0;
    expect(of('founded')).toBeGreaterThan(of('unfounded') * 10);
    expect(of('unfounded')).toBeGreaterThan(0);
  });

  it('publishes 12 monthly runs, each effective on the 1st of the month after', async () => {
    const { rows: runs } = await rows<{ month: string; status: string; effective_from: string }>(sql`
      SELECT month, status, effective_from::text FROM credit_runs WHERE tenant_id = ${city.tenantId} ORDER BY month`);
    expect(runs.map((run) => run.month)).toEqual([
      '2025-11',
      '2025-12',
      ...Array.from({ length: 10 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`),
    ]);
    for (const run of runs) {
      expect(run.status).toBe('published');
      const [year, month] = run.month.split('-').map(Number);
      const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
      expect(run.effective_from).toBe(`${next}-01`);
    }
    expect((runs.at(-1)?.effective_from ?? '') <= demoTestCityDate.slice(0, 10)).toBe(true);
  });

  it('grades as real cities do: most at A, B, C and D each around or under 1 % with reasons', async () => {
    const { rows: levels } = await rows<{ level: string; n: number; without_reason: number }>(sql`
      SELECT s.level, count(*)::int AS n,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(s.items) i WHERE (i->>1)::numeric < 0)
          AND jsonb_array_length(s.caps) = 0)::int AS without_reason
      FROM credit_scores s
      WHERE s.tenant_id = ${city.tenantId}
        AND s.run_id = (SELECT max(id) FROM credit_runs WHERE tenant_id = ${city.tenantId} AND status = 'published')
      GROUP BY 1`);
    const total = levels.reduce((sum, row) => sum + row.n, 0);
    const share = (level: string) => (levels.find((row) => row.level === level)?.n ?? 0) / total;
    console.log(
      'demo credit distribution',
      levels.map((row) => `${row.level} ${row.n} (${((100 * row.n) / total).toFixed(2)} %)`).join(', '),
    );
    expect(total).toBeGreaterThan(city.customerCount * 0.95);
    expect(share('A')).toBeGreaterThan(0.6);
    // AA needs 110: 12 cycles ordered in a row (3 points) and every indicator at its best but
    // tenure (from the licence in force: under 60 months, 1 point) — cooperation's top step (12
    // reports a year) only the city's weekly price reporters (10 % of the stores) reach. This city,
    // built on 23 November, has 13 weeks of order history; the run in force (October's) sees the 10
    // of them that ended by 31 October, so no store has its 12 in a row yet, and the reporters with
    // a clean record stop at 107, one streak short of AA (the demo, a month on, has its first AA
    // stores). AAA (120) is out of the default model's reach (111 at most).
    const { rows: near } = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM credit_scores s
      WHERE s.tenant_id = ${city.tenantId} AND s.score >= 107
        AND s.run_id = (SELECT max(id) FROM credit_runs WHERE tenant_id = ${city.tenantId} AND status = 'published')`);
    expect(near[0].n / total).toBeGreaterThan(0.01);
    expect(near[0].n / total).toBeLessThan(0.1);
    expect(share('AA') + share('AAA')).toBeLessThan(0.08);
    // Tenure counts from the licence date (≥ 24 months for ~60 % of the stores, 1 point), which
    // absorbs a single late payment: B is a few stores with repeated late payments, failed
    // deductions or violations (0.83 % here, 0.8 % in the 2,000-store demo; 1.1–1.2 % with tenure
    // from the first order alone).
    expect(share('B'), 'B').toBeLessThan(0.01);
    for (const level of ['C', 'D']) expect(share(level), level).toBeLessThan(0.01);
    expect(share('B') + share('C') + share('D')).toBeGreaterThan(0);
    for (const row of levels.filter((entry) => ['B', 'C', 'D'].includes(entry.level))) {
      expect(row.without_reason, `${row.level} stores without a deduction or cap`).toBe(0);
    }
  });

  it('has two open appeals, each against an item of the level in force', async () => {
    const { rows: appeals } = await rows<{ status: string; item_key: string | null; in_force: boolean }>(sql`
      SELECT a.status, a.item_key,
        a.run_id = (SELECT max(id) FROM credit_runs WHERE tenant_id = a.tenant_id AND status = 'published') AS in_force
      FROM credit_appeals a WHERE a.tenant_id = ${city.tenantId}`);
    expect(appeals).toHaveLength(2);
    for (const appeal of appeals) expect(appeal).toMatchObject({ status: 'open', in_force: true });
    expect(appeals.every((appeal) => appeal.item_key !== null)).toBe(true);
  });

  it('allocates this week’s scarce brands by the credit levels in force', async () => {
    const { rows: products } = await rows<{ strategy: { creditMultipliers?: Record<string, number> } }>(sql`
      SELECT p.strategy FROM cycle_products p JOIN order_cycles c ON c.tenant_id = p.tenant_id AND c.id = p.cycle_id
      WHERE c.tenant_id = ${city.tenantId} AND c.status = 'published'`);
    const withCredit = products.filter((product) => product.strategy.creditMultipliers);
    expect(withCredit.length).toBeGreaterThan(5);
    expect(withCredit[0].strategy.creditMultipliers).toEqual(demoCreditMultipliers);
    const { rows: quotas } = await rows<{ level: string | null; n: number }>(sql`
      SELECT q.credit_level AS level, count(*)::int AS n FROM store_quotas q
      JOIN order_cycles c ON c.tenant_id = q.tenant_id AND c.id = q.cycle_id
      WHERE c.tenant_id = ${city.tenantId} AND c.status = 'published' GROUP BY 1`);
    const levelled = quotas.filter((row) => row.level !== null).reduce((sum, row) => sum + row.n, 0);
    const all = quotas.reduce((sum, row) => sum + row.n, 0);
    expect(levelled / all).toBeGreaterThan(0.95);
  });
});
