// The two console tabs that were slow (issue 18 item 9): a cycle's 需求汇总
// (GET /api/v1/supply/cycles/:id/demand) and the visits' 月计划 (GET /api/v1/visits/plan), on the
// demo city (24,000 stores), signed in as admin (the whole city). Target: each ≤ 500 ms (median).
//
//   npx node bench/report-tabs.ts                              a fresh demo city, every database
//   npx node bench/report-tabs.ts --db pglite --data DIR       a kept demo (DIR/db), copied first
//   npx node bench/report-tabs.ts --runs 9 --out tmp/report-tabs
//
// Baseline, in the same run on the same server: GET /api/v1/auth/me (a session check and a small
// answer) — what any request costs. Each run times the three requests one after another, in a
// rotating order, sequentially (one connection, like a user opening the tab), with the body read
// in full and compression negotiated as a browser does. Results are medians over the runs, and
// each endpoint's median ÷ the baseline's.
//
// Checks (exit 2 otherwise): every answer 2xx; the demand has one item per product of the cycle;
// the plan's items all fall in its month, on its working days; and every run's answer is the same
// (a SHA-256 of each body is recorded, so runs before and after a change of the queries can be
// compared for identical answers). A missed target exits 1.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { describeEnvironment } from './lib/environment.ts';
import { median, round } from './lib/load.ts';
import { defaultBenchDatabaseUrl, dropDatabase, recreateDatabase, redact, whyUnreachable } from './lib/postgres.ts';
import { type DatabaseKind, repoRoot, signIn, startServer } from './lib/server.ts';

const benchmark = 'report-tabs';

const usage = `Usage: npx node bench/${benchmark}.ts [options]

  --customers N      demo size when a demo is built                        24000
  --now INSTANT      the demo's clock (the plan's month, the open cycle)   2026-12-02T10:00:00+08:00
  --runs N           timed runs (--rounds too); medians over them          7
  --warmup N         untimed runs first                                    2
  --target MS        median target per endpoint, milliseconds              500
  --db KIND          pglite, postgres or all (PostgreSQL when reachable)   all
  --database-url U   PostgreSQL database (dropped and recreated)           ${defaultBenchDatabaseUrl}
  --data DIR         PGlite: a kept demo directory (DIR/db), copied and served instead of a new demo
  --keep             keep the PostgreSQL database
  --out DIR          where results go                                      bench/results
  --duration, --connections, --pause, --profile: accepted for npm run bench, not used here`;

type Options = {
  customers: number;
  now: string;
  runs: number;
  warmup: number;
  target: number;
  db: 'pglite' | 'postgres' | 'all';
  databaseUrl: string;
  data?: string;
  keep: boolean;
  out: string;
};

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' },
      now: { type: 'string' },
      runs: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      target: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      data: { type: 'string' },
      keep: { type: 'boolean' },
      out: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      pause: { type: 'string' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const ignored = ['duration', 'connections', 'pause', 'profile'].filter(
    (name) => values[name as keyof typeof values] !== undefined,
  );
  if (ignored.length > 0) console.log(`(not used by this benchmark: --${ignored.join(', --')})`);
  const integer = (value: string | undefined, fallback: number, name: string, max: number) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > max)
      throw new Error(`--${name} must be a whole number ≤ ${max}`);
    return parsed;
  };
  const db = values.db ?? 'all';
  if (db !== 'pglite' && db !== 'postgres' && db !== 'all') throw new Error('--db must be pglite, postgres or all');
  const now = values.now ?? '2026-12-02T10:00:00+08:00';
  if (Number.isNaN(Date.parse(now))) throw new Error('--now must be an instant, e.g. 2026-12-02T10:00:00+08:00');
  if (values.data && db !== 'pglite') throw new Error('--data serves a PGlite directory: give --db pglite with it');
  return {
    customers: integer(values.customers, 24_000, 'customers', 1_000_000),
    now,
    runs: Math.max(1, integer(values.runs ?? values.rounds, 7, 'runs', 1_000)),
    warmup: integer(values.warmup, 2, 'warmup', 100),
    target: integer(values.target, 500, 'target', 600_000),
    db,
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl,
    data: values.data,
    keep: values.keep ?? false,
    out: values.out ?? join(repoRoot, 'bench/results'),
  };
}

type EndpointName = 'baseline: auth/me' | '需求汇总 demand' | '月计划 month plan' | '月计划 one manager';
type EndpointResult = {
  endpoint: EndpointName;
  path: string;
  // Each run's time, ms; the median; median ÷ the baseline's median.
  runs: number[];
  median: number;
  ratioToBaseline: number;
  // Uncompressed size of the answer, and the SHA-256 of its body (the same in every run).
  bytes: number;
  sha256: string;
  pass: boolean | null;
};
type DatabaseResult = {
  kind: DatabaseKind;
  date: string;
  startupSeconds: number;
  loadAverage: number[];
  cycle: { id: number; code: string; products: number };
  plan: { month: string; items: number };
  endpoints: EndpointResult[];
};

class WrongAnswer extends Error {}

async function fetchTimed(url: string, cookie: string) {
  const started = performance.now();
  // What a browser sends: the server compresses as it would for the console.
  const response = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new WrongAnswer(`${url}: HTTP ${response.status} ${body.slice(0, 300)}`);
  return { elapsed, body };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function measure(kind: DatabaseKind, options: Options): Promise<DatabaseResult> {
  if (kind === 'postgres') await recreateDatabase(options.databaseUrl);
  // A kept PGlite demo is copied, so that the run (the demo's own start-up writes) leaves it as it was.
  const copy = options.data ? mkdtempSync(join(tmpdir(), 'kewo-bench-report-tabs-')) : undefined;
  if (copy && options.data) cpSync(join(options.data, 'db'), join(copy, 'db'), { recursive: true });
  const server = await startServer({
    kind,
    databaseUrl: options.databaseUrl,
    dataDir: copy,
    demoArgs: ['--customers', String(options.customers), '--now', options.now],
    startTimeoutMs: 1_800_000,
  });
  try {
    const cookie = await signIn(server.baseUrl, 'admin', 'kewo-demo-2026');
    const api = `${server.baseUrl}/api/v1`;
    const cycles = JSON.parse((await fetchTimed(`${api}/supply/cycles?limit=100`, cookie)).body) as {
      items: { id: number; code: string; status: string; productCount: number }[];
    };
    // The cycle with the most products among those published (the demo's current week).
    const cycle = cycles.items
      .filter((item) => item.status !== 'draft' && item.productCount > 0)
      .sort((a, b) => b.productCount - a.productCount || b.id - a.id)[0];
    if (!cycle) throw new WrongAnswer('the demo has no published cycle with products');
    // The month plan tab shows one manager's plan (a manager's own; other staff pick the manager);
    // the whole city's plan is measured too, as the tab asked for it before.
    const reference = JSON.parse((await fetchTimed(`${api}/customers/reference`, cookie)).body) as {
      managers: { id: number }[];
    };
    const manager = reference.managers[0];
    if (!manager) throw new WrongAnswer('the demo has no customer manager');
    const endpoints: { name: EndpointName; path: string }[] = [
      { name: 'baseline: auth/me', path: '/auth/me' },
      { name: '需求汇总 demand', path: `/supply/cycles/${cycle.id}/demand` },
      { name: '月计划 month plan', path: '/visits/plan' },
      { name: '月计划 one manager', path: `/visits/plan?managerId=${manager.id}` },
    ];
    const times = new Map<EndpointName, number[]>(endpoints.map((endpoint) => [endpoint.name, []]));
    const bodies = new Map<EndpointName, string>();
    for (let run = 0; run < options.warmup + options.runs; run += 1) {
      // Rotate the order, so that whatever the previous request left (caches, garbage) hits each alike.
      const order = endpoints.map((_, index) => endpoints[(index + run) % endpoints.length]);
      for (const endpoint of order) {
        const { elapsed, body } = await fetchTimed(`${api}${endpoint.path}`, cookie);
        const first = bodies.get(endpoint.name);
        if (first === undefined) bodies.set(endpoint.name, body);
        else if (endpoint.name !== 'baseline: auth/me' && first !== body) {
          throw new WrongAnswer(`${endpoint.path} answered differently in run ${run + 1}`);
        }
        if (run >= options.warmup) times.get(endpoint.name)?.push(elapsed);
      }
    }
    const demand = JSON.parse(bodies.get('需求汇总 demand') ?? '{}') as { items?: unknown[] };
    if (demand.items?.length !== cycle.productCount) {
      throw new WrongAnswer(`the demand has ${demand.items?.length} items for ${cycle.productCount} products`);
    }
    const plan = JSON.parse(bodies.get('月计划 month plan') ?? '{}') as {
      month: string;
      workingDays: string[];
      items: { date: string }[];
    };
    const workingDays = new Set(plan.workingDays);
    const outside = plan.items.filter((item) => !item.date.startsWith(plan.month) || !workingDays.has(item.date));
    if (plan.items.length === 0) throw new WrongAnswer(`the plan of ${plan.month} is empty`);
    if (outside.length > 0)
      throw new WrongAnswer(`${outside.length} plan items fall outside ${plan.month}'s working days`);
    const baselineRuns = times.get('baseline: auth/me') ?? [];
    const results = endpoints.map((endpoint): EndpointResult => {
      const runs = times.get(endpoint.name) ?? [];
      const body = bodies.get(endpoint.name) ?? '';
      const isBaseline = endpoint.name === 'baseline: auth/me';
      return {
        endpoint: endpoint.name,
        path: endpoint.path,
        runs: runs.map((value) => round(value, 1)),
        median: round(median(runs), 1),
        ratioToBaseline: round(median(runs) / median(baselineRuns), 1),
        bytes: Buffer.byteLength(body),
        sha256: isBaseline ? '' : sha256(body),
        pass: isBaseline ? null : median(runs) <= options.target,
      };
    });
    return {
      kind,
      date: new Date().toISOString(),
      startupSeconds: round(server.startupMs / 1000, 1),
      loadAverage: loadavg().map((value) => round(value, 1)),
      cycle: { id: cycle.id, code: cycle.code, products: cycle.productCount },
      plan: { month: plan.month, items: plan.items.length },
      endpoints: results,
    };
  } finally {
    await server.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
    if (kind === 'postgres' && !options.keep) await dropDatabase(options.databaseUrl);
  }
}

function markdown(result: {
  date: string;
  customers: number;
  target: number;
  runs: number;
  databases: DatabaseResult[];
}) {
  const lines = [
    `# ${benchmark}`,
    '',
    `${result.date} · demo city (${result.customers.toLocaleString('en')} stores), signed in as admin · target: median ≤ ${result.target} ms · sequential requests, medians of ${result.runs} runs · baseline GET /auth/me`,
    '',
  ];
  for (const database of result.databases) {
    lines.push(
      `## ${database.kind}`,
      '',
      `Measured ${database.date}; start-up ${database.startupSeconds} s; load average after the runs ${database.loadAverage.join(', ')} (2 CPUs). Cycle ${database.cycle.code} (${database.cycle.products} products); plan of ${database.plan.month} (${database.plan.items.toLocaleString('en')} items).`,
      '',
      '| endpoint | median ms | ÷ baseline | each run, ms | bytes | answer (SHA-256, first 12) | ≤ target |',
      '| --- | ---: | ---: | --- | ---: | --- | --- |',
      ...database.endpoints.map(
        (entry) =>
          `| ${entry.endpoint} \`${entry.path}\` | ${entry.median} | ${entry.ratioToBaseline} | ${entry.runs.join(' / ')} | ${entry.bytes.toLocaleString('en')} | ${entry.sha256.slice(0, 12)} | ${entry.pass === null ? '—' : entry.pass ? 'yes' : 'no'} |`,
      ),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const kinds: DatabaseKind[] = [];
  if (options.db !== 'postgres') kinds.push('pglite');
  if (options.db !== 'pglite') {
    const problem = await whyUnreachable(options.databaseUrl);
    if (problem) console.log(`PostgreSQL at ${redact(options.databaseUrl)} skipped: ${problem}`);
    else kinds.push('postgres');
  }
  const date = new Date().toISOString();
  const environment = describeEnvironment();
  const databases: DatabaseResult[] = [];
  for (const kind of kinds) {
    console.log(`${kind}: ${options.data ? `serving a copy of ${options.data}` : 'building a demo city'}…`);
    const database = await measure(kind, options);
    for (const entry of database.endpoints) {
      console.log(
        `  ${entry.endpoint.padEnd(18)} median ${entry.median} ms (× ${entry.ratioToBaseline} baseline)  ${entry.pass === null ? '' : entry.pass ? 'ok' : 'ABOVE TARGET'}`,
      );
    }
    databases.push(database);
  }
  const result = {
    benchmark,
    date,
    customers: options.customers,
    now: options.now,
    runs: options.runs,
    warmup: options.warmup,
    target: options.target,
    environment,
    databases,
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${benchmark}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.out, `${benchmark}.md`), markdown(result));
  console.log(`Results in ${relative(process.cwd(), join(options.out, `${benchmark}.md`))}`);
  process.exitCode = databases.some((database) => database.endpoints.some((entry) => entry.pass === false)) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
