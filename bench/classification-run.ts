// 客户分类 run at province scale: every store's indicators from 13 weeks of orders (one aggregate
// query), classified by the default rule set, and every proposal persisted — computeRunIn, what
// POST /classification/runs does — then approved (customers.class_code + history).
// Target (客户分类 at province scale): a full run on 250,000 stores ≤ 10 s on PostgreSQL (compute +
// persist), timed around the call from outside.
//
//   npx node bench/classification-run.ts                          PostgreSQL, 250,000 stores, 3 runs
//   npx node bench/classification-run.ts --pglite --stores 24000  PGlite (in memory)
//
// The order history is synthetic (SQL): each store orders most weeks, two lines an order, sizes
// spread like the demo's. Writes bench/results/classification-run-<db>-<stores>.{json,md}. Exits 0
// when the target is met, 1 when it is missed, 2 when a run is wrong: no store classified, a
// proposal missing for a store counted, or a store whose class after the approval is not the
// class proposed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.ts';
import { seedDemoCity } from '../server/src/demo/seed-demo-city.ts';
import { computeRunIn, defaultRuleSet, saveRuleSetIn } from '../server/src/modules/classification/index.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { approveClassificationIn } from '../server/src/workflows/approve-classification.workflow.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { dropDatabase, recreateDatabase } from './lib/postgres.ts';
import { repoRoot } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: process.env.BENCH_STORES ?? '250000' },
    runs: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    pglite: { type: 'boolean', default: false },
    // Keep the database after the run / reuse a kept one (skips seeding: minutes at 250,000 stores).
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kewo_bench_classification',
    },
    target: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const storeCount = Number(values.stores);
const runs = Number(values.runs);
const url = values['database-url'];
const kind = values.pglite ? 'pglite' : 'postgres';
const now = new Date('2026-11-23T02:00:00Z');

const reuse = values.reuse && !values.pglite;
if (!values.pglite && !reuse) await recreateDatabase(url);
const database = values.pglite ? await openDatabase({ memory: true }) : await openDatabase({ url });
await database.migrate();
let started = performance.now();
let tenantId: number;
if (reuse) {
  const found = await database.db.execute(sql`SELECT min(tenant_id)::int AS id FROM order_cycles WHERE code = 'B0'`);
  tenantId = Number((found as unknown as { rows: { id: number }[] }).rows[0].id);
  await database.db.execute(sql`DELETE FROM class_proposals WHERE tenant_id = ${tenantId}`);
  await database.db.execute(sql`DELETE FROM store_week_purchases WHERE tenant_id = ${tenantId}`);
  await database.db.execute(sql`DELETE FROM store_week_purchase_cycles WHERE tenant_id = ${tenantId}`);
  // Rewritten with the migration's fillfactor (a freshly seeded city is written after it).
  await database.db.execute(sql`VACUUM FULL customers`);
  await database.db.execute(sql`VACUUM ANALYZE customers, class_proposals, customer_class_history`);
} else {
  const city = await seedDemoCity(database.db, now, { customers: storeCount, supply: false });
  tenantId = city.tenantId;
}
console.log(`${storeCount} stores seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (!reuse) await writeHistory();
async function writeHistory() {
  // 13 closed weekly cycles, orders for ~93 % of store-weeks, two lines each (一类/二类 share from the store).
  started = performance.now();
  await database.db.execute(sql`
  INSERT INTO products (tenant_id, code, brand, name, price_class, wholesale_price_fen, retail_price_fen)
  VALUES (${tenantId}, 'B0001', '中华', '中华(硬)', 1, 45000, 50000), (${tenantId}, 'B0002', '七匹狼', '七匹狼(白)', 4, 9000, 10000)
  ON CONFLICT DO NOTHING`);
  await database.db.execute(sql`
  INSERT INTO order_cycles (tenant_id, code, week_start, opens_at, closes_at, order_day_only, daily_cutoff, status, created_at)
  SELECT ${tenantId}, 'B' || w, DATE '2026-08-24' + 7 * w, TIMESTAMPTZ '2026-08-24' + 7 * w * interval '1 day',
    TIMESTAMPTZ '2026-08-31' + 7 * w * interval '1 day', true, '17:00', 'closed', ${now}
  FROM generate_series(0, 12) AS w`);
  await database.db.execute(sql`
  INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_at, updated_at)
  SELECT c.tenant_id, k.id, c.id, CASE WHEN (c.id * 31 + k.id) % 10 < 8 THEN 'online' ELSE 'phone' END, 'submitted',
    0, 1 + (c.id * 7919 + k.id * 104729) % 40, ${now}, ${now}
  FROM customers c CROSS JOIN order_cycles k
  WHERE c.tenant_id = ${tenantId} AND k.tenant_id = ${tenantId} AND k.code LIKE 'B%' AND (c.id * 13 + k.id * 7) % 100 < 93`);
  await database.db.execute(sql`
  INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
  SELECT o.tenant_id, o.id, p.id, CASE WHEN p.price_class = 1 THEN 1 + o.customer_id % 3 ELSE o.quantity END, p.wholesale_price_fen
  FROM orders o JOIN products p ON p.tenant_id = o.tenant_id AND p.code IN ('B0001', 'B0002')
  WHERE o.tenant_id = ${tenantId}`);
  await database.db.execute(sql`
  UPDATE orders o SET total_fen = s.total FROM (
    SELECT order_id, sum(qty * unit_price_fen)::bigint AS total FROM order_lines WHERE tenant_id = ${tenantId} GROUP BY order_id) s
  WHERE o.tenant_id = ${tenantId} AND o.id = s.order_id`);
  await database.db.execute(sql`ANALYZE customers, orders, order_lines, order_cycles, products`);
  console.log(`history written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const actor = systemActor(tenantId, 'bench');
const ruleSet = await database.db.transaction((tx) =>
  saveRuleSetIn(tx, actor, { name: 'bench', ...defaultRuleSet }, now),
);
// Baseline, measured in the same session: the plain aggregate every run needed before the weekly
// summary — 13 weeks of orders joined to their lines, grouped per store — in SQL alone, no JS.
async function baselineMs() {
  const t0 = performance.now();
  await database.db.execute(sql`
    SELECT o.customer_id, sum(o.quantity), sum(o.total_fen), sum(h.amount), count(DISTINCT o.cycle_id)
    FROM orders o JOIN order_cycles k ON k.tenant_id = o.tenant_id AND k.id = o.cycle_id
    LEFT JOIN (
      SELECT l.order_id, sum(l.qty::bigint * l.unit_price_fen) AS amount
      FROM order_lines l JOIN products p ON p.tenant_id = l.tenant_id AND p.id = l.product_id AND p.price_class <= 2
      WHERE l.tenant_id = ${tenantId} GROUP BY l.order_id) h ON h.order_id = o.id
    WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted' AND k.week_start BETWEEN '2026-08-24' AND '2026-11-22'
    GROUP BY o.customer_id`);
  return performance.now() - t0;
}

// Round 1 is cold (it summarises the 13 closed weeks); later rounds are the steady state (every
// closed week summarised once; a weekly run summarises one new week).
const computeMs: number[] = [];
const approveMs: number[] = [];
const baseMs: number[] = [];
const loads: number[] = [];
let distribution: unknown = null;
const problems: string[] = [];
const countOf = async (executor: Pick<typeof database.db, 'execute'>, query: ReturnType<typeof sql>) =>
  Number(((await executor.execute(query)) as unknown as { rows: Array<{ n: number }> }).rows[0].n);
for (let round_ = 0; round_ < runs; round_ += 1) {
  loads.push(loadavg()[0]);
  baseMs.push(await baselineMs());
  await database.db.transaction(async (tx) => {
    const t0 = performance.now();
    const run = await computeRunIn(tx, actor, { ruleSetId: ruleSet.id }, now);
    const t1 = performance.now();
    await approveClassificationIn(tx, actor, run.id, undefined, now);
    const t2 = performance.now();
    // The run is right before it counts: one proposal per store it counted, all of them in the
    // distribution, and after the approval every store's class is the one proposed.
    const proposals = await countOf(tx, sql`SELECT count(*)::int AS n FROM class_proposals WHERE run_id = ${run.id}`);
    const notApplied = await countOf(
      tx,
      sql`SELECT count(*)::int AS n FROM class_proposals p JOIN customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
        WHERE p.run_id = ${run.id} AND c.class_code IS DISTINCT FROM p.proposed_class`,
    );
    const total = (run.distribution as { total: number }).total;
    if (run.storeCount === 0) problems.push(`run ${round_ + 1}: no store classified`);
    if (proposals !== run.storeCount)
      problems.push(`run ${round_ + 1}: ${proposals} proposals for ${run.storeCount} stores`);
    if (total !== run.storeCount)
      problems.push(`run ${round_ + 1}: the distribution counts ${total} of ${run.storeCount}`);
    if (notApplied > 0) problems.push(`run ${round_ + 1}: ${notApplied} stores not given their proposed class`);
    computeMs.push(t1 - t0);
    approveMs.push(t2 - t1);
    distribution = run.distribution;
    console.log(
      `run ${round_ + 1}: baseline ${Math.round(baseMs[round_])} ms; compute + persist ${Math.round(t1 - t0)} ms, approve ${Math.round(t2 - t1)} ms`,
    );
  });
  // Back to unclassified, so every round approves (and writes) every store again.
  await database.db.execute(
    sql`UPDATE customers SET class_code = NULL, demo_type = NULL WHERE tenant_id = ${tenantId}`,
  );
}
await database.close();
if (!values.pglite && !values.keep) await dropDatabase(url);

const environment = describeEnvironment();
const name = `classification-run-${kind}-${storeCount}`;
const warm = (values: number[]) => (values.length > 1 ? values.slice(1) : values);
const medianOf = (values: number[]) => round(median(values) / 1000, 2);
const result = {
  benchmark: 'classification-run',
  database: kind,
  stores: storeCount,
  runs,
  coldComputeSeconds: round(computeMs[0] / 1000, 2),
  computeSecondsMedian: medianOf(warm(computeMs)),
  approveSecondsMedian: medianOf(approveMs),
  baselineSecondsMedian: medianOf(baseMs),
  computeMs: computeMs.map(Math.round),
  approveMs: approveMs.map(Math.round),
  baselineMs: baseMs.map(Math.round),
  targetSeconds: Number(values.target),
  met: median(warm(computeMs)) / 1000 <= Number(values.target),
  problems,
  medianLoad: round(median(loads), 2),
  distribution,
  environment,
};
const ratio = (seconds: number) => round(seconds / result.baselineSecondsMedian, 2);
const out = join(repoRoot, values.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(out, `${name}.md`),
  `# Classification run — ${kind}, ${storeCount.toLocaleString('en')} stores

${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node} · ${runs} rounds (round 1 cold), medians of the warm rounds · shared machine, load average ≈ ${result.medianLoad}

| step | median s | runs (ms) |
| --- | ---: | --- |
| baseline: 13 weeks of orders ⋈ lines aggregated per store, SQL alone | ${result.baselineSecondsMedian} | ${result.baselineMs.join(', ')} |
| compute + persist, cold (summarises 13 closed weeks first) | ${result.coldComputeSeconds} | ${result.computeMs[0]} (${ratio(result.coldComputeSeconds)} × baseline) |
| compute + persist, steady state (indicators, rule set, ${storeCount.toLocaleString('en')} proposals) | ${result.computeSecondsMedian} | ${warm(result.computeMs).join(', ')} (${ratio(result.computeSecondsMedian)} × baseline) |
| approve (class of every store + history) | ${result.approveSecondsMedian} | ${result.approveMs.join(', ')} |

Target: compute + persist ≤ ${result.targetSeconds} s — ${result.met ? 'met' : 'NOT met'} (steady state).
${problems.length > 0 ? `\n**The run is wrong** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` : 'Every round: one proposal per store counted, and after the approval every store has the class proposed.\n'}`,
);
console.log(JSON.stringify({ ...result, environment: undefined }, null, 2));
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exitCode = 2;
} else if (!result.met) {
  console.error(`✗ target missed: compute + persist ${result.computeSecondsMedian} s > ${result.targetSeconds} s`);
  process.exitCode = 1;
}
