import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../identity/identity.schema.ts';
import { notifyIn } from './notifications.service.ts';

// The notification bell: what a module tells a user in its own transaction, that user — and only
// that user — reads, newest first, until marked read.
describe.each(testDatabaseKinds)('notifications on %s', (kind) => {
  let t: TestApp;
  let service: string;
  let admin: string;
  const idOf = async (tenantId: number, username: string) => {
    const [row] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
    return row.id;
  };
  const bell = async (cookie: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie } })).json();

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 10 });
    service = await t.signIn('service');
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it('shows a user what was written for them, newest first, and marks it all read', async () => {
    const tenantId = t.city.tenantId;
    const serviceId = await idOf(tenantId, 'service');
    const adminId = await idOf(tenantId, 'admin');
    const otherCityAdmin = await idOf(t.otherTenant.tenantId, t.otherTenant.adminUsername);
    const earlier = new Date(t.clock.now.getTime() - 60_000);
    await t.database.db.transaction(async (tx) => {
      await notifyIn(tx, tenantId, [{ userId: serviceId, kind: 'assigned', title: '第一条', ticketId: null }], earlier);
      await notifyIn(
        tx,
        tenantId,
        [
          { userId: serviceId, kind: 'reply', title: '第二条', body: '内容' },
          { userId: adminId, kind: 'reply', title: '给管理员' },
        ],
        t.clock.now,
      );
      // The same user id in another city company's numbering is someone else.
      await notifyIn(tx, t.otherTenant.tenantId, [{ userId: otherCityAdmin, kind: 'x', title: '别的城市' }], earlier);
      await notifyIn(tx, tenantId, [], t.clock.now);
    });

    const before = await bell(service);
    expect(before.unread).toBe(2);
    expect(before.items).toEqual([
      {
        id: expect.any(Number),
        ticketId: null,
        kind: 'reply',
        title: '第二条',
        body: '内容',
        createdAt: t.clock.now.toISOString(),
        readAt: null,
      },
      expect.objectContaining({ title: '第一条', body: '', createdAt: earlier.toISOString(), readAt: null }),
    ]);

    const read = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { cookie: service },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(0);
    expect(read.json().items.map((item: { readAt: string }) => item.readAt)).toEqual([
      t.clock.now.toISOString(),
      t.clock.now.toISOString(),
    ]);
    // Someone else's stay unread.
    expect((await bell(admin)).unread).toBe(1);
  });

  it('is written with the transaction: a rolled-back use case told no one', async () => {
    const serviceId = await idOf(t.city.tenantId, 'service');
    const unread = (await bell(service)).unread;
    await expect(
      t.database.db.transaction(async (tx) => {
        await notifyIn(tx, t.city.tenantId, [{ userId: serviceId, kind: 'x', title: '不该出现' }], t.clock.now);
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect((await bell(service)).unread).toBe(unread);
  });

  it('answers only a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read' })).statusCode).toBe(401);
  });
});
