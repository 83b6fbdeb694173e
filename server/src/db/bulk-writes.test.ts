import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../modules/customers/customers.schema.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { arrayLiteral } from './array-literal.ts';
import {
  insertInBatches,
  mergePendingIndexEntries,
  prepareBulkIndexWrites,
  unnestArrays,
  unnestRows,
  withForeignKeysCheckedAtEnd,
} from './bulk-writes.ts';
import type { Executor } from './client.ts';
import { testDatabaseKinds } from './test-database.ts';

const setting = async (executor: Executor, name: 'gin_pending_list_limit' | 'work_mem') => {
  const result = await executor.execute(sql.raw(`SELECT current_setting('${name}') AS value`));
  return (result as unknown as { rows: { value: string }[] }).rows[0].value;
};

// Pages each GIN index of customers still holds in its pending list: gin_clean_pending_list
// answers how many it merged, so a second call reads what the first one left.
const pendingPages = async (executor: Executor) => {
  const result = await executor.execute(
    sql.raw(`SELECT COALESCE(sum(gin_clean_pending_list(i.indexrelid)), 0)::int AS pages
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
      WHERE i.indrelid = 'customers'::regclass AND am.amname = 'gin'`),
  );
  return (result as unknown as { rows: { pages: number }[] }).rows[0].pages;
};

type Probe = { id: number; label: string | null; score: number; day: string | null; tags: string[] };

describe.each(testDatabaseKinds)('bulk writes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 40 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const probes: Probe[] = Array.from({ length: 7 }, (_, index) => ({
    id: index + 1,
    label: [null, 'a,b', 'say "hi"', 'NULL', 'back\\slash', '{braces}', '恒兴 便利店'][index],
    score: index / 4,
    day: index % 2 === 0 ? `2026-03-0${index + 1}` : null,
    tags: index % 3 === 0 ? [] : ['社区店', `t,${index}`],
  }));

  const readBack = async (executor: Executor) => {
    const result = await executor.execute(
      sql.raw(`SELECT id, label, score, day::text AS day, tags, n::int AS n FROM bulk_probe ORDER BY id`),
    );
    return (result as unknown as { rows: (Probe & { n: number })[] }).rows;
  };

  it('writes every value as it was, a batch per statement, in order', async () => {
    const statements: [number, number][] = [];
    const read = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`CREATE TEMP TABLE bulk_probe (id int, label text, score real, day date, tags text[], n bigint)
          ON COMMIT DROP`),
      );
      await insertInBatches(tx, probes.length, 3, (start, end) => {
        statements.push([start, end]);
        const rows = unnestRows(
          'r',
          probes.slice(start, end),
          {
            id: ['int', (row) => row.id],
            label: ['text', (row) => row.label],
            score: ['real', (row) => row.score],
            day: ['date', (row) => row.day],
            tags: ['text', (row) => arrayLiteral(row.tags)],
          },
          { ordinality: 'n' },
        );
        return sql`INSERT INTO bulk_probe SELECT r.id, r.label, r.score, r.day, r.tags::text[], r.n FROM ${rows}`;
      });
      return readBack(tx);
    });
    expect(statements).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
    expect(read).toEqual(probes.map((probe, index) => ({ ...probe, n: (index % 3) + 1 })));
  });

  it('takes a column as one literal, or NULL for every row', async () => {
    const read = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`CREATE TEMP TABLE bulk_probe (id int, label text, score real, day date, tags text[], n bigint)
          ON COMMIT DROP`),
      );
      const rows = unnestArrays('r', { id: ['int', '{1,2}'], label: ['text', null] });
      await tx.execute(
        sql`INSERT INTO bulk_probe (id, label, score, tags, n) SELECT r.id, r.label, 0, '{}', 1 FROM ${rows}`,
      );
      return readBack(tx);
    });
    expect(read.map((row) => [row.id, row.label])).toEqual([
      [1, null],
      [2, null],
    ]);
  });

  it('stops at a failed statement and fails with it', async () => {
    const sent: number[] = [];
    const load = t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('CREATE TEMP TABLE bulk_probe (id int PRIMARY KEY) ON COMMIT DROP'));
      await insertInBatches(tx, 10, 2, (start) => {
        sent.push(start);
        // The second batch repeats the first one's ids.
        return sql`INSERT INTO bulk_probe SELECT r.id FROM ${unnestArrays('r', { id: ['int', start === 2 ? '{1,2}' : `{${start + 1},${start + 2}}`] })}`;
      });
    });
    await expect(load).rejects.toBeDefined();
    // The batch after the failed one may have been built while it ran; none after that.
    expect(sent.slice(0, 2)).toEqual([0, 2]);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('raises the GIN pending list and merge memory for its transaction only', async () => {
    const before = await setting(t.database.db, 'gin_pending_list_limit');
    await t.database.db.transaction(async (tx) => {
      await prepareBulkIndexWrites(tx);
      expect(await setting(tx, 'gin_pending_list_limit')).toBe('64MB');
      expect(await setting(tx, 'work_mem')).toBe('64MB');
    });
    expect(await setting(t.database.db, 'gin_pending_list_limit')).toBe(before);
  });

  it('leaves no pending entries once merged, and search still finds the rows', async () => {
    const [sample] = await t.database.db.select().from(customers).limit(1);
    // A non-HOT update (an indexed column changes) adds every GIN entry of the row again.
    const bulkUpdate = (suffix: string) =>
      t.database.db.transaction(async (tx) => {
        await prepareBulkIndexWrites(tx);
        await tx.execute(
          sql`UPDATE customers SET name = name || ${suffix}, updated_at = now() WHERE tenant_id = ${sample.tenantId}`,
        );
      });
    await bulkUpdate('乙');
    // Left alone, the entries wait in the pending lists (reading the count merges them).
    expect(await pendingPages(t.database.db)).toBeGreaterThan(0);
    await bulkUpdate('甲');
    await mergePendingIndexEntries(t.database.db, 'customers');
    expect(await pendingPages(t.database.db)).toBe(0);
    const found = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM customers WHERE search_text LIKE ${`%${sample.name}乙甲%`}`,
    );
    expect((found as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });

  const foreignKeys = async (executor: Executor) => {
    const result = await executor.execute(
      sql.raw(`SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE contype = 'f' AND conrelid IN ('orders'::regclass, 'order_lines'::regclass) ORDER BY conname`),
    );
    return (result as unknown as { rows: { name: string; definition: string }[] }).rows;
  };

  it('checks the foreign keys once at the end: the same keys come back, and the load ran without them', async () => {
    const before = await foreignKeys(t.database.db);
    expect(before.length).toBe(4);
    const during = await t.database.db.transaction((tx) =>
      withForeignKeysCheckedAtEnd(tx, ['orders', 'order_lines'], () => foreignKeys(tx)),
    );
    expect(during).toEqual([]);
    expect(await foreignKeys(t.database.db)).toEqual(before);
  });

  it('fails the whole load when a row breaks a key, and keeps the keys', async () => {
    const before = await foreignKeys(t.database.db);
    const load = t.database.db.transaction((tx) =>
      withForeignKeysCheckedAtEnd(tx, ['orders', 'order_lines'], async () => {
        await tx.execute(sql`INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
          VALUES (${t.city.tenantId}, 987654321, 987654321, 1, 100)`);
      }),
    );
    // 23503 foreign_key_violation, raised when the key is added back (drizzle wraps the error).
    const error = await load.then(
      () => undefined,
      (failure: unknown) => failure as { cause?: { code?: string } },
    );
    expect(error?.cause?.code).toBe('23503');
    expect(await foreignKeys(t.database.db)).toEqual(before);
    const lines = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM order_lines WHERE order_id = 987654321`,
    );
    expect((lines as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });
});
