import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kewo-cli-'));
// The commands run a dozen times: Node keeps what it compiled (the TypeScript stripped of its types
// included) for the next one, here as for anyone who sets NODE_COMPILE_CACHE.
const environment = {
  ...process.env,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'kewo-node-compile-cache'),
};

function kewo(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: environment, timeout: 120_000 });
}

async function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/— (http:\/\/localhost:\d+)/);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('the kewo command', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, creates the first admin, serves, and shuts down cleanly on SIGTERM', async () => {
    expect(kewo('migrate', '--data', dataDir).status).toBe(0);
    const created = kewo(
      'user',
      'create',
      '--username',
      'root-admin',
      '--city',
      '莆田市烟草公司',
      '--city-code',
      '3503',
      '--data',
      dataDir,
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created admin "root-admin" in 莆田市烟草公司');
    const password = created.stdout.match(/Password \(shown once\): (\S+)/)?.[1];
    expect(password).toBeDefined();

    const server = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0'], { env: environment });
    const url = await waitForUrl(server);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root-admin', password }),
    });
    expect(login.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

    // The embedded database closed cleanly: it opens again with the account intact.
    const again = kewo('user', 'create', '--username', 'root-admin', '--data', dataDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('USERNAME_TAKEN');
  }, 300_000);

  it('refuses user create --city on a database that has a city, and adds a second city company with tenant create', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kewo-cli-tenants-'));
    try {
      const data = ['--data', directory];
      const first = kewo(
        'user',
        'create',
        '--username',
        'pt-admin',
        '--city',
        '莆田市烟草公司',
        '--city-code',
        '3503',
        ...data,
      );
      expect(first.status).toBe(0);

      // Reads as "create the city of 厦门": refused, where it used to add a city-wide admin to 莆田.
      const ambiguous = kewo(
        'user',
        'create',
        '--username',
        'xm-boss',
        '--city',
        '厦门市烟草公司',
        '--city-code',
        '3502',
        ...data,
      );
      expect(ambiguous.status).toBe(1);
      expect(ambiguous.stderr).toContain('CONSOLE_CITY_EXISTS');
      expect(ambiguous.stderr).toContain('kewo tenant create');
      const unnamed = kewo('user', 'create', '--username', 'pt-marketing', '--role', 'marketing', ...data);
      expect(unnamed.status).toBe(1);
      expect(unnamed.stderr).toContain('CONSOLE_TENANT_REQUIRED');
      expect(unnamed.stderr).toContain('--tenant');

      const added = kewo(
        'tenant',
        'create',
        '--code',
        'xiamen',
        '--name',
        '厦门市烟草公司',
        '--city-code',
        '3502',
        '--admin',
        'xm-boss',
        ...data,
      );
      expect(added.status, added.stderr).toBe(0);
      expect(added.stdout).toContain(
        'Created the city company 厦门市烟草公司 (xiamen) with its administrator "xm-boss"',
      );
      expect(added.stdout).toMatch(/Password \(shown once\): \S+/);
      const listed = kewo('tenant', 'list', ...data);
      expect(listed.status).toBe(0);
      expect(listed.stdout).toContain('xiamen\t厦门市烟草公司\t福建省');

      const named = kewo(
        'user',
        'create',
        '--username',
        'xm-marketing',
        '--role',
        'marketing',
        '--tenant',
        'xiamen',
        ...data,
      );
      expect(named.status, named.stderr).toBe(0);
      expect(named.stdout).toContain('Created marketing "xm-marketing" in 厦门市烟草公司');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 480_000);

  it('rejects a bad flag with a clear message', () => {
    const result = kewo('serve', '--port', 'eighty');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('a port 0–65535');
  });
});
