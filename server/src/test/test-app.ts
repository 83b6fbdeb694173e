import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type KewoApp } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle, DatabaseKind } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
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

// A real application on a real, freshly migrated database holding the demo city's people,
// with a clock the test controls.
export async function createTestApp(
  kind: DatabaseKind,
  options: { seed?: boolean; customers?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const clock: TestClock = {
    now: new Date('2026-11-23T02:00:00Z'),
    advanceMinutes(minutes) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const context = {
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    now: () => clock.now,
    listen: database.listen,
    outbound: loggingOutboundGateway({ silent: true }),
  } satisfies AppContext;
  let city = undefined as unknown as DemoCity;
  let otherTenant = { tenantId: 0, adminUsername: '' };
  if (options.seed !== false) {
    city = await seedDemoCity(database.db, clock.now, { customers: options.customers ?? 300 });
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
      clock.now,
    );
    otherTenant = { tenantId: other.tenant.id, adminUsername: 'xm-admin' };
  }
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
