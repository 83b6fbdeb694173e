import { asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
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
    // Both cities have entries, so a search that leaked would show the first city's.
    const [cityRows] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, t.city.tenantId));
    expect(cityRows.n).toBeGreaterThan(200);
    const cookie = await t.signIn(t.otherTenant.adminUsername);
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const response: LightMyRequestResponse = await t.app.inject({
        url: `/api/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      seen.push(...response.json().items.map((item: { id: number }) => item.id));
      cursor = response.json().nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBeGreaterThan(0);
    // Every entry shown, one by one, is the other city's own.
    const tenants = await t.database.db
      .select({ id: auditLog.id, tenantId: auditLog.tenantId })
      .from(auditLog)
      .where(inArray(auditLog.id, seen));
    expect(tenants).toHaveLength(seen.length);
    for (const row of tenants) expect(row.tenantId, `audit entry ${row.id}`).toBe(t.otherTenant.tenantId);
    // And none of its own is missing.
    const [own] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, t.otherTenant.tenantId));
    expect(seen).toHaveLength(own.n);
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
