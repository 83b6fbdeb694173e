// GET /api/v1/auth/me (valid session) against GET /api/v1/health, on the same server in the
// same run: the authenticated route must keep ≥ 70 % of health's requests/s.
//
//   npx node bench/auth-me-vs-health.ts                          5 rounds × 10 s, every database
//   npx node bench/auth-me-vs-health.ts --duration 5 --rounds 3  a quick run
//   npx node bench/auth-me-vs-health.ts --help                   every option
//
// Each database kind gets its own server (a child process), a fresh demo city, one session,
// a warm-up, then rounds of health and me back to back, in ABBA order so drift hits both alike.
// Writes bench/results/auth-me-vs-health.{json,md}; exits 1 when a median ratio misses the
// target, 2 when the benchmark itself failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CpuMeter, type CpuUsage } from './lib/cpu.ts';
import { describeEnvironment, type Environment } from './lib/environment.ts';
import { median, problemOf, round, runLoad, type Sample } from './lib/load.ts';
import {
  defaultBenchDatabaseUrl,
  dropDatabase,
  recreateDatabase,
  redact,
  serverVersion,
  whyUnreachable,
} from './lib/postgres.ts';
import { Inspector, inspectFlag, inspectorUrlOf, type ProfileSummary, summarize } from './lib/profiler.ts';
import { type DatabaseKind, type RunningServer, repoRoot, signIn, startServer } from './lib/server.ts';

const benchmark = 'auth-me-vs-health';
const endpoints = { health: '/api/v1/health', me: '/api/v1/auth/me' } as const;
type Endpoint = keyof typeof endpoints;

const usage = `Usage: npx node bench/${benchmark}.ts [options]   (each option also reads the BENCH_* variable shown)

  --duration S      seconds per measurement                        BENCH_DURATION     10
  --rounds N        rounds; each measures health and me once       BENCH_ROUNDS       5
  --connections C   concurrent connections                         BENCH_CONNECTIONS  50
  --warmup S        warm-up seconds per endpoint before round 1    BENCH_WARMUP       5
  --pause S         idle seconds between measurements              BENCH_PAUSE        1
  --db KIND         pglite, postgres, or all (PG when reachable)   BENCH_DB           all
  --database-url U  PostgreSQL database, dropped and recreated     BENCH_DATABASE_URL ${defaultBenchDatabaseUrl}
  --target R        minimum median ratio me/health                 BENCH_TARGET       0.70
  --user NAME       demo account to sign in as                     BENCH_USER         admin
  --out DIR         results directory                              BENCH_OUT          bench/results
  --profile         after the rounds, profile the server under each endpoint's load (one more
                    measurement each, over the inspector) and summarise where the CPU went;
                    profiles go to DIR/profiles/ (open them in Chrome DevTools)
  --keep            keep the PGlite directory and the PostgreSQL database afterwards
  -h, --help`;

type Options = {
  durationSeconds: number;
  rounds: number;
  connections: number;
  warmupSeconds: number;
  pauseSeconds: number;
  db: 'pglite' | 'postgres' | 'all';
  databaseUrl: string;
  target: number;
  user: string;
  outDir: string;
  profile: boolean;
  keep: boolean;
};

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      pause: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      target: { type: 'string' },
      user: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const env = process.env;
  const number = (name: string, raw: string | undefined, fallback: number, check: (value: number) => boolean) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || !check(value)) throw new UsageError(`--${name}: "${raw}" is not valid`);
    return value;
  };
  const positive = (value: number) => value > 0;
  const db = values.db ?? env.BENCH_DB ?? 'all';
  if (db !== 'pglite' && db !== 'postgres' && db !== 'all') throw new UsageError(`--db: "${db}" is not valid`);
  return {
    durationSeconds: number('duration', values.duration ?? env.BENCH_DURATION, 10, positive),
    rounds: number('rounds', values.rounds ?? env.BENCH_ROUNDS, 5, (value) => Number.isInteger(value) && value > 0),
    connections: number(
      'connections',
      values.connections ?? env.BENCH_CONNECTIONS,
      50,
      (value) => Number.isInteger(value) && value > 0,
    ),
    warmupSeconds: number('warmup', values.warmup ?? env.BENCH_WARMUP, 5, (value) => value >= 0),
    pauseSeconds: number('pause', values.pause ?? env.BENCH_PAUSE, 1, (value) => value >= 0),
    db,
    databaseUrl: values['database-url'] ?? env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl,
    target: number('target', values.target ?? env.BENCH_TARGET, 0.7, (value) => value > 0 && value <= 10),
    user: values.user ?? env.BENCH_USER ?? 'admin',
    outDir: values.out ?? env.BENCH_OUT ?? join(repoRoot, 'bench/results'),
    profile: values.profile ?? false,
    keep: values.keep ?? false,
  };
}

class UsageError extends Error {}

// One measurement: autocannon's figures plus the CPU the server (and PostgreSQL) spent on it.
type Measurement = Sample & {
  cpu: CpuUsage | null;
  // Requests per CPU-second of the server (plus PostgreSQL's backends): steadier than req/s on a
  // busy machine, since other processes' load changes it little.
  requestsPerCpuSecond: number | null;
  // The server process's CPU use, in % of one core (100 = one core busy all along).
  serverCpuPercent: number | null;
  loadAverage: number;
};

type Round = {
  round: number;
  order: Endpoint[];
  health: Measurement;
  me: Measurement;
  ratio: number;
  cpuRatio: number | null;
};

type EndpointMedians = { rps: number; p50: number; p99: number; requestsPerCpuSecond: number | null };

type DatabaseResult = {
  kind: DatabaseKind;
  detail: string;
  startupSeconds: number;
  warmup: Record<Endpoint, Measurement> | null;
  rounds: Round[];
  median: {
    health: EndpointMedians;
    me: EndpointMedians;
    // The median of the per-round ratios me/health of req/s: what the target is checked against.
    ratio: number;
    minRatio: number;
    maxRatio: number;
    // The median of the per-round ratios of requests per CPU-second (informative).
    cpuRatio: number | null;
  };
  pass: boolean;
  // With --profile: one more measurement per endpoint, under the CPU profiler (not in the medians).
  profiles?: Record<Endpoint, { file: string; sample: Measurement; summary: ProfileSummary }>;
};

type Skipped = { kind: DatabaseKind; skipped: string };

type Bench = { server: RunningServer; meter: CpuMeter; options: Options; cookie: string };

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const demoPassword = 'kewo-demo-2026';

async function measure(bench: Bench, endpoint: Endpoint, seconds: number): Promise<Measurement> {
  const { server, meter, options, cookie } = bench;
  const metered = meter.available();
  const before = metered ? await meter.read() : undefined;
  const sample = await Promise.race([
    runLoad({
      url: `${server.baseUrl}${endpoints[endpoint]}`,
      connections: options.connections,
      durationSeconds: seconds,
      headers: endpoint === 'me' ? { cookie } : undefined,
    }),
    server.exited,
  ]);
  const after = before ? await meter.read() : undefined;
  const problem = problemOf(sample);
  if (problem) throw new Error(`${server.kind} ${endpoints[endpoint]}: ${problem}`);
  const cpu = before && after ? CpuMeter.usage(before, after, server.kind === 'postgres') : null;
  const cpuSeconds = cpu ? cpu.serverSeconds + (cpu.databaseSeconds ?? 0) : 0;
  return {
    ...sample,
    cpu,
    requestsPerCpuSecond: cpu && cpuSeconds > 0 ? Math.round(sample.requests / cpuSeconds) : null,
    serverCpuPercent: cpu ? Math.round((100 * cpu.serverSeconds) / sample.durationSeconds) : null,
    loadAverage: round(loadavg()[0], 2),
  };
}

const ratioOf = (numerator: number | null, denominator: number | null) =>
  numerator === null || denominator === null || denominator === 0 ? null : round(numerator / denominator, 3);

function medianOrNull(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === values.length && present.length > 0 ? median(present) : null;
}

async function benchDatabase(kind: DatabaseKind, options: Options): Promise<DatabaseResult> {
  let detail = 'PGlite (embedded, in the server process), fresh temporary directory';
  if (kind === 'postgres') {
    detail = `PostgreSQL ${await serverVersion(options.databaseUrl)} at ${redact(options.databaseUrl)}, recreated`;
    await recreateDatabase(options.databaseUrl);
  }
  console.log(`\n▶ ${kind}: ${detail}`);
  let server: RunningServer | undefined;
  let meter: CpuMeter | undefined;
  try {
    server = await startServer({
      kind,
      databaseUrl: kind === 'postgres' ? options.databaseUrl : undefined,
      keepData: options.keep,
      nodeFlags: options.profile ? [inspectFlag] : [],
    });
    console.log(`  server pid ${server.pid} ready at ${server.baseUrl} in ${(server.startupMs / 1000).toFixed(1)} s`);
    meter = await CpuMeter.open(server.pid, kind === 'postgres' ? options.databaseUrl : undefined);
    const cookie = await signIn(server.baseUrl, options.user, demoPassword);
    console.log(`  signed in as ${options.user}`);
    const bench: Bench = { server, meter, options, cookie };

    let warmup: DatabaseResult['warmup'] = null;
    if (options.warmupSeconds > 0) {
      const health = await measure(bench, 'health', options.warmupSeconds);
      const me = await measure(bench, 'me', options.warmupSeconds);
      warmup = { health, me };
      console.log(`  warm-up: health ${health.rps.toFixed(0)} req/s, me ${me.rps.toFixed(0)} req/s`);
    }

    const rounds: Round[] = [];
    for (let index = 0; index < options.rounds; index += 1) {
      const order: Endpoint[] = index % 2 === 0 ? ['health', 'me'] : ['me', 'health'];
      const measured: Partial<Record<Endpoint, Measurement>> = {};
      for (const endpoint of order) {
        if (options.pauseSeconds > 0) await sleep(options.pauseSeconds);
        measured[endpoint] = await measure(bench, endpoint, options.durationSeconds);
      }
      const health = measured.health!;
      const me = measured.me!;
      const entry: Round = {
        round: index + 1,
        order,
        health,
        me,
        ratio: round(me.rps / health.rps, 3),
        cpuRatio: ratioOf(me.requestsPerCpuSecond, health.requestsPerCpuSecond),
      };
      rounds.push(entry);
      console.log(
        `  round ${entry.round}/${options.rounds} (${order.join('→')}): health ${fmtSample(health)} | me ${fmtSample(me)} | ratio ${entry.ratio.toFixed(3)}${entry.cpuRatio === null ? '' : `, per CPU-s ${entry.cpuRatio.toFixed(3)}`}`,
      );
    }

    const ratios = rounds.map((entry) => entry.ratio);
    const medianOf = (endpoint: Endpoint): EndpointMedians => ({
      rps: round(median(rounds.map((entry) => entry[endpoint].rps)), 1),
      p50: median(rounds.map((entry) => entry[endpoint].p50)),
      p99: median(rounds.map((entry) => entry[endpoint].p99)),
      requestsPerCpuSecond: medianOrNull(rounds.map((entry) => entry[endpoint].requestsPerCpuSecond)),
    });
    const ratio = round(median(ratios), 3);
    const cpuRatio = medianOrNull(rounds.map((entry) => entry.cpuRatio));
    const profiles = options.profile ? await profileEndpoints(bench) : undefined;
    return {
      kind,
      detail,
      startupSeconds: round(server.startupMs / 1000, 1),
      warmup,
      rounds,
      median: {
        health: medianOf('health'),
        me: medianOf('me'),
        ratio,
        minRatio: Math.min(...ratios),
        maxRatio: Math.max(...ratios),
        cpuRatio: cpuRatio === null ? null : round(cpuRatio, 3),
      },
      pass: ratio >= options.target,
      profiles,
    };
  } finally {
    await meter?.close();
    await server?.stop();
    if (kind === 'postgres' && !options.keep) await dropDatabase(options.databaseUrl).catch(() => {});
  }
}

async function profileEndpoints(bench: Bench): Promise<NonNullable<DatabaseResult['profiles']>> {
  const { server, options } = bench;
  const url = inspectorUrlOf(server.output());
  if (!url) throw new Error(`no inspector address in the server's output:\n${server.output()}`);
  const inspector = await Inspector.connect(url);
  const directory = join(options.outDir, 'profiles');
  mkdirSync(directory, { recursive: true });
  try {
    const profiles: Partial<NonNullable<DatabaseResult['profiles']>> = {};
    for (const endpoint of ['health', 'me'] as const) {
      if (options.pauseSeconds > 0) await sleep(options.pauseSeconds);
      const { result: sample, profile } = await inspector.profile(() =>
        measure(bench, endpoint, options.durationSeconds),
      );
      const file = join(directory, `${benchmark}-${server.kind}-${endpoint}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const summary = summarize(profile);
      profiles[endpoint] = { file: relative(repoRoot, file), sample, summary };
      console.log(`  profiled ${endpoint} (${fmtSample(sample)}) → ${relative(process.cwd(), file)}`);
      console.log(`    CPU by package: ${summary.byArea.map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`);
    }
    return profiles as NonNullable<DatabaseResult['profiles']>;
  } finally {
    inspector.close();
  }
}

function fmtSample(sample: Measurement): string {
  const cpu = sample.serverCpuPercent === null ? '' : ` cpu ${sample.serverCpuPercent}%`;
  return `${sample.rps.toFixed(0)} req/s p50 ${sample.p50} ms p99 ${sample.p99} ms${cpu}`;
}

async function chooseDatabases(options: Options): Promise<{ kinds: DatabaseKind[]; skipped: Skipped[] }> {
  if (options.db === 'pglite') return { kinds: ['pglite'], skipped: [] };
  const unreachable = await whyUnreachable(options.databaseUrl);
  if (options.db === 'postgres') {
    if (unreachable) throw new Error(`PostgreSQL at ${redact(options.databaseUrl)} is not reachable: ${unreachable}`);
    return { kinds: ['postgres'], skipped: [] };
  }
  if (!unreachable) return { kinds: ['pglite', 'postgres'], skipped: [] };
  console.log(`PostgreSQL at ${redact(options.databaseUrl)} is not reachable (${unreachable}); PGlite only.`);
  return { kinds: ['pglite'], skipped: [{ kind: 'postgres', skipped: `not reachable: ${unreachable}` }] };
}

type Report = {
  benchmark: string;
  description: string;
  date: string;
  finishedAt: string;
  target: number;
  pass: boolean;
  settings: {
    connections: number;
    durationSeconds: number;
    rounds: number;
    warmupSeconds: number;
    pauseSeconds: number;
    user: string;
    loadGenerator: string;
    order: string;
  };
  environment: Environment & { loadAverageAtEnd: number[] };
  databases: (DatabaseResult | Skipped)[];
};

const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '—' : `${value} %`);

function markdown(report: Report): string {
  const { settings, environment } = report;
  const lines = [
    `# Benchmark: GET /api/v1/auth/me vs GET /api/v1/health`,
    '',
    `${report.description}`,
    '',
    `- Date: ${report.date} (finished ${report.finishedAt})`,
    `- Result: **${report.pass ? 'PASS' : 'FAIL'}** — target: median ratio me/health ≥ ${report.target.toFixed(2)}`,
    `- Load: autocannon, ${settings.connections} connections, ${settings.rounds} rounds × ${settings.durationSeconds} s per endpoint, ${settings.warmupSeconds} s warm-up per endpoint, ${settings.pauseSeconds} s pause between measurements, order ${settings.order}`,
    `- Machine: ${environment.cpuCount} CPUs (${environment.cpuModel}), ${environment.memoryGiB} GiB, ${environment.platform}, load average ${environment.loadAverageAtStart.join(' ')} at start, ${environment.loadAverageAtEnd.join(' ')} at end`,
    `- Node ${environment.node}; commit ${environment.git ? `${environment.git.commit.slice(0, 12)}${environment.git.serverDirty ? ' + uncommitted changes to the server' : environment.git.dirty ? ' (server unchanged; other files changed)' : ''}` : 'unknown'}; server source hash ${environment.serverSourceHash}`,
    '',
    '## Summary (medians across rounds)',
    '',
    '| Database | health req/s | health p50 / p99 (ms) | me req/s | me p50 / p99 (ms) | ratio me/health (min–max) | ≥ target | ratio per CPU-second |',
    '|---|---:|---:|---:|---:|---:|:---:|---:|',
  ];
  for (const entry of report.databases) {
    if ('skipped' in entry) {
      lines.push(`| ${entry.kind} | — | — | — | — | skipped: ${entry.skipped} | — | — |`);
      continue;
    }
    const { health, me, ratio, minRatio, maxRatio, cpuRatio } = entry.median;
    lines.push(
      `| ${entry.kind} | ${health.rps.toFixed(0)} | ${health.p50} / ${health.p99} | ${me.rps.toFixed(0)} | ${me.p50} / ${me.p99} | **${ratio.toFixed(3)}** (${minRatio.toFixed(3)}–${maxRatio.toFixed(3)}) | ${entry.pass ? '✅' : '❌'} | ${fixed(cpuRatio, 3)} |`,
    );
  }
  for (const entry of report.databases) {
    if ('skipped' in entry) continue;
    lines.push(
      '',
      `## ${entry.kind}`,
      '',
      `${entry.detail}; server ready in ${entry.startupSeconds} s.`,
      '',
      '| Round | Order | health req/s | health p50 | health p99 | health CPU | me req/s | me p50 | me p99 | me CPU | ratio | ratio per CPU-s | load avg |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of entry.rounds) {
      lines.push(
        `| ${row.round} | ${row.order.join(' → ')} | ${row.health.rps.toFixed(0)} | ${row.health.p50} | ${row.health.p99} | ${percent(row.health.serverCpuPercent)} | ${row.me.rps.toFixed(0)} | ${row.me.p50} | ${row.me.p99} | ${percent(row.me.serverCpuPercent)} | ${row.ratio.toFixed(3)} | ${fixed(row.cpuRatio, 3)} | ${row.me.loadAverage} |`,
      );
    }
    const { health, me, ratio, cpuRatio } = entry.median;
    lines.push(
      `| median | | ${health.rps.toFixed(0)} | ${health.p50} | ${health.p99} | | ${me.rps.toFixed(0)} | ${me.p50} | ${me.p99} | | **${ratio.toFixed(3)}** | ${fixed(cpuRatio, 3)} | |`,
    );
  }
  for (const entry of report.databases) {
    if ('skipped' in entry || !entry.profiles) continue;
    lines.push('', `## ${entry.kind}: where the server's CPU went (--profile)`, '');
    for (const [endpoint, { file, sample, summary }] of Object.entries(entry.profiles)) {
      lines.push(
        `**${endpoints[endpoint as Endpoint]}** — ${sample.rps.toFixed(0)} req/s while profiled, ${summary.totalMs} ms sampled, \`${file}\``,
        '',
        `- by package (native and Node frames charged to their caller): ${summary.byArea.map(({ name, percent }) => `${name} ${percent} %`).join(', ')}`,
        `- by function (self time): ${summary.byFunction.map(({ name, percent }) => `\`${name}\` ${percent} %`).join(', ')}`,
        '',
      );
    }
  }
  lines.push(
    '',
    'Latencies in milliseconds (autocannon p50/p99). The ratio of a round is me req/s ÷ health req/s in that round; the target is checked against the median of the rounds’ ratios. CPU is the server process’s use of one core during the measurement (from /proc). “Ratio per CPU-second” compares requests per CPU-second of the server (plus, on PostgreSQL, its backends): it moves much less than req/s when other work shares the machine, and is informative only. Load avg is the 1-minute load average after the round. Raw figures: `auth-me-vs-health.json`.',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const environment = describeEnvironment();
  const date = new Date().toISOString();
  console.log(
    `${benchmark}: ${options.connections} connections, ${options.rounds} rounds × ${options.durationSeconds} s (+${options.warmupSeconds} s warm-up), target ratio ≥ ${options.target}`,
  );
  console.log(
    `node ${environment.node}, ${environment.cpuCount} CPUs, load average ${environment.loadAverageAtStart.join(' ')}`,
  );

  const { kinds, skipped } = await chooseDatabases(options);
  const databases: (DatabaseResult | Skipped)[] = [];
  for (const kind of kinds) databases.push(await benchDatabase(kind, options));
  databases.push(...skipped);

  const measured = databases.filter((entry): entry is DatabaseResult => !('skipped' in entry));
  const report: Report = {
    benchmark,
    description:
      'GET /api/v1/auth/me with a valid session (the access check’s session — kept in memory after its first lookup, until the database announces a change — then the profile) against GET /api/v1/health (SELECT 1), same server (a child process) in the same run. The authenticated route should keep at least 70 % of health’s requests/s.',
    date,
    finishedAt: new Date().toISOString(),
    target: options.target,
    pass: measured.every((entry) => entry.pass),
    settings: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      rounds: options.rounds,
      warmupSeconds: options.warmupSeconds,
      pauseSeconds: options.pauseSeconds,
      user: options.user,
      loadGenerator: 'autocannon 9 (programmatic, in the benchmark process; the server is a separate process)',
      order: 'ABBA: odd rounds health → me, even rounds me → health',
    },
    environment: { ...environment, loadAverageAtEnd: loadavg().map((value) => round(value, 2)) },
    databases,
  };

  mkdirSync(options.outDir, { recursive: true });
  const jsonPath = join(options.outDir, `${benchmark}.json`);
  const markdownPath = join(options.outDir, `${benchmark}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdownPath, markdown(report));

  console.log(`\n${benchmark} — medians of ${options.rounds} rounds × ${options.durationSeconds} s:`);
  for (const entry of databases) {
    if ('skipped' in entry) {
      console.log(`  ${entry.kind.padEnd(8)} skipped (${entry.skipped})`);
      continue;
    }
    const { health, me, ratio, minRatio, maxRatio, cpuRatio } = entry.median;
    console.log(
      `  ${entry.kind.padEnd(8)} health ${health.rps.toFixed(0)} req/s (p50 ${health.p50} ms, p99 ${health.p99} ms) | me ${me.rps.toFixed(0)} req/s (p50 ${me.p50} ms, p99 ${me.p99} ms) | ratio ${ratio.toFixed(3)} [${minRatio.toFixed(3)}–${maxRatio.toFixed(3)}] ${entry.pass ? 'PASS' : `FAIL (< ${options.target})`} | per CPU-s ${fixed(cpuRatio, 3)}`,
    );
  }
  console.log(`  results: ${relative(process.cwd(), jsonPath)}, ${relative(process.cwd(), markdownPath)}`);
  return report.pass ? 0 : 1;
}

// process.exit, not exitCode: a stray handle (a socket, a timer) must not keep the run alive;
// the exit handler in lib/server.ts still kills any server left.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
    } else {
      console.error(`\n${benchmark} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(2);
  },
);
