// 货源投放 publish at province scale on PostgreSQL: one cycle of 250,000 stores × 60 limited
// products, computed and persisted by the service the API runs (publishCycleIn: read stores and
// grades, allocate every product, write one quota row per store, mark the cycle published).
// Target: ≤ 5 s compute + persist, timed around the call from outside.
//
//   npx node bench/allocation-publish.ts                    250,000 stores, 5 runs
//   npx node bench/allocation-publish.ts --stores 24000 --runs 3
//   npx node bench/allocation-publish.ts --keep … then --reuse   (skip the seeding of a kept database)
//
// Baseline, in the same run: PostgreSQL writing the same number of quota rows (60-element arrays)
// by itself, INSERT … SELECT from the customers table — the floor of persisting a cycle at all.
// Writes bench/results/allocation-publish.{json,md}. Exits 0 when the target is met, 1 when it is
// missed, 2 when a publish is wrong: not one quota row per active store, rows of another width or
// with orders in them, or quotas that do not add up to what the publish reports per product, or
// beyond a product's supply or cap.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/src/db/client.ts';
import { seedDemoCity } from '../server/src/demo/seed-demo-city.ts';
import type { AllocationStrategy } from '../server/src/modules/supply/allocation-strategy.rules.ts';
import { createCycleIn, publishCycleIn, setCycleProductsIn } from '../server/src/modules/supply/cycles.service.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { addDays } from '../server/src/platform/time/weeks.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { dropDatabase, recreateDatabase, redact, serverVersion } from './lib/postgres.ts';
import { repoRoot } from './lib/server.ts';

const benchmark = 'allocation-publish';
const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: process.env.BENCH_STORES ?? '250000' },
    products: { type: 'string', default: '60' },
    runs: { type: 'string', default: process.env.BENCH_ROUNDS ?? '5' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kewo_bench_alloc',
    },
    target: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const storeCount = Number(values.stores);
const productCount = Number(values.products);
const runs = Number(values.runs);
const url = values['database-url'];
const targetSeconds = Number(values.target);
const now = new Date('2026-11-23T02:00:00Z');

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

// --reuse: a database kept by an earlier run with as many stores (its cycles and grades are
// cleared); otherwise a fresh one.
const reused = values.reuse ? await keptCity(url) : undefined;
if (!reused) await recreateDatabase(url);
const database = await openDatabase({ url });
let tenantId: number;
if (reused) {
  tenantId = reused;
  await database.db.execute(sql`DELETE FROM order_cycles WHERE tenant_id = ${tenantId}`);
  await database.db.execute(sql`DELETE FROM customer_grades WHERE tenant_id = ${tenantId}`);
  await database.db.execute(sql`DELETE FROM grade_runs WHERE tenant_id = ${tenantId}`);
  await database.db.execute(sql`VACUUM store_quotas`);
  console.log(`reusing the ${storeCount} stores of ${redact(url)}`);
} else {
  await database.migrate();
  const seedStarted = performance.now();
  const city = await seedDemoCity(database.db, now, { customers: storeCount, supply: false });
  console.log(`${storeCount} stores seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  tenantId = city.tenantId;
}
const actor = systemActor(tenantId, 'bench');

// A published grade run: grades spread over 1–30 (a real one is computed from 13 weeks).
const [run] = rows<{ id: number }>(
  await database.db.execute(sql`
    INSERT INTO grade_runs (tenant_id, period_from, period_to, weights, effective_on, status, store_count, created_at, published_at)
    VALUES (${tenantId}, '2026-08-24', '2026-11-22', '{"amount":70,"quantity":30}', '2026-11-23', 'published', ${storeCount}, ${now}, ${now})
    RETURNING id`),
);
await database.db.execute(sql`
  INSERT INTO customer_grades (tenant_id, run_id, customer_id, grade, score, amount_fen, quantity)
  SELECT tenant_id, ${run.id}, id, 1 + (id * 7919) % 30, 50, 100000, 10 FROM customers WHERE tenant_id = ${tenantId}`);
await database.db.execute(sql`ANALYZE customers, customer_grades, grade_runs`);
const gradeCounts = new Map(
  rows<{ grade: number; n: number }>(
    await database.db.execute(
      sql`SELECT grade, count(*)::int AS n FROM customer_grades WHERE run_id = ${run.id} GROUP BY grade`,
    ),
  ).map((row) => [Number(row.grade), Number(row.n)]),
);
const productIds = rows<{ id: number }>(
  await database.db.execute(
    sql`SELECT id FROM products WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id LIMIT ${productCount}`,
  ),
).map((row) => Number(row.id));

const tables: Array<Array<{ fromGrade: number; toGrade: number; qty: number }>> = [
  [
    { fromGrade: 1, toGrade: 10, qty: 1 },
    { fromGrade: 11, toGrade: 20, qty: 3 },
    { fromGrade: 21, toGrade: 30, qty: 6 },
  ],
  [
    { fromGrade: 1, toGrade: 5, qty: 0 },
    { fromGrade: 6, toGrade: 15, qty: 2 },
    { fromGrade: 16, toGrade: 25, qty: 4 },
    { fromGrade: 26, toGrade: 30, qty: 8 },
  ],
  [{ fromGrade: 1, toGrade: 30, qty: 2 }],
];
const demandOf = (table: (typeof tables)[number]) =>
  table.reduce((sum, row) => {
    let stores = 0;
    for (let grade = row.fromGrade; grade <= row.toGrade; grade += 1) stores += gradeCounts.get(grade) ?? 0;
    return sum + stores * row.qty;
  }, 0);
// Mixed strategies: grade tables at 85 % of demand (scaled, largest remainder), 限点 by format or
// town, 限量, class multipliers.
const strategies = productIds.map((productId, index) => {
  const table = tables[index % tables.length];
  const strategy: AllocationStrategy = { base: { kind: 'grade_table', table } };
  if (index % 4 === 1) strategy.eligibility = { formats: ['convenience', 'supermarket', 'tobacco_liquor'] };
  if (index % 4 === 2) strategy.eligibility = { urbanRural: ['urban'], gradeMin: 5 };
  if (index % 3 === 0) strategy.cap = 4;
  if (index % 5 === 0) strategy.classMultipliers = { demonstration: 1.2, growth: 1.1 };
  return { productId, supply: Math.round(demandOf(table) * (index % 2 === 0 ? 0.85 : 1.2)), strategy };
});

// The baseline writes into a cycle of its own, and rolls back.
const scratch = await database.db.transaction((tx) =>
  createCycleIn(tx, actor, { weekStart: '2030-01-07', orderDayOnly: true, dailyCutoff: '17:00' }, now),
);
const environment = describeEnvironment();
const postgres = await serverVersion(url);
const publishMs: number[] = [];
const baselineMs: number[] = [];
const problems: string[] = [];
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const [{ active }] = rowsOf<{ active: number }>(
  await database.db.execute(
    sql`SELECT count(*)::int AS active FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
  ),
);
const capped = new Map(strategies.map((product) => [product.productId, product]));

// What a publish wrote, against what it reports and what the strategies allow.
async function checkPublished(
  cycleId: number,
  run: number,
  published: { products: Array<{ productId: number; allocated: number; supply: number | null }> },
) {
  const [rows] = rowsOf<{ n: number; wrongWidth: number; withOrders: number }>(
    await database.db.execute(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE cardinality(quotas) <> ${productCount} OR cardinality(ordered) <> ${productCount})::int AS "wrongWidth",
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(ordered) AS o(qty) WHERE o.qty <> 0))::int AS "withOrders"
      FROM store_quotas WHERE cycle_id = ${cycleId}`),
  );
  if (rows.n !== active) problems.push(`run ${run}: ${rows.n} quota rows written for ${active} active stores`);
  if (rows.wrongWidth > 0) problems.push(`run ${run}: ${rows.wrongWidth} quota rows without ${productCount} products`);
  if (rows.withOrders > 0) problems.push(`run ${run}: ${rows.withOrders} quota rows with orders in a new cycle`);
  const sums = rowsOf<{ productId: number; total: number; largest: number }>(
    await database.db.execute(sql`
      SELECT cp.product_id AS "productId", sum(GREATEST(u.quota, 0))::bigint AS total, max(u.quota)::int AS largest
      FROM store_quotas q CROSS JOIN LATERAL unnest(q.quotas) WITH ORDINALITY AS u(quota, position)
      JOIN cycle_products cp ON cp.tenant_id = q.tenant_id AND cp.cycle_id = q.cycle_id AND cp.position = u.position - 1
      WHERE q.cycle_id = ${cycleId}
      GROUP BY cp.product_id`),
  );
  if (sums.length !== productCount) problems.push(`run ${run}: quotas for ${sums.length} of ${productCount} products`);
  for (const sum of sums) {
    const reported = published.products.find((product) => product.productId === sum.productId);
    const strategy = capped.get(sum.productId);
    const total = Number(sum.total);
    if (!reported || total !== reported.allocated) {
      problems.push(
        `run ${run}: product ${sum.productId} has ${total} cartons of quotas, the publish reports ${reported?.allocated}`,
      );
    }
    if (strategy && total > strategy.supply)
      problems.push(`run ${run}: product ${sum.productId} allocated ${total} > supply ${strategy.supply}`);
    if (strategy?.strategy.cap !== undefined && sum.largest > strategy.strategy.cap) {
      problems.push(
        `run ${run}: product ${sum.productId} gives a store ${sum.largest} > its cap ${strategy.strategy.cap}`,
      );
    }
  }
}
const loads: number[] = [];
for (let index = 0; index < runs; index += 1) {
  const weekStart = addDays('2027-01-04', 7 * index);
  const cycle = await database.db.transaction(async (tx) => {
    const created = await createCycleIn(tx, actor, { weekStart, orderDayOnly: true, dailyCutoff: '17:00' }, now);
    await setCycleProductsIn(tx, actor, created.id, strategies, now);
    return created;
  });
  loads.push(loadavg()[0]);
  // The baseline first on odd runs, second on even ones.
  const baseline = async () => {
    const started = performance.now();
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`
        INSERT INTO store_quotas (tenant_id, cycle_id, customer_id, quotas, ordered, grade)
        SELECT tenant_id, ${scratch.id}, id, array_fill(1, ARRAY[${productCount}::int]), array_fill(0, ARRAY[${productCount}::int]), 1
        FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes('Rollback'))) throw error;
      });
    baselineMs.push(performance.now() - started);
  };
  if (index % 2 === 1) await baseline();
  const started = performance.now();
  const published = await database.db.transaction((tx) => publishCycleIn(tx, actor, cycle.id, now));
  publishMs.push(performance.now() - started);
  if (index % 2 === 0) await baseline();
  if (published.totals.allocated > published.totals.supply)
    problems.push(`run ${index + 1}: allocated more than the supply`);
  await checkPublished(cycle.id, index + 1, published);
  console.log(
    `run ${index + 1}: publish ${(publishMs.at(-1) ?? 0).toFixed(0)} ms, baseline ${(baselineMs.at(-1) ?? 0).toFixed(0)} ms (load ${loads.at(-1)?.toFixed(2)})`,
  );
  await database.db.execute(sql`DELETE FROM store_quotas WHERE cycle_id = ${cycle.id}`);
}
await database.close();
if (!values.keep) await dropDatabase(url);

async function keptCity(databaseUrl: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const result = await client.query<{ tenant_id: number; n: number }>(
      `SELECT tenant_id, count(*)::int AS n FROM customers GROUP BY tenant_id`,
    );
    const [row] = result.rows;
    return result.rows.length === 1 && Number(row.n) === storeCount ? Number(row.tenant_id) : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const summary = {
  stores: storeCount,
  products: productCount,
  publishSecondsMedian: round(median(publishMs) / 1000, 2),
  baselineSecondsMedian: round(median(baselineMs) / 1000, 2),
  ratio: round(median(publishMs) / median(baselineMs), 2),
  targetSeconds,
  met: median(publishMs) / 1000 <= targetSeconds,
  medianLoad: round(median(loads), 2),
};
const outDir = join(repoRoot, values.out);
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, `${benchmark}.json`),
  `${JSON.stringify({ benchmark, environment, postgres, databaseUrl: redact(url), publishMs, baselineMs, loads, summary, problems }, null, 2)}\n`,
);
writeFileSync(
  join(outDir, `${benchmark}.md`),
  `# Allocation publish: ${storeCount.toLocaleString('en')} stores × ${productCount} limited products (PostgreSQL ${postgres})

${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node} · ${runs} runs, medians

publishCycleIn = read stores and current grades → allocate every product (grade tables at 85 % / 120 % of demand, 限点, 限量,
class multipliers) → write one quota row per store → mark the cycle published, in one transaction.
Baseline = PostgreSQL inserting the same number of rows with ${productCount}-element arrays from the customers table (rolled back).

| | median s | runs (ms) |
| --- | ---: | --- |
| publish (compute + persist) | **${summary.publishSecondsMedian}** | ${publishMs.map((ms) => ms.toFixed(0)).join(' / ')} |
| baseline (rows written by SQL alone) | ${summary.baselineSecondsMedian} | ${baselineMs.map((ms) => ms.toFixed(0)).join(' / ')} |

Ratio publish / baseline: ${summary.ratio}. Target ≤ ${targetSeconds} s: ${summary.met ? 'met' : 'missed'}. Load average (1 min) at each run: ${loads.map((load) => load.toFixed(2)).join(' / ')}.
Each publish was checked: one quota row of ${productCount} products per active store (${active}), no orders in them, and per product
quotas adding up to what the publish reports, within its supply and cap.
${problems.length > 0 ? `\n**A publish is wrong** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` : ''}`,
);
console.log(`wrote ${relative(repoRoot, join(outDir, `${benchmark}.md`))}`);
console.log(summary);
for (const problem of problems) console.error(`✗ ${problem}`);
process.exit(problems.length > 0 ? 2 : summary.met ? 0 : 1);
