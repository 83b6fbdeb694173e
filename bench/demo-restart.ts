// `kewo demo` on PGlite, from spawn to a healthy /api/v1/health, two contracts:
// - the first start builds the whole demo city with its history (24,000 stores, 13 weeks of orders,
//   grades, classes, visits, tickets, the open cycle) in ≤ 60 s. Measured --first-starts
//   times, each on a fresh directory, against the first start of an empty city in the same run
//   (`--customers 0`: migrations, staff, products; the floor every first start pays);
// - later starts reuse the directory and are ready in ≤ 5 s. Measured --rounds times on the last
//   directory, against a bare process that opens the same directory and closes it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHost, freePort, repoRoot } from './lib/server.ts';

function numberFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return (index > 0 && Number(process.argv[index + 1])) || fallback;
}

const rounds = Number(process.env.BENCH_ROUNDS) || numberFlag('--rounds', 5);
const firstStarts = numberFlag('--first-starts', 3);
const targetSeconds = 5;
const firstStartTargetSeconds = 60;
const cli = join(repoRoot, 'server/src/cli.ts');
const parent = mkdtempSync(join(tmpdir(), 'kewo-restart-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Seconds from spawn to a healthy server on `dataDir`, and the building of the city alone as
// `kewo demo` prints it ("Demo city ready in 47.2 s.", its first step to its last; absent on a restart).
async function startDemo(dataDir: string, extra: string[] = []): Promise<{ seconds: number; buildSeconds?: number }> {
  const port = await freePort();
  const started = performance.now();
  const env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  const args = [cli, 'demo', '--data', dataDir, '--host', benchHost, '--port', String(port), ...extra];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const buildSeconds = () => {
    const match = /Demo city ready in ([\d.]+) s/.exec(output);
    return match ? Number(match[1]) : undefined;
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`kewo demo exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://${benchHost}:${port}/api/v1/health`);
        if (response.ok) return { seconds: (performance.now() - started) / 1000, buildSeconds: buildSeconds() };
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 300_000) throw new Error('not healthy in 300 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function openDirectoryOnly(dataDir: string): Promise<number> {
  const started = performance.now();
  const script = `import { PGlite } from '@electric-sql/pglite'; import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)}, extensions: { pg_trgm } }); await db.query('select 1'); await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: 'inherit' });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`baseline exited with ${code}`);
  return (performance.now() - started) / 1000;
}

try {
  // First starts, alternating with the empty city's, each on a directory of its own.
  const firstStartRuns: number[] = [];
  const buildRuns: number[] = [];
  const emptyStartRuns: number[] = [];
  const loads: string[] = [];
  // The restarts reuse the last first start's directory.
  let dataDir = '';
  for (let run = 1; run <= firstStarts; run += 1) {
    loads.push(loadavg()[0].toFixed(2));
    const emptyDir = join(parent, `empty-${run}`);
    const empty = await startDemo(emptyDir, ['--customers', '0']);
    rmSync(emptyDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = join(parent, `demo-${run}`);
    const first = await startDemo(dataDir);
    firstStartRuns.push(first.seconds);
    buildRuns.push(first.buildSeconds ?? Number.NaN);
    emptyStartRuns.push(empty.seconds);
    console.log(
      `first start ${run}: demo city ${first.seconds.toFixed(2)} s (building it ${first.buildSeconds} s), empty city ${empty.seconds.toFixed(2)} s`,
    );
  }
  const firstStart = median(firstStartRuns);
  const medianBuildSeconds = median(buildRuns);
  const restarts: number[] = [];
  const baselines: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    baselines.push(await openDirectoryOnly(dataDir));
    restarts.push((await startDemo(dataDir)).seconds);
    console.log(
      `round ${round}: restart ${restarts.at(-1)?.toFixed(2)} s, bare PGlite open ${baselines.at(-1)?.toFixed(2)} s`,
    );
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
    loadAverageAtFirstStarts: loads,
    firstStartSeconds: firstStart,
    firstStartRuns,
    buildRuns,
    medianBuildSeconds,
    emptyCityStartRuns: emptyStartRuns,
    medianEmptyCityStartSeconds: median(emptyStartRuns),
    firstStartTargetSeconds,
    buildMet: medianBuildSeconds <= firstStartTargetSeconds,
    firstStartMet: firstStart <= firstStartTargetSeconds,
    restartSeconds: restarts,
    baselineOpenSeconds: baselines,
    medianRestartSeconds: median(restarts),
    medianBaselineSeconds: median(baselines),
    ratioToBaseline: median(restarts) / median(baselines),
    targetSeconds,
    met: median(restarts) <= targetSeconds,
  };
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench/results/demo-restart.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(repoRoot, 'bench/results/demo-restart.md'),
    [
      '# Benchmark: `kewo demo` on PGlite, first start and restart',
      '',
      `- Date: ${result.date}; Node ${result.node}; ${result.cpus}`,
      `- ${firstStarts} first starts, each on a fresh directory (load average at each: ${loads.join(' / ')}); ${rounds} restarts`,
      '',
      '## First start: the demo city with its history',
      '',
      '| | median (s) | all runs (s) |',
      '|---|---:|---|',
      `| first start → healthy (24,000 stores, 13 weeks of orders, grades, classes, visits, tickets, open cycle) | ${firstStart.toFixed(2)} | ${firstStartRuns.map((value) => value.toFixed(2)).join(', ')} |`,
      `| · of which building the city, as \`kewo demo\` prints it (its first step to its last) | ${result.medianBuildSeconds.toFixed(2)} | ${buildRuns.map((value) => value.toFixed(2)).join(', ')} |`,
      `| baseline: first start of an empty city (\`--customers 0\`) | ${result.medianEmptyCityStartSeconds.toFixed(2)} | ${emptyStartRuns.map((value) => value.toFixed(2)).join(', ')} |`,
      '',
      `Target ≤ ${firstStartTargetSeconds} s, building the city: **${result.buildMet ? 'met' : 'missed'}**; the whole first start, process and fresh database included: **${result.firstStartMet ? 'met' : 'missed'}**.`,
      'The empty city shows what every first start pays before the first row: Node loading the server, PGlite creating a fresh directory (initdb, ~5 s here), the migrations.',
      '',
      '## Restart on the same directory',
      '',
      '| | median (s) | all rounds (s) |',
      '|---|---:|---|',
      `| restart → healthy | ${result.medianRestartSeconds.toFixed(2)} | ${restarts.map((value) => value.toFixed(2)).join(', ')} |`,
      `| baseline: bare PGlite open + close | ${result.medianBaselineSeconds.toFixed(2)} | ${baselines.map((value) => value.toFixed(2)).join(', ')} |`,
      '',
      `Restart / baseline: **${result.ratioToBaseline.toFixed(2)}×**. Target ≤ ${targetSeconds} s: **${result.met ? 'met' : 'missed'}**.`,
      '',
    ].join('\n'),
  );
  console.log(
    `median first start ${firstStart.toFixed(2)} s, building the city ${result.medianBuildSeconds.toFixed(2)} s — target ≤ ${firstStartTargetSeconds} s ${result.buildMet ? 'met' : 'MISSED'}; median restart ${result.medianRestartSeconds.toFixed(2)} s (baseline ${result.medianBaselineSeconds.toFixed(2)} s) — target ≤ ${targetSeconds} s ${result.met ? 'met' : 'MISSED'}`,
  );
  process.exitCode = result.met && result.buildMet ? 0 : 1;
} finally {
  rmSync(parent, { recursive: true, force: true });
}
