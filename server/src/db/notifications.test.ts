import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client.ts';
import type { ChannelListener } from './notifications.ts';
import { createTestDatabase, testDatabaseKinds } from './test-database.ts';

// What a listener heard, in order.
function recorder() {
  const heard: string[] = [];
  const listener: ChannelListener = {
    listening: () => heard.push('listening'),
    notified: () => heard.push('notified'),
    deaf: () => heard.push('deaf'),
  };
  return { heard, listener };
}

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe.each(testDatabaseKinds)('session change notifications on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  // Statement-level triggers fire even when no row matches, so `WHERE false` is enough.
  const cases: Array<[string, string, boolean]> = [
    ['a revoked session', 'UPDATE sessions SET revoked_at = now() WHERE false', true],
    ['a shortened session', 'UPDATE sessions SET expires_at = now() WHERE false', true],
    ['deleted sessions', 'DELETE FROM sessions WHERE false', true],
    ['a disabled user', 'UPDATE users SET disabled = true WHERE false', true],
    ['a user given another role', "UPDATE users SET role = 'admin' WHERE false", true],
    ['a user given another scope', 'UPDATE users SET scope_org_unit_id = NULL WHERE false', true],
    ['a renamed tenant', "UPDATE tenants SET name = 'x' WHERE false", true],
    ['a moved org unit', "UPDATE org_units SET path = '/' WHERE false", true],
    ['a touched session (last seen)', 'UPDATE sessions SET last_seen_at = now() WHERE false', false],
    ['a sign-in (last login)', 'UPDATE users SET last_login_at = now() WHERE false', false],
    ['a new session', 'INSERT INTO sessions SELECT * FROM sessions WHERE false', false],
    ['a changed org unit timestamp', 'UPDATE org_units SET updated_at = now() WHERE false', false],
  ];

  it.each(cases)('%s: notifies %s', async (_label, statement, notifies) => {
    const { heard, listener } = recorder();
    const unlisten = await database.listen('kewo_sessions', listener);
    await until(() => heard.includes('listening'));
    await database.db.execute(sql.raw(statement));
    if (notifies) await until(() => heard.includes('notified'));
    else await settle();
    expect(heard.includes('notified')).toBe(notifies);
    await unlisten();
    expect(heard.at(-1)).toBe('deaf');
  });

  it('hears a transaction once, on commit, and nothing after it stops listening', async () => {
    const { heard, listener } = recorder();
    const unlisten = await database.listen('kewo_sessions', listener);
    await until(() => heard.includes('listening'));
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE sessions SET revoked_at = now() WHERE false`);
      await tx.execute(sql`UPDATE users SET disabled = true WHERE false`);
      await settle();
      expect(heard).toEqual(['listening']);
    });
    await until(() => heard.includes('notified'));
    await settle();
    // Both triggers notify with their table's name: two notifications, in one delivery.
    expect(heard.filter((event) => event === 'notified').length).toBe(2);
    await unlisten();
    await database.db.execute(sql`UPDATE sessions SET revoked_at = now() WHERE false`);
    await settle();
    expect(heard.at(-1)).toBe('deaf');
  });

  it('refuses a channel name that is not one', async () => {
    await expect(database.listen('kewo; DROP TABLE users', recorder().listener)).rejects.toThrow('not a channel');
  });

  it.runIf(kind === 'postgres')('goes deaf when its connection is lost, then listens again', async () => {
    const { heard, listener } = recorder();
    const unlisten = await database.listen('kewo_sessions', listener);
    await until(() => heard.includes('listening'));
    const [{ name }] = ((await database.db.execute(sql`SELECT current_database() AS name`)) as { rows: unknown[] })
      .rows as Array<{
      name: string;
    }>;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'kewo-listen' AND datname = $1`,
        [name],
      );
    } finally {
      await admin.end();
    }
    await until(() => heard.includes('deaf'));
    await until(() => heard.filter((event) => event === 'listening').length === 2);
    await database.db.execute(sql`UPDATE sessions SET revoked_at = now() WHERE false`);
    await until(() => heard.includes('notified'));
    expect(heard).toEqual(['listening', 'deaf', 'listening', 'notified']);
    await unlisten();
  });

  it.runIf(kind === 'postgres')('with listening turned off, never hears that it listens', async () => {
    const [{ name }] = ((await database.db.execute(sql`SELECT current_database() AS name`)) as { rows: unknown[] })
      .rows as Array<{ name: string }>;
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const quiet = await openDatabase({ url: url.toString(), listenUrl: 'off' });
    try {
      const { heard, listener } = recorder();
      const unlisten = await quiet.listen('kewo_sessions', listener);
      await quiet.db.execute(sql`UPDATE sessions SET revoked_at = now() WHERE false`);
      await settle();
      expect(heard).toEqual([]);
      await unlisten();
    } finally {
      await quiet.close();
    }
  });
});
