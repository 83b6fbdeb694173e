import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import type { ChannelListener } from '../../db/notifications.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { type Authenticator, createAuthenticator, signIn } from './auth.service.ts';

// The authenticator keeps the session rows it read while the database's 'kewo_sessions' channel
// is heard (migration 0015). To see what it kept, a test changes a session with the triggers
// bypassed (session_replication_role = replica): nothing is notified, so only a kept row can
// still say yes.
describe.each(testDatabaseKinds)('sessions kept in memory on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
  });
  afterAll(async () => t?.close());

  const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
  const tokenOfCookie = (cookie: string) => cookie.slice('kewo_session='.length);

  async function revokeUnheard(sessionId: string) {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sessionId}`);
    });
  }

  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  describe('the authenticator', () => {
    let channel: ChannelListener | undefined;
    let authenticator: Authenticator;
    let context: AppContext;

    beforeAll(async () => {
      // The real channel, with the test holding the listener to make it deaf at will.
      context = {
        ...t.context,
        listen: (name, listener) => {
          channel = listener;
          return t.database.listen(name, listener);
        },
      };
      authenticator = createAuthenticator(context);
      await authenticator.start();
      await until(() => channel !== undefined);
    });

    const newSession = async () =>
      (
        await signIn(context, {
          username: 'inspector',
          password: testPassword,
          ip: '10.1.0.1',
          userAgent: 'test',
          audience: 'staff',
        })
      ).token;
    const accepts = async (token: string) => (await authenticator.authenticate(token, '10.1.0.1', 'r')) !== undefined;

    it('answers again from what it kept: a change the database did not announce is not seen', async () => {
      const token = await newSession();
      expect(await accepts(token)).toBe(true);
      await revokeUnheard(sessionIdOf(token));
      expect(await accepts(token)).toBe(true);
      // Forgetting (this process wrote something) reads it again.
      authenticator.forgetSessions();
      expect(await accepts(token)).toBe(false);
    });

    it('refuses a session revoked by any other writer as soon as the database announces it', async () => {
      const token = await newSession();
      expect(await accepts(token)).toBe(true);
      // Another process, a script, psql: a plain UPDATE, the trigger notifies.
      await t.database.db.execute(sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sessionIdOf(token)}`);
      await until(async () => !(await accepts(token)), 2_000);
      expect(await accepts(token)).toBe(false);
    });

    it('refuses a session whose user is disabled elsewhere', async () => {
      const token = await newSession();
      expect(await accepts(token)).toBe(true);
      await t.database.db.execute(sql`UPDATE users SET disabled = true WHERE username = 'inspector'`);
      try {
        await until(async () => !(await accepts(token)), 2_000);
      } finally {
        await t.database.db.execute(sql`UPDATE users SET disabled = false WHERE username = 'inspector'`);
      }
      await until(async () => accepts(await newSession()), 2_000);
    });

    it('reads a kept session again when it would touch it (another process may have since)', async () => {
      const token = await newSession();
      expect(await accepts(token)).toBe(true);
      await revokeUnheard(sessionIdOf(token));
      t.clock.advanceMinutes(2);
      expect(await accepts(token)).toBe(false);
    });

    it('keeps nothing while deaf, and keeps again once it listens', async () => {
      const token = await newSession();
      expect(await accepts(token)).toBe(true);
      channel?.deaf();
      await revokeUnheard(sessionIdOf(token));
      expect(await accepts(token)).toBe(false);

      const next = await newSession();
      expect(await accepts(next)).toBe(true);
      await revokeUnheard(sessionIdOf(next));
      // Not kept while deaf: the revocation is read.
      expect(await accepts(next)).toBe(false);

      channel?.listening();
      const heard = await newSession();
      expect(await accepts(heard)).toBe(true);
      await revokeUnheard(sessionIdOf(heard));
      expect(await accepts(heard)).toBe(true);
      channel?.notified();
      expect(await accepts(heard)).toBe(false);
    });
  });

  describe('requests', () => {
    let retailer: string;
    let productId: number;

    beforeAll(async () => {
      const [store] = (
        (await t.database.db.execute(sql`
          SELECT c.licence_no AS "licenceNo" FROM customers c JOIN store_quotas q ON q.customer_id = c.id
          JOIN order_cycles oc ON oc.id = q.cycle_id AND oc.status = 'published'
          WHERE c.tenant_id = ${t.city.tenantId} ORDER BY c.id LIMIT 1`)) as { rows: Array<{ licenceNo: string }> }
      ).rows;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/auth/login',
        payload: { licenceNo: store.licenceNo, password: testPassword },
      });
      retailer = sessionCookieOf(response);
      const cycle = await t.app.inject({ url: '/api/v1/portal/cycle', headers: { cookie: retailer } });
      expect(cycle.statusCode).toBe(200);
      const items = cycle.json().items as Array<{ productId: number; remaining: number | null }>;
      productId = (items.find((item) => item.remaining === null || item.remaining >= 2) ?? items[0]).productId;
    });

    const cycleStatus = async () =>
      (await t.app.inject({ url: '/api/v1/portal/cycle', headers: { cookie: retailer } })).statusCode;

    it('an order keeps the sessions read; any other write forgets them before it answers', async () => {
      expect(await cycleStatus()).toBe(200);
      await revokeUnheard(sessionIdOf(tokenOfCookie(retailer)));
      const order = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/orders',
        headers: { cookie: retailer },
        payload: { lines: [{ productId, qty: 1 }] },
      });
      expect(order.statusCode).toBe(201);
      expect(await cycleStatus()).toBe(200);

      // A write of another kind — even one refused — forgets what was kept.
      const marketing = await t.signIn('marketing');
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/supply/cycles',
        headers: { cookie: marketing },
        payload: { weekStart: '2026-11-24' },
      });
      expect(refused.statusCode).toBe(400);
      expect(await cycleStatus()).toBe(401);
    });

    it('signing out is refused at once on the next request', async () => {
      const cookie = await t.signIn('service');
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
      expect(out.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    });
  });
});
