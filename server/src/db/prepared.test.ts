import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { duplicateKeyOf } from './errors.ts';
import { shapedStatement } from './prepared.ts';
import { createTestDatabase, testDatabaseKinds } from './test-database.ts';

describe.each(testDatabaseKinds)('statements built once per shape, and duplicate keys on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await database.close();
  });

  const rowsOf = (result: unknown) => (result as { rows: Array<{ id: number; label: string }> }).rows;
  const built: boolean[] = [];
  const insertStatement = shapedStatement({
    shapeOf: (row: { id: number; label?: string }) => ({ labelled: row.label !== undefined }),
    build: ({ labelled }) => {
      built.push(labelled);
      return sql`INSERT INTO prepared_probe (id, label)
        VALUES (${sql.placeholder('id')}, ${labelled ? sql.placeholder('label') : sql`'无名'`}) RETURNING id, label`;
    },
    valuesOf: (row) => ({ id: row.id, label: row.label }),
  });
  const insert = (id: number, label?: string) => insertStatement.execute(database.db, { id, label });

  it('runs one text again and again with new values, in and out of transactions', async () => {
    for (let id = 1; id <= 12; id += 1) expect(rowsOf(await insert(id, `第${id}`))).toEqual([{ id, label: `第${id}` }]);
    await database.db.transaction(async (tx) => {
      await insertStatement.execute(tx, { id: 13, label: '十三' });
    });
    expect(rowsOf(await insert(14))).toEqual([{ id: 14, label: '无名' }]);
    // Built once for each shape, whatever the values.
    expect(built).toEqual([true, false]);
    const labelled = insertStatement.compiled({ id: 1, label: 'x' });
    expect(insertStatement.compiled({ id: 99, label: 'y' })).toBe(labelled);
    expect(labelled.name).toMatch(/^kewo_/);
    expect(insertStatement.compiled({ id: 1 }).name).not.toBe(labelled.name);
    const { rows } = (await database.db.execute(sql`SELECT count(*)::int AS n FROM prepared_probe`)) as {
      rows: Array<{ n: number }>;
    };
    expect(rows[0].n).toBe(14);
  });

  it('refuses a call without a value for one of its placeholders, and writes nothing', async () => {
    const missing = shapedStatement({
      shapeOf: () => ({}),
      build: () =>
        sql`INSERT INTO prepared_probe (id, label) VALUES (${sql.placeholder('id')}, ${sql.placeholder('label')})`,
      valuesOf: (id: number) => ({ id }),
    });
    await expect(missing.execute(database.db, 50)).rejects.toThrow(/placeholder/i);
    const { rows } = (await database.db.execute(sql`SELECT count(*)::int AS n FROM prepared_probe WHERE id = 50`)) as {
      rows: Array<{ n: number }>;
    };
    expect(rows[0].n).toBe(0);
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
