// 《客户服务需求年度报告》 for one city (issue 21): the .docx of a year with a needs wave and two
// satisfaction waves, each of 60,000 responses from 250,000 stores, on PostgreSQL. Target: the report
// (figures, the four charts rendered with ECharts SSR + resvg, the document) ≤ 10 s median; the
// baseline, timed in the same run, is the same document written without charts.
//
//   npx node bench/annual-report.ts                     250,000 stores, 60,000 responses a wave, 3 runs
//   npx node bench/annual-report.ts --stores 20000      1/12.5 scale (responses scale with it: 4,800)
//   npx node bench/annual-report.ts --keep / --reuse    keep the database / time a kept one again
//
// The data set is synthetic SQL (INSERT … SELECT): the demo city's org, managers and stores
// (seedDemoCity, supply: false); 12 need items (each answered by a service-menu item where the
// menu has one); a needs questionnaire and a SERVQUAL one (22 items × expectation and perception on
// 1–7, overall 1–5, NPS 0–10); three closed waves of 2026, each sent to 40 % of the active stores of
// which 60 % answered: needs (rural stores choose settlement and credit card 30 points more), and
// satisfaction in spring and autumn (the autumn's perceptions a point higher). The demo city here
// has no tickets: the complaint section is written with its empty sentence and no chart.
//
// Checked (exit 2 otherwise): the document is a zip holding word/document.xml with every section's
// heading and four (charts) or no (baseline) images. Exits 1 when the median misses the target.
// Writes bench/results/annual-report.{json,md} (annual-report-<stores>.* at another scale).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import unzipper from 'unzipper';
import type { AppContext } from '../server/src/app-context.ts';
import { openDatabase } from '../server/src/db/client.ts';
import { seedDemoCity } from '../server/src/demo/seed-demo-city.ts';
import { writeAnnualReport } from '../server/src/modules/surveys/annual-report.service.ts';
import { reportHeadings } from '../server/src/modules/surveys/annual-report.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { dropDatabase, recreateDatabase } from './lib/postgres.ts';
import { repoRoot } from './lib/server.ts';

const benchmark = 'annual-report';
const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: process.env.BENCH_STORES ?? '250000' },
    responses: { type: 'string' },
    runs: { type: 'string', default: process.env.BENCH_ROUNDS ?? '3' },
    rounds: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kewo_bench_annual_report',
    },
    target: { type: 'string', default: '10000' },
    out: { type: 'string', default: 'bench/results' },
    // Where to leave the last report written (to look at it), if anywhere.
    save: { type: 'string' },
    // Accepted for `npm run bench`, not used here.
    duration: { type: 'string' },
    connections: { type: 'string' },
    pause: { type: 'string' },
    warmup: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    db: { type: 'string' },
  },
  strict: true,
});

if (values.db === 'pglite') {
  console.log(`${benchmark}: PostgreSQL only (a province's 180,000 responses); skipped for --db pglite`);
  process.exit(0);
}
const storeCount = Number(values.stores);
const responseCount = Number(values.responses ?? Math.round((60_000 * storeCount) / 250_000));
const sentCount = Math.round(responseCount / 0.6);
const runs = Number(values.rounds ?? values.runs);
const url = values['database-url'];
const targetMs = Number(values.target);
const year = 2026;
const now = new Date('2026-12-02T02:00:00Z');
const needCodes = [
  ['brand_info', '品牌信息推送', 'brand'],
  ['new_products', '新品介绍', 'brand'],
  ['business_guidance', '经营指导', 'business'],
  ['display', '陈列指导', 'image'],
  ['store_image', '店面形象提升', 'image'],
  ['market_info', '市场信息', 'information'],
  ['settlement', '结算服务', 'convenience'],
  ['credit_card', '信用卡/贷款服务', 'convenience'],
  ['delivery', '送货时间', 'supply'],
  ['supply_balance', '货源均衡', 'supply'],
  ['training', '经营培训', 'business'],
  ['complaint', '投诉快速处理', 'information'],
] as const;
const servqual: [string, string][] = [
  ...[1, 2, 3, 4].map((k) => [`T${k}`, 'tangibles'] as [string, string]),
  ...[1, 2, 3, 4, 5].map((k) => [`R${k}`, 'reliability'] as [string, string]),
  ...[1, 2, 3, 4].map((k) => [`S${k}`, 'responsiveness'] as [string, string]),
  ...[1, 2, 3, 4].map((k) => [`A${k}`, 'assurance'] as [string, string]),
  ...[1, 2, 3, 4, 5].map((k) => [`E${k}`, 'empathy'] as [string, string]),
];

if (
  !Number.isInteger(storeCount) ||
  storeCount < 1000 ||
  !Number.isInteger(responseCount) ||
  sentCount > storeCount ||
  !(runs >= 1)
) {
  console.error('--stores ≥ 1000, --responses ≤ 60 % of them, --runs ≥ 1');
  process.exit(2);
}

if (!values.reuse) await recreateDatabase(url);
const database = await openDatabase({ url });
const db = database.db;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const setup = { seedSeconds: 0, surveySeconds: 0 };

let tenantId: number;
if (values.reuse) {
  const found = rowsOf<{ tenant: number }>(
    await db.execute(sql`SELECT tenant_id AS tenant FROM survey_waves WHERE title LIKE '2026年度%' LIMIT 1`),
  );
  if (found.length === 0) throw new Error(`no kept ${benchmark} database at ${url}: run once with --keep`);
  tenantId = Number(found[0].tenant);
} else {
  await database.migrate();
  let started = performance.now();
  const city = await seedDemoCity(db, now, { customers: storeCount, supply: false });
  tenantId = city.tenantId;
  setup.seedSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`${storeCount} stores seeded in ${elapsed(started)}`);
  started = performance.now();
  await writeSurveys(tenantId);
  setup.surveySeconds = round((performance.now() - started) / 1000, 1);
  console.log(`surveys written in ${elapsed(started)}`);
}

async function questionnaire(tenant: number, kind: string, title: string, definition: unknown) {
  return rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO survey_questionnaires (tenant_id, kind, title, version, definition, created_at, updated_at)
      VALUES (${tenant}, ${kind}, ${title}, 1, ${JSON.stringify(definition)}::jsonb, ${now}, ${now}) RETURNING id::text`),
  )[0].id;
}

// A closed wave sent to sentCount stores (hashed order), responseCount of them answering.
async function closedWave(tenant: number, questionnaireId: string, title: string, opensOn: string, closesOn: string) {
  const [{ id }] = rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO survey_waves (tenant_id, questionnaire_id, title, status, opens_on, closes_on, target, population,
        sent, created_at, opened_at, closed_at)
      VALUES (${tenant}, ${questionnaireId}::uuid, ${title}, 'closed', ${opensOn}, ${closesOn},
        '{"kind":"sample","segment":{},"marginOfError":0.004,"confidence":0.95,"seed":"bench"}'::jsonb,
        ${storeCount}, ${sentCount}, ${now}, ${now}, ${now})
      RETURNING id::text`),
  );
  await db.execute(sql`
    INSERT INTO survey_wave_stores (tenant_id, wave_id, customer_id, stratum)
    SELECT c.tenant_id, ${id}::uuid, c.id, c.branch_id || '|' || coalesce(c.class_code, 'unclassified') || '|' || c.urban_rural
    FROM customers c WHERE c.tenant_id = ${tenant} AND c.status = 'active'
    ORDER BY md5(${id} || c.id) LIMIT ${sentCount}`);
  await db.execute(sql`
    INSERT INTO survey_responses (tenant_id, wave_id, customer_id, channel, data, submitted_at)
    SELECT s.tenant_id, s.wave_id, s.customer_id, CASE WHEN s.customer_id % 5 = 0 THEN 'visit' ELSE 'portal' END,
      '{"bench":true}'::jsonb, ${closesOn}::date - (s.customer_id % 20) * interval '1 day'
    FROM survey_wave_stores s WHERE s.wave_id = ${id}::uuid
    ORDER BY md5('answered' || s.customer_id) LIMIT ${responseCount}`);
  return id;
}

async function writeSurveys(tenant: number) {
  const codes = `{${needCodes.map(([code]) => code).join(',')}}`;
  const labels = `{${needCodes.map(([, label]) => `"${label}"`).join(',')}}`;
  const areas = `{${needCodes.map(([, , area]) => area).join(',')}}`;
  // Each need answered by the menu's item of the same position, where the menu has one.
  await db.execute(sql`
    INSERT INTO survey_need_items (tenant_id, code, label_zh, label_en, area, department, service_item_id, sort, active)
    SELECT ${tenant}, x.code, x.label, x.code, x.area,
      (ARRAY['市场部','客户服务部','专卖管理','物流中心'])[1 + (x.n - 1) % 4], m.id, x.n, true
    FROM unnest(${codes}::text[], ${labels}::text[], ${areas}::text[]) WITH ORDINALITY AS x(code, label, area, n)
    LEFT JOIN (SELECT id, row_number() OVER (ORDER BY position, id) AS n FROM service_items WHERE tenant_id = ${tenant}) m
      ON m.n = x.n
    ON CONFLICT DO NOTHING`);
  const needsQ = await questionnaire(tenant, 'needs', '年度需求调查问卷', {
    pages: [
      {
        elements: [
          { type: 'checkbox', name: 'needs', kewoRole: 'needs', choices: needCodes.map(([code]) => code) },
          { type: 'ranking', name: 'urgency', kewoRole: 'urgency', choicesFromQuestion: 'needs' },
        ],
      },
    ],
  });
  const satisfactionQ = await questionnaire(tenant, 'satisfaction', '客户满意度调查问卷', {
    pages: [
      {
        elements: servqual.flatMap(([item, dimension]) =>
          ['expectation', 'perception'].map((role) => ({
            type: 'rating',
            name: `${item}_${role}`,
            title: `${dimension} 第 ${item.slice(1)} 项`,
            rateMin: 1,
            rateMax: 7,
            servqual: dimension,
            servqualItem: item,
            kewoRole: role,
          })),
        ),
      },
    ],
  });
  const needs = await closedWave(tenant, needsQ, '2026年度客户需求调查', '2026-01-05', '2026-02-28');
  let started = performance.now();
  await db.execute(sql`
    WITH choice AS (
      SELECT r.tenant_id, r.wave_id, r.id AS response_id, r.customer_id, x.code,
        abs(hashtext(r.customer_id || ':' || x.code)) % 100 AS h, x.n,
        20 + (x.n * 3) % 36 + CASE WHEN c.urban_rural = 'rural' AND x.code IN ('settlement', 'credit_card') THEN 30 ELSE 0 END AS pct
      FROM survey_responses r JOIN customers c ON c.tenant_id = r.tenant_id AND c.id = r.customer_id
      CROSS JOIN unnest(${codes}::text[]) WITH ORDINALITY AS x(code, n)
      WHERE r.wave_id = ${needs}::uuid),
    chosen AS (
      SELECT *, row_number() OVER (PARTITION BY response_id ORDER BY h, n) AS rank FROM choice WHERE h < pct),
    facts AS (
      SELECT tenant_id, wave_id, response_id, customer_id, 'need' AS kind, code AS item, 1::float8 AS value FROM chosen
      UNION ALL
      SELECT tenant_id, wave_id, response_id, customer_id, 'urgency', code, rank FROM chosen WHERE rank <= 3)
    INSERT INTO survey_answer_facts (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
    SELECT tenant_id, wave_id, response_id, customer_id, kind, item, NULL, value, NULL FROM facts`);
  console.log(`  needs facts in ${elapsed(started)}`);
  const items = `{${servqual.map(([item]) => item).join(',')}}`;
  const itemDimensions = `{${servqual.map(([, dimension]) => dimension).join(',')}}`;
  for (const [title, opensOn, closesOn, lift] of [
    ['2026年上半年客户满意度调查', '2026-05-06', '2026-05-31', 0],
    ['2026年下半年客户满意度调查', '2026-10-08', '2026-10-31', 1],
  ] as const) {
    const wave = await closedWave(tenant, satisfactionQ, title, opensOn, closesOn);
    started = performance.now();
    await db.execute(sql`
      INSERT INTO survey_answer_facts (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
      SELECT r.tenant_id, r.wave_id, r.id, r.customer_id, k.kind, q.item, q.dimension,
        CASE WHEN k.kind = 'expectation' THEN 5 + abs(hashtext(r.customer_id || 'e' || q.item)) % 3
          ELSE least(7, greatest(1, 3 + ${lift} + abs(hashtext(r.customer_id || 'p' || q.item)) % 5
            - CASE WHEN q.dimension = 'empathy' THEN 1 ELSE 0 END)) END,
        7
      FROM survey_responses r
      CROSS JOIN unnest(${items}::text[], ${itemDimensions}::text[]) AS q(item, dimension)
      CROSS JOIN (VALUES ('expectation'), ('perception')) AS k(kind)
      WHERE r.wave_id = ${wave}::uuid`);
    await db.execute(sql`
      INSERT INTO survey_answer_facts (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
      SELECT r.tenant_id, r.wave_id, r.id, r.customer_id, 'overall', '', NULL,
        least(5, 1 + ${lift} + abs(hashtext(r.customer_id || 'o')) % 5), 5
      FROM survey_responses r WHERE r.wave_id = ${wave}::uuid
      UNION ALL
      SELECT r.tenant_id, r.wave_id, r.id, r.customer_id, 'nps', '', NULL,
        least(10, ${lift} * 2 + abs(hashtext(r.customer_id || 'n')) % 11), 10
      FROM survey_responses r WHERE r.wave_id = ${wave}::uuid`);
    console.log(`  ${title} facts in ${elapsed(started)}`);
  }
  started = performance.now();
  await db.execute(sql`VACUUM (ANALYZE) survey_wave_stores, survey_responses, survey_answer_facts, customers`);
  console.log(`  vacuum analyze in ${elapsed(started)}`);
}

// ─── HOOK: what GET /surveys/annual-report?year=2026 does for a city-wide reader. ───
const context = { db, dbKind: 'postgres', now: () => now } as unknown as AppContext;
const actor = systemActor(tenantId, 'system', 'annual-report-bench');
const report = (charts: boolean) => writeAnnualReport(context, actor, year, { charts });
// ─────────────────────────────────────────────────────────────────────────────────────────────

const problems: string[] = [];
async function check(file: Buffer, images: number, label: string) {
  const zip = await unzipper.Open.buffer(file);
  const entry = zip.files.find((candidate) => candidate.path === 'word/document.xml');
  if (!entry) {
    problems.push(`${label}: no word/document.xml`);
    return;
  }
  const xml = (await entry.buffer()).toString('utf8');
  for (const heading of Object.values(reportHeadings))
    if (!xml.includes(heading)) problems.push(`${label}: heading ${heading} missing`);
  const media = zip.files.filter((candidate) => candidate.path.startsWith('word/media/')).length;
  if (media !== images) problems.push(`${label}: ${media} images, expected ${images}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const baselineMs: number[] = [];
const reportMs: number[] = [];
const loads: number[] = [];
let bytes = { report: 0, baseline: 0 };
// Warm-up: one of each (plans, caches, echarts and resvg loaded), not recorded.
await report(false);
await report(true);
for (let run = 0; run < runs; run += 1) {
  loads.push(loadavg()[0]);
  const baseline = await timed(() => report(false));
  baselineMs.push(baseline.ms);
  const full = await timed(() => report(true));
  reportMs.push(full.ms);
  await check(baseline.value.document, 0, `run ${run + 1} baseline`);
  // Needs, dimensions and the trend (no tickets here, so no complaint chart).
  await check(full.value.document, 3, `run ${run + 1} report`);
  bytes = { report: full.value.document.length, baseline: baseline.value.document.length };
  if (values.save && run === runs - 1) writeFileSync(values.save, full.value.document);
  console.log(`run ${run + 1}: without charts ${Math.round(baseline.ms)} ms; report ${Math.round(full.ms)} ms`);
}
await database.close();
if (!values.keep && !values.reuse) await dropDatabase(url);

const environment = describeEnvironment();
const ms = (values_: number[]) => round(median(values_), 1);
const result = {
  benchmark,
  database: 'postgres',
  stores: storeCount,
  sent: sentCount,
  responsesPerWave: responseCount,
  waves: 3,
  runs,
  reusedDatabase: values.reuse,
  setup,
  baselineMsMedian: ms(baselineMs),
  reportMsMedian: ms(reportMs),
  reportToBaseline: round(median(reportMs) / median(baselineMs), 2),
  baselineMs: baselineMs.map(Math.round),
  reportMs: reportMs.map(Math.round),
  bytes,
  targetMs,
  met: median(reportMs) <= targetMs,
  problems,
  medianLoad: round(median(loads), 2),
  environment,
};
const name = storeCount === 250_000 ? benchmark : `${benchmark}-${storeCount}`;
const out = isAbsolute(values.out) ? values.out : join(repoRoot, values.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(out, `${name}.md`),
  `# Annual report (客户服务需求年度报告) — postgres, ${storeCount.toLocaleString('en')} stores, ${responseCount.toLocaleString('en')} responses a wave

${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node} · ${runs} runs, medians · shared machine, load average ≈ ${result.medianLoad}

Three closed waves of ${year} (a needs wave, two SERVQUAL satisfaction waves), each sent to ${sentCount.toLocaleString('en')} stores of which ${responseCount.toLocaleString('en')} answered. The report reads every figure through the analytics (results of each wave, the needs summary by the four segmentations, the gaps), renders the charts (ECharts SSR → SVG → PNG by resvg with the npm CJK font) and writes the .docx.

| document | median ms | runs (ms) | × baseline | bytes | target |
| --- | ---: | --- | ---: | ---: | --- |
| baseline: the same document without charts | ${result.baselineMsMedian} | ${result.baselineMs.join(', ')} | 1 | ${bytes.baseline.toLocaleString('en')} | |
| the report with its charts | ${result.reportMsMedian} | ${result.reportMs.join(', ')} | ${result.reportToBaseline} | ${bytes.report.toLocaleString('en')} | ≤ ${targetMs} ms — ${result.met ? 'met' : 'NOT met'} |
${problems.length > 0 ? `\n**The run is wrong** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` : '\nChecked every run: both documents open as zips whose word/document.xml holds every section heading, with three chart images in the report and none in the baseline.\n'}`,
);
console.log(JSON.stringify({ ...result, environment: undefined }, null, 2));
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exitCode = 2;
} else if (!result.met) {
  console.error(`✗ target missed: ${result.reportMsMedian} ms`);
  process.exitCode = 1;
}
