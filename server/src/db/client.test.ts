import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir, openDatabase } from './client.ts';

describe(lockDataDir.name, () => {
  const parent = mkdtempSync(join(tmpdir(), 'kewo-lock-'));
  const dataDir = join(parent, 'db');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('refuses a directory that a live process holds', () => {
    writeFileSync(`${dataDir}.lock`, '1'); // pid 1 is always alive
    expect(() => lockDataDir(dataDir)).toThrow(/in use by process 1/);
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    writeFileSync(`${dataDir}.lock`, '999999999');
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('openDatabase on PostgreSQL', () => {
  it('turns JIT off for its connections', async () => {
    const handle = await openDatabase({ url: process.env.TEST_DATABASE_URL as string });
    try {
      const result = await handle.db.execute(sql`SELECT current_setting('jit') AS jit`);
      expect((result as unknown as { rows: { jit: string }[] }).rows[0].jit).toBe('off');
    } finally {
      await handle.close();
    }
  });
});
