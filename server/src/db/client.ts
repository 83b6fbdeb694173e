import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { assertChannelName, type ChannelListener, listenOnPostgres, type Unlisten } from './notifications.ts';

// One type for both drivers: repositories and services never know which one they run on.
// Queries name their tables (each module's *.schema.ts); no relational query API, so drizzle is
// given no schema and the db layer knows no module.
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type Executor = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  // Runs the SQL migrations in server/migrations; safe to call at every start-up.
  migrate: () => Promise<void>;
  // Hears a LISTEN/NOTIFY channel (db/notifications.ts) until the returned function is called or
  // the database is closed.
  listen: (channel: string, listener: ChannelListener) => Promise<Unlisten>;
  close: () => Promise<void>;
};

// `listenUrl`: where the LISTEN connections go (default `url`); 'off' opens none, and a listener
// then never hears that it is listening.
export type DatabaseOptions = { url: string; listenUrl?: string | 'off' } | { dataDir: string } | { memory: true };

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) return openPostgres(options.url, options.listenUrl ?? options.url);
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } }).catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  return pgliteHandle(client, {
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    afterClose: releaseLock,
  });
}

// A handle on an open PGlite client (the test databases open theirs from a migrated snapshot).
export function pgliteHandle(
  client: PGlite,
  options: { migrate: () => Promise<void>; afterClose?: () => void },
): DatabaseHandle {
  const listeners = openListeners();
  return {
    db: drizzlePglite(client, { casing: 'snake_case' }) as unknown as Database,
    kind: 'pglite',
    migrate: options.migrate,
    listen: async (channel, listener) => listeners.add(listenOnPglite(client, channel, listener)),
    close: async () => {
      await listeners.closeAll();
      if (!client.closed) await client.close();
      options.afterClose?.();
    },
  };
}

// On PGlite the process is the database's only client: a notification is delivered as soon as
// the statement that sent it returns (or its transaction commits), before the caller goes on.
async function listenOnPglite(client: PGlite, channel: string, listener: ChannelListener): Promise<Unlisten> {
  assertChannelName(channel);
  const unsubscribe = await client.listen(channel, () => listener.notified());
  listener.listening();
  let listening = true;
  return async () => {
    if (!listening) return;
    listening = false;
    listener.deaf();
    if (!client.closed) await unsubscribe();
  };
}

// The listeners of one database handle, all stopped when it closes.
function openListeners() {
  const open = new Set<Unlisten>();
  return {
    async add(listening: Promise<Unlisten> | Unlisten): Promise<Unlisten> {
      const unlisten = await listening;
      const stop: Unlisten = async () => {
        open.delete(stop);
        await unlisten();
      };
      open.add(stop);
      return stop;
    },
    async closeAll() {
      await Promise.all([...open].map((stop) => stop()));
    },
  };
}

// PGlite is one process's database: a second process on the same files would corrupt them.
// A lock file beside the directory (holding the owner's pid) turns that into a clear refusal;
// a lock left by a process that died is taken over.
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (isProcessAlive(owner) && owner !== process.pid) {
        throw new Error(
          `The embedded database ${resolve(dataDir)} is in use by process ${owner}. Stop that Kewo first, or use the web setup page while it runs.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${resolve(dataDir)}`);
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Connections a process keeps to PostgreSQL. More would not make it faster on a small server: an
// order day's 50 concurrent requests queue for these 10 rather than 50 backends fighting for the
// CPU (bench/results/order-day.md measures both).
export const postgresPoolSize = 10;

async function openPostgres(url: string, listenUrl: string): Promise<DatabaseHandle> {
  // No JIT: compiling a plan costs ~200 ms here, more than it saves on any query Kewo sends (the
  // widest, a year of complaint analysis, reads a million rows in about as long).
  const pool = new pg.Pool({
    connectionString: url,
    max: postgresPoolSize,
    application_name: 'kewo',
    options: '-c jit=off',
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePostgres(pool, { casing: 'snake_case' }) as unknown as Database;
  const listeners = openListeners();
  return {
    db,
    kind: 'postgres',
    listen: async (channel, listener) => {
      assertChannelName(channel);
      return listenUrl === 'off' ? async () => {} : listeners.add(listenOnPostgres(listenUrl, channel, listener));
    },
    migrate: async () => {
      // Several processes may start at once (a rolling restart): one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(4242)');
        await migrateNodePostgres(drizzleNodePostgres(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(4242)').catch(() => {});
        client.release();
      }
    },
    close: async () => {
      await listeners.closeAll();
      await pool.end();
    },
  };
}
