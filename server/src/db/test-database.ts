import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseKind, openDatabase, pgliteHandle } from './client.ts';

// Integration tests run on every database kind available: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it). `describe.each(testDatabaseKinds)` runs a suite on each.
export const testDatabaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const pgliteTemplatePathVariable = 'KEWO_TEST_PGLITE_TEMPLATE';
// One template per test run (set by the global setup): runs of several worktrees on one server
// must not drop and re-migrate each other's template mid-run.
export const postgresTemplateVariable = 'KEWO_TEST_PG_TEMPLATE';
export function postgresTemplateDatabase(): string {
  return process.env[postgresTemplateVariable] ?? 'kewo_test_template';
}

// A fresh, migrated, empty database for one test file. PGlite loads a migrated snapshot made once
// by the global setup (4 s to initialise and migrate → ~1 s to load); PostgreSQL copies a
// migrated template database (CREATE DATABASE … TEMPLATE), then drops the copy on close.
export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return createPgliteTestDatabase();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `kewo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateDatabase()}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: withDatabase(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleaner.end());
    },
  };
}

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  const templatePath = process.env[pgliteTemplatePathVariable];
  if (!templatePath || !existsSync(templatePath)) {
    const handle = await openDatabase({ memory: true });
    await handle.migrate();
    return handle;
  }
  const loadDataDir = new Blob([readFileSync(templatePath)]);
  const client = await PGlite.create({ loadDataDir, extensions: { pg_trgm } });
  return pgliteHandle(client, { migrate: async () => {} });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
