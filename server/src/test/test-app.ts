import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type KewoApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle, DatabaseKind } from '../db/client.ts';
import { createBuiltTestDatabase, createTestDatabase } from '../db/test-database.ts';
import { type DemoCity, demoPassword, seedDemoCity } from '../demo/seed-demo-city.ts';
import { createTenantWithAdmin } from '../modules/organisation/index.ts';
import { hashPassword } from '../platform/auth/password-hashing.ts';
import { type LoggingOutboundGateway, loggingOutboundGateway } from '../platform/notifications/outbound-gateway.ts';

export type TestClock = { now: Date; advanceMinutes: (minutes: number) => void };

export type TestApp = {
  app: KewoApp;
  database: DatabaseHandle;
  // Its outbound gateway logs nothing and keeps what it sent: `context.outbound.sent`.
  context: AppContext & { outbound: LoggingOutboundGateway };
  clock: TestClock;
  city: DemoCity;
  // A second city company: its data must never be visible from the first.
  otherTenant: { tenantId: number; adminUsername: string };
  signIn: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
};

export const testPassword = demoPassword;

// Every test starts at this moment (Monday 10:00 in 漳州) and the demo city is seeded at it.
const testStart = '2026-11-23T02:00:00Z';

type SeededCity = { city: DemoCity; otherTenant: { tenantId: number; adminUsername: string } };

// A real application on a real, freshly migrated database holding the demo city's people,
// with a clock the test controls. The seed is deterministic, so each size is seeded once per test
// run and each test file gets its own copy of it (createBuiltTestDatabase).
export async function createTestApp(
  kind: DatabaseKind,
  options: { seed?: boolean; customers?: number } = {},
): Promise<TestApp> {
  const clock: TestClock = {
    now: new Date(testStart),
    advanceMinutes(minutes) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  let database: DatabaseHandle;
  let city = undefined as unknown as DemoCity;
  let otherTenant = { tenantId: 0, adminUsername: '' };
  if (options.seed !== false) {
    const customers = options.customers ?? 300;
    if (!Number.isInteger(customers) || customers < 0) throw new Error(`Invalid customer count: ${customers}`);
    const seeded = await createBuiltTestDatabase(kind, `city_${customers}`, (fresh) => seedTestCity(fresh, customers));
    database = seeded.database;
    ({ city, otherTenant } = seeded.built);
  } else {
    database = await createTestDatabase(kind);
  }
  const context = {
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    now: () => clock.now,
    listen: database.listen,
    outbound: loggingOutboundGateway({ silent: true }),
  } satisfies AppContext;
  const app = await buildApp(context, { logger: false, serveWebApp: false });
  await app.ready();

  async function signIn(username: string, password = testPassword): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
    return sessionCookieOf(response);
  }

  return {
    app,
    database,
    context,
    clock,
    city,
    otherTenant,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'kewo_session');
  if (!cookie) throw new Error('no session cookie');
  return `kewo_session=${cookie.value}`;
}

// The demo city at `testStart`, and a second city company (厦门) after it.
async function seedTestCity(database: DatabaseHandle, customers: number): Promise<SeededCity> {
  const now = new Date(testStart);
  const city = await seedDemoCity(database.db, now, { customers });
  const other = await createTenantWithAdmin(
    database.db,
    {
      cityName: '厦门市烟草公司',
      province: '福建省',
      tenantCode: 'xiamen',
      cityCode: '3502',
      username: 'xm-admin',
      displayName: '厦门管理员',
      passwordHash: await hashPassword(testPassword),
    },
    now,
  );
  return { city, otherTenant: { tenantId: other.tenant.id, adminUsername: 'xm-admin' } };
}
