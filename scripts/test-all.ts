// `npm test`: every suite in order — rules and integration tests (Vitest; on PGlite, and on
// PostgreSQL too when TEST_DATABASE_URL is set), then the browser tests (Playwright, Debian's
// Chromium). Ends with one line that sums them: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../e2e/chromium.ts';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-results');
rmSync(join(resultsDir, 'vitest.json'), { force: true });
rmSync(join(resultsDir, 'playwright.json'), { force: true });
mkdirSync(resultsDir, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

type Tally = { passed: number; failed: number; skipped: number };
const tallies: Record<string, Tally> = {};

console.log(
  `\n▶ Unit and integration tests (databases: PGlite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL' : ''})`,
);
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(resultsDir, 'vitest.json')}`,
]);
tallies.vitest = readVitest(join(resultsDir, 'vitest.json'), vitestStatus);

const browser = chromiumPath();
if (!browser) {
  const message = 'Chromium not found (install: apt-get install -y chromium fonts-noto-cjk); browser tests not run.';
  if (process.env.CI) {
    console.error(`✗ ${message}`);
    tallies.playwright = { passed: 0, failed: 1, skipped: 0 };
  } else {
    console.warn(`⚠ ${message}`);
    tallies.playwright = { passed: 0, failed: 0, skipped: 1 };
  }
} else {
  console.log('\n▶ Building the web app for the browser tests');
  const buildStatus = run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (buildStatus !== 0) {
    tallies.playwright = { passed: 0, failed: 1, skipped: 0 };
  } else {
    console.log('\n▶ Browser tests (Playwright, Chromium)');
    const playwrightStatus = run('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts']);
    tallies.playwright = readPlaywright(join(resultsDir, 'playwright.json'), playwrightStatus);
  }
}

const total = Object.values(tallies).reduce(
  (sum, tally) => ({
    passed: sum.passed + tally.passed,
    failed: sum.failed + tally.failed,
    skipped: sum.skipped + tally.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
for (const [suite, tally] of Object.entries(tallies)) {
  console.log(`  ${suite}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);

function readVitest(path: string, status: number): Tally {
  if (!existsSync(path)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A suite that fails to load has no failed test, but is a failure all the same.
  const failed =
    report.numFailedTests + report.numFailedTestSuites + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

function readPlaywright(path: string, status: number): Tally {
  if (!existsSync(path)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + (status !== 0 && unexpected === 0 ? 1 : 0);
  // A journey that passed only on its retry counts as passed, and is named here (the list above
  // shows which, and why its first attempt failed).
  if (flaky > 0) console.log(`  playwright: ${flaky} passed on retry (flaky)`);
  return { passed: expected + flaky, failed, skipped };
}
