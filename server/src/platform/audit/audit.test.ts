import { asc, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AuditEntry, insertAuditEntries } from './audit.repository.ts';
import { auditLog } from './audit.schema.ts';
import { redactSecrets } from './audit.ts';

describe.each(testDatabaseKinds)('audit trail on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it.each([
    ['UPDATE', sql`UPDATE audit_log SET actor_name = 'someone else'`],
    ['DELETE', sql`DELETE FROM audit_log`],
    ['TRUNCATE', sql`TRUNCATE audit_log`],
  ])('the database refuses %s of audit rows', async (_statement, statement) => {
    await expect(t.database.db.execute(statement)).rejects.toThrow();
    const [row] = await t.database.db.select({ n: count() }).from(auditLog);
    expect(row.n).toBeGreaterThan(0);
  });

  it('is searchable by admins and inspectors, newest first, with cursor paging', async () => {
    const cookie = await t.signIn('inspector');
    const first = await t.app.inject({ url: '/api/v1/audit?entity=user&limit=10', headers: { cookie } });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(10);
    const ids = page.items.map((item: { id: number }) => item.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await t.app.inject({
      url: `/api/v1/audit?entity=user&limit=10&cursor=${page.nextCursor}`,
      headers: { cookie },
    });
    expect(second.json().items[0].id).toBeLessThan(ids[ids.length - 1]);
  });

  it('stores many entries at once exactly as it stores one (the bulk path: 200 and more)', async () => {
    const at = new Date('2026-11-23T03:04:05.678Z');
    const entries: AuditEntry[] = Array.from({ length: 250 }, (_, index) => ({
      tenantId: t.city.tenantId,
      at,
      actorId: index % 2 ? null : 1,
      actorName: index % 3 ? '系统管理员' : 'a "quoted", {braced} \\ name',
      action: 'create',
      entity: 'bulk-test',
      entityId: `bulk-${String(index).padStart(3, '0')}`,
      before: index % 2 ? null : { n: index, text: 'x"y\\z' },
      after: index === 7 ? null : { n: index, tags: ['a,b', 'NULL'], nested: { ok: true } },
      ip: index % 5 ? '127.0.0.1' : null,
      requestId: index % 4 ? null : `req-${index}`,
    }));
    await insertAuditEntries(t.database.db, entries);
    const stored = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.entityId, 'bulk-%'))
      .orderBy(asc(auditLog.entityId));
    expect(stored).toHaveLength(250);
    stored.forEach((row, index) => {
      const { tenantId, actorId, actorName, action, entity, entityId, before, after, ip, requestId } = entries[index];
      expect(row).toMatchObject({
        tenantId,
        actorId,
        actorName,
        action,
        entity,
        entityId,
        before,
        after,
        ip,
        requestId,
      });
      expect(row.at.toISOString()).toBe(at.toISOString());
    });
    const [nulls] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.entity} = 'bulk-test' AND ${auditLog.after} IS NULL`);
    expect(nulls.n).toBe(1);
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, 'bulk-007'))).toHaveLength(1);
  });

  it('is closed to other roles', async () => {
    const cookie = await t.signIn('manager01');
    expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie } })).statusCode).toBe(403);
  });

  it("never shows another tenant's entries", async () => {
    const cookie = await t.signIn(t.otherTenant.adminUsername);
    const response = await t.app.inject({ url: '/api/v1/audit?limit=200', headers: { cookie } });
    const names = new Set(response.json().items.map((item: { entityId: string; entity: string }) => item.entity));
    expect(response.json().items.length).toBeLessThan(10);
    expect(names.has('user')).toBe(true);
  });
});

describe(redactSecrets.name, () => {
  it('drops secrets at any depth and turns dates into ISO strings', () => {
    expect(
      redactSecrets({
        username: 'a',
        passwordHash: 'x',
        nested: [{ password: 'p', at: new Date('2026-01-01T00:00:00Z') }],
      }),
    ).toEqual({ username: 'a', nested: [{ at: '2026-01-01T00:00:00.000Z' }] });
  });
});
