// What the province-scale benchmarks on PostgreSQL share (brand-kpis, credit, prices, surveys):
// their flags, a kewo_bench_… database seeded once and kept (--keep) or timed again (--reuse),
// timing, and the result files bench/results/<benchmark>[-<stores>].{json,md} with their exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { type Database, type DatabaseHandle, openDatabase } from '../../server/src/db/client.ts';
import { seedDemoCity } from '../../server/src/demo/seed-demo-city.ts';
import type { Environment } from './environment.ts';
import { round } from './load.ts';
import { dropDatabase, recreateDatabase } from './postgres.ts';
import { repoRoot } from './server.ts';

// A province: the scale the targets are set for; another scale writes <benchmark>-<stores>.*.
export const provinceStores = 250_000;

// The flags every province benchmark takes, to spread into parseArgs' options beside its own
// (targets); `database` is its kewo_bench_… database's name.
export function provinceOptions(database: string) {
  return {
    stores: { type: 'string', default: process.env.BENCH_STORES ?? String(provinceStores) },
    runs: { type: 'string', default: process.env.BENCH_ROUNDS ?? '5' },
    rounds: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${database}`,
    },
    out: { type: 'string', default: 'bench/results' },
    // Accepted for `npm run bench`, not used here.
    duration: { type: 'string' },
    connections: { type: 'string' },
    pause: { type: 'string' },
    warmup: { type: 'string' },
    user: { type: 'string' },
    db: { type: 'string' },
    scale: { type: 'string' },
    profile: { type: 'boolean' },
    help: { type: 'boolean' },
  } as const;
}

type ProvinceValues = { stores: string; runs: string; rounds?: string; 'database-url': string };

// --help prints the usage; `npm run bench -- --db pglite` skips the benchmark (PostgreSQL only, because …).
export function exitOnHelpOrPglite(
  values: { help?: boolean; db?: string },
  benchmark: string,
  usage: string,
  whyPostgresOnly: string,
) {
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values.db === 'pglite') {
    console.log(`${benchmark}: PostgreSQL only (${whyPostgresOnly}); skipped for --db pglite`);
    process.exit(0);
  }
}

export function scaleOf(values: ProvinceValues) {
  return { storeCount: Number(values.stores), runs: Number(values.rounds ?? values.runs), url: values['database-url'] };
}

export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
export const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

// The database, created afresh unless --reuse; `numberOf` reads a query's one `n`.
export async function openProvinceDatabase(url: string, { reuse }: { reuse: boolean }) {
  if (!reuse) await recreateDatabase(url);
  const database = await openDatabase({ url });
  const db = database.db;
  const numberOf = async (query: SQL) => Number(rowsOf<{ n: number }>(await db.execute(query))[0].n);
  return { database, db, numberOf };
}

// Dropped after the run unless it is kept (--keep) or was reused (--reuse).
export async function closeProvinceDatabase(
  database: DatabaseHandle,
  url: string,
  { keep, reuse }: { keep: boolean; reuse: boolean },
) {
  await database.close();
  if (!keep && !reuse) await dropDatabase(url);
}

// The demo city's org, managers and stores at this scale, without supply.
export async function seedProvince(db: Database, now: Date, storeCount: number) {
  const started = performance.now();
  const city = await seedDemoCity(db, now, { customers: storeCount, supply: false });
  const seconds = round((performance.now() - started) / 1000, 1);
  console.log(`${storeCount} stores seeded in ${elapsed(started)}`);
  return { city, seconds };
}

// The results file's second line: when, on what, how many runs, under what load.
export function runsLine(environment: Environment, runs: number, medianLoad: number): string {
  return `${new Date().toISOString()} · ${environment.cpuCount} × ${environment.cpuModel} · Node ${environment.node} · ${runs} runs, medians · shared machine, load average ≈ ${medianLoad}`;
}

// The results file's last paragraph: the problems found, or what was checked.
export function checkedParagraph(problems: string[], checked: string): string {
  return problems.length > 0
    ? `\n**The run is wrong** (exit 2):\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n`
    : `\n${checked}\n`;
}

// Writes <out>/<benchmark>[-<stores>].{json,md}, prints the result, and sets the exit code: 2 when
// a check failed, 1 when `missedTargets` says a target was missed.
export function reportResults(options: {
  benchmark: string;
  storeCount: number;
  out: string;
  result: { problems: string[]; environment: Environment };
  markdown: string;
  missedTargets: string | null;
}) {
  const { benchmark, storeCount, result } = options;
  const name = storeCount === provinceStores ? benchmark : `${benchmark}-${storeCount}`;
  const out = isAbsolute(options.out) ? options.out : join(repoRoot, options.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(out, `${name}.md`), options.markdown);
  console.log(JSON.stringify({ ...result, environment: undefined }, null, 2));
  if (result.problems.length > 0) {
    for (const problem of result.problems) console.error(`✗ ${problem}`);
    process.exitCode = 2;
  } else if (options.missedTargets !== null) {
    console.error(`✗ ${options.missedTargets}`);
    process.exitCode = 1;
  }
}
