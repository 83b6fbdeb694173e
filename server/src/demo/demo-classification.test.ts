import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase, testDatabaseKinds } from '../db/test-database.ts';
import { distributionOf } from '../modules/classification/classification.rules.ts';
import { createDemoTestCity, demoTestCityCustomers, demoTestCityDate } from '../test/demo-test-city.ts';
import { seedDemoCity } from './seed-demo-city.ts';

// The demo builds its city, classifies it with the default rule set and approves the run: the
// shares must be the seed city's within ±2 points (示范 12.01 %, 成长 57.2 %, 普通 30.34 %,
// 特殊 0.45 %; 品牌 2.99 %, 终端 2.58 %, 信息 0.58 %). 3,000 stores: the indicators are
// percentiles, so the shares do not depend on the city's size. Two dates: the image score reads
// the last 13 weeks' visits, whose number depends on the day of the month (late in a month the
// fewest — the widest swing of 终端示范型).
// The city of the first date on PGlite is demo-customers.test.ts's too, seeded once per run
// (test/demo-test-city.ts): it comes last, when that file has most likely built it already. The
// second date is about the calendar, not the database: PGlite alone (a 3,000-store city less to
// build on each run).
const lateInMonth = '2027-01-28T02:00:00Z';
const isShared = (kind: string, date: string) => kind === 'pglite' && date === demoTestCityDate;
const cases = testDatabaseKinds
  .flatMap((kind) => [demoTestCityDate, lateInMonth].map((date) => [kind, date] as const))
  .filter(([kind, date]) => date !== lateInMonth || kind === 'pglite')
  .sort((a, b) => Number(isShared(...a)) - Number(isShared(...b)));

describe.each(cases)('the demo city’s classification on %s, built on %s', (kind, date) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    if (isShared(kind, date)) {
      ({ database } = await createDemoTestCity(kind));
      return;
    }
    database = await createTestDatabase(kind);
    await seedDemoCity(database.db, new Date(date), { customers: demoTestCityCustomers });
  }, 300_000);
  afterAll(async () => database?.close());

  it('reproduces the seed city’s shares within ±2 points', async () => {
    const result = await database.db.execute(sql`
      SELECT class_code AS class, demo_type AS "demoType", count(*)::int AS count
      FROM customers WHERE status = 'active' GROUP BY 1, 2`);
    const distribution = distributionOf(
      (result as unknown as { rows: { class: never; demoType: never; count: number }[] }).rows.map((row) => ({
        ...row,
        count: Number(row.count),
      })),
    );
    const share = Object.fromEntries([
      ...distribution.classes.map((entry) => [entry.class, entry.share]),
      ...distribution.demoTypes.map((entry) => [entry.demoType, entry.share]),
    ]);
    const targets = {
      demonstration: 12.01,
      growth: 57.2,
      ordinary: 30.34,
      special: 0.45,
      brand: 2.99,
      terminal: 2.58,
      information: 0.58,
    };
    for (const [name, target] of Object.entries(targets)) {
      expect(Math.abs(share[name] - target), `${name}: ${share[name]} % vs ${target} %`).toBeLessThanOrEqual(2);
    }
    // Every store was classified, with its history.
    const [unclassified] = (
      (await database.db.execute(
        sql`SELECT count(*)::int AS n FROM customers WHERE status = 'active' AND class_code IS NULL`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(Number(unclassified.n)).toBe(0);
  });
});
