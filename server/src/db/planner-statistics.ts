import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

// The planner's statistics on the embedded database. PostgreSQL keeps them fresh itself
// (autovacuum); PGlite has no background workers, so nothing re-analyses a table as it grows, and
// its cumulative statistics (rows changed since the last ANALYZE) start from nothing at every
// start. A plan made on a table's first rows, or on none, then stays: a manager's survey results
// joined 41,000 answers to the wave's responses by a nested loop for 52 s, and took 0.7 s once the
// tables were analysed.
//
// So staleness is judged from what the catalogue keeps on disk: a table never analysed
// (reltuples < 0), or one whose size on disk has grown by more than a fifth since its statistics
// were taken (relpages, set by ANALYZE and VACUUM), is analysed again. Pure arithmetic on two
// numbers, so that it costs nothing when nothing changed.
export function statisticsAreStale(table: { reltuples: number; relpages: number; pages: number }): boolean {
  if (table.reltuples < 0) return table.pages > 0;
  return table.pages > table.relpages * 1.2 + 8;
}

type TableSize = { name: string; reltuples: number; relpages: number; pages: number };

// The application's tables (schema public) with their statistics' row and page counts and their
// size on disk now, in pages.
async function tableSizes(db: Executor): Promise<TableSize[]> {
  const result = await db.execute(sql`
    SELECT quote_ident(c.relname) AS name, c.reltuples::float8 AS reltuples, c.relpages::int AS relpages,
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`);
  return (result as unknown as { rows: TableSize[] }).rows.map((row) => ({
    name: row.name,
    reltuples: Number(row.reltuples),
    relpages: Number(row.relpages),
    pages: Number(row.pages),
  }));
}

// Analyses every table whose statistics are stale (see statisticsAreStale), in one statement.
// Returns how many it analysed.
export async function refreshStaleStatistics(db: Executor): Promise<number> {
  const stale = (await tableSizes(db)).filter(statisticsAreStale);
  if (stale.length === 0) return 0;
  await db.execute(sql.raw(`ANALYZE ${stale.map((table) => table.name).join(', ')}`));
  return stale.length;
}
