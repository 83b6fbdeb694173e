// The customer list's one search box, on the demo city: p95 latency of GET /api/v1/customers?q=…
// for each kind of query the issue names. Target: p95 ≤ 100 ms for each kind.
//
//   npx node bench/customer-search.ts                           24,000 customers, every database
//   npx node bench/customer-search.ts --customers 250000        the province-size figure
//   npx node bench/customer-search.ts --db pglite --rounds 3    quicker
//
// Each database kind gets its own server (a child process) with a fresh demo city; the start-up
// time (migrations + generating and loading the city) is recorded too. Requests are sequential
// (one connection): this measures the latency a user sees, not throughput. Writes
// bench/results/customer-search.{json,md} (or --out); exits 1 when a p95 misses the target, 2 when
// the benchmark failed.
import { mkdirSync, writeFileSync } from 'node:fs';
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
  'list-first-page': [''],
} as const;
type QueryKind = keyof typeof queryKinds;

const usage = `Usage: npx node bench/${benchmark}.ts [options]

  --customers N      demo city size                                       24000
  --rounds N         passes over every query of every kind                 10
  --warmup N         unrecorded passes first                               2
  --target MS        p95 target per kind, milliseconds                     100
  --db KIND          pglite, postgres or all (PostgreSQL when reachable)   all
  --database-url U   PostgreSQL database (dropped and recreated)           ${defaultBenchDatabaseUrl}
  --out DIR          where results go                                      bench/results
  --duration, --connections, --pause, --profile, --keep, --user: accepted for npm run bench, not used here`;

type Options = {
  customers: number;
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
  const ignored = ['duration', 'connections', 'pause', 'user', 'profile', 'keep'].filter(
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
  return {
    customers: integer(values.customers, 24_000, 'customers'),
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
  p50: number;
  p95: number;
  max: number;
  hits: number;
  pass: boolean;
};
type DatabaseResult = { kind: DatabaseKind; startupSeconds: number; demoSeconds: number | null; kinds: KindResult[] };

async function measure(kind: DatabaseKind, options: Options): Promise<DatabaseResult> {
  if (kind === 'postgres') await recreateDatabase(options.databaseUrl);
  const server = await startServer({
    kind,
    databaseUrl: options.databaseUrl,
    demoArgs: ['--customers', String(options.customers)],
    startTimeoutMs: 900_000,
  });
  try {
    const demo = /Demo city ready in ([\d.]+) s/.exec(server.output());
    const cookie = await signIn(server.baseUrl, 'admin', 'kewo-demo-2026');
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
    const latencies = new Map<QueryKind, number[]>();
    const hits = new Map<QueryKind, number>();
    for (let pass = 0; pass < options.warmup + options.rounds; pass += 1) {
      for (const [queryKind, queries] of Object.entries(queryKinds) as [QueryKind, readonly string[]][]) {
        for (const q of queries) {
          const { elapsed, total } = await ask(q);
          if (pass < options.warmup) continue;
          latencies.set(queryKind, [...(latencies.get(queryKind) ?? []), elapsed]);
          if (pass === options.warmup) hits.set(queryKind, (hits.get(queryKind) ?? 0) + total);
        }
      }
    }
    const kinds = [...latencies].map(([queryKind, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const p95 = round(percentile(sorted, 0.95), 1);
      return {
        kind: queryKind,
        samples: sorted.length,
        p50: round(percentile(sorted, 0.5), 1),
        p95,
        max: round(sorted[sorted.length - 1], 1),
        hits: hits.get(queryKind) ?? 0,
        pass: p95 <= options.target,
      };
    });
    return {
      kind,
      startupSeconds: round(server.startupMs / 1000, 1),
      demoSeconds: demo ? Number(demo[1]) : null,
      kinds,
    };
  } finally {
    await server.stop();
    if (kind === 'postgres') await dropDatabase(options.databaseUrl);
  }
}

function markdown(result: { date: string; customers: number; target: number; databases: DatabaseResult[] }): string {
  const lines = [
    `# ${benchmark}`,
    '',
    `${result.date} · ${result.customers.toLocaleString('en')} customers · target p95 ≤ ${result.target} ms · sequential requests, limit=20, signed in as admin (whole city)`,
    '',
  ];
  for (const database of result.databases) {
    lines.push(
      `## ${database.kind}`,
      '',
      `Start-up ${database.startupSeconds} s, of which generating and loading the demo city ${database.demoSeconds ?? '?'} s.`,
      '',
      '| query kind | samples | p50 ms | p95 ms | max ms | total hits of one pass | p95 ≤ target |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...database.kinds.map(
        (kind) =>
          `| ${kind.kind} | ${kind.samples} | ${kind.p50} | ${kind.p95} | ${kind.max} | ${kind.hits} | ${kind.pass ? 'yes' : 'no'} |`,
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
    console.log(`${kind}: starting a demo city of ${options.customers} customers…`);
    const database = await measure(kind, options);
    for (const entry of database.kinds) {
      console.log(
        `  ${entry.kind.padEnd(16)} p50 ${entry.p50} ms  p95 ${entry.p95} ms  ${entry.pass ? 'ok' : 'ABOVE TARGET'}`,
      );
    }
    console.log(`  start-up ${database.startupSeconds} s (demo city ${database.demoSeconds ?? '?'} s)`);
    databases.push(database);
  }
  const result = { benchmark, date, customers: options.customers, target: options.target, environment, databases };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${benchmark}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.out, `${benchmark}.md`), markdown(result));
  console.log(`Results in ${relative(process.cwd(), join(options.out, `${benchmark}.md`))}`);
  const missed = databases.some((database) => database.kinds.some((entry) => !entry.pass));
  process.exitCode = missed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
