import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createBuiltTestDatabase, testDatabaseKinds } from '../db/test-database.ts';
import { loggingOutboundGateway } from '../platform/notifications/outbound-gateway.ts';
import { sessionCookieOf } from '../test/test-app.ts';
import { seedDemoInformationIn } from './demo-information.ts';
import { demoPortalLicence } from './demo-surveys.ts';
import { type DemoCity, demoPassword, seedDemoCity } from './seed-demo-city.ts';

// 信息推送 of the demo (`kewo demo` seeds it), on a 2,000-store demo city: ~200 articles over the
// year, read rates higher for 真假识别 and 新品介绍, and one important article the portal's demo store
// has not read — which its portal reminds it of; written set-based, and quickly.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)('the demo city’s articles on %s', (kind) => {
  let database: DatabaseHandle;
  let city: DemoCity;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let seconds: number;
  const now = new Date('2026-11-23T02:00:00Z');
  const read = async <T>(statement: SQL) => rowsOf<T>(await database.db.execute(statement));

  beforeAll(async () => {
    ({ database, built: city } = await createBuiltTestDatabase(kind, 'demo_2000_no_supply', (fresh) =>
      seedDemoCity(fresh.db, now, { customers: 2000, supply: false }),
    ));
    const started = performance.now();
    await database.db.transaction((tx) => seedDemoInformationIn(tx, city.tenantId, now));
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

  it('writes a year of articles with realistic read rates, quickly', async () => {
    expect(seconds).toBeLessThan(30);
    const [totals] = await read<{ articles: number; first: Date; last: Date }>(
      sql`SELECT count(*)::int AS articles, min(published_at) AS first, max(published_at) AS last
          FROM articles WHERE tenant_id = ${city.tenantId}`,
    );
    expect(totals.articles).toBe(200);
    expect(now.getTime() - new Date(totals.first).getTime()).toBeGreaterThan(330 * 86_400_000);
    const rates = await read<{ name: string; rate: number }>(sql`
      SELECT k.name, avg((d.read_at IS NOT NULL)::int)::float8 AS rate
      FROM article_deliveries d JOIN articles a ON a.tenant_id = d.tenant_id AND a.id = d.article_id
      JOIN article_categories k ON k.tenant_id = a.tenant_id AND k.id = a.category_id
      WHERE d.tenant_id = ${city.tenantId} GROUP BY k.name`);
    const rate = Object.fromEntries(rates.map((row) => [row.name, Number(row.rate)]));
    expect(rate.真假识别).toBeGreaterThan(0.75);
    expect(rate.新品介绍).toBeGreaterThan(0.7);
    expect(rate.行业政策).toBeLessThan(rate.真假识别);
    expect(rate.行业政策).toBeLessThan(rate.新品介绍);
    const [future] = await read<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM article_deliveries WHERE read_at > ${now.toISOString()}::timestamptz`,
    );
    expect(Number(future.n)).toBe(0);
  });

  it('leaves the portal’s demo store one important article unread, which its portal reminds it of', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: demoPortalLicence, password: demoPassword },
    });
    const cookie = sessionCookieOf(login);
    const reminders = await app.inject({
      method: 'GET',
      url: '/api/v1/portal/articles/reminders',
      headers: { cookie },
    });
    expect(reminders.statusCode).toBe(200);
    expect(reminders.json().items.map((item: { title: string }) => item.title)).toContain(
      '重要：新版防伪标识启用，请及时查看',
    );
    const feed = await app.inject({ method: 'GET', url: '/api/v1/portal/articles', headers: { cookie } });
    expect(feed.json().items[0]).toMatchObject({ read: false, acknowledgeRequired: true, acknowledged: false });
  });
});
