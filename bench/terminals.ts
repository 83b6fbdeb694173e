// 终端建设 at province scale (issue 23): on PostgreSQL with 250,000 stores, 50,000 fixtures and
// 5,000 benchmark stores — the overdue-audit list ≤ 200 ms, the map's points for a city ≤ 300 ms
// and ≤ 1 MB, the booklet of 30 entries ≤ 10 s (medians of --runs), each shown against the same
// run's baseline, `SELECT count(*) FROM customers`.
//
//   npx node bench/terminals.ts                          250,000 stores, 5 runs
//   npx node bench/terminals.ts --stores 25000           1/10 scale, to try it out
//   npx node bench/terminals.ts --keep  /  --reuse       keep the database / time a kept one again (skips seeding)
//
// The data set is the demo's (no row-by-row inserts): the demo city's org, managers and stores
// (seedDemoCity, supply: false), then the terminals demo over them (demo-terminals.ts: ~2 % of the
// stores at a tier with their inspections, ~0.2 fixtures a store with their audits, two contests);
// the published contest's winners are then widened to its first 30 entries, so its booklet holds 30
// (each with its 1–3 photos, 480×360 PNG). What is timed is what the routes answer, through the
// module's own functions, for the marketing centre (city-wide, the most rows):
//   · GET /api/v1/assets?auditOverdue=true — the first page of 50 and the total (listAssets);
//   · GET /api/v1/terminals/map — every benchmark store's point and the tiers (getTierMap), its
//     size as JSON (what goes on the wire before compression);
//   · GET /api/v1/contests/:id/booklet — the .docx (writeBooklet).
//
// Checked before a figure counts (exit 2 otherwise): the overdue total equals a count of issued
// fixtures with next_audit_on before today; the map has a point for each active award of a store
// with coordinates; the booklet is a zip holding word/document.xml that names every winner's store.
// Exits 1 when a median misses its target. Writes bench/results/terminals.{json,md}
// (terminals-<stores>.* at another scale).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../server/src/app-context.ts';
import { loadConfig } from '../server/src/config.ts';
import { seedDemoTerminalsIn } from '../server/src/demo/demo-terminals.ts';
import { getTierMap, listAssets, writeBooklet } from '../server/src/modules/terminals/index.ts';
import type { Actor } from '../server/src/platform/access/actor.ts';
import { loggingOutboundGateway } from '../server/src/platform/notifications/outbound-gateway.ts';
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

const benchmark = 'terminals';
const { values } = parseArgs({
  options: {
    ...provinceOptions('kewo_bench_terminals'),
    'target-overdue': { type: 'string', default: '200' },
    'target-map': { type: 'string', default: '300' },
    'target-map-bytes': { type: 'string', default: '1000000' },
    'target-booklet': { type: 'string', default: '10000' },
  },
});
exitOnHelpOrPglite(
  values,
  benchmark,
  `Usage: npx node bench/${benchmark}.ts [--stores N] [--runs N] [--keep] [--reuse] [--database-url URL]
  [--target-overdue MS] [--target-map MS] [--target-map-bytes BYTES] [--target-booklet MS] [--out DIR]
  (PostgreSQL only: BENCH_DATABASE_URL, a kewo_bench… database)`,
  'the targets are set for a province on PostgreSQL',
);
const { storeCount, runs, url } = scaleOf(values);
const targets = {
  overdueMs: Number(values['target-overdue']),
  mapMs: Number(values['target-map']),
  mapBytes: Number(values['target-map-bytes']),
  bookletMs: Number(values['target-booklet']),
};
if (!(storeCount >= 1000 && runs >= 1 && Object.values(targets).every((target) => target > 0))) {
  console.error('expected --stores ≥ 1000, --runs ≥ 1 and positive targets');
  process.exit(2);
}

const now = new Date('2026-11-23T02:00:00Z');
const today = '2026-11-23';
const bookletEntries = 30;

const { database, db, numberOf } = await openProvinceDatabase(url, values);
const problems: string[] = [];
const setup = { seedSeconds: 0, terminalsSeconds: 0 };
if (!values.reuse) {
  await database.migrate();
  const { city, seconds } = await seedProvince(db, now, storeCount);
  setup.seedSeconds = seconds;
  const started = performance.now();
  await db.transaction((tx) => seedDemoTerminalsIn(tx, city.tenantId, now));
  await db.execute(sql`UPDATE contests SET winner_count = ${bookletEntries} WHERE status = 'published'`);
  await db.execute(
    sql`VACUUM (ANALYZE) customers, files, terminal_awards, terminal_inspections, terminal_applications, assets, asset_events, contests, contest_entries, contest_photos, contest_scores`,
  );
  setup.terminalsSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`terminals seeded in ${elapsed(started)}`);
}
const [found] = rowsOf<{ tenant: number; contest: number }>(
  await db.execute(sql`SELECT tenant_id AS tenant, id AS contest FROM contests WHERE status = 'published' LIMIT 1`),
);
if (!found) throw new Error(`no terminals data at ${url}: run once with --keep`);
const tenantId = Number(found.tenant);
const contestId = Number(found.contest);
const [marketingUser] = rowsOf<{ id: number; username: string; display_name: string; path: string; unit: number }>(
  await db.execute(sql`
    SELECT u.id, u.username, u.display_name, o.path, o.id AS unit FROM users u
    JOIN org_units o ON o.tenant_id = u.tenant_id AND o.parent_id IS NULL
    WHERE u.tenant_id = ${tenantId} AND u.role = 'marketing' ORDER BY u.id LIMIT 1`),
);
const actor: Actor = {
  userId: Number(marketingUser.id),
  tenantId,
  username: marketingUser.username,
  displayName: marketingUser.display_name,
  role: 'marketing',
  scope: { kind: 'org', orgUnitId: Number(marketingUser.unit), orgPath: marketingUser.path, orgUnitName: '' },
  sessionId: '',
  ip: 'local',
  requestId: benchmark,
};
const context = {
  db,
  dbKind: 'postgres',
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  now: () => now,
  outbound: loggingOutboundGateway({ silent: true }),
} satisfies AppContext;

// ---- the data set ----
const stores = await numberOf(sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId}`);
const fixtures = await numberOf(sql`SELECT count(*)::int AS n FROM assets WHERE tenant_id = ${tenantId}`);
const benchmarkStores = await numberOf(
  sql`SELECT count(*)::int AS n FROM terminal_awards WHERE tenant_id = ${tenantId} AND status = 'active'`,
);
const overdueExpected = await numberOf(sql`SELECT count(*)::int AS n FROM assets
  WHERE tenant_id = ${tenantId} AND status = 'issued' AND next_audit_on < ${today}`);
const pointsExpected = await numberOf(sql`SELECT count(*)::int AS n FROM terminal_awards a
  JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
  WHERE a.tenant_id = ${tenantId} AND a.status = 'active' AND c.longitude IS NOT NULL AND c.latitude IS NOT NULL`);
const winners = rowsOf<{ name: string }>(
  await db.execute(sql`
    SELECT c.name FROM contests k
    CROSS JOIN LATERAL jsonb_to_recordset(k.ranking) AS r("entryId" int, rank int)
    JOIN contest_entries e ON e.tenant_id = k.tenant_id AND e.id = r."entryId"
    JOIN customers c ON c.tenant_id = e.tenant_id AND c.id = e.customer_id
    WHERE k.tenant_id = ${tenantId} AND k.id = ${contestId} AND r.rank <= k.winner_count`),
).map((row) => row.name);
const bookletPhotos = await numberOf(sql`SELECT count(*)::int AS n FROM contests k
  CROSS JOIN LATERAL jsonb_to_recordset(k.ranking) AS r("entryId" int, rank int)
  JOIN contest_photos p ON p.tenant_id = k.tenant_id AND p.entry_id = r."entryId"
  WHERE k.tenant_id = ${tenantId} AND k.id = ${contestId} AND r.rank <= k.winner_count`);
console.log(
  `${stores.toLocaleString('en')} stores, ${fixtures.toLocaleString('en')} fixtures (${overdueExpected.toLocaleString('en')} overdue), ${benchmarkStores.toLocaleString('en')} benchmark stores, booklet of ${winners.length} entries (${bookletPhotos} photos)`,
);
if (winners.length !== bookletEntries)
  problems.push(`the booklet holds ${winners.length} entries, not ${bookletEntries}`);

// The .docx's word/document.xml, read from the zip's central directory (no zip library).
function documentXmlOf(docx: Buffer): string {
  const end = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = docx.readUInt32LE(end + 16);
  const entries = docx.readUInt16LE(end + 10);
  for (let index = 0; index < entries; index += 1) {
    const method = docx.readUInt16LE(offset + 10);
    const compressed = docx.readUInt32LE(offset + 20);
    const nameLength = docx.readUInt16LE(offset + 28);
    const extraLength = docx.readUInt16LE(offset + 30);
    const commentLength = docx.readUInt16LE(offset + 32);
    const local = docx.readUInt32LE(offset + 42);
    const name = docx.subarray(offset + 46, offset + 46 + nameLength).toString();
    if (name === 'word/document.xml') {
      const start = local + 30 + docx.readUInt16LE(local + 26) + docx.readUInt16LE(local + 28);
      const data = docx.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return '';
}

// ---- timing: baseline, overdue list, map, booklet, round by round ----
const baselineMs: number[] = [];
const overdueMs: number[] = [];
const mapMs: number[] = [];
const bookletMs: number[] = [];
const loads: number[] = [];
let mapBytes = 0;
let bookletBytes = 0;
const overdueList = () => listAssets(context, actor, { auditOverdue: true, limit: 50, offset: 0 });
const map = () => getTierMap(context, actor, {});
const booklet = () => writeBooklet(context, actor, contestId);
// Warm-up: one of each (plans, caches), not recorded.
await db.execute(sql`SELECT count(*) FROM customers`);
await overdueList();
await map();
for (let run = 0; run < runs; run += 1) {
  loads.push(loadavg()[0]);
  baselineMs.push((await timed(() => db.execute(sql`SELECT count(*) FROM customers`))).ms);
  const overdue = await timed(overdueList);
  overdueMs.push(overdue.ms);
  if (overdue.value.total !== overdueExpected)
    problems.push(`run ${run + 1}: the overdue list counts ${overdue.value.total}, the table ${overdueExpected}`);
  if (overdue.value.items.some((item) => !(item.nextAuditOn && item.nextAuditOn < today)))
    problems.push(`run ${run + 1}: the overdue list shows a fixture not overdue`);
  const points = await timed(map);
  mapMs.push(points.ms);
  mapBytes = Buffer.byteLength(JSON.stringify(points.value));
  if (points.value.points.length !== pointsExpected)
    problems.push(`run ${run + 1}: the map has ${points.value.points.length} points, expected ${pointsExpected}`);
  const document = await timed(booklet);
  bookletMs.push(document.ms);
  bookletBytes = document.value.document.length;
  const xml = documentXmlOf(document.value.document);
  const missing = winners.filter((name) => !xml.includes(name.replace(/&/g, '&amp;')));
  if (document.value.document.subarray(0, 2).toString() !== 'PK' || missing.length > 0)
    problems.push(`run ${run + 1}: the booklet is not a docx naming every winner (${missing.length} missing)`);
  console.log(
    `run ${run + 1}: count(*) ${Math.round(baselineMs[run])} ms; overdue ${Math.round(overdue.ms)} ms (${overdue.value.total} rows); map ${Math.round(points.ms)} ms (${points.value.points.length} points, ${mapBytes} bytes); booklet ${Math.round(document.ms)} ms (${bookletBytes} bytes)`,
  );
}
await closeProvinceDatabase(database, url, values);

// ---- results ----
const environment = describeEnvironment();
const ms = (values_: number[]) => round(median(values_), 1);
const toBaseline = (values_: number[]) => round(median(values_) / median(baselineMs), 2);
const result = {
  benchmark,
  database: 'postgres',
  stores,
  fixtures,
  fixturesOverdue: overdueExpected,
  benchmarkStores,
  mapPoints: pointsExpected,
  bookletEntries: winners.length,
  bookletPhotos,
  runs,
  reusedDatabase: values.reuse, // setup seconds are 0 then: the data set was built by an earlier run
  setup,
  baselineMsMedian: ms(baselineMs),
  overdueMsMedian: ms(overdueMs),
  mapMsMedian: ms(mapMs),
  bookletMsMedian: ms(bookletMs),
  overdueToBaseline: toBaseline(overdueMs),
  mapToBaseline: toBaseline(mapMs),
  bookletToBaseline: toBaseline(bookletMs),
  mapBytes,
  bookletBytes,
  baselineMs: baselineMs.map(Math.round),
  overdueMs: overdueMs.map(Math.round),
  mapMs: mapMs.map(Math.round),
  bookletMs: bookletMs.map(Math.round),
  targets,
  met: {
    overdue: median(overdueMs) <= targets.overdueMs,
    map: median(mapMs) <= targets.mapMs,
    mapBytes: mapBytes <= targets.mapBytes,
    booklet: median(bookletMs) <= targets.bookletMs,
  },
  problems,
  medianLoad: round(median(loads), 2),
  environment,
};
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const markdown = `# Terminals — postgres, ${stores.toLocaleString('en')} stores

${runsLine(environment, runs, result.medianLoad)}

${fixtures.toLocaleString('en')} fixtures (${overdueExpected.toLocaleString('en')} overdue for their audit), ${benchmarkStores.toLocaleString('en')} benchmark stores (${pointsExpected.toLocaleString('en')} on the map), the terminals demo's data (server/src/demo/demo-terminals.ts); a published contest whose booklet holds ${winners.length} entries with ${bookletPhotos} photos. Timed for the marketing centre (city-wide).

| query | median ms | runs (ms) | × baseline | target |
| --- | ---: | --- | ---: | --- |
| baseline: \`SELECT count(*) FROM customers\` | ${result.baselineMsMedian} | ${result.baselineMs.join(', ')} | 1 | |
| overdue-audit list, first 50 and the total (listAssets) | ${result.overdueMsMedian} | ${result.overdueMs.join(', ')} | ${result.overdueToBaseline} | ≤ ${targets.overdueMs} ms — ${verdict(result.met.overdue)} |
| the map's points for the city (getTierMap), ${mapBytes.toLocaleString('en')} bytes of JSON | ${result.mapMsMedian} | ${result.mapMs.join(', ')} | ${result.mapToBaseline} | ≤ ${targets.mapMs} ms — ${verdict(result.met.map)}; ≤ ${targets.mapBytes.toLocaleString('en')} bytes — ${verdict(result.met.mapBytes)} |
| booklet of ${winners.length} entries (writeBooklet), ${bookletBytes.toLocaleString('en')} bytes | ${result.bookletMsMedian} | ${result.bookletMs.join(', ')} | ${result.bookletToBaseline} | ≤ ${targets.bookletMs} ms — ${verdict(result.met.booklet)} |
${checkedParagraph(
  problems,
  'Checked every run: the overdue total equals the issued fixtures past their audit date and the page shows only those; the map has a point for every benchmark store with coordinates; the booklet is a .docx whose document names every winner’s store.',
)}`;
reportResults({
  benchmark,
  storeCount,
  out: values.out,
  result,
  markdown,
  missedTargets: Object.values(result.met).every(Boolean)
    ? null
    : `target missed: overdue ${result.overdueMsMedian} ms, map ${result.mapMsMedian} ms / ${mapBytes} bytes, booklet ${result.bookletMsMedian} ms`,
});
