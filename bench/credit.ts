// 零售客户信用 at province scale (issue 22): a monthly credit run of 250,000 stores on PostgreSQL —
// read the facts, score every store with its ledger and indicators, write the scores and the review
// summary (computeCreditRunIn) ≤ 10 s median; approve/publish it (publishCreditRunIn, one update of
// the run row) ≤ 5 s median; each against the same run's baseline, the SQL that aggregates the
// indicator facts alone (storeFactRows: every store's measures, counted in SQL — on-time settlements
// among them — and its exceptional events; no scoring, no writes).
//
//   npx node bench/credit.ts                      250,000 stores, 13 weeks of orders, 5 runs
//   npx node bench/credit.ts --stores 20000       1/12.5 scale, to try it out
//   npx node bench/credit.ts --keep  /  --reuse   keep the database / time a kept one again (skips seeding)
//
// The data set is synthetic SQL (INSERT … SELECT, no row-by-row inserts): the demo city's org,
// managers and stores (seedDemoCity, supply: false); 13 closed weekly cycles (the demo's history;
// the run's window is 12 months, so these are all the cycles a store was open to), each with a
// store_quotas row per store whose `ordered` says whether it ordered (~93 % of store-weeks) and
// an order for each that did, settled: on time but for ~1 % of orders late (1–7 days) and ~0.1 %
// failed deductions; 专卖 violations at 0.3 % of stores over the year (a tenth severe), and closed
// complaints (~6 % of stores), 4 % of them judged unfounded or malicious. The credit module's
// default model, approved. Visits, price reports and survey answers are empty (their sources run).
//
// Checked before a figure counts (exit 2 otherwise): every run scores every active store; each
// store's score equals the base plus its items (all stores, in SQL); after publishing, the level in
// force (creditLevelInForce) is the run's for every store and the distribution adds up. Exits 1
// when a median misses its target. Writes bench/results/credit.{json,md} (credit-<stores>.* at
// another scale).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import {
  approveModelIn,
  computeCreditRunIn,
  createModelIn,
  creditLevelInForce,
  defaultCreditModel,
  publishCreditRunIn,
  storeFactRows,
} from '../server/src/modules/credit/index.ts';
import { ensureTicketSetup } from '../server/src/modules/tickets/index.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { creditFactSources } from '../server/src/workflows/credit-facts.workflow.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import {
  checkedParagraph,
  closeProvinceDatabase,
  elapsed,
  exitOnHelpOrPglite,
  openProvinceDatabase,
  provinceOptions,
  reportResults,
  rowsOf,
  runsLine,
  scaleOf,
  seedProvince,
  timed,
} from './lib/province.ts';

const benchmark = 'credit';
const { values } = parseArgs({
  options: {
    ...provinceOptions('kewo_bench_credit'),
    'target-run': { type: 'string', default: '10000' },
    'target-publish': { type: 'string', default: '5000' },
  },
});
exitOnHelpOrPglite(
  values,
  benchmark,
  `Usage: npx node bench/${benchmark}.ts [--stores N] [--runs N] [--keep] [--reuse] [--database-url URL]
  [--target-run MS] [--target-publish MS] [--out DIR]   (PostgreSQL only: BENCH_DATABASE_URL, a kewo_bench… database)`,
  "a province's 250,000 stores and 3 M orders",
);
const { storeCount, runs, url } = scaleOf(values);
const targets = { run: Number(values['target-run']), publish: Number(values['target-publish']) };
if (!(storeCount >= 100 && runs >= 1 && targets.run > 0 && targets.publish > 0)) {
  console.error('expected --stores ≥ 100, --runs ≥ 1 and positive targets');
  process.exit(2);
}

// 13 weekly cycles, Monday 2026-08-24 to Sunday 2026-11-22; the run is November's, computed on
// 2026-12-01 and published effective that day.
const weeks = 13;
const firstWeek = '2026-08-24';
const month = '2026-11';
const effectiveFrom = '2026-12-01';
const window = { from: '2025-11-30', to: '2026-11-30' };
const now = new Date('2026-12-01T01:00:00Z');

const { database, db, numberOf } = await openProvinceDatabase(url, values);
const problems: string[] = [];

let tenantId: number;
let modelId: number;
const setup = { seedSeconds: 0, factsSeconds: 0 };
if (values.reuse) {
  const [found] = rowsOf<{ tenant: number; model: number }>(
    await db.execute(sql`SELECT tenant_id AS tenant, max(id) AS model FROM credit_models
      WHERE name = 'bench: 信用评价模型' AND status = 'approved' GROUP BY tenant_id`),
  );
  if (!found) throw new Error(`no kept ${benchmark} database at ${url}: run once with --keep`);
  tenantId = Number(found.tenant);
  modelId = Number(found.model);
} else {
  await database.migrate();
  const { city, seconds } = await seedProvince(db, now, storeCount);
  tenantId = city.tenantId;
  setup.seedSeconds = seconds;
  const started = performance.now();
  await writeFacts(tenantId, city.managers[0].id);
  setup.factsSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`facts written in ${elapsed(started)}`);
  const actor = systemActor(tenantId, 'bench');
  modelId = await db.transaction(async (tx) => {
    const model = await createModelIn(tx, actor, { name: 'bench: 信用评价模型', definition: defaultCreditModel }, now);
    await approveModelIn(tx, actor, model.id, now);
    return model.id;
  });
}

// Cycles, quotas, orders with their settlements, violations, closed complaints: each one INSERT … SELECT.
async function writeFacts(tenant: number, managerId: number) {
  let started = performance.now();
  await db.execute(sql`
    INSERT INTO order_cycles (tenant_id, code, week_start, opens_at, closes_at, order_day_only, daily_cutoff, status, created_at, published_at)
    SELECT ${tenant}, 'CR' || w, ${firstWeek}::date + 7 * w, TIMESTAMPTZ '2026-08-24 08:00+08' + 7 * w * interval '1 day',
      TIMESTAMPTZ '2026-08-29 17:00+08' + 7 * w * interval '1 day', true, '17:00', 'closed', ${now}, ${now}
    FROM generate_series(0, ${weeks - 1}) AS w`);
  // A store-week orders when its hash is below 93 (of 100); one product position per cycle.
  const orders = sql.raw('(c.id * 13 + k.id * 7) % 100 < 93');
  await db.execute(sql`
    INSERT INTO store_quotas (tenant_id, cycle_id, customer_id, quotas, ordered, grade)
    SELECT c.tenant_id, k.id, c.id, ARRAY[-1], ARRAY[CASE WHEN ${orders} THEN 1 + c.id % 5 ELSE 0 END], 1 + c.id % 30
    FROM customers c CROSS JOIN order_cycles k
    WHERE c.tenant_id = ${tenant} AND k.tenant_id = ${tenant} AND c.status = 'active'`);
  console.log(`  store_quotas in ${elapsed(started)}`);
  started = performance.now();
  // Settlement: late when a hash of (store, cycle) is below 10 of 1,000 (1–7 days), failed below 11.
  const settlement = sql.raw("abs(hashtext(c.id || ':' || k.id)) % 1000");
  await db.execute(sql`
    INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_at, updated_at,
      settlement_status, settlement_late_days, settlement_source, settlement_recorded_at)
    SELECT c.tenant_id, k.id, c.id, CASE WHEN c.id % 5 = 0 THEN 'phone' ELSE 'online' END, 'submitted',
      (1 + c.id % 5) * 18000, 1 + c.id % 5, k.opens_at + interval '2 hours', k.opens_at + interval '2 hours',
      CASE WHEN ${settlement} < 10 THEN 'late' WHEN ${settlement} < 11 THEN 'failed' ELSE 'on_time' END,
      CASE WHEN ${settlement} < 10 THEN 1 + ${settlement} % 7 END, 'imported', k.opens_at + interval '1 day'
    FROM customers c CROSS JOIN order_cycles k
    WHERE c.tenant_id = ${tenant} AND k.tenant_id = ${tenant} AND c.status = 'active' AND ${orders}`);
  console.log(`  orders in ${elapsed(started)}`);
  started = performance.now();
  await db.execute(sql`
    INSERT INTO credit_violations (tenant_id, customer_id, occurred_on, type, severity, document_no, note, source, created_at)
    SELECT c.tenant_id, c.id, DATE '2026-11-28' - (c.id % 360),
      (ARRAY['illegal_purchase', 'out_of_scope', 'price', 'counterfeit', 'other'])[1 + c.id % 5],
      CASE WHEN c.id % 10 = 0 THEN 'severe' WHEN c.id % 3 = 0 THEN 'major' ELSE 'minor' END,
      '漳烟专罚〔2026〕第' || c.id || '号', NULL, 'imported', ${now}
    FROM customers c WHERE c.tenant_id = ${tenant} AND c.status = 'active' AND abs(hashtext('v' || c.id)) % 1000 < 3`);
  // Closed complaints of the year: one in 16 stores, 3 % unfounded and 1 % malicious.
  await ensureTicketSetup(db, tenant);
  await db.execute(sql`
    INSERT INTO tickets (tenant_id, type, channel, customer_id, branch_id, org_path, manager_id, district_code,
      category_code, description, status, assignee_id, first_response_due_at, first_response_warn_at,
      resolution_due_at, resolution_warn_at, created_at, updated_at, resolved_at, closed_at, judgement)
    SELECT c.tenant_id, 'complaint', 'portal', c.id, c.branch_id, c.org_path, coalesce(c.manager_id, ${managerId}), c.district_code,
      'delivery', '送货比约定时间晚了三个小时。', 'closed', ${managerId}, t.at + interval '4 hours', t.at + interval '3 hours', t.at + interval '3 days', t.at + interval '2 days',
      t.at, t.at + interval '1 day', t.at + interval '1 day', t.at + interval '1 day',
      CASE WHEN abs(hashtext('j' || c.id)) % 100 < 3 THEN 'unfounded' WHEN abs(hashtext('j' || c.id)) % 100 < 4 THEN 'malicious' ELSE 'founded' END
    FROM customers c CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2026-11-20 10:00+08' - (c.id % 350) * interval '1 day' AS at) t
    WHERE c.tenant_id = ${tenant} AND c.status = 'active' AND c.id % 16 = 0`);
  console.log(`  violations and complaints in ${elapsed(started)}`);
  started = performance.now();
  await db.execute(
    sql`VACUUM (ANALYZE) customers, order_cycles, store_quotas, orders, credit_violations, tickets, org_units`,
  );
  console.log(`  vacuum analyze in ${elapsed(started)}`);
}

// ---- the data set ----
const activeStores = await numberOf(
  sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
);
const orderCount = await numberOf(sql`SELECT count(*)::int AS n FROM orders WHERE tenant_id = ${tenantId}`);
const violationCount = await numberOf(
  sql`SELECT count(*)::int AS n FROM credit_violations WHERE tenant_id = ${tenantId}`,
);
console.log(
  `${activeStores.toLocaleString('en')} active stores, ${orderCount.toLocaleString('en')} settled orders, ${violationCount} violations`,
);

// ---- timing: baseline, compute + persist, publish, alternated round by round ----
const actor = systemActor(tenantId, 'bench');
// ─── HOOK: the credit module's run (credit/index.ts): what POST /api/v1/credit/runs and
// POST /api/v1/credit/runs/:id/publish do, each in its own transaction. ───
const baseline = () => storeFactRows(db, tenantId, creditFactSources, window);
const compute = () => db.transaction((tx) => computeCreditRunIn(tx, actor, { modelId, month }, creditFactSources, now));
const publish = (runId: number) => db.transaction((tx) => publishCreditRunIn(tx, actor, runId, { effectiveFrom }, now));
// ──────────────────────────────────────────────────────────────────────────────────────────────
const baselineMs: number[] = [];
const runMs: number[] = [];
const publishMs: number[] = [];
const loads: number[] = [];
let levels: Array<{ level: string; count: number; share: number }> = [];
let factRows = 0;
// Warm-up: the facts once (plans, caches), not recorded.
await baseline();
for (let run = 0; run < runs; run += 1) {
  loads.push(loadavg()[0]);
  const facts = await timed(baseline);
  baselineMs.push(facts.ms);
  factRows = facts.value.length;
  const computed = await timed(compute);
  runMs.push(computed.ms);
  const runId = computed.value.id;
  const published = await timed(() => publish(runId));
  publishMs.push(published.ms);
  levels = computed.value.summary?.levels ?? [];
  const total = computed.value.summary?.total ?? 0;
  if (total !== activeStores) problems.push(`run ${run + 1}: scored ${total} stores of ${activeStores}`);
  if (levels.reduce((sum, row) => sum + row.count, 0) !== total)
    problems.push(`run ${run + 1}: the levels' counts do not add up to ${total}`);
  if (published.value.status !== 'published') problems.push(`run ${run + 1}: not published`);
  // Every score is the base plus its items; the level in force is the run's for every store.
  const unreconciled = await numberOf(sql`
    SELECT count(*)::int AS n FROM credit_scores s
    WHERE s.tenant_id = ${tenantId} AND s.run_id = ${runId}
      AND s.score <> ${defaultCreditModel.base} + coalesce((SELECT sum((i->>1)::numeric) FROM jsonb_array_elements(s.items) i), 0)`);
  if (unreconciled > 0) problems.push(`run ${run + 1}: ${unreconciled} scores differ from base + Σ items`);
  const inForce = await numberOf(sql`
    SELECT count(*)::int AS n FROM customers c
    WHERE c.tenant_id = ${tenantId} AND c.status = 'active'
      AND ${creditLevelInForce(tenantId, sql`c.id`, effectiveFrom)} IS NOT DISTINCT FROM (
        SELECT level FROM credit_scores WHERE tenant_id = ${tenantId} AND run_id = ${runId} AND customer_id = c.id)
      AND ${creditLevelInForce(tenantId, sql`c.id`, effectiveFrom)} IS NOT NULL`);
  if (inForce !== activeStores) problems.push(`run ${run + 1}: the level in force is the run's for ${inForce} stores`);
  console.log(
    `run ${run + 1}: facts ${Math.round(facts.ms)} ms (${factRows} stores); compute + persist ${Math.round(computed.ms)} ms; publish ${Math.round(published.ms)} ms`,
  );
}
const distribution = levels.map((row) => `${row.level} ${row.count} (${row.share} %)`).join(', ');
await closeProvinceDatabase(database, url, values);

// ---- results ----
const environment = describeEnvironment();
const ms = (values_: number[]) => round(median(values_), 1);
const result = {
  benchmark,
  database: 'postgres',
  stores: storeCount,
  activeStores,
  weeks,
  orders: orderCount,
  violations: violationCount,
  runs,
  reusedDatabase: values.reuse, // setup seconds are 0 then: the data set was built by an earlier run
  setup,
  baselineMsMedian: ms(baselineMs),
  runMsMedian: ms(runMs),
  publishMsMedian: ms(publishMs),
  runToBaseline: round(median(runMs) / median(baselineMs), 2),
  publishToBaseline: round(median(publishMs) / median(baselineMs), 3),
  baselineMs: baselineMs.map(Math.round),
  runMs: runMs.map(Math.round),
  publishMs: publishMs.map(Math.round),
  distribution: levels,
  targetsMs: targets,
  met: { run: median(runMs) <= targets.run, publish: median(publishMs) <= targets.publish },
  problems,
  medianLoad: round(median(loads), 2),
  environment,
};
const markdown = `# Credit run — postgres, ${storeCount.toLocaleString('en')} stores

${runsLine(environment, runs, result.medianLoad)}

${activeStores.toLocaleString('en')} active stores; ${weeks} weekly cycles (a store_quotas row per store and cycle); ${orderCount.toLocaleString('en')} settled orders; ${violationCount} violations; closed complaints at 1 store in 16. The default model; each round computes the month's run and publishes it. Distribution of the last run: ${distribution}.

| step | median ms | runs (ms) | × baseline | target |
| --- | ---: | --- | ---: | --- |
| baseline: the facts aggregate alone (storeFactRows: every store's measures counted in SQL and its exceptional events) | ${result.baselineMsMedian} | ${result.baselineMs.join(', ')} | 1 | |
| monthly run: compute + persist (computeCreditRunIn, one transaction) | ${result.runMsMedian} | ${result.runMs.join(', ')} | ${result.runToBaseline} | ≤ ${targets.run} ms — ${result.met.run ? 'met' : 'NOT met'} |
| approve/publish (publishCreditRunIn: one update of the run row) | ${result.publishMsMedian} | ${result.publishMs.join(', ')} | ${result.publishToBaseline} | ≤ ${targets.publish} ms — ${result.met.publish ? 'met' : 'NOT met'} |
${checkedParagraph(
  problems,
  'Checked every round: the run scores every active store and its levels add up; every score equals the base plus its items; once published, the level in force (creditLevelInForce) is the run’s for every store.',
)}`;
reportResults({
  benchmark,
  storeCount,
  out: values.out,
  result,
  markdown,
  missedTargets:
    !result.met.run || !result.met.publish
      ? `target missed: run ${result.runMsMedian} ms, publish ${result.publishMsMedian} ms`
      : null,
});
