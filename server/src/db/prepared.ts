import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.ts';

// A statement run as a named prepared statement: on PostgreSQL each connection parses and plans it
// once, and afterwards only binds and executes it (placing an order went from 550 to 851 orders/s
// that way, under bench/order-day's load on 2 cores). For the hottest statements only, whose text
// is the same on every call with only their parameters changing: the name is derived from the
// text, so a text that varied with its data would leave a statement behind on every connection
// for every variant. PGlite runs it as any other statement. Returns what `execute` returns.
export async function executePrepared(executor: Executor, query: SQL): Promise<unknown> {
  // Drizzle's query builders can be prepared under a name; raw SQL reaches the same driver call
  // through the executor's session (the same one `execute` uses).
  const { session, dialect } = executor as unknown as DrizzleInternals;
  const built = dialect.sqlToQuery(query);
  const name = `kewo_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 20)}`;
  return session.prepareQuery(built, undefined, name, false).execute();
}

type DrizzleInternals = {
  dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } };
  session: {
    prepareQuery: (
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ) => { execute: () => Promise<unknown> };
  };
};
