// 价格监管 at province scale (issue 20), on PostgreSQL: 250,000 stores, a year of price observations
// (~5 M: visits' and inspectors'), 13 ended weekly cycles of orders (~6.5 M store_product_weeks rows)
// and the running week's cycle half ordered. Targets (medians of --runs):
//   · this week's price index of every product, grouped by branch     ≤ 500 ms
//   · the city's year-to-date retail margin (with last year's)          ≤ 1 s
//   · the weekly warning evaluation, every product and region            ≤ 5 s
// each beside the same run's baseline, `SELECT count(*)` of the observations.
//
//   npx node bench/prices.ts                        250,000 stores (once: it takes the machine a while)
//   npx node bench/prices.ts --stores 5000          1/50 scale, to try it out
//   npx node bench/prices.ts --keep  /  --reuse     keep the database (kewo_bench_prices) / time a kept one again
//
// The data set is synthetic SQL (INSERT … SELECT, no row-by-row inserts): the demo city's org, managers
// and stores (seedDemoCity, supply: false); 20 products ('PB001'…, wholesale ≈ 89 % of the suggested
// retail price); 13 closed weekly cycles and the running week's (published) with their
// store_product_weeks rows written directly (what the order writers leave; the margin and the index's
// weights read only the roll-up, not the order lines): ~96 % of store-weeks order 2 products (3 for
// one in 5) of 1–5 cartons — half the stores so far in the running week; 52 weeks of visits, each
// store about every 10 weeks (the checklist's pricesMarked false for one in 9), each visit observing
// 3 products at 96–104 % of the suggested pack price; and inspectors' market checks in
// price_reports (one store in 40 a week, 3 products each, flagged ones included). The margin's
// roll-up (price_margin_weeks and price_margin_groups) is stored for the 13 ended weeks and the
// running week as the refresh job does, and with it the index's weights (price_weight_groups: cartons
// per week, product and group of stores) — timed; the ended weeks are checked against the same
// figures computed live, and the weights against store_product_weeks read live.
//
// Exits 2 when a check fails, 1 when a median misses its target. Writes bench/results/prices.{json,md}
// (prices-<stores>.* at another scale).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../server/src/db/array-literal.ts';
import { seedDemoCity } from '../server/src/demo/seed-demo-city.ts';
import {
  evaluateWarningsIn,
  marginFigures,
  priceIndexRows,
  refreshMarginsOf,
} from '../server/src/modules/prices/index.ts';
import { weightCells } from '../server/src/modules/prices/prices.repository.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import type { DataScope } from '../server/src/platform/access/data-scope.ts';
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
  timed,
} from './lib/province.ts';

const benchmark = 'prices';
const { values } = parseArgs({
  options: {
    ...provinceOptions('kewo_bench_prices'),
    'target-index': { type: 'string', default: '500' },
    'target-margin': { type: 'string', default: '1000' },
    'target-warnings': { type: 'string', default: '5000' },
  },
});
exitOnHelpOrPglite(
  values,
  benchmark,
  `Usage: npx node bench/${benchmark}.ts [--stores N] [--runs N] [--keep] [--reuse] [--database-url URL]
  [--target-index MS] [--target-margin MS] [--target-warnings MS] [--out DIR]   (PostgreSQL only, a kewo_bench… database)`,
  "a province's 5 M observations",
);
const { storeCount, runs, url } = scaleOf(values);
const targets = {
  index: Number(values['target-index']),
  margin: Number(values['target-margin']),
  warnings: Number(values['target-warnings']),
};
if (!(storeCount >= 100 && runs >= 1 && targets.index > 0 && targets.margin > 0 && targets.warnings > 0)) {
  console.error('expected --stores ≥ 100, --runs ≥ 1 and positive targets');
  process.exit(2);
}

// 13 ended weekly cycles, Monday 2026-08-24 to Sunday 2026-11-22, and the running week of
// 2026-11-23 (its cycle published); `now` is Wednesday of the running week. Visits and market checks
// cover the 52 weeks up to now.
const weeks = 13;
const firstWeek = '2026-08-24';
const runningWeek = '2026-11-23';
const lastEndedWeek = '2026-11-16';
const observationWeeks = 52;
const now = new Date('2026-11-25T06:00:00Z');
const productCount = 20;

const { database, db, numberOf } = await openProvinceDatabase(url, values);
const problems: string[] = [];
const setup: Record<string, number> = {};
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  setup[name] = round((performance.now() - started) / 1000, 1);
  console.log(`  ${name} in ${elapsed(started)}`);
  return value;
}

await database.migrate();
let tenantId: number;
if (values.reuse) {
  const [found] = rowsOf<{ tenant: number }>(
    await db.execute(sql`SELECT tenant_id AS tenant FROM products WHERE code = 'PB001' LIMIT 1`),
  );
  if (!found) throw new Error(`no kept ${benchmark} database at ${url}: run once with --keep`);
  tenantId = Number(found.tenant);
} else {
  const city = await step('seed', () => seedDemoCity(db, now, { customers: storeCount, supply: false }));
  tenantId = city.tenantId;
  await writeOrders(tenantId);
  await writeVisits(tenantId);
}
// What needs the prices module's tables (migration 0021), so a database kept from before it was
// there is completed on --reuse.
if ((await numberOf(sql`SELECT count(*)::int AS n FROM price_reports WHERE tenant_id = ${tenantId}`)) === 0)
  await writeReports(tenantId);
if ((await numberOf(sql`SELECT count(*)::int AS n FROM price_margin_groups WHERE tenant_id = ${tenantId}`)) === 0) {
  const done = await step('margin roll-up refresh (13 ended weeks + the running one)', () =>
    refreshMarginsOf(db, tenantId, now, { all: true }),
  );
  setup.refreshWeeks = done.weeks;
  setup.refreshStoreWeeks = done.storeWeeks;
  setup.refreshSecondsPerWeek = round(
    setup['margin roll-up refresh (13 ended weeks + the running one)'] / done.weeks,
    2,
  );
  await db.execute(sql`VACUUM (ANALYZE) price_margin_weeks, price_margin_groups, price_margin_refreshes`);
}
// The index's weights (price_weight_groups) are written with the margin's roll-up — or, in a database
// kept from before they were, by their migration's backfill: fresh statistics either way.
await db.execute(sql`ANALYZE price_weight_groups`);

async function writeOrders(tenant: number) {
  const codes = Array.from({ length: productCount }, (_, index) => `PB${String(index + 1).padStart(3, '0')}`);
  // Suggested retail 100–480 yuan a carton; wholesale 89 % of it, rounded to the yuan.
  await db.execute(sql`
    INSERT INTO products (tenant_id, code, brand, name, price_class, wholesale_price_fen, retail_price_fen)
    SELECT ${tenant}, code, '品牌' || (1 + (n - 1) / 4), '卷烟' || n, 1 + (n - 1) / 4,
      round((10000 + n * 2000) * 0.89 / 100) * 100, 10000 + n * 2000
    FROM unnest(${arrayLiteral(codes)}::text[]) WITH ORDINALITY AS p(code, n)`);
  await db.execute(sql`
    INSERT INTO order_cycles (tenant_id, code, week_start, opens_at, closes_at, order_day_only, daily_cutoff, status, created_at, published_at)
    SELECT ${tenant}, 'PB' || w, ${firstWeek}::date + 7 * w, TIMESTAMPTZ '2026-08-24 08:00+08' + 7 * w * interval '1 day',
      TIMESTAMPTZ '2026-08-28 17:00+08' + 7 * w * interval '1 day', true, '17:00',
      CASE WHEN w < ${weeks} THEN 'closed' ELSE 'published' END, ${now}, ${now}
    FROM generate_series(0, ${weeks}) AS w`);
  await db.execute(sql`
    INSERT INTO cycle_products (tenant_id, cycle_id, product_id, position, supply, strategy)
    SELECT ${tenant}, k.id, p.id, p.n - 1, NULL, '{"base":{"kind":"unlimited"}}'::jsonb
    FROM order_cycles k
    CROSS JOIN (SELECT id, row_number() OVER (ORDER BY code) AS n FROM products WHERE tenant_id = ${tenant} AND code LIKE 'PB%') p
    WHERE k.tenant_id = ${tenant} AND k.code LIKE 'PB%'`);
  // A store-week orders when its hash is below 96 (the running week: below 50); its k-th product is
  // position (c·7 + w·3 + k·7) mod 20 — distinct for k < 20 — of (c·31 + w·17 + k) mod 5 + 1 cartons.
  await step('store_product_weeks', () =>
    db.execute(sql`
      INSERT INTO store_product_weeks (tenant_id, product_id, cycle_id, customer_id, week_start, ordered, quota)
      SELECT c.tenant_id, cp.product_id, k.id, c.id, k.week_start, 1 + (c.id * 31 + k.id * 17 + line) % 5, -1
      FROM customers c CROSS JOIN order_cycles k
      CROSS JOIN LATERAL generate_series(0, CASE WHEN (c.id * 17 + k.id * 5) % 10 < 2 THEN 2 ELSE 1 END) AS line
      JOIN cycle_products cp ON cp.tenant_id = k.tenant_id AND cp.cycle_id = k.id
        AND cp.position = (c.id * 7 + k.id * 3 + line * 7) % ${productCount}
      WHERE c.tenant_id = ${tenant} AND k.tenant_id = ${tenant} AND k.code LIKE 'PB%' AND c.status = 'active'
        AND (c.id * 13 + k.id * 7) % 100 < CASE WHEN k.status = 'closed' THEN 96 ELSE 50 END`),
  );
}

async function writeVisits(tenant: number) {
  // Each store about once in 10 weeks, on a weekday of the week; prices not clearly marked in one
  // visit of 9.
  await step('visits', () =>
    db.execute(sql`
      INSERT INTO visits (tenant_id, customer_id, manager_id, org_path, check_in_at, check_out_at, checklist, image_score, submitted_at)
      SELECT c.tenant_id, c.id, c.manager_id, c.org_path, t.at, t.at + interval '20 minutes',
        jsonb_build_object('displayStandard', true, 'pricesMarked', (c.id + w) % 9 <> 0, 'targetBrandsOnShelf', true, 'issues', ''),
        80, t.at + interval '25 minutes'
      FROM customers c CROSS JOIN generate_series(0, ${observationWeeks - 1}) AS w
      CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2025-11-24 09:00+08' + (7 * w + c.id % 5) * interval '1 day'
        + (c.id % 7) * interval '1 hour' AS at) t
      WHERE c.tenant_id = ${tenant} AND (c.id * 7 + w * 13) % 10 = 0 AND t.at < ${now}`),
  );
  // 3 products a visit, at 96–104 % of the suggested pack price (to the jiao).
  await step('visit_price_observations', () =>
    db.execute(sql`
      INSERT INTO visit_price_observations (tenant_id, visit_id, product_id, customer_id, observed_at, pack_price_fen)
      SELECT v.tenant_id, v.id, p.id, v.customer_id, v.check_in_at,
        round(p.retail_price_fen / 10.0 * (0.96 + ((v.id * 7 + k) % 9) / 100.0) / 10) * 10
      FROM visits v CROSS JOIN generate_series(0, 2) AS k
      JOIN (SELECT id, retail_price_fen, row_number() OVER (ORDER BY code) - 1 AS position
            FROM products WHERE tenant_id = ${tenant} AND code LIKE 'PB%') p ON p.position = (v.id * 3 + k * 5) % ${productCount}
      WHERE v.tenant_id = ${tenant}`),
  );
  await step('vacuum analyze', () =>
    db.execute(
      sql`VACUUM (ANALYZE) customers, products, order_cycles, cycle_products, store_product_weeks, visits, visit_price_observations`,
    ),
  );
}

async function writeReports(tenant: number) {
  // Inspectors' market checks: one store in 40 a week, 3 products, at 94–103 %; one in 50 flagged.
  await step('price_reports', () =>
    db.execute(sql`
      INSERT INTO price_reports (tenant_id, source, product_id, customer_id, district_code, branch_id, org_path,
        pack_price_fen, observed_at, reported_by, flagged, flag_reason, created_at)
      SELECT c.tenant_id, 'inspection', p.id, c.id, c.district_code, c.branch_id, c.org_path,
        round(p.retail_price_fen / 10.0 * (0.94 + ((c.id * 3 + w + k) % 10) / 100.0) / 10) * 10, t.at,
        (SELECT id FROM users WHERE tenant_id = ${tenant} AND role = 'inspector' ORDER BY id LIMIT 1),
        (c.id + w + k) % 50 = 0, CASE WHEN (c.id + w + k) % 50 = 0 THEN 'implausible' END, t.at
      FROM customers c CROSS JOIN generate_series(0, ${observationWeeks - 1}) AS w
      CROSS JOIN generate_series(0, 2) AS k
      CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2025-11-24 14:00+08' + (7 * w + (c.id + 2) % 5) * interval '1 day' AS at) t
      JOIN (SELECT id, retail_price_fen, row_number() OVER (ORDER BY code) - 1 AS position
            FROM products WHERE tenant_id = ${tenant} AND code LIKE 'PB%') p ON p.position = (c.id * 11 + w + k * 7) % ${productCount}
      WHERE c.tenant_id = ${tenant} AND (c.id * 3 + w * 11) % 40 = 0 AND t.at < ${now}`),
  );
  await db.execute(sql`VACUUM (ANALYZE) price_reports`);
}

// ---- what is timed is right ----
const visitObservations = await numberOf(
  sql`SELECT count(*)::int AS n FROM visit_price_observations WHERE tenant_id = ${tenantId}`,
);
const reports = await numberOf(sql`SELECT count(*)::int AS n FROM price_reports WHERE tenant_id = ${tenantId}`);
const rollUpRows = await numberOf(
  sql`SELECT count(*)::int AS n FROM store_product_weeks WHERE tenant_id = ${tenantId}`,
);
const marginRows = await numberOf(sql`SELECT count(*)::int AS n FROM price_margin_weeks WHERE tenant_id = ${tenantId}`);
const weightRows = await numberOf(
  sql`SELECT count(*)::int AS n FROM price_weight_groups WHERE tenant_id = ${tenantId}`,
);
console.log(
  `${visitObservations.toLocaleString('en')} visit observations + ${reports.toLocaleString('en')} reports; ${rollUpRows.toLocaleString('en')} store_product_weeks rows; ${marginRows.toLocaleString('en')} price_margin_weeks rows; ${weightRows.toLocaleString('en')} price_weight_groups rows`,
);
const city: DataScope = { kind: 'org', orgUnitId: 0, orgPath: '/', orgUnitName: '' };
const ytd = () => marginFigures(db, tenantId, city, { groupBy: 'none', now, locale: 'zh-CN' });
const hiddenWeights = new Map<
  'branch' | 'district' | 'format' | 'urban_rural',
  Awaited<ReturnType<typeof weightCells>>
>();
// The stored weeks equal the same weeks computed live (the roll-up is right), to the fen.
{
  const stored = await marginFigures(db, tenantId, city, {
    groupBy: 'week',
    from: firstWeek,
    to: '2026-11-22',
    now,
    locale: 'zh-CN',
  });
  await db.execute(sql`CREATE TEMP TABLE hidden AS SELECT * FROM price_margin_refreshes WHERE tenant_id = ${tenantId}`);
  await db.execute(sql`DELETE FROM price_margin_refreshes WHERE tenant_id = ${tenantId}`);
  const startedLive = performance.now();
  const live = await marginFigures(db, tenantId, city, {
    groupBy: 'week',
    from: firstWeek,
    to: '2026-11-22',
    now,
    locale: 'zh-CN',
  });
  setup.liveThirteenWeeksSeconds = round((performance.now() - startedLive) / 1000, 2);
  // The index's weights (price_weight_groups, stored with the margin) equal the same weeks read
  // live from store_product_weeks, for every grouping the index and the warnings use.
  for (const grouping of ['branch', 'district', 'format', 'urban_rural'] as const) {
    const params = { tenantId, monday: runningWeek, grouping, reach: 'tenant' as const };
    const startedWeights = performance.now();
    const liveWeights = await weightCells(db, params);
    if (grouping === 'branch') setup.liveWeightsByBranchSeconds = round((performance.now() - startedWeights) / 1000, 2);
    hiddenWeights.set(grouping, liveWeights);
  }
  await db.execute(sql`INSERT INTO price_margin_refreshes SELECT * FROM hidden`);
  await db.execute(sql`DROP TABLE hidden`);
  if (stored.storedWeeks !== weeks || live.storedWeeks !== 0)
    problems.push(`stored weeks ${stored.storedWeeks} (expected ${weeks}), live read ${live.storedWeeks} stored`);
  if (stored.rows.length !== weeks) problems.push(`${stored.rows.length} weeks of margin, expected ${weeks}`);
  for (const [grouping, liveWeights] of hiddenWeights) {
    const storedWeights = await weightCells(db, { tenantId, monday: runningWeek, grouping, reach: 'tenant' });
    const text = (cells: typeof liveWeights) =>
      JSON.stringify(cells.map((cell) => `${cell.key}|${cell.productId}|${cell.cartons}`).sort());
    if (storedWeights.length === 0 || text(storedWeights) !== text(liveWeights))
      problems.push(
        `the index's weights by ${grouping}: stored ${storedWeights.length} cells ≠ live ${liveWeights.length}`,
      );
  }
  for (const row of stored.rows) {
    const other = live.rows.find((candidate) => candidate.key === row.key);
    if (!other || Math.abs(other.retailAmount - row.retailAmount) > 0.05 || other.cartons !== row.cartons)
      problems.push(`week ${row.key}: stored ${row.retailAmount} yuan, live ${other?.retailAmount}`);
  }
}

// ---- timing ----
const baseline = () =>
  db.execute(sql`SELECT (SELECT count(*) FROM visit_price_observations) + (SELECT count(*) FROM price_reports)`);
// ─── HOOKS: the prices module's index and warning evaluation (prices/index.ts). ───
// The index: what GET /api/v1/prices/index?groupBy=branch answers city-wide for this week, every
// product. The evaluation: the weekly job's work for the week that just ended, every product and
// region, in a transaction rolled back afterwards (each run does the same work).
const priceIndex: (() => Promise<unknown[]>) | undefined = () =>
  priceIndexRows(db, {
    tenantId,
    reach: 'tenant',
    monday: runningWeek,
    groupBy: 'branch',
    filter: {},
    locale: 'zh-CN',
  });
const rolledBack = new Error('rolled back');
const evaluateWarnings: (() => Promise<unknown>) | undefined = () =>
  db
    .transaction(async (tx) => {
      await evaluateWarningsIn(tx, systemActor(tenantId), lastEndedWeek, now);
      throw rolledBack;
    })
    .catch((error) => {
      if (error !== rolledBack) throw error;
    });
// ─────────────────────────────────────────────────────────────────────────────────
const baselineMs: number[] = [];
const indexMs: number[] = [];
const marginMs: number[] = [];
const warningsMs: number[] = [];
const loads: number[] = [];
let ytdMargin: number | null = null;
let ytdStoredWeeks = 0;
let ytdLiveWeeks = 0;
let indexRows = 0;
await baseline();
await ytd();
for (let run = 0; run < runs; run += 1) {
  loads.push(loadavg()[0]);
  baselineMs.push((await timed(baseline)).ms);
  const margin = await timed(ytd);
  marginMs.push(margin.ms);
  ytdMargin = margin.value.total.margin;
  ytdStoredWeeks = margin.value.storedWeeks;
  ytdLiveWeeks = margin.value.liveWeeks;
  let line = `run ${run + 1}: count(*) ${Math.round(baselineMs[run])} ms; city YTD margin ${Math.round(margin.ms)} ms (${ytdMargin?.toFixed(4)})`;
  if (priceIndex) {
    const index = await timed(priceIndex);
    indexMs.push(index.ms);
    indexRows = index.value.length;
    line += `; index by branch ${Math.round(index.ms)} ms (${indexRows} rows)`;
  }
  if (evaluateWarnings) {
    const warnings = await timed(evaluateWarnings);
    warningsMs.push(warnings.ms);
    line += `; warnings ${Math.round(warnings.ms)} ms`;
  }
  console.log(line);
}
await closeProvinceDatabase(database, url, values);

// ---- results ----
const environment = describeEnvironment();
const ms = (values_: number[]) => (values_.length > 0 ? round(median(values_), 1) : null);
const result = {
  benchmark,
  database: 'postgres',
  stores: storeCount,
  weeks,
  visitObservations,
  reports,
  observations: visitObservations + reports,
  storeProductWeeks: rollUpRows,
  priceMarginWeeks: marginRows,
  priceWeightGroups: weightRows,
  runs,
  reusedDatabase: values.reuse,
  setup,
  baselineMsMedian: ms(baselineMs),
  indexMsMedian: ms(indexMs),
  marginMsMedian: ms(marginMs),
  warningsMsMedian: ms(warningsMs),
  baselineMs: baselineMs.map(Math.round),
  indexMs: indexMs.map(Math.round),
  marginMs: marginMs.map(Math.round),
  warningsMs: warningsMs.map(Math.round),
  ytdMargin,
  ytdStoredWeeks,
  ytdLiveWeeks,
  indexRows,
  targetsMs: targets,
  met: {
    index: indexMs.length > 0 ? median(indexMs) <= targets.index : null,
    margin: median(marginMs) <= targets.margin,
    warnings: warningsMs.length > 0 ? median(warningsMs) <= targets.warnings : null,
  },
  problems,
  medianLoad: round(median(loads), 2),
  environment,
};
const vs = (value: number | null) =>
  value === null || result.baselineMsMedian === null ? '' : round(value / result.baselineMsMedian, 2);
const verdict = (met: boolean | null) => (met === null ? 'not timed' : met ? 'met' : 'NOT met');
const markdown = `# Prices (价格监管) — postgres, ${storeCount.toLocaleString('en')} stores

${runsLine(environment, runs, result.medianLoad)}

${result.observations.toLocaleString('en')} observations (${visitObservations.toLocaleString('en')} from visits, ${reports.toLocaleString('en')} reports) over 52 weeks; ${rollUpRows.toLocaleString('en')} store_product_weeks rows (13 ended weeks and the running week); ${marginRows.toLocaleString('en')} price_margin_weeks rows; ${weightRows.toLocaleString('en')} price_weight_groups rows (the index's weights).

| query | median ms | runs (ms) | × baseline | target |
| --- | ---: | --- | ---: | --- |
| baseline: \`SELECT count(*)\` of the observations | ${result.baselineMsMedian} | ${result.baselineMs.join(', ')} | 1 | |
| this week's index, every product by branch (${indexRows} rows) | ${result.indexMsMedian ?? '—'} | ${result.indexMs.join(', ')} | ${vs(result.indexMsMedian)} | ≤ ${targets.index} ms — ${verdict(result.met.index)} |
| city YTD margin with last year's (${ytdStoredWeeks} weeks stored, ${ytdLiveWeeks} live) | ${result.marginMsMedian} | ${result.marginMs.join(', ')} | ${vs(result.marginMsMedian)} | ≤ ${targets.margin} ms — ${verdict(result.met.margin)} |
| weekly warning evaluation | ${result.warningsMsMedian ?? '—'} | ${result.warningsMs.join(', ')} | ${vs(result.warningsMsMedian)} | ≤ ${targets.warnings} ms — ${verdict(result.met.warnings)} |

Setup (seconds): ${Object.entries(setup)
  .map(([key, value]) => `${key} ${value}`)
  .join(
    ' · ',
  )}. The 13 ended weeks computed live instead of from the roll-up: ${setup.liveThirteenWeeksSeconds ?? '—'} s.
${checkedParagraph(
  problems,
  'Checked: the roll-up’s 13 weeks equal the same weeks computed live, to 5 fen (sums in another order) and the carton; the index’s weights from price_weight_groups equal store_product_weeks read live (the 13 weeks to the running one, by branch, district, format and urban/rural), to the carton.',
)}`;
reportResults({
  benchmark,
  storeCount,
  out: values.out,
  result,
  markdown,
  missedTargets:
    result.met.margin === false || result.met.index === false || result.met.warnings === false
      ? 'a target was missed'
      : null,
});
