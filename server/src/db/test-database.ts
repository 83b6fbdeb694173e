import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseKind, migrationsFolder, openDatabase, pgliteHandle } from './client.ts';

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
// Where one test run keeps the PGlite snapshots of built databases (createBuiltTestDatabase); the
// global setup makes it and removes it when the run ends, so no run sees another's (or a stale) build.
export const testSnapshotDirectoryVariable = 'KEWO_TEST_SNAPSHOT_DIR';
// The PostgreSQL templates of built databases are named `<run's template>_<name>`; the global
// setup drops them all when the run ends.
export function builtTemplatePrefix(): string {
  return `${postgresTemplateDatabase()}_`;
}

// A fresh, migrated, empty database for one test file. PGlite loads a migrated snapshot made once
// by the global setup (4 s to initialise and migrate → ~1 s to load); PostgreSQL copies a
// migrated template database (CREATE DATABASE … TEMPLATE), then drops the copy on close.
export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return createPgliteTestDatabase();
  return createPostgresTestDatabase(postgresTemplateDatabase());
}

// A fresh database for one test file holding what `build` wrote into a migrated one, and what
// `build` returned (JSON). The build runs once per test run and `name` (a lower-case identifier
// naming everything that makes the build differ): the first test file to ask builds it, under a
// lock every worker process honours, and every file gets its own copy — PostgreSQL clones a template
// database, PGlite loads a snapshot file. `build` must be deterministic.
export async function createBuiltTestDatabase<T>(
  kind: DatabaseKind,
  name: string,
  build: (database: DatabaseHandle) => Promise<T>,
): Promise<{ database: DatabaseHandle; built: T }> {
  if (!/^[a-z0-9_]{1,30}$/.test(name)) throw new Error(`Invalid built test database name: ${name}`);
  if (kind === 'pglite') {
    const directory = process.env[testSnapshotDirectoryVariable];
    if (!directory) {
      const database = await createPgliteTestDatabase();
      return { database, built: await build(database) };
    }
    const snapshot = await pgliteSnapshot(join(directory, `pglite-${name}.tar`), build);
    // The file that built the snapshot goes on with the database it built (a load saved).
    const client = snapshot.client ?? (await openPglite(snapshot.path));
    return { database: pgliteHandle(client, { migrate: async () => {} }), built: snapshot.built };
  }
  const template = await postgresBuiltTemplate(`${builtTemplatePrefix()}${name}`, build);
  return { database: await createPostgresTestDatabase(template.name), built: template.built };
}

// Locks the two-key advisory lock space (key, hashtext(template name)): one builder per template.
const builtTemplateLockKey = 4243;

// The template holds the build's result as its comment, written last: a template without one is a
// build that died half-way, dropped and made again.
async function postgresBuiltTemplate<T>(
  name: string,
  build: (database: DatabaseHandle) => Promise<T>,
): Promise<{ name: string; built: T }> {
  const url = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [builtTemplateLockKey, name]);
    const found = await admin.query<{ built: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname = $1`,
      [name],
    );
    const existing = found.rows[0]?.built;
    if (existing) return { name, built: (JSON.parse(existing) as { built: T }).built };
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateDatabase()}`);
    // Closed before the comment marks it built: a template is cloned only with no one connected.
    const database = await openDatabase({ url: withDatabase(url, name), listenUrl: 'off' });
    let built: T;
    try {
      built = await build(database);
    } finally {
      await database.close();
    }
    await admin.query(`COMMENT ON DATABASE ${name} IS ${admin.escapeLiteral(JSON.stringify({ built }))}`);
    return { name, built };
  } finally {
    // Ending the session releases the lock.
    await admin.end();
  }
}

// The snapshot is written beside its result (`<path>.json`) to a temporary name and renamed: a
// snapshot that exists is whole. Its builder holds `<path>.lock` (its pid); the others wait, and
// take over a lock whose process died.
async function pgliteSnapshot<T>(
  path: string,
  build: (database: DatabaseHandle) => Promise<T>,
): Promise<{ path: string; built: T; client?: PGlite }> {
  const builtPath = `${path}.json`;
  const lockPath = `${path}.lock`;
  for (;;) {
    if (existsSync(path)) return { path, built: (JSON.parse(readFileSync(builtPath, 'utf8')) as { built: T }).built };
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // NaN while the builder is still writing its pid; gone when it has just finished.
      const owner = lockOwner(lockPath);
      if (Number.isInteger(owner) && !isProcessAlive(owner)) rmSync(lockPath, { force: true });
      else await sleep(200);
      continue;
    }
    try {
      if (existsSync(path)) continue;
      const client = await openPglite(process.env[pgliteTemplatePathVariable]);
      try {
        const built = await build(pgliteHandle(client, { migrate: async () => {} }));
        const snapshot = await client.dumpDataDir('none');
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(`${builtPath}.${process.pid}.tmp`, JSON.stringify({ built }));
        renameSync(`${builtPath}.${process.pid}.tmp`, builtPath);
        writeFileSync(temporary, Buffer.from(await snapshot.arrayBuffer()));
        renameSync(temporary, path);
        return { path, built, client };
      } catch (error) {
        await client.close();
        throw error;
      }
    } finally {
      rmSync(lockPath, { force: true });
    }
  }
}

function lockOwner(lockPath: string): number {
  try {
    return Number(readFileSync(lockPath, 'utf8').trim() || Number.NaN);
  } catch {
    return Number.NaN;
  }
}

function isProcessAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

async function createPostgresTestDatabase(template: string): Promise<DatabaseHandle> {
  const url = testDatabaseUrl();
  const name = `kewo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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
  return pgliteHandle(await openPglite(process.env[pgliteTemplatePathVariable]), { migrate: async () => {} });
}

// A PGlite database loaded from a snapshot, or (no snapshot) a new one, migrated.
async function openPglite(snapshotPath: string | undefined): Promise<PGlite> {
  if (!snapshotPath || !existsSync(snapshotPath)) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    await migrate(drizzle(client), { migrationsFolder });
    return client;
  }
  const loadDataDir = new Blob([readFileSync(snapshotPath)]);
  return PGlite.create({ loadDataDir, extensions: { pg_trgm } });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
