import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder, openDatabase } from './client.ts';
import {
  builtTemplatePrefix,
  pgliteTemplatePathVariable,
  postgresTemplateDatabase,
  postgresTemplateVariable,
  testSnapshotDirectoryVariable,
  withDatabase,
} from './test-database.ts';

// Vitest global setup: migrate once, then let every test file copy the result.
export default async function setup() {
  const directory = mkdtempSync(join(tmpdir(), 'kewo-test-'));
  const client = await PGlite.create({ extensions: { pg_trgm } });
  await migrate(drizzle(client), { migrationsFolder });
  const snapshot = await client.dumpDataDir('none');
  const templatePath = join(directory, 'pglite-template.tar');
  writeFileSync(templatePath, Buffer.from(await snapshot.arrayBuffer()));
  await client.close();
  process.env[pgliteTemplatePathVariable] = templatePath;
  // The run's built databases (createBuiltTestDatabase: the seeded demo cities) live here and in
  // PostgreSQL templates named after the run's: made by the first test file that needs one, gone
  // with the run, so a run never sees the seed of code it no longer runs.
  process.env[testSnapshotDirectoryVariable] = directory;

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    process.env[postgresTemplateVariable] = `kewo_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateDatabase()} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${postgresTemplateDatabase()}`);
    } finally {
      await admin.end();
    }
    const template = await openDatabase({ url: withDatabase(url, postgresTemplateDatabase()) });
    await template.migrate();
    await template.close();
  }

  return async () => {
    rmSync(directory, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const prefix = builtTemplatePrefix();
        const built = await admin.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1',
          [prefix],
        );
        for (const { datname } of built.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateDatabase()} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    }
  };
}
