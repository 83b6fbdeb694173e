import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoClock } from './demo-clock.ts';
import { e2ePort } from './playwright.config.ts';

// Starts `kewo demo` on a fresh PGlite directory, exactly as a new user would, on the demo clock
// (demo-clock.ts), and stops it after.
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kewo-e2e-'));
  const root = new URL('..', import.meta.url).pathname;
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server: ChildProcess = spawn(
    process.execPath,
    ['server/src/cli.ts', 'demo', '--data', dataDir, '--port', String(e2ePort)],
    {
      cwd: root,
      env: { ...environment, ...startDemoClock(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const deadline = Date.now() + 480_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`kewo demo exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${e2ePort}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('kewo demo did not become healthy in 480 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
