// `kewo demo --data DIR` reuses DIR on later starts; the contract is "ready in ≤ 5 s" then.
// Measures, on one PGlite directory: the first start (building the demo city), then N restarts
// from spawn to a healthy /api/v1/health, against a baseline measured in the same run: a bare
// process that opens the same PGlite directory and closes it (the floor of any start).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchHost, freePort, repoRoot } from './lib/server.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;
const targetSeconds = 5;
const cli = join(repoRoot, 'server/src/cli.ts');
const parent = mkdtempSync(join(tmpdir(), 'kewo-restart-'));
const dataDir = join(parent, 'demo');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function startDemo(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  const child = spawn(process.execPath, [cli, 'demo', '--data', dataDir, '--host', benchHost, '--port', String(port)], {
    cwd: repoRoot,
    env,
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`kewo demo exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://${benchHost}:${port}/api/v1/health`);
        if (response.ok) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('not healthy in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function openDirectoryOnly(): Promise<number> {
  const started = performance.now();
  const script = `import { PGlite } from '@electric-sql/pglite'; import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)}, extensions: { pg_trgm } }); await db.query('select 1'); await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: 'inherit' });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`baseline exited with ${code}`);
  return (performance.now() - started) / 1000;
}

try {
  const firstStart = await startDemo();
  console.log(`first start (builds the demo city): ${firstStart.toFixed(2)} s`);
  const restarts: number[] = [];
  const baselines: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    baselines.push(await openDirectoryOnly());
    restarts.push(await startDemo());
    console.log(
      `round ${round}: restart ${restarts.at(-1)?.toFixed(2)} s, bare PGlite open ${baselines.at(-1)?.toFixed(2)} s`,
    );
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    firstStartSeconds: firstStart,
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
      '# Benchmark: `kewo demo` restart on an existing PGlite directory',
      '',
      `- Date: ${result.date}; Node ${result.node}; ${rounds} rounds`,
      `- First start (creates the demo city): ${firstStart.toFixed(2)} s`,
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
    `median restart ${result.medianRestartSeconds.toFixed(2)} s (baseline ${result.medianBaselineSeconds.toFixed(2)} s) — target ≤ ${targetSeconds} s ${result.met ? 'met' : 'MISSED'}`,
  );
  process.exitCode = result.met ? 0 : 1;
} finally {
  rmSync(parent, { recursive: true, force: true });
}
