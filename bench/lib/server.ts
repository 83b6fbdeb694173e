// Starts the Kewo demo server as a child process, so the load generator and the server never
// share an event loop, and makes sure it is stopped (SIGTERM, then SIGKILL) whatever happens.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = join(repoRoot, 'server/src/cli.ts');

export const benchHost = '127.0.0.1';

export type DatabaseKind = 'pglite' | 'postgres';

export type ServerOptions = {
  kind: DatabaseKind;
  // PostgreSQL only: the database to serve (it is seeded with the demo when empty).
  databaseUrl?: string;
  // How long start-up (migrations and the demo seed) may take.
  startTimeoutMs?: number;
  // Extra flags for the server's node, e.g. --cpu-prof.
  nodeFlags?: string[];
  // Keep the temporary PGlite directory after the run.
  keepData?: boolean;
  // PGlite only: serve this directory (kept after the run) instead of a new temporary one, e.g.
  // to start again on what a killed server left.
  dataDir?: string;
  // Extra flags for `kewo demo`, e.g. ['--customers', '250000'].
  demoArgs?: string[];
};

export type RunningServer = {
  kind: DatabaseKind;
  baseUrl: string;
  pid: number;
  dataDir?: string;
  startupMs: number;
  stop: () => Promise<void>;
  // Rejects when the server exits before stop() is called: a crash mid-run.
  exited: Promise<never>;
  output: () => string;
};

const live = new Set<ChildProcess>();
// Temporary PGlite directories still to delete, should the process leave before stop().
const temporary = new Set<string>();
let handlersInstalled = false;

// Last resort: whatever path the bench process leaves by, no server outlives it.
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
    for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server${live.size === 1 ? '' : 's'} and leaving.`);
      Promise.all([...live].map((child) => terminate(child))).finally(() => process.exit(130));
    });
  }
}

function terminate(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      live.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, benchHost, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  installExitHandlers();
  const port = await freePort();
  const dataDir =
    options.kind === 'pglite' ? (options.dataDir ?? mkdtempSync(join(tmpdir(), 'kewo-bench-'))) : undefined;
  const keepData = options.keepData || options.dataDir !== undefined;
  if (dataDir && !keepData) temporary.add(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', HOST: benchHost, PORT: String(port) };
  delete env.KEWO_DATA_DIR;
  delete env.DATABASE_URL;
  if (options.kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('startServer: a PostgreSQL server needs databaseUrl');
    env.DATABASE_URL = options.databaseUrl;
  }
  const args = [...(options.nodeFlags ?? []), cliPath, 'demo', '--host', benchHost, '--port', String(port)];
  if (dataDir) args.push('--data', join(dataDir, 'db'));
  args.push(...(options.demoArgs ?? []));

  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopping = false;
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      if (!stopping) {
        reject(new Error(`the ${options.kind} server exited (${signal ?? `code ${code}`}):\n${output.trim()}`));
      }
    });
  });
  exited.catch(() => {}); // observed by whoever races it; never an unhandled rejection

  const stop = async () => {
    stopping = true;
    await terminate(child);
    if (dataDir && !keepData) {
      rmSync(dataDir, { recursive: true, force: true });
      temporary.delete(dataDir);
    }
  };

  const baseUrl = `http://${benchHost}:${port}`;
  const giveUp = new AbortController();
  try {
    await Promise.race([
      waitForHealth(baseUrl, options.kind, options.startTimeoutMs ?? 180_000, giveUp.signal),
      exited,
    ]);
  } catch (error) {
    giveUp.abort();
    await stop();
    throw error;
  }
  return {
    kind: options.kind,
    baseUrl,
    pid: child.pid ?? -1,
    dataDir,
    startupMs: performance.now() - started,
    stop,
    exited,
    output: () => output,
  };
}

async function waitForHealth(
  baseUrl: string,
  kind: DatabaseKind,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline && !signal.aborted) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { status?: string; db?: string };
      if (response.ok && body.status === 'ok') {
        if (body.db !== kind) throw new Error(`the server reports database ${body.db}, expected ${kind}`);
        return;
      }
      last = `HTTP ${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('the server reports')) throw error;
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not healthy after ${timeoutMs / 1000} s (${last})`);
}

// Signs in with the demo password and returns the Cookie header value of the new session.
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} failed: HTTP ${response.status} ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((pair) => pair.startsWith('kewo_session='));
  if (!session) throw new Error('sign-in answered 200 without a kewo_session cookie');
  const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: session } });
  if (!me.ok) throw new Error(`GET /auth/me with the new session answered HTTP ${me.status}`);
  await me.arrayBuffer();
  return session;
}
