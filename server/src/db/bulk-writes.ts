import { sql } from 'drizzle-orm';
import type { Executor, Transaction } from './client.ts';

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
