import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { seedDemoCity } from '../../demo/seed-demo-city.ts';
import { csvOf, goodRow } from './customer-sheet-fixtures.ts';
import { customers } from './customers.schema.ts';

const cli = new URL('../../cli.ts', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'kewo-import-cli-'));
const dataDir = join(directory, 'data');
const environment = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', LANG: 'zh_CN.UTF-8' };

function kewo(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: environment, timeout: 120_000 });
}

describe('kewo import customers', () => {
  beforeAll(async () => {
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await seedDemoCity(database.db, new Date('2026-11-23T02:00:00Z'), { customers: 20 });
    await database.close();
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('imports a file all or nothing, printing counts, or the errors and a marked workbook', async () => {
    const bad = join(directory, 'stores-bad.csv');
    writeFileSync(bad, csvOf([goodRow('350602900001'), goodRow('350602900002', { 业态: '报刊亭' })]));
    const failed = kewo('import', 'customers', bad, '--data', dataDir);
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr).toContain('1 errors in 2 rows; nothing was imported');
    expect(failed.stderr).toContain('row 3, 业态 “报刊亭”');
    expect(existsSync(join(directory, 'stores-bad-错误标注.xlsx'))).toBe(true);

    const good = join(directory, 'stores.csv');
    writeFileSync(good, csvOf([goodRow('350602900001'), goodRow('350602900002')]));
    const imported = kewo('import', 'customers', good, '--data', dataDir, '--as', 'marketing');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 rows');
    expect(imported.stdout).toContain('2 created, 0 updated, 0 unchanged (as marketing)');

    const again = kewo('import', 'customers', good, '--data', dataDir, '--mode', 'upsert');
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged (as admin)');

    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.db
        .select({ licenceNo: customers.licenceNo })
        .from(customers)
        .where(and(eq(customers.licenceNo, '350602900001')));
      expect(rows).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 240_000);

  it('refuses an account that may not import', () => {
    const file = join(directory, 'one.csv');
    writeFileSync(file, csvOf([goodRow('350602900003')]));
    const result = kewo('import', 'customers', file, '--data', dataDir, '--as', 'manager01');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('only admin and marketing accounts import customers');
  }, 120_000);
});
