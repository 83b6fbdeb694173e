// 品牌培育 KPIs at province scale (issue 19): one programme's 上柜率 / 动销率 / 重购率 / 订足率 / 存销比,
// grouped by branch and by week, on PostgreSQL with 250,000 stores and 13 weekly cycles of orders
// (~6.5 M order lines). Targets: by branch ≤ 300 ms median, by week ≤ 500 ms median, each shown
// against the same run's baseline, `SELECT count(*) FROM order_lines` (median of --runs).
//
//   npx node bench/brand-kpis.ts                         250,000 stores, 13 weeks, 5 runs (once: it takes the machine)
//   npx node bench/brand-kpis.ts --stores 5000           1/50 scale, to try it out
//   npx node bench/brand-kpis.ts --keep  /  --reuse      keep the database / time a kept one again (skips seeding)
//
// The data set is synthetic SQL (no row-by-row inserts): the demo city's org, managers and stores
// (seedDemoCity, supply: false), 20 products of which the programme targets 3 (七匹狼), 13 closed
// weekly cycles with the 20 products at positions 0–19, an order for ~96 % of store-weeks with 2
// lines (3 for one order in 5) of distinct products, and the 店品周汇总 store_product_weeks rows
// those lines make: ordered = the store's cartons of the product in the week, quota = -1 (unlimited)
// for one product in four, else what it ordered plus 0–2 (a third of the rows took their whole
// quota). The roll-up is written here in one INSERT … SELECT from the lines, as the order writers
// would have left it (supply/store-product-weeks.ts); the benchmark checks it equals a
// recomputation from the lines before anything is timed. There are no visits (存销比 has no stock
// counts to read), and no store_quotas arrays (the KPIs read the roll-up's quota).
//
// Checked before a figure counts (exit 2 otherwise): the roll-up equals the lines; the KPIs by
// branch count every target store once (their targetStores add up to supply's countStoresInSegment
// of the programme's segment); the KPIs by week have a row per week of the period. Exits 1 when a
// median misses its target. Writes bench/results/brand-kpis.{json,md} (brand-kpis-<stores>.* at
// another scale).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../server/src/db/array-literal.ts';
import { brandKpis, brandProgrammes, foldAllProgrammes } from '../server/src/modules/brand/index.ts';
import { countStoresInSegment, type Segment } from '../server/src/modules/supply/index.ts';
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

const benchmark = 'brand-kpis';
const { values } = parseArgs({
  options: {
    ...provinceOptions('kewo_bench_brand'),
    'target-branch': { type: 'string', default: '300' },
    'target-week': { type: 'string', default: '500' },
  },
});
exitOnHelpOrPglite(
  values,
  benchmark,
  `Usage: npx node bench/${benchmark}.ts [--stores N] [--runs N] [--keep] [--reuse] [--database-url URL]
  [--target-branch MS] [--target-week MS] [--out DIR]   (PostgreSQL only: BENCH_DATABASE_URL, a kewo_bench… database)`,
  "a province's 6.5 M order lines",
);
const { storeCount, runs, url } = scaleOf(values);
const targets = { branch: Number(values['target-branch']), week: Number(values['target-week']) };
if (!(storeCount >= 100 && runs >= 1 && targets.branch > 0 && targets.week > 0)) {
  console.error('expected --stores ≥ 100, --runs ≥ 1 and positive targets');
  process.exit(2);
}

// The programme's period: 13 weekly cycles, Monday 2026-08-24 to Sunday 2026-11-22; `now` is the
// Monday after (the week of 2026-11-23 is not in the data).
const weeks = 13;
const firstWeek = '2026-08-24';
const periodEnd = '2026-11-22';
const now = new Date('2026-11-23T02:00:00Z');
const productCount = 20;
const targetProducts = 3; // positions 0–2: 七匹狼
const segment: Segment = {}; // every active store: the widest programme, the most work

const { database, db, numberOf } = await openProvinceDatabase(url, values);
const problems: string[] = [];

let tenantId: number;
let programmeId: number;
let productIds: number[];
const setup = { seedSeconds: 0, historySeconds: 0 };
if (values.reuse) {
  const [found] = rowsOf<{ tenant: number; programme: number }>(
    await db.execute(sql`SELECT tenant_id AS tenant, max(id) AS programme FROM brand_programmes
      WHERE name = 'bench: 七匹狼(通系列)' GROUP BY tenant_id`),
  );
  if (!found) throw new Error(`no kept ${benchmark} database at ${url}: run once with --keep`);
  tenantId = Number(found.tenant);
  programmeId = Number(found.programme);
} else {
  await database.migrate();
  const { city, seconds } = await seedProvince(db, now, storeCount);
  tenantId = city.tenantId;
  setup.seedSeconds = seconds;
  const started = performance.now();
  productIds = await writeHistory(tenantId);
  setup.historySeconds = round((performance.now() - started) / 1000, 1);
  console.log(`history and roll-up written in ${elapsed(started)}`);
  const [manager] = city.managers;
  const [programme] = await db
    .insert(brandProgrammes)
    .values({
      tenantId,
      name: 'bench: 七匹狼(通系列)',
      productIds: productIds.slice(0, targetProducts),
      startDate: firstWeek,
      endDate: periodEnd,
      segment,
      goals: { shelvingRate: 0.6, sellThroughRate: 0.4, stockToSales: { min: 0.5, max: 1.5 } },
      actions: [],
      ownerId: manager.id,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: brandProgrammes.id });
  programmeId = programme.id;
}

// Products, cycles, orders and lines, and the roll-up, each one INSERT … SELECT.
async function writeHistory(tenant: number): Promise<number[]> {
  const codes = Array.from({ length: productCount }, (_, index) => `BK${String(index + 1).padStart(3, '0')}`);
  const inserted = rowsOf<{ id: number; code: string }>(
    await db.execute(sql`
      INSERT INTO products (tenant_id, code, brand, name, price_class, wholesale_price_fen, retail_price_fen)
      SELECT ${tenant}, code, CASE WHEN n <= ${targetProducts} THEN '七匹狼' ELSE '品牌' || n END,
        CASE WHEN n <= ${targetProducts} THEN '七匹狼(通系列' || n || ')' ELSE '卷烟' || n END,
        1 + n % 5, 8000 + n * 700, 9000 + n * 800
      FROM unnest(${arrayLiteral(codes)}::text[]) WITH ORDINALITY AS p(code, n)
      RETURNING id, code`),
  );
  const ids = codes.map((code) => Number(inserted.find((row) => row.code === code)?.id));
  const products = sql`${arrayLiteral(ids)}::int[]`;
  await db.execute(sql`
    INSERT INTO order_cycles (tenant_id, code, week_start, opens_at, closes_at, order_day_only, daily_cutoff, status, created_at, published_at)
    SELECT ${tenant}, 'BK' || w, ${firstWeek}::date + 7 * w, TIMESTAMPTZ '2026-08-24 08:00+08' + 7 * w * interval '1 day',
      TIMESTAMPTZ '2026-08-28 17:00+08' + 7 * w * interval '1 day', true, '17:00', 'closed', ${now}, ${now}
    FROM generate_series(0, ${weeks - 1}) AS w`);
  await db.execute(sql`
    INSERT INTO cycle_products (tenant_id, cycle_id, product_id, position, supply, strategy)
    SELECT ${tenant}, k.id, p.id, p.n - 1, NULL, '{"base":{"kind":"unlimited"}}'::jsonb
    FROM order_cycles k CROSS JOIN unnest(${products}) WITH ORDINALITY AS p(id, n)
    WHERE k.tenant_id = ${tenant} AND k.code LIKE 'BK%'`);
  // A store-week orders when its hash is below 96; line k of an order is product position
  // (c·7 + w·3 + k·7) mod 20 — distinct for k < 20 — of (c·31 + w·17 + k) mod 5 + 1 cartons, at
  // the position's price 8000 + (position + 1) × 700 fen; the order's totals are summed from the
  // same formulas as it is inserted (an UPDATE of 3 M orders afterwards takes minutes).
  const lastLine = (store: string, cycle: string) =>
    sql.raw(`CASE WHEN (${store} * 17 + ${cycle} * 5) % 10 < 2 THEN 2 ELSE 1 END`);
  let started = performance.now();
  await db.execute(sql`
    INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_at, updated_at)
    SELECT c.tenant_id, k.id, c.id, CASE WHEN (c.id * 31 + k.id) % 10 < 8 THEN 'online' ELSE 'phone' END, 'submitted',
      t.total, t.qty, k.opens_at + interval '2 hours', k.opens_at + interval '2 hours'
    FROM customers c CROSS JOIN order_cycles k
    CROSS JOIN LATERAL (
      SELECT sum(x.qty)::int AS qty, sum(x.qty * (8000 + (x.position + 1) * 700))::bigint AS total
      FROM (
        SELECT 1 + (c.id * 31 + k.id * 17 + line) % 5 AS qty, (c.id * 7 + k.id * 3 + line * 7) % ${productCount} AS position
        FROM generate_series(0, ${lastLine('c.id', 'k.id')}) AS line) x) t
    WHERE c.tenant_id = ${tenant} AND k.tenant_id = ${tenant} AND k.code LIKE 'BK%'
      AND c.status = 'active' AND (c.id * 13 + k.id * 7) % 100 < 96`);
  console.log(`  orders in ${elapsed(started)}`);
  started = performance.now();
  await db.execute(sql`
    INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
    SELECT x.tenant_id, x.id, p.id, 1 + (x.store * 31 + x.cycle * 17 + x.line) % 5, p.wholesale_price_fen
    FROM (
      SELECT o.tenant_id, o.id, o.customer_id AS store, o.cycle_id AS cycle, line
      FROM orders o
      CROSS JOIN LATERAL generate_series(0, ${lastLine('o.customer_id', 'o.cycle_id')}) AS line
      WHERE o.tenant_id = ${tenant}) x
    JOIN products p ON p.tenant_id = x.tenant_id
      AND p.id = (${products})[1 + (x.store * 7 + x.cycle * 3 + x.line * 7) % ${productCount}]`);
  console.log(`  order lines in ${elapsed(started)}`);
  started = performance.now();
  await db.execute(sql`
    INSERT INTO store_product_weeks (tenant_id, product_id, cycle_id, customer_id, week_start, ordered, quota)
    SELECT o.tenant_id, l.product_id, o.cycle_id, o.customer_id, k.week_start, sum(l.qty)::int,
      CASE WHEN cp.position % 4 = 3 THEN -1 ELSE sum(l.qty)::int + (o.customer_id + o.cycle_id) % 3 END
    FROM orders o
    JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
    JOIN order_cycles k ON k.tenant_id = o.tenant_id AND k.id = o.cycle_id
    JOIN cycle_products cp ON cp.tenant_id = o.tenant_id AND cp.cycle_id = o.cycle_id AND cp.product_id = l.product_id
    WHERE o.tenant_id = ${tenant} AND o.status = 'submitted'
    GROUP BY o.tenant_id, l.product_id, o.cycle_id, o.customer_id, k.week_start, cp.position`);
  console.log(`  store_product_weeks in ${elapsed(started)}`);
  started = performance.now();
  await db.execute(
    sql`VACUUM (ANALYZE) customers, products, order_cycles, cycle_products, orders, order_lines, store_product_weeks`,
  );
  console.log(`  vacuum analyze in ${elapsed(started)}`);
  return ids;
}

// ---- what is timed is right ----
const orderLines = await numberOf(sql`SELECT count(*)::int AS n FROM order_lines WHERE tenant_id = ${tenantId}`);
const rollUpRows = await numberOf(
  sql`SELECT count(*)::int AS n FROM store_product_weeks WHERE tenant_id = ${tenantId}`,
);
const rollUpMismatches = await numberOf(sql`
  SELECT count(*)::int AS n FROM (
    SELECT l.product_id, o.cycle_id, o.customer_id, sum(l.qty)::int AS ordered
    FROM orders o JOIN order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
    WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted'
    GROUP BY l.product_id, o.cycle_id, o.customer_id) lines
  FULL JOIN (SELECT product_id, cycle_id, customer_id, ordered FROM store_product_weeks WHERE tenant_id = ${tenantId}) w
    USING (product_id, cycle_id, customer_id)
  WHERE lines.ordered IS DISTINCT FROM w.ordered`);
if (rollUpMismatches > 0) problems.push(`${rollUpMismatches} store_product_weeks rows differ from the order lines`);
const totalMismatches = await numberOf(sql`
  SELECT count(*)::int AS n FROM orders o
  JOIN (SELECT order_id, sum(qty)::int AS qty, sum(qty::bigint * unit_price_fen)::bigint AS total
        FROM order_lines WHERE tenant_id = ${tenantId} GROUP BY order_id) l ON l.order_id = o.id
  WHERE o.tenant_id = ${tenantId} AND (o.quantity <> l.qty OR o.total_fen <> l.total)`);
if (totalMismatches > 0) problems.push(`${totalMismatches} orders whose totals differ from their lines`);
const targetStores = await countStoresInSegment(db, tenantId, segment, { onDate: '2026-11-23' });
console.log(
  `${orderLines.toLocaleString('en')} order lines, ${rollUpRows.toLocaleString('en')} roll-up rows, ${targetStores.toLocaleString('en')} target stores`,
);

// ---- timing: baseline, by branch, by week, alternated round by round ----
const baselineMs: number[] = [];
const byBranchMs: number[] = [];
const byWeekMs: number[] = [];
const loads: number[] = [];
let branchRows = 0;
let weekRows = 0;
// Warm-up: one of each (plans, caches), not recorded.
await db.execute(sql`SELECT count(*) FROM order_lines`);
// ─── HOOK: the brand module's KPI function (server/src/modules/brand/index.ts, brandKpis). ───
// The figures timed are what GET /api/v1/brand-programmes/:id/kpis?groupBy=branch|week answers
// for the whole city (no data scope), labels in Chinese. Change only this if its signature changes.
const kpis = (groupBy: 'branch' | 'week') =>
  brandKpis(db, tenantId, programmeId, groupBy, undefined, { now, locale: 'zh-CN' });
// ──────────────────────────────────────────────────────────────────────────────────────────────
// 培育汇总: the 13 closed cycles are folded into the programme's per-store facts, as the brand
// module's job does within 10 minutes of a cycle closing (brand-facts.ts). The figures before the
// fold (read from the roll-up alone) must equal those after it.
await db.execute(sql`DELETE FROM brand_fact_folds WHERE programme_id = ${programmeId}`);
const unfolded = { branch: await kpis('branch'), week: await kpis('week') };
const foldStarted = performance.now();
const foldOutcome = await foldAllProgrammes({ db, now: () => now });
const foldSeconds = round((performance.now() - foldStarted) / 1000, 1);
// What autovacuum does soon after: statistics and the visibility map for index-only reads.
await db.execute(sql`VACUUM ANALYZE brand_store_facts, brand_store_week_facts`);
console.log(
  `folded ${foldOutcome.weeks} weeks of ${foldOutcome.stores.toLocaleString('en')} stores in ${foldSeconds} s`,
);
const sameAsUnfolded = async () => {
  if (JSON.stringify(await kpis('branch')) !== JSON.stringify(unfolded.branch))
    problems.push('the KPIs by branch differ once folded');
  if (JSON.stringify(await kpis('week')) !== JSON.stringify(unfolded.week))
    problems.push('the KPIs by week differ once folded');
};
await sameAsUnfolded();
for (let run = 0; run < runs; run += 1) {
  loads.push(loadavg()[0]);
  baselineMs.push((await timed(() => db.execute(sql`SELECT count(*) FROM order_lines`))).ms);
  const branch = await timed(() => kpis('branch'));
  const week = await timed(() => kpis('week'));
  byBranchMs.push(branch.ms);
  byWeekMs.push(week.ms);
  branchRows = branch.value.length;
  weekRows = week.value.length;
  const counted = branch.value.reduce((sum, row) => sum + Number(row.targetStores), 0);
  if (counted !== targetStores) {
    problems.push(`run ${run + 1}: the branches count ${counted} target stores, the segment holds ${targetStores}`);
  }
  if (week.value.length !== weeks)
    problems.push(`run ${run + 1}: ${week.value.length} weeks of KPIs, expected ${weeks}`);
  console.log(
    `run ${run + 1}: count(*) ${Math.round(baselineMs[run])} ms; by branch ${Math.round(branch.ms)} ms (${branchRows} rows); by week ${Math.round(week.ms)} ms (${weekRows} rows)`,
  );
}
await closeProvinceDatabase(database, url, values);

// ---- results ----
const environment = describeEnvironment();
const ms = (values_: number[]) => round(median(values_), 1);
const result = {
  benchmark,
  database: 'postgres',
  stores: storeCount,
  weeks,
  orderLines,
  storeProductWeeks: rollUpRows,
  targetStores,
  runs,
  reusedDatabase: values.reuse, // setup seconds are 0 then: the data set was built by an earlier run
  setup: { ...setup, foldSeconds },
  baselineMsMedian: ms(baselineMs),
  byBranchMsMedian: ms(byBranchMs),
  byWeekMsMedian: ms(byWeekMs),
  byBranchToBaseline: round(median(byBranchMs) / median(baselineMs), 2),
  byWeekToBaseline: round(median(byWeekMs) / median(baselineMs), 2),
  baselineMs: baselineMs.map(Math.round),
  byBranchMs: byBranchMs.map(Math.round),
  byWeekMs: byWeekMs.map(Math.round),
  branchRows,
  weekRows,
  targetsMs: targets,
  met: { branch: median(byBranchMs) <= targets.branch, week: median(byWeekMs) <= targets.week },
  problems,
  medianLoad: round(median(loads), 2),
  environment,
};
const markdown = `# Brand KPIs — postgres, ${storeCount.toLocaleString('en')} stores × ${weeks} weeks

${runsLine(environment, runs, result.medianLoad)}

${orderLines.toLocaleString('en')} order lines; ${rollUpRows.toLocaleString('en')} store_product_weeks rows; one programme of ${targetProducts} products over every active store (${targetStores.toLocaleString('en')}). Its ${weeks} closed weeks folded into 培育汇总 (brand_store_facts) in ${foldSeconds} s before timing; the figures folded equal those read from the roll-up alone.

| query | median ms | runs (ms) | × baseline | target |
| --- | ---: | --- | ---: | --- |
| baseline: \`SELECT count(*) FROM order_lines\` | ${result.baselineMsMedian} | ${result.baselineMs.join(', ')} | 1 | |
| brandKpis by branch (${branchRows} rows) | ${result.byBranchMsMedian} | ${result.byBranchMs.join(', ')} | ${result.byBranchToBaseline} | ≤ ${targets.branch} ms — ${result.met.branch ? 'met' : 'NOT met'} |
| brandKpis by week (${weekRows} rows) | ${result.byWeekMsMedian} | ${result.byWeekMs.join(', ')} | ${result.byWeekToBaseline} | ≤ ${targets.week} ms — ${result.met.week ? 'met' : 'NOT met'} |
${checkedParagraph(
  problems,
  'Checked: the roll-up equals the order lines; the folded figures equal the unfolded; every run, the branches count every target store once and there is a row per week.',
)}`;
reportResults({
  benchmark,
  storeCount,
  out: values.out,
  result,
  markdown,
  missedTargets:
    !result.met.branch || !result.met.week
      ? `target missed: by branch ${result.byBranchMsMedian} ms, by week ${result.byWeekMsMedian} ms`
      : null,
});
