import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import { refreshStaleStatistics, statisticsAreStale } from './planner-statistics.ts';
import { createTestDatabase, testDatabaseKinds } from './test-database.ts';

describe('statistics are stale', () => {
  it.each([
    ['never analysed, empty', { reltuples: -1, relpages: 0, pages: 0 }, false],
    ['never analysed, with rows', { reltuples: -1, relpages: 0, pages: 1 }, true],
    ['analysed empty, now 8 pages', { reltuples: 0, relpages: 0, pages: 8 }, false],
    ['analysed empty, now 9 pages', { reltuples: 0, relpages: 0, pages: 9 }, true],
    ['grown by a fifth and 8 pages exactly', { reltuples: 5000, relpages: 100, pages: 128 }, false],
    ['grown past a fifth and 8 pages', { reltuples: 5000, relpages: 100, pages: 129 }, true],
    ['unchanged', { reltuples: 5000, relpages: 100, pages: 100 }, false],
    ['shrunk', { reltuples: 5000, relpages: 100, pages: 40 }, false],
  ])('%s', (_case, table, stale) => {
    expect(statisticsAreStale(table)).toBe(stale);
  });
});

describe.each(testDatabaseKinds)('refreshing stale statistics on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`CREATE TABLE statistics_probe (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await database.close();
  });

  const reltuples = async () => {
    const result = await database.db.execute(
      sql`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'statistics_probe'`,
    );
    return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0].n);
  };
  const insert = (from: number, to: number) =>
    database.db.execute(
      sql`INSERT INTO statistics_probe SELECT n, 'row ' || n FROM generate_series(${from}::int, ${to}::int) AS n`,
    );

  it('analyses a table written since its statistics were taken, and leaves it alone once they are fresh', async () => {
    await insert(1, 5000);
    // PostgreSQL's autovacuum may get there first; either way the statistics end up counting the rows.
    await refreshStaleStatistics(database.db);
    expect(await reltuples()).toBe(5000);

    await insert(5001, 20_000);
    expect(await refreshStaleStatistics(database.db)).toBeGreaterThanOrEqual(1);
    expect(await reltuples()).toBe(20_000);
  });

  it('analyses nothing when no table grew', async () => {
    await refreshStaleStatistics(database.db);
    expect(await refreshStaleStatistics(database.db)).toBe(0);
  });
});
