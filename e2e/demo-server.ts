import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoClock } from './demo-clock.ts';

// The journeys' demo server: `kewo demo` on a fresh PGlite directory, exactly as a new user would
// start it, on the demo clock (demo-clock.ts). global-setup.ts starts it for a Playwright run of its
// own; `npm test` (scripts/test-all.ts) starts it before the Vitest run instead, so its build of the
// full demo city (minutes) overlaps the unit and integration tests, and tells global-setup so
// through `externalDemoVariable`.
export const e2ePort = Number(process.env.KEWO_E2E_PORT ?? 3210);
export const externalDemoVariable = 'KEWO_E2E_DEMO_STARTED';
// Building the full demo city (13 weeks of orders, visits, brand programmes, a year of prices) may
// take 8 minutes on a loaded machine.
export const demoHealthyWithinMs = 480_000;

export type E2eDemo = { server: ChildProcess; stop: () => Promise<void> };

// `logFile`: where its output goes (else this process's terminal). `customers`: a smaller city, for
// a quick check of this file; the journeys run on the full one.
export function startE2eDemo(options: { logFile?: string; customers?: number } = {}): E2eDemo {
  const output = options.logFile ? openSync(options.logFile, 'w') : 'inherit';
  const dataDir = mkdtempSync(join(tmpdir(), 'kewo-e2e-'));
  const root = new URL('..', import.meta.url).pathname;
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server: ChildProcess = spawn(
    process.execPath,
    [
      'server/src/cli.ts',
      'demo',
      '--data',
      dataDir,
      '--port',
      String(e2ePort),
      ...(options.customers === undefined ? [] : ['--customers', String(options.customers)]),
    ],
    {
      cwd: root,
      env: { ...environment, ...startDemoClock(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', output, output],
    },
  );
  if (typeof output === 'number') closeSync(output);
  return {
    server,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Waits for the demo to answer its health check; `server` (when this process started it) failing
// first is an error at once.
export async function waitForE2eDemo(server?: ChildProcess, withinMs = demoHealthyWithinMs): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (server && server.exitCode !== null) throw new Error(`kewo demo exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${e2ePort}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`kewo demo did not become healthy in ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
