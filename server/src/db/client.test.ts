import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './client.ts';

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
