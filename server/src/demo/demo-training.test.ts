import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createBuiltTestDatabase, testDatabaseKinds } from '../db/test-database.ts';
import { loggingOutboundGateway } from '../platform/notifications/outbound-gateway.ts';
import { sessionCookieOf } from '../test/test-app.ts';
import { demoTrainingStoreOf, seedDemoTrainingIn } from './demo-training.ts';
import { type DemoCity, demoPassword, seedDemoCity } from './seed-demo-city.ts';

// 培训 of the demo (`kewo demo` seeds it; the tests' cities do not), on a 2,000-store demo city:
// 15 内训师, 30 sessions over the year with realistic sign-ups and attendance, never over capacity,
// one in progress with the training demo store confirmed, three to come — as the module's routes
// read them, and cheap to write.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)('the demo city’s training on %s', (kind) => {
  let database: DatabaseHandle;
  let city: DemoCity;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let seconds: number;
  const now = new Date('2026-12-02T02:00:00Z');
  const read = async <T>(statement: SQL) => rowsOf<T>(await database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);

  beforeAll(async () => {
    ({ database, built: city } = await createBuiltTestDatabase(kind, 'demo_2000_no_supply', (fresh) =>
      seedDemoCity(fresh.db, new Date('2026-11-23T02:00:00Z'), { customers: 2000, supply: false }),
    ));
    const started = performance.now();
    await database.db.transaction((tx) => seedDemoTrainingIn(tx, city.tenantId, now));
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

  it('is cheap', () => {
    expect(seconds).toBeLessThan(kind === 'pglite' ? 20 : 10);
  });

  it('seeds 15 内训师 and 30 sessions: 26 held, one in progress, three to come, never over capacity', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM training_trainers WHERE tenant_id = ${city.tenantId}`)).toBe(
      15,
    );
    const [sessions] = await read<{ n: number; held: number; running: number; upcoming: number; by_store: number }>(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE ends_at <= ${now.toISOString()})::int AS held,
        count(*) FILTER (WHERE starts_at <= ${now.toISOString()} AND ends_at > ${now.toISOString()})::int AS running,
        count(*) FILTER (WHERE starts_at > ${now.toISOString()})::int AS upcoming,
        count(trainer_customer_id)::int AS by_store
      FROM training_sessions WHERE tenant_id = ${city.tenantId}`);
    expect(sessions).toMatchObject({ n: 30, held: 26, running: 1, upcoming: 3 });
    expect(sessions.by_store).toBeGreaterThan(10);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_sessions s WHERE tenant_id = ${city.tenantId}
        AND capacity < (SELECT count(*) FROM training_signups g WHERE g.session_id = s.id AND g.status = 'confirmed')`),
    ).toBe(0);
    // A branch's session has only its branch's stores.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_signups g
        JOIN training_sessions s ON s.id = g.session_id JOIN customers c ON c.id = g.customer_id
        WHERE s.tenant_id = ${city.tenantId} AND s.branch_id IS NOT NULL AND c.branch_id <> s.branch_id`),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM training_signups WHERE tenant_id = ${city.tenantId} AND status = 'waitlisted'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('reads as the module’s routes show it: realistic attendance, trainers’ hours, the demo store confirmed today', async () => {
    const marketing = sessionCookieOf(
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'marketing', password: demoPassword },
      }),
    );
    const kpis = await app.inject({
      method: 'GET',
      url: '/api/v1/trainings/kpis?from=2025-12-01&to=2026-12-03',
      headers: { cookie: marketing },
    });
    expect(kpis.statusCode, kpis.body).toBe(200);
    const total = kpis.json().total;
    expect(total.attendanceRate).toBeGreaterThan(0.75);
    expect(total.attendanceRate).toBeLessThan(0.97);
    expect(total.trainerHours).toBeGreaterThan(30);
    const trainers = (
      await app.inject({ method: 'GET', url: '/api/v1/trainings/trainers', headers: { cookie: marketing } })
    ).json();
    expect(trainers.items).toHaveLength(15);
    expect(trainers.items.some((item: { sessionsLed: number }) => item.sessionsLed > 0)).toBe(true);

    const active = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE tenant_id = ${city.tenantId} AND status = 'active'`,
    );
    const store = demoTrainingStoreOf(active.map((row) => ({ licenceNo: row.licence_no })));
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store?.licenceNo, password: demoPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    const portal = (
      await app.inject({ method: 'GET', url: '/api/v1/portal/trainings', headers: { cookie: sessionCookieOf(login) } })
    ).json();
    const today = portal.items.find((item: { my: unknown }) => item.my);
    expect(today).toMatchObject({ my: { status: 'confirmed', checkedInAt: null }, canCheckIn: true });
    expect(portal.items.filter((item: { canSignUp: boolean }) => item.canSignUp)).toHaveLength(3);
  });
});
