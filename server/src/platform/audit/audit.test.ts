import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
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
