import { type SQL, sql } from 'drizzle-orm';
import { type ArrayElement, arrayLiteral } from './array-literal.ts';
import type { Executor, Transaction } from './client.ts';

// ---- Columnar inserts: each column one array parameter ----
//
// A batch of thousands of rows goes in as one INSERT … SELECT over `unnest` of one array literal per
// column (text parameters, so both drivers pass them alike; PostgreSQL reads them several times
// faster than the same rows as a JSON recordset, and there is no cap of 65,535 bound parameters).
// The statement itself, with its table, stays in the repository that owns the table; these build
// its FROM item and send its batches.

// A column of a FROM item: its PostgreSQL type and its array literal (null: every row's is NULL).
export type ArrayColumns = Readonly<Record<string, readonly [type: string, literal: string | null]>>;

// A column of rows: its PostgreSQL type and each row's value (by the row and its place in the batch).
export type RowColumns<Row> = Readonly<
  Record<string, readonly [type: string, value: (row: Row, index: number) => ArrayElement]>
>;

// `unnest($1::integer[], $2::text[], …) [WITH ORDINALITY] AS alias(a, b, … [, n])`. Names and types
// come from code, never from input.
export function unnestArrays(alias: string, columns: ArrayColumns, options: { ordinality?: string } = {}): SQL {
  const entries = Object.entries(columns);
  const arrays = sql.join(
    entries.map(([, [type, literal]]) => sql`${literal}::${sql.raw(type)}[]`),
    sql`, `,
  );
  const names = entries.map(([name]) => name);
  if (options.ordinality) names.push(options.ordinality);
  return sql`unnest(${arrays})${sql.raw(options.ordinality ? ' WITH ORDINALITY' : '')} AS ${sql.raw(alias)}(${sql.raw(names.join(', '))})`;
}

// The same over rows: each column's values of every row, as one array literal.
export function unnestRows<Row>(
  alias: string,
  rows: readonly Row[],
  columns: RowColumns<Row>,
  options: { ordinality?: string } = {},
): SQL {
  const arrays = Object.fromEntries(
    Object.entries(columns).map(([name, [type, value]]) => [name, [type, arrayLiteral(rows.map(value))] as const]),
  );
  return unnestArrays(alias, arrays, options);
}

// Sends `count` rows a batch per statement, in order: each statement is sent once the one before
// has run, and is built while it runs (building a batch's literals is most of a big load's CPU).
// A failed statement stops the rest.
export async function insertInBatches(
  executor: Executor,
  count: number,
  batchSize: number,
  statementOf: (start: number, end: number) => SQL,
): Promise<void> {
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (let start = 0; start < count; start += batchSize) {
      const statement = statementOf(start, Math.min(count, start + batchSize));
      await writing;
      // One promise for the statement (a drizzle query runs again at every `then`).
      writing = Promise.resolve(executor.execute(statement));
      // Awaited before the next batch is sent or at the end; until then a failure is not unhandled.
      writing.catch(() => {});
    }
  } finally {
    await writing.catch(() => {});
  }
  await writing;
}

// ---- Indexes and keys during a bulk load ----

// Bulk writes into tables with GIN indexes (customers has four: trigrams, name and owner/address
// grams, custom fields). Every new or non-HOT-updated row adds dozens of GIN entries. PostgreSQL
// parks them in each index's pending list and merges the list into the index once it outgrows
// `gin_pending_list_limit` (4 MB by default), sorting at most `work_mem` (4 MB) at a time: a
// quarter of a million rows means hundreds of small merges. With a larger list and more memory
// for the merge, the same entries go in as a few large sorted merges. Measured on PostgreSQL 15
// here, 240,000 customers in one INSERT: 54–58 s with the defaults, 32 s with 64 MB each (ABAB,
// same load).

// Kilobytes, as both settings count them.
const pendingListKb = 64 * 1024;
const mergeMemoryKb = 64 * 1024;

// For the rest of the transaction only (SET LOCAL): other sessions keep the defaults.
export async function prepareBulkIndexWrites(tx: Transaction) {
  await tx.execute(sql.raw(`SET LOCAL gin_pending_list_limit = ${pendingListKb}`));
  await tx.execute(sql.raw(`SET LOCAL work_mem = ${mergeMemoryKb}`));
}

// Merges what a bulk write left in the pending lists of a table's GIN indexes, after the commit:
// searches read a pending list entry by entry, and PGlite has no autovacuum to merge it later.
// The table name comes from code, never from input.
export async function mergePendingIndexEntries(executor: Executor, table: 'customers') {
  await executor.execute(
    sql.raw(`SELECT gin_clean_pending_list(i.indexrelid)
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam
      WHERE i.indrelid = '${table}'::regclass AND am.amname = 'gin'`),
  );
}

// Foreign keys checked once for a whole bulk load instead of row by row, as PostgreSQL's
// "Populating a Database" advises: the tables' foreign keys are dropped, the load runs, and each is
// added back under its own name — adding one validates every row in one join. Run it inside a
// transaction (the demo's city is one): nobody else ever sees the tables without their keys, and a
// row that breaks one fails the whole load. 1.2 million order lines check two keys each; row by row
// that was most of the demo's order history on PGlite.
export async function withForeignKeysCheckedAtEnd<T>(
  tx: Executor,
  tables: readonly ('orders' | 'order_lines')[],
  load: () => Promise<T>,
): Promise<T> {
  const result = await tx.execute(
    sql.raw(`SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint
      WHERE contype = 'f' AND conrelid IN (${tables.map((table) => `'${table}'::regclass`).join(', ')})
      ORDER BY conrelid::regclass::text, conname`),
  );
  const keys = (result as unknown as { rows: { table: string; name: string; definition: string }[] }).rows;
  for (const key of keys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quoted(key.name)}`));
  const value = await load();
  for (const key of keys) {
    await tx.execute(sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quoted(key.name)} ${key.definition}`));
  }
  return value;
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
