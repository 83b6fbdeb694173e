import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { duplicateKeyOf } from './errors.ts';
import { executePrepared } from './prepared.ts';
import { createTestDatabase, testDatabaseKinds } from './test-database.ts';

describe.each(testDatabaseKinds)('named statements and duplicate keys on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await database.close();
  });

  const rowsOf = (result: unknown) => (result as { rows: Array<{ id: number; label: string }> }).rows;
  const insert = (id: number, label: string) =>
    executePrepared(
      database.db,
      sql`INSERT INTO prepared_probe (id, label) VALUES (${id}, ${label}) RETURNING id, label`,
    );

  it('runs one text again and again with new parameters, in and out of transactions', async () => {
    for (let id = 1; id <= 12; id += 1) expect(rowsOf(await insert(id, `第${id}`))).toEqual([{ id, label: `第${id}` }]);
    await database.db.transaction(async (tx) => {
      await executePrepared(
        tx,
        sql`INSERT INTO prepared_probe (id, label) VALUES (${13}, ${'十三'}) RETURNING id, label`,
      );
    });
    const read = (from: number) =>
      executePrepared(
        database.db,
        sql`SELECT count(*)::int AS id, min(label) AS label FROM prepared_probe WHERE id >= ${from}`,
      );
    expect(rowsOf(await read(1))[0].id).toBe(13);
    expect(rowsOf(await read(13))).toEqual([{ id: 1, label: '十三' }]);
  });

  it('names the unique constraint a duplicate broke, and nothing else', async () => {
    const failure = await insert(1, 'again').catch((error: unknown) => error);
    expect(duplicateKeyOf(failure)).toBe('prepared_probe_pkey');
    const other = await database.db.execute(sql`SELECT 1 / 0`).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(Error);
    expect(duplicateKeyOf(other)).toBeUndefined();
    expect(duplicateKeyOf(undefined)).toBeUndefined();
  });
});
