import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, inArray, like, notLike, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from '../../db/array-literal.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { findConsoleImporter, type ImportProgress, importCustomers } from './customer-import.service.ts';
import { csvOf, goodRow } from './customer-sheet-fixtures.ts';
import { customers } from './customers.schema.ts';

// The import's one pass over a file in batches: several batches written in one transaction, and
// rolled back whole when a later batch turns out bad.

describe('arrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['a', 'b'], '{"a","b"}'],
    [['a"b', 'c\\d'], '{"a\\"b","c\\\\d"}'],
    [['{x}', 'y,z', ' s ', 'NULL'], '{"{x}","y,z"," s ","NULL"}'],
    [[null, undefined, 1.5, 7], '{NULL,NULL,"1.5","7"}'],
  ])('writes %j as %s', (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal);
  });
});

describe.each(testDatabaseKinds)('importCustomers in batches on %s', (kind) => {
  let t: TestApp;
  let actor: Actor;
  let directory: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
    actor = await findConsoleImporter(t.context, { tenantCode: t.city.tenantCode });
    directory = await mkdtemp(join(tmpdir(), 'kewo-import-service-'));
  });
  afterAll(async () => {
    await t?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const run = (name: string, rows: ReturnType<typeof goodRow>[], mode: 'create' | 'upsert' = 'create') => {
    const path = join(directory, name);
    writeFileSync(path, csvOf(rows));
    const steps: Parameters<ImportProgress>[0][] = [];
    const outcome = importCustomers(t.context, actor, {
      path,
      fileName: name,
      mode,
      locale: 'zh-CN',
      batchRows: 2,
      onProgress: (step) => steps.push(step),
    });
    return { outcome, steps };
  };
  // Stores of the seeded city, none of them touched by these tests (their licences are not 3506029…).
  const activeSeededStores = async (n: number) => {
    const rows = await t.database.db
      .select({ licenceNo: customers.licenceNo })
      .from(customers)
      .where(
        and(
          eq(customers.tenantId, t.city.tenantId),
          eq(customers.status, 'active'),
          notLike(customers.licenceNo, '3506029%'),
        ),
      )
      .orderBy(customers.licenceNo)
      .limit(n);
    expect(rows).toHaveLength(n);
    return rows;
  };
  const storedByLicence = (licences: string[]) =>
    t.database.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), inArray(customers.licenceNo, licences)))
      .orderBy(customers.licenceNo);
  const auditCount = async () => {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, t.city.tenantId));
    return row.n;
  };
  // The customers' identity sequence is not rolled back: its advance shows rows were inserted.
  const nextIdentity = async () => {
    const result = await t.database.db.execute(
      sql`SELECT last_value::int AS value FROM pg_sequences WHERE sequencename = 'customers_id_seq'`,
    );
    return Number((result as unknown as { rows: { value: number }[] }).rows[0].value);
  };
  const stored = (prefix: string) =>
    t.database.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), like(customers.licenceNo, `${prefix}%`)))
      .orderBy(customers.licenceNo);

  it('writes every batch, each store with its portal account and one audit entry', async () => {
    const rows = [1, 2, 3, 4, 5].map((serial) =>
      goodRow(`35060291000${serial}`, { 店名: `第${serial}便利店`, 负责人: serial % 2 ? '曾小明' : '单丽' }),
    );
    const { outcome, steps } = run('five.csv', rows);
    expect(await outcome).toMatchObject({ ok: true, rows: 5, created: 5, updated: 0, unchanged: 0 });
    expect(steps).toContain('writing');
    const created = await stored('3506029100');
    expect(created.map((row) => row.licenceNo)).toEqual(rows.map((row) => row.专卖许可证号));
    // Search keys as every other write path makes them (a surname read as a surname).
    expect(created[0]).toMatchObject({ nameInitials: 'd1bld', ownerPinyin: 'zengxiaoming', ownerInitials: 'zxm' });
    expect(created[1]).toMatchObject({ ownerPinyin: 'shanli', ownerInitials: 'sl' });
    expect(created[0].nameGrams).toContain('便利');
    const ids = created.map((row) => row.id);
    const [accounts] = await t.database.db
      .select({ n: count() })
      .from(users)
      .where(and(inArray(users.customerId, ids), eq(users.role, 'retailer')));
    expect(accounts.n).toBe(5);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'customer'), inArray(auditLog.entityId, ids.map(String))));
    expect(entries).toHaveLength(5);
    const first = entries.find((entry) => entry.entityId === String(ids[0]));
    // Who created which store, when, and the store as created; derived search keys stay out.
    expect(first).toMatchObject({ action: 'create', actorId: actor.userId, at: t.clock.now });
    expect(first?.after).toMatchObject({
      licenceNo: '350602910001',
      name: '第1便利店',
      owner: '曾小明',
      managerId: created[0].managerId,
      tags: ['社区店', '学校周边'],
      source: 'import',
    });
    expect(first?.after).not.toHaveProperty('nameGrams');
    expect(first?.after).not.toHaveProperty('ownerPinyin');
  });

  it('rolls back the batches already written when a later one is bad, and reports every error', async () => {
    // A store of the seeded city: its licence number is found taken when its batch is looked up,
    // after two batches went in.
    const [taken] = await activeSeededStores(1);
    const identities = await nextIdentity();
    const rows = [
      ...[1, 2, 3, 4, 5].map((serial) => goodRow(`35060292000${serial}`)),
      goodRow(taken.licenceNo),
      goodRow('350602920007', { 业态: '报刊亭' }),
    ];
    const { outcome, steps } = run('late-error.csv', rows);
    const result = await outcome;
    // The first batches were written before the errors came to light...
    expect(steps).toContain('writing');
    expect(await nextIdentity()).toBeGreaterThan(identities);
    expect(result).toMatchObject({ ok: false, rows: 7, errorCount: 2 });
    expect(result.ok ? [] : result.errors.map((error) => [error.row, error.column])).toEqual([
      [7, '专卖许可证号'],
      [8, '业态'],
    ]);
    expect(await stored('3506029200')).toEqual([]);
    const [accounts] = await t.database.db
      .select({ n: count() })
      .from(users)
      .where(like(users.username, '3506029200%'));
    expect(accounts.n).toBe(0);
  });

  it('rolls back the updates and creations already written when errors are found after them (upsert)', async () => {
    const [first, second, third] = await activeSeededStores(3);
    const before = await storedByLicence([first.licenceNo, second.licenceNo, third.licenceNo]);
    const auditsBefore = await auditCount();
    const identities = await nextIdentity();
    const rows = [
      // Batch 1: two updates.
      goodRow(first.licenceNo, { 联系电话: '13911110001' }),
      goodRow(second.licenceNo, { 联系电话: '13911110002' }),
      // Batch 2: two new stores.
      goodRow('350602940001'),
      goodRow('350602940002'),
      // Batch 3: a new store, and an existing one whose status the file changes: an error found
      // only when this batch's existing stores are looked up, after batches 1 and 2 were written.
      goodRow('350602940003'),
      goodRow(third.licenceNo, { 状态: '注销' }),
    ];
    const { outcome, steps } = run('late-error-upsert.csv', rows, 'upsert');
    const result = await outcome;
    expect(steps).toContain('writing');
    expect(await nextIdentity()).toBeGreaterThan(identities);
    expect(result).toMatchObject({ ok: false, rows: 6, errorCount: 1 });
    expect(result.ok ? [] : result.errors.map((error) => [error.row, error.column])).toEqual([[7, '状态']]);
    // ...and nothing of them is left: the updated stores as they were, no new store, no portal
    // account, no audit entry.
    expect(await storedByLicence([first.licenceNo, second.licenceNo, third.licenceNo])).toEqual(before);
    expect(await stored('3506029400')).toEqual([]);
    const [accounts] = await t.database.db
      .select({ n: count() })
      .from(users)
      .where(like(users.username, '3506029400%'));
    expect(accounts.n).toBe(0);
    expect(await auditCount()).toBe(auditsBefore);
  });

  it('keeps quotes, backslashes, braces and commas in every text column exactly as written', async () => {
    const { outcome } = run('odd.csv', [
      goodRow('350602930001', {
        店名: '"老王"烟酒{店},\\NULL',
        负责人: 'NULL',
        经营地址: '解放路 {1},"2"\\3 号',
        标签: 'a"b、{c}、NULL、d\\e',
        经度: '',
        纬度: '',
        许可证有效期至: '',
      }),
    ]);
    expect(await outcome).toMatchObject({ ok: true, created: 1 });
    const [row] = await stored('350602930001');
    expect(row).toMatchObject({
      name: '"老王"烟酒{店},\\NULL',
      owner: 'NULL',
      address: '解放路 {1},"2"\\3 号',
      tags: ['a"b', '{c}', 'NULL', 'd\\e'],
      latitude: null,
      longitude: null,
      licenceValidUntil: null,
      customFields: {},
    });
  });

  it('updates in batches, counting the unchanged (upsert)', async () => {
    const rows = [1, 2, 3, 4, 5].map((serial) =>
      goodRow(`35060291000${serial}`, {
        店名: `第${serial}便利店`,
        负责人: serial % 2 ? '曾小明' : '单丽',
        ...(serial === 4 ? { 联系电话: '13900000004' } : {}),
      }),
    );
    const { outcome } = run('five-again.csv', rows, 'upsert');
    expect(await outcome).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 4 });
    const [changed] = await stored('350602910004');
    expect(changed.phone).toBe('13900000004');
  });
});
