import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createBuiltTestDatabase, testDatabaseKinds } from '../db/test-database.ts';
import { loggingOutboundGateway } from '../platform/notifications/outbound-gateway.ts';
import { sessionCookieOf } from '../test/test-app.ts';
import { demoPortalLicence } from './demo-surveys.ts';
import { seedDemoTerminalsIn } from './demo-terminals.ts';
import { type DemoCity, demoPassword, seedDemoCity } from './seed-demo-city.ts';

// 终端建设 of the demo (`kewo demo` seeds it; the tests' cities do not), on a 2,000-store demo city
// without its order history (terminals read none of it): ~2 % of the stores at a tier with their inspection history, ~0.2 fixtures a store with their
// audits, a published contest and an open one — as the module's own routes read them, for
// manager01 and the marketing centre, and cheap to write.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

describe.each(testDatabaseKinds)('the demo city’s terminals on %s', (kind) => {
  let database: DatabaseHandle;
  let city: DemoCity;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let seconds: number;
  const now = new Date('2026-11-23T02:00:00Z');
  const today = '2026-11-23';
  const read = async <T>(statement: SQL) => rowsOf<T>(await database.db.execute(statement));
  const count = async (statement: SQL) => Number((await read<{ n: number }>(statement))[0].n);
  const signIn = async (username: string) =>
    sessionCookieOf(
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: demoPassword } }),
    );
  const get = async (cookie: string, url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return response;
  };

  beforeAll(async () => {
    ({ database, built: city } = await createBuiltTestDatabase(kind, 'demo_2000_no_supply', (fresh) =>
      seedDemoCity(fresh.db, now, { customers: 2000, supply: false }),
    ));
    const started = performance.now();
    await database.db.transaction((tx) => seedDemoTerminalsIn(tx, city.tenantId, now));
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
    expect(seconds).toBeLessThan(kind === 'pglite' ? 20 : 10);
  });

  it('puts ~2 % of the stores at a tier, each awarded by an inspection with three photos', async () => {
    const held = await count(sql`SELECT count(*)::int AS n FROM terminal_awards
      WHERE tenant_id = ${city.tenantId} AND status = 'active'`);
    expect(held / city.customerCount).toBeGreaterThan(0.015);
    expect(held / city.customerCount).toBeLessThan(0.025);
    // Every active award rests on an inspection of its store that awarded, renewed or downgraded to it.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM terminal_awards a
        LEFT JOIN terminal_inspections i ON i.tenant_id = a.tenant_id AND i.id = a.inspection_id AND i.customer_id = a.customer_id
        WHERE a.tenant_id = ${city.tenantId} AND a.status = 'active'
          AND (i.id IS NULL OR i.outcome NOT IN ('awarded', 'renewed', 'downgraded'))`),
    ).toBe(0);
    // Three photos an inspection, each a PNG the files table holds.
    const photos = await read<{ photos: number; files: number; png: number }>(sql`
      SELECT count(*)::int AS photos, count(f.id)::int AS files,
        count(*) FILTER (WHERE substring(f.content FROM 1 FOR 4) = '\\x89504e47'::bytea)::int AS png
      FROM terminal_inspections i CROSS JOIN jsonb_array_elements_text(i.photo_ids) AS p(id)
      LEFT JOIN files f ON f.tenant_id = i.tenant_id AND f.id = p.id::int
      WHERE i.tenant_id = ${city.tenantId}`);
    const inspections = await count(
      sql`SELECT count(*)::int AS n FROM terminal_inspections WHERE tenant_id = ${city.tenantId}`,
    );
    expect(photos[0]).toEqual({ photos: inspections * 3, files: inspections * 3, png: inspections * 3 });
  });

  it('keeps the history: renewals, re-inspections overdue, a failed one that downgraded with its reason', async () => {
    const outcomes = await read<{ outcome: string; n: number }>(sql`SELECT outcome, count(*)::int AS n
      FROM terminal_inspections WHERE tenant_id = ${city.tenantId} GROUP BY 1`);
    const of = (outcome: string) => outcomes.find((row) => row.outcome === outcome)?.n ?? 0;
    expect(of('renewed')).toBeGreaterThan(0);
    expect(of('downgraded')).toBeGreaterThan(0);
    const [downgrade] = await read<{ end_reason: string; lower: number }>(sql`
      SELECT ended.end_reason, count(now_held.id)::int AS lower
      FROM terminal_awards ended
      JOIN terminal_tiers t ON t.tenant_id = ended.tenant_id AND t.id = ended.tier_id
      LEFT JOIN terminal_awards now_held ON now_held.tenant_id = ended.tenant_id
        AND now_held.customer_id = ended.customer_id AND now_held.status = 'active'
      LEFT JOIN terminal_tiers lower_tier ON lower_tier.tenant_id = now_held.tenant_id AND lower_tier.id = now_held.tier_id
        AND lower_tier.rank < t.rank
      WHERE ended.tenant_id = ${city.tenantId} AND ended.status = 'downgraded'
      GROUP BY ended.id, ended.end_reason ORDER BY ended.id LIMIT 1`);
    expect(downgrade.end_reason).toMatch(/必备项未通过/);
    expect(downgrade.lower).toBe(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM terminal_awards
        WHERE tenant_id = ${city.tenantId} AND status = 'active' AND due_on < ${today}`),
    ).toBeGreaterThan(0);
    // Open applications wait at each step.
    const open = await read<{ status: string }>(sql`SELECT DISTINCT status FROM terminal_applications
      WHERE tenant_id = ${city.tenantId} AND status IN ('submitted', 'reviewed')`);
    expect(open.map((row) => row.status).sort()).toEqual(['reviewed', 'submitted']);
  });

  it('registers ~0.2 fixtures a store, moved and audited: some overdue, some at closed stores', async () => {
    const [fixtures] = await read<{ n: number; overdue: number; recovery: number; holderless: number }>(sql`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE a.status = 'issued' AND a.next_audit_on < ${today})::int AS overdue,
        count(*) FILTER (WHERE a.status = 'issued' AND c.status <> 'active')::int AS recovery,
        count(*) FILTER (WHERE (a.status = 'issued') <> (a.customer_id IS NOT NULL))::int AS holderless
      FROM assets a LEFT JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      WHERE a.tenant_id = ${city.tenantId}`);
    expect(fixtures.n / city.customerCount).toBeGreaterThan(0.18);
    expect(fixtures.n / city.customerCount).toBeLessThan(0.25);
    expect(fixtures.overdue).toBeGreaterThan(0);
    expect(fixtures.overdue / fixtures.n).toBeLessThan(0.3);
    expect(fixtures.recovery).toBeGreaterThan(0);
    expect(fixtures.holderless).toBe(0);
    // Each history starts with its registration; an issued fixture's last move brought it to its holder.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM assets a
        CROSS JOIN LATERAL (SELECT kind FROM asset_events e WHERE e.tenant_id = a.tenant_id AND e.asset_id = a.id ORDER BY e.occurred_at, e.id LIMIT 1) first
        WHERE a.tenant_id = ${city.tenantId} AND first.kind <> 'register'`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM assets a
        CROSS JOIN LATERAL (SELECT to_customer_id FROM asset_events e WHERE e.tenant_id = a.tenant_id AND e.asset_id = a.id
          AND e.kind IN ('issue', 'transfer', 'return', 'write_off') ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) last
        WHERE a.tenant_id = ${city.tenantId} AND a.status = 'issued' AND last.to_customer_id IS DISTINCT FROM a.customer_id`),
    ).toBe(0);
  });

  it('shows manager01 its benchmark stores, their inspections and an overdue fixture', async () => {
    const manager = await signIn('manager01');
    const stores = (await get(manager, '/api/v1/terminals/stores?limit=50')).json() as { total: number };
    expect(stores.total).toBeGreaterThan(0);
    const overdue = (await get(manager, '/api/v1/assets?auditOverdue=true&limit=20')).json() as { total: number };
    expect(overdue.total).toBeGreaterThan(0);
    const applications = (await get(manager, '/api/v1/terminals/applications?limit=20')).json() as {
      total: number;
    };
    expect(applications.total).toBeGreaterThan(0);
  });

  it('publishes last season’s contest (ranking from the scores, booklet) and opens this season’s', async () => {
    const marketing = await signIn('marketing');
    const contests = (await get(marketing, '/api/v1/contests')).json() as {
      items: Array<{ id: number; status: string; entryCount: number }>;
    };
    const published = contests.items.find((contest) => contest.status === 'published');
    const open = contests.items.find((contest) => contest.status === 'open');
    expect(published?.entryCount).toBeGreaterThanOrEqual(10);
    expect(open?.entryCount).toBeGreaterThan(0);
    // The published ranking is what the stored scores give.
    const [stored] = await read<{ ranking: Array<{ entryId: number; rank: number | null; score: number | null }> }>(
      sql`SELECT ranking FROM contests WHERE tenant_id = ${city.tenantId} AND id = ${published?.id}`,
    );
    const ranking = (await get(marketing, `/api/v1/contests/${published?.id}/ranking`)).json() as {
      items: Array<{ entryId: number; rank: number | null; score: number | null }>;
    };
    expect(ranking.items.map(({ entryId, rank, score }) => ({ entryId, rank, score }))).toEqual(
      stored.ranking.map(({ entryId, rank, score }) => ({ entryId, rank, score })),
    );
    const booklet = await get(marketing, `/api/v1/contests/${published?.id}/booklet`);
    expect(booklet.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The portal's demo store is left free to apply and to enter the open contest.
    expect(
      await count(sql`SELECT coalesce(sum((SELECT count(*) FROM contest_entries e WHERE e.tenant_id = c.tenant_id AND e.customer_id = c.id)
          + (SELECT count(*) FROM terminal_applications a WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id)), 0) AS n
        FROM customers c WHERE c.tenant_id = ${city.tenantId} AND c.licence_no = ${demoPortalLicence}`),
    ).toBe(0);
  });
});
