import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createBuiltTestDatabase, testDatabaseKinds } from '../db/test-database.ts';
import { loggingOutboundGateway } from '../platform/notifications/outbound-gateway.ts';
import { sessionCookieOf } from '../test/test-app.ts';
import { seedDemoConsumerFeedbackIn } from './demo-consumer-feedback.ts';
import { createRandom } from './random.ts';
import { type DemoCity, demoPassword, seedDemoCity } from './seed-demo-city.ts';

// 消费者意见 of the demo (`kewo demo` seeds it; the tests' cities do not), on a 2,000-store demo
// city: ~1,500 items over the year, each with its ticket on the complaints' clock (the item's due
// time is the ticket's), most answered in time, some open and overdue — as the module's routes
// read them, and cheap to write.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)('the demo city’s consumer feedback on %s', (kind) => {
  let database: DatabaseHandle;
  let city: DemoCity;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let seconds: number;
  let seeded: number;
  const now = new Date('2026-11-23T02:00:00Z');
  const read = async <T>(statement: SQL) => rowsOf<T>(await database.db.execute(statement));

  beforeAll(async () => {
    ({ database, built: city } = await createBuiltTestDatabase(kind, 'demo_2000_no_supply', (fresh) =>
      seedDemoCity(fresh.db, now, { customers: 2000, supply: false }),
    ));
    const started = performance.now();
    seeded = await database.db.transaction((tx) =>
      seedDemoConsumerFeedbackIn(tx, city.tenantId, now, createRandom(24)),
    );
    seconds = (performance.now() - started) / 1000;
    const context = {
      db: database.db,
      dbKind: database.kind,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      now: () => now,
      outbound: loggingOutboundGateway({ silent: true }),
    } satisfies AppContext;
    app = await buildApp(context, { logger: false, serveWebApp: false });
    await app.ready();
  }, 900_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('is cheap: a few seconds for the city', () => {
    // Generous: the machine the suite runs on may be shared (a row-by-row load would take minutes).
    expect(seconds).toBeLessThan(kind === 'pglite' ? 60 : 30);
  });

  it('seeds ~1,500 items over the year, each on its own ticket, across topics and products', async () => {
    expect(seeded).toBeGreaterThan(1400);
    const [row] = await read<{ n: number; tickets: number; topics: number; products: number; first: string }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT f.ticket_id)::int AS tickets, count(DISTINCT f.topic)::int AS topics,
             count(DISTINCT f.product_id)::int AS products, min(f.created_at)::text AS first
      FROM consumer_feedback f JOIN tickets t ON t.tenant_id = f.tenant_id AND t.id = f.ticket_id
      WHERE f.tenant_id = ${city.tenantId} AND t.type = 'suggestion' AND t.customer_id = f.customer_id`);
    expect(row.n).toBe(seeded);
    expect(row.tickets).toBe(seeded);
    expect(row.topics).toBe(5);
    expect(row.products).toBeGreaterThan(10);
    expect(new Date(row.first).getTime()).toBeLessThan(now.getTime() - 300 * 86_400_000);
  });

  it('answers most within the complaints’ first-response clock; some are open and overdue', async () => {
    const [row] = await read<{ answered: number; in_time: number; overdue: number; met: number }>(sql`
      SELECT count(f.answered_at)::int AS answered,
             count(*) FILTER (WHERE f.answered_at < t.first_response_due_at)::int AS in_time,
             count(*) FILTER (WHERE f.answered_at IS NULL AND t.first_response_due_at < ${now.toISOString()}::timestamptz)::int AS overdue,
             count(*) FILTER (WHERE t.first_response_sla = 'met')::int AS met
      FROM consumer_feedback f JOIN tickets t ON t.tenant_id = f.tenant_id AND t.id = f.ticket_id
      WHERE f.tenant_id = ${city.tenantId}`);
    expect(row.answered / seeded).toBeGreaterThan(0.9);
    expect(row.in_time / row.answered).toBeGreaterThan(0.85);
    expect(row.in_time).toBe(row.met);
    expect(row.overdue).toBeGreaterThan(5);
  });

  it('reads through the module’s routes: the queue, the overdue filter and the month’s summary', async () => {
    const cookie = sessionCookieOf(
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'service', password: demoPassword },
      }),
    );
    const overdue = await app.inject({
      method: 'GET',
      url: '/api/v1/consumer-feedback?overdue=true&limit=5',
      headers: { cookie },
    });
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().total).toBeGreaterThan(5);
    expect(overdue.json().items[0].state).toBe('overdue');
    const summary = await app.inject({
      method: 'GET',
      url: '/api/v1/consumer-feedback/summary?month=2026-10',
      headers: { cookie },
    });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().total).toBeGreaterThan(100);
    expect(summary.json().rows.length).toBeGreaterThan(5);
  });
});
