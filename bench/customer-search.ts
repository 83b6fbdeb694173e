// The customer list's one search box, on the demo city: p95 latency of GET /api/v1/customers?q=…
// for each kind of query the issue names. Target: p95 ≤ 100 ms for each kind.
//
//   npx node bench/customer-search.ts                           24,000 customers, every database
//   npx node bench/customer-search.ts --scale province          9 cities, ~250,000; admin searches 漳州
//   npx node bench/customer-search.ts --customers 250000        stress: one city of 250,000
//   npx node bench/customer-search.ts --db pglite --rounds 3    quicker
//
// Each run measures every query kind --rounds times; a result is the median over --runs runs
// of each run's p50 and p95. The baseline is licence-exact, a single unique-index lookup through
// the same route: its p50 is the cost of a request itself (session, scope, JSON), and each kind's
// p50 ÷ baseline p50 holds up better across machines and load than milliseconds do.
//
// Each database kind gets its own server (a child process) with a fresh demo city; the start-up
// time (migrations + generating and loading the city) is recorded too. Requests are sequential
// (one connection): this measures the latency a user sees, not throughput. Writes
// bench/results/customer-search[-province|-N].{json,md} (or --out); exits 1 when a p95 misses the
// target, 2 when the benchmark failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { describeEnvironment } from './lib/environment.ts';
import { round } from './lib/load.ts';
import { defaultBenchDatabaseUrl, dropDatabase, recreateDatabase, redact, whyUnreachable } from './lib/postgres.ts';
import { type DatabaseKind, repoRoot, signIn, startServer } from './lib/server.ts';

const benchmark = 'customer-search';

// Query kinds and their queries, chosen to hit the demo city's data.
const queryKinds = {
  'chinese-2': ['龙海', '恒兴', '便利', '漳浦', '超市', '烟酒', '东山', '胜利'],
  'chinese-1': ['龙', '恒', '店', '海'],
  'chinese-4': ['恒兴便利', '龙海食杂', '漳浦烟酒', '胜利路1'],
  'licence-prefix': ['3506041', '35060210', '350623', '3506271001'],
  'licence-exact': ['350602100006', '350604100100', '350629100200', '350623100050'],
  'pinyin-initials': ['hxbl', 'lhsz', 'zpyj', 'dsbl'],
  // Owners' initials (2–3 letters): a surname and given name, as a manager types them.
  'owner-initials': ['zs', 'lxd', 'wj', 'chm'],
  'list-first-page': [''],
} as const;
type QueryKind = keyof typeof queryKinds;

const usage = `Usage: npx node bench/${benchmark}.ts [options]

  --customers N      demo size (with --scale province: the province total) 24000 (province 250000)
  --scale S          city (漳州 alone) or province (9 city companies)      city
  --user NAME        who searches (province: admin is 漳州's admin)        admin
  --runs N           runs; results are medians of the runs' p50 and p95    3
  --rounds N         passes over every query of every kind, per run        10
  --warmup N         unrecorded passes first                               2
  --target MS        p95 target per kind, milliseconds                     100
  --db KIND          pglite, postgres or all (PostgreSQL when reachable)   all
  --database-url U   PostgreSQL database (dropped and recreated)           ${defaultBenchDatabaseUrl}
  --out DIR          where results go                                      bench/results
  --duration, --connections, --pause, --profile, --keep: accepted for npm run bench, not used here`;

type Options = {
  customers: number;
  scale: 'city' | 'province';
  user: string;
  runs: number;
  rounds: number;
  warmup: number;
  target: number;
  db: 'pglite' | 'postgres' | 'all';
  databaseUrl: string;
  out: string;
};

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' },
      scale: { type: 'string' },
      runs: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      target: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      pause: { type: 'string' },
      user: { type: 'string' },
      profile: { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const ignored = ['duration', 'connections', 'pause', 'profile', 'keep'].filter(
    (name) => values[name as keyof typeof values] !== undefined,
  );
  if (ignored.length > 0) console.log(`(not used by this benchmark: --${ignored.join(', --')})`);
  const integer = (value: string | undefined, fallback: number, name: string) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number`);
    return parsed;
  };
  const db = values.db ?? 'all';
  if (db !== 'pglite' && db !== 'postgres' && db !== 'all') throw new Error('--db must be pglite, postgres or all');
  const scale = values.scale ?? 'city';
  if (scale !== 'city' && scale !== 'province') throw new Error('--scale must be city or province');
  return {
    customers: integer(values.customers, scale === 'province' ? 250_000 : 24_000, 'customers'),
    scale,
    user: values.user ?? 'admin',
    runs: Math.max(1, integer(values.runs, 3, 'runs')),
    rounds: Math.max(1, integer(values.rounds, 10, 'rounds')),
    warmup: integer(values.warmup, 2, 'warmup'),
    target: integer(values.target, 100, 'target'),
    db,
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl,
    out: values.out ?? join(repoRoot, 'bench/results'),
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

type KindResult = {
  kind: QueryKind;
  samples: number;
  // Medians over the runs of each run's p50 and p95; the spread of the runs' p95.
  p50: number;
  p95: number;
  p95Runs: number[];
  max: number;
  hits: number;
  // p50 ÷ the baseline's (licence-exact) p50, in the same run, median over runs.
  ratioToBaseline: number;
  pass: boolean;
};
type DatabaseResult = {
  kind: DatabaseKind;
  date: string;
  startupSeconds: number;
  demoSeconds: number | null;
  loadAverage: number[];
  kinds: KindResult[];
};

const baselineKind: QueryKind = 'licence-exact';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(kind: DatabaseKind, options: Options): Promise<DatabaseResult> {
  if (kind === 'postgres') await recreateDatabase(options.databaseUrl);
  const server = await startServer({
    kind,
    databaseUrl: options.databaseUrl,
    demoArgs: ['--customers', String(options.customers), '--scale', options.scale],
    startTimeoutMs: 900_000,
  });
  try {
    const demo = /Demo (?:city|province) ready in ([\d.]+) s/.exec(server.output());
    const cookie = await signIn(server.baseUrl, options.user, 'kewo-demo-2026');
    const ask = async (q: string) => {
      const started = performance.now();
      const response = await fetch(
        `${server.baseUrl}/api/v1/customers?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`,
        {
          headers: { cookie },
        },
      );
      const body = (await response.json()) as { total: number };
      const elapsed = performance.now() - started;
      if (!response.ok) throw new Error(`q=${q}: HTTP ${response.status} ${JSON.stringify(body)}`);
      return { elapsed, total: body.total };
    };
    const hits = new Map<QueryKind, number>();
    const entries = Object.entries(queryKinds) as [QueryKind, readonly string[]][];
    for (let pass = 0; pass < options.warmup; pass += 1) {
      for (const [queryKind, queries] of entries) {
        for (const q of queries) {
          const { total } = await ask(q);
          if (pass === 0) hits.set(queryKind, (hits.get(queryKind) ?? 0) + total);
        }
      }
    }
    const runs: Map<QueryKind, number[]>[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const latencies = new Map<QueryKind, number[]>();
      for (let pass = 0; pass < options.rounds; pass += 1) {
        for (const [queryKind, queries] of entries) {
          for (const q of queries) {
            const { elapsed, total } = await ask(q);
            latencies.set(queryKind, [...(latencies.get(queryKind) ?? []), elapsed]);
            if (options.warmup === 0 && run === 0 && pass === 0) {
              hits.set(queryKind, (hits.get(queryKind) ?? 0) + total);
            }
          }
        }
      }
      runs.push(latencies);
    }
    const summaries = runs.map((latencies) => {
      const byKind = new Map<QueryKind, { p50: number; p95: number; max: number; samples: number }>();
      for (const [queryKind, values] of latencies) {
        const sorted = [...values].sort((a, b) => a - b);
        byKind.set(queryKind, {
          p50: percentile(sorted, 0.5),
          p95: percentile(sorted, 0.95),
          max: sorted[sorted.length - 1],
          samples: sorted.length,
        });
      }
      return byKind;
    });
    const kinds = entries.map(([queryKind]): KindResult => {
      const perRun = summaries.map((summary) => summary.get(queryKind) ?? { p50: 0, p95: 0, max: 0, samples: 0 });
      const p95 = round(median(perRun.map((entry) => entry.p95)), 1);
      const ratios = summaries.map(
        (summary) => (summary.get(queryKind)?.p50 ?? 0) / (summary.get(baselineKind)?.p50 ?? Number.NaN),
      );
      return {
        kind: queryKind,
        samples: perRun.reduce((sum, entry) => sum + entry.samples, 0),
        p50: round(median(perRun.map((entry) => entry.p50)), 1),
        p95,
        p95Runs: perRun.map((entry) => round(entry.p95, 1)),
        max: round(Math.max(...perRun.map((entry) => entry.max)), 1),
        hits: hits.get(queryKind) ?? 0,
        ratioToBaseline: round(median(ratios), 2),
        pass: p95 <= options.target,
      };
    });
    return {
      kind,
      date: new Date().toISOString(),
      startupSeconds: round(server.startupMs / 1000, 1),
      demoSeconds: demo ? Number(demo[1]) : null,
      loadAverage: loadavg().map((value) => round(value, 1)),
      kinds,
    };
  } finally {
    await server.stop();
    if (kind === 'postgres') await dropDatabase(options.databaseUrl);
  }
}

function markdown(result: {
  date: string;
  customers: number;
  scale: string;
  user: string;
  runs: number;
  target: number;
  databases: DatabaseResult[];
}): string {
  const layout =
    result.scale === 'province'
      ? `province layout: 9 city companies, ${result.customers.toLocaleString('en')} customers in all; signed in as ${result.user}, searching that city`
      : `one city company of ${result.customers.toLocaleString('en')} customers; signed in as ${result.user}`;
  const lines = [
    `# ${benchmark}`,
    '',
    `${result.date} · ${layout} · target p95 ≤ ${result.target} ms · sequential requests, limit=20 · medians of ${result.runs} runs · baseline ${baselineKind}`,
    '',
  ];
  for (const database of result.databases) {
    lines.push(
      `## ${database.kind}`,
      '',
      `Measured ${database.date}.`,
      '',
      `Start-up ${database.startupSeconds} s, of which generating and loading the demo ${database.demoSeconds ?? '?'} s. Load average after the runs: ${database.loadAverage.join(', ')} (2 CPUs).`,
      '',
      '| query kind | samples | p50 ms | p95 ms | p95 of each run | max ms | p50 ÷ baseline p50 | total hits of one pass | p95 ≤ target |',
      '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |',
      ...database.kinds.map(
        (kind) =>
          `| ${kind.kind} | ${kind.samples} | ${kind.p50} | ${kind.p95} | ${kind.p95Runs.join(' / ')} | ${kind.max} | ${kind.ratioToBaseline} | ${kind.hits} | ${kind.pass ? 'yes' : 'no'} |`,
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
    console.log(`${kind}: starting a demo ${options.scale} of ${options.customers} customers…`);
    const database = await measure(kind, options);
    for (const entry of database.kinds) {
      console.log(
        `  ${entry.kind.padEnd(16)} p50 ${entry.p50} ms  p95 ${entry.p95} ms  ${entry.pass ? 'ok' : 'ABOVE TARGET'}`,
      );
    }
    console.log(`  start-up ${database.startupSeconds} s (demo city ${database.demoSeconds ?? '?'} s)`);
    databases.push(database);
  }
  // customer-search (the city demo), customer-search-province, customer-search-250000 (stress).
  const name =
    options.scale === 'province'
      ? `${benchmark}-province`
      : options.customers === 24_000
        ? benchmark
        : `${benchmark}-${options.customers}`;
  // A run of one database keeps the other database's figures of the same layout in the file.
  const previousPath = join(options.out, `${name}.json`);
  const previous = existsSync(previousPath)
    ? (JSON.parse(readFileSync(previousPath, 'utf8')) as { customers?: number; databases?: DatabaseResult[] })
    : undefined;
  const kept =
    previous?.customers === options.customers
      ? (previous.databases ?? []).filter((database) => database.date && !kinds.includes(database.kind))
      : [];
  const result = {
    benchmark,
    date,
    customers: options.customers,
    scale: options.scale,
    user: options.user,
    runs: options.runs,
    rounds: options.rounds,
    target: options.target,
    environment,
    databases: [...kept, ...databases].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.out, `${name}.md`), markdown(result));
  console.log(`Results in ${relative(process.cwd(), join(options.out, `${name}.md`))}`);
  const missed = databases.some((database) => database.kinds.some((entry) => !entry.pass));
  process.exitCode = missed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
