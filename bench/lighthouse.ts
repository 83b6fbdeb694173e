// Lighthouse (mobile, simulated throttling — a mid-range phone on a slow 4G network) on the pages
// people open first: the console's sign-in, the console's home as admin, and the portal's home as
// a store. Targets: performance ≥ 90 and accessibility ≥ 95 on each, the median of --runs runs.
//
//   npx node bench/lighthouse.ts [--runs 3] [--customers N]
//
// Starts the demo (PGlite, a temporary directory) on the built web app (dist/web, built first when
// stale, as `npm run demo` does), signs in through the API and hands the session cookie to
// Lighthouse as an extra header. Chromium: CHROME_PATH, else Debian's /usr/bin/chromium.
// Writes bench/results/lighthouse.json and .md. Exit 0: targets met; 1: a target missed; 2: failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../e2e/chromium.ts';
import { describeEnvironment } from './lib/environment.ts';
import { repoRoot, signIn, startServer } from './lib/server.ts';

const demoPassword = 'kewo-demo-2026';
const targets = { performance: 90, accessibility: 95 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_LIGHTHOUSE_RUNS ?? '3' },
    // A smaller demo city starts sooner; the pages measured show the same things.
    customers: { type: 'string' },
    // Measure a Kewo that is already running (its demo users and password) instead of starting one.
    'base-url': { type: 'string' },
    help: { type: 'boolean' },
    // bench/run.ts hands every benchmark the load options; they do not apply to page loads.
    duration: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string' },
    warmup: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
  },
});
for (const name of ['duration', 'rounds', 'connections', 'warmup', 'db', 'out'] as const) {
  if (values[name] !== undefined) console.log(`lighthouse: --${name} does not apply here (PGlite, --runs page loads)`);
}
if (values.help) {
  console.log(
    'npx node bench/lighthouse.ts [--runs N] [--customers N | --base-url URL]   (runs 1–9, default 3; customers: the demo size; base-url: a running demo)',
  );
  process.exit(0);
}
const customers = values.customers === undefined ? undefined : Number(values.customers);
if (customers !== undefined && (!Number.isInteger(customers) || customers < 100 || customers > 1_000_000)) {
  console.error('--customers must be a whole number from 100 to 1,000,000');
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('--runs must be a whole number from 1 to 9');
  process.exit(2);
}

type Session = 'none' | 'admin' | 'retailer';
const pages: { name: string; path: string; session: Session }[] = [
  { name: 'console login', path: '/login', session: 'none' },
  { name: 'console home (admin)', path: '/', session: 'admin' },
  { name: 'portal home (store)', path: '/portal', session: 'retailer' },
];

type Run = {
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  transferKiB: number;
  requests: number;
  failedAudits: string[];
};

type LighthouseReport = {
  finalDisplayedUrl: string;
  runtimeError?: { message: string };
  categories: Record<'performance' | 'accessibility', { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<
    string,
    { score: number | null; scoreDisplayMode: string; numericValue?: number; details?: { items?: unknown[] } }
  >;
};

const lighthouseCli = join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js');

function runLighthouse(url: string, cookie: string | undefined, chromePath: string): Run {
  const outputDir = mkdtempSync(join(tmpdir(), 'kewo-lighthouse-'));
  const outputPath = join(outputDir, 'report.json');
  try {
    const args = [
      lighthouseCli,
      url,
      '--output=json',
      `--output-path=${outputPath}`,
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--quiet',
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ];
    const result = spawnSync(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH: chromePath },
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.status !== 0) throw new Error(`lighthouse ${url} failed:\n${result.stderr || result.stdout}`);
    const report = JSON.parse(readFileSync(outputPath, 'utf8')) as LighthouseReport;
    if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
    // A page that bounced (to /login) would be measured instead of the one asked for.
    const landed = new URL(report.finalDisplayedUrl).pathname;
    if (landed !== new URL(url).pathname) throw new Error(`${url} ended on ${landed}: the session was not accepted`);
    const numeric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    const score = (category: 'performance' | 'accessibility') =>
      Math.round((report.categories[category].score ?? 0) * 100);
    const failedAudits = report.categories.accessibility.auditRefs
      .map((ref) => ({ id: ref.id, audit: report.audits[ref.id] }))
      .filter(({ audit }) => audit?.scoreDisplayMode === 'binary' && audit.score === 0)
      .map(({ id }) => id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      firstContentfulPaintMs: Math.round(numeric('first-contentful-paint')),
      largestContentfulPaintMs: Math.round(numeric('largest-contentful-paint')),
      totalBlockingTimeMs: Math.round(numeric('total-blocking-time')),
      cumulativeLayoutShift: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
      speedIndexMs: Math.round(numeric('speed-index')),
      transferKiB: Math.round(numeric('total-byte-weight') / 1024),
      requests: report.audits['network-requests']?.details?.items?.length ?? 0,
      failedAudits,
    };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

// The run whose performance score is the median (its other figures belong to the same run).
function medianRun(all: Run[]): Run {
  const sorted = [...all].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function startDemo() {
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/ensure-web-build.ts')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the web app failed');
  // The demo city is seeded at start (a minute or more on a busy machine).
  return startServer({
    kind: 'pglite',
    startTimeoutMs: 600_000,
    demoArgs: customers === undefined ? [] : ['--customers', String(customers)],
  });
}

function runningServer(baseUrl: string) {
  const url = new URL(baseUrl); // throws on a malformed address
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--base-url must be http(s)');
  return { baseUrl: url.origin, stop: async () => {} };
}

// The demo gives every store a retailer account named by its licence number: take the first.
async function signInRetailer(baseUrl: string, adminCookie: string): Promise<string> {
  const list = await fetch(`${baseUrl}/api/v1/customers?limit=1`, { headers: { cookie: adminCookie } });
  if (!list.ok) throw new Error(`GET /customers answered HTTP ${list.status}`);
  const { items } = (await list.json()) as { items: { licenceNo: string }[] };
  if (!items[0]) throw new Error('the demo has no store to sign in as');
  const response = await fetch(`${baseUrl}/api/v1/portal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ licenceNo: items[0].licenceNo, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`portal sign-in failed: HTTP ${response.status} ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((pair) => pair.startsWith('kewo_session='));
  if (!session) throw new Error('portal sign-in answered without a kewo_session cookie');
  return session;
}

async function main(): Promise<number> {
  const chromePath = process.env.CHROME_PATH ?? chromiumPath();
  if (!chromePath) throw new Error('Chromium not found: set CHROME_PATH (apt-get install -y chromium)');
  const environment = describeEnvironment();
  const server = values['base-url'] ? runningServer(values['base-url']) : await startDemo();
  try {
    const admin = await signIn(server.baseUrl, 'admin', demoPassword);
    const cookies: Record<Session, string | undefined> = {
      none: undefined,
      admin,
      retailer: await signInRetailer(server.baseUrl, admin),
    };
    const results = [];
    for (const page of pages) {
      const all: Run[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const measured = runLighthouse(`${server.baseUrl}${page.path}`, cookies[page.session], chromePath);
        console.log(
          `  ${page.name} run ${run}: performance ${measured.performance}, accessibility ${measured.accessibility}, LCP ${measured.largestContentfulPaintMs} ms, TBT ${measured.totalBlockingTimeMs} ms, ${measured.transferKiB} KiB`,
        );
        all.push(measured);
      }
      const median = medianRun(all);
      const meetsTargets = median.performance >= targets.performance && median.accessibility >= targets.accessibility;
      results.push({ ...page, median, meetsTargets, runs: all });
    }

    const report = {
      benchmark: 'lighthouse',
      recordedAt: new Date().toISOString(),
      targets,
      runs,
      server: values['base-url']
        ? 'running (--base-url)'
        : `demo started by the benchmark (${customers ?? 'default'} stores)`,
      environment,
      results,
    };
    const resultsDir = join(repoRoot, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'lighthouse.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(resultsDir, 'lighthouse.md'), formatMarkdown(report));
    console.log(formatMarkdown(report));
    return results.every((result) => result.meetsTargets) ? 0 : 1;
  } finally {
    await server.stop();
  }
}

function formatMarkdown(report: {
  recordedAt: string;
  runs: number;
  environment: { cpuCount: number; loadAverageAtStart: number[] };
  results: { name: string; path: string; median: Run; meetsTargets: boolean }[];
}): string {
  const lines = [
    '# Lighthouse: first pages (mobile, simulated throttling)',
    '',
    `Recorded ${report.recordedAt} by \`npx node bench/lighthouse.ts\`: median of ${report.runs} runs per page (the run with the median performance score), cold cache. Targets: performance ≥ ${targets.performance}, accessibility ≥ ${targets.accessibility}.`,
    '',
    `Machine: ${report.environment.cpuCount} CPUs, load average ${report.environment.loadAverageAtStart.map((load) => load.toFixed(1)).join(' / ')} at start${report.environment.loadAverageAtStart[0] > report.environment.cpuCount ? ' — busier than its cores: simulated throttling scales the CPU time this machine took, so the performance figures here are too low; record them on a quiet machine' : ''}.`,
    '',
    '| page | path | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | transfer KiB | requests | target |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const { name, path, median, meetsTargets } of report.results) {
    lines.push(
      `| ${name} | \`${path}\` | ${median.performance} | ${median.accessibility} | ${median.firstContentfulPaintMs} | ${median.largestContentfulPaintMs} | ${median.totalBlockingTimeMs} | ${median.cumulativeLayoutShift} | ${median.speedIndexMs} | ${median.transferKiB} | ${median.requests} | ${meetsTargets ? 'met' : 'missed'} |`,
    );
  }
  const failing = report.results.filter((result) => result.median.failedAudits.length > 0);
  if (failing.length > 0) {
    lines.push('', 'Accessibility audits failed (median run):', '');
    for (const result of failing) lines.push(`- ${result.name}: ${result.median.failedAudits.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
