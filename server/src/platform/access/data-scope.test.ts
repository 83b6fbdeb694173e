import { asc, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { shapedStatement } from '../../db/prepared.ts';
import { createTestDatabase, testDatabaseKinds } from '../../db/test-database.ts';
import { type DataScope, scopeCondition, scopeConditionOf, scopeValueOf } from './data-scope.ts';

// The data scope as the database applies it: the SQL scopeCondition produces, run against rows
// whose org paths share a prefix ("/1/4/" and "/1/40/"), so a scope that lost the path's closing
// slash, or matched anything but a path prefix, sees a branch that is not its own.
const probe = pgTable('scope_probe', {
  id: integer('id').notNull(),
  orgPath: text('org_path').notNull(),
  managerId: integer('manager_id').notNull(),
  customerId: integer('customer_id').notNull(),
});

const rows = [
  { id: 1, orgPath: '/1/', managerId: 7, customerId: 101 },
  { id: 2, orgPath: '/1/4/', managerId: 7, customerId: 102 },
  { id: 3, orgPath: '/1/4/12/', managerId: 8, customerId: 103 },
  { id: 4, orgPath: '/1/40/', managerId: 9, customerId: 104 },
  { id: 5, orgPath: '/1/40/7/', managerId: 70, customerId: 105 },
  { id: 6, orgPath: '/1/41/', managerId: 9, customerId: 1010 },
  { id: 7, orgPath: '/1/5/', managerId: 7, customerId: 106 },
  { id: 8, orgPath: '/14/', managerId: 9, customerId: 107 },
];

const orgScope = (orgUnitId: number, orgPath: string): DataScope => ({
  kind: 'org',
  orgUnitId,
  orgPath,
  orgUnitName: `unit ${orgUnitId}`,
});

const cases: [string, DataScope, number[]][] = [
  ['the city company sees its whole tree, not another tree starting "/1"', orgScope(1, '/1/'), [1, 2, 3, 4, 5, 6, 7]],
  ['branch 4 sees itself and below, not branch 40 or 41', orgScope(4, '/1/4/'), [2, 3]],
  ['branch 40 sees itself and below, not branch 4', orgScope(40, '/1/40/'), [4, 5]],
  ['a unit below branch 4 sees only itself', orgScope(12, '/1/4/12/'), [3]],
  ['a unit with no rows sees none', orgScope(9, '/1/9/'), []],
  ['a manager sees their own stores only (7, not 70)', { kind: 'own', userId: 7 }, [1, 2, 7]],
  ['a retailer sees its own store only (101, not 1010)', { kind: 'customer', customerId: 101 }, [1]],
];

describe.each(testDatabaseKinds)('data scope in SQL on %s', (kind) => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(
      sql`CREATE TABLE scope_probe (id int PRIMARY KEY, org_path text NOT NULL, manager_id int NOT NULL, customer_id int NOT NULL)`,
    );
    await database.db.insert(probe).values(rows);
  });
  afterAll(async () => database?.close());

  const columns = { orgPath: probe.orgPath, managerId: probe.managerId, customerId: probe.customerId };

  it.each(cases)('%s (scopeCondition)', async (_case, scope, expected) => {
    const visible = await database.db
      .select({ id: probe.id })
      .from(probe)
      .where(scopeCondition(scope, columns))
      .orderBy(asc(probe.id));
    expect(visible.map((row) => row.id)).toEqual(expected);
  });

  // The prepared statements' form: the condition built once per kind, its value a placeholder.
  const scoped = shapedStatement({
    shapeOf: (scope: DataScope) => ({ kind: scope.kind }),
    build: ({ kind: scopeKind }) =>
      sql`SELECT id FROM scope_probe WHERE ${scopeConditionOf(scopeKind, columns, sql.placeholder('scope'))} ORDER BY id`,
    valuesOf: (scope) => ({ scope: scopeValueOf(scope) }),
  });

  it.each(cases)('%s (a prepared statement)', async (_case, scope, expected) => {
    const result = (await scoped.execute(database.db, scope)) as { rows: { id: number }[] };
    expect(result.rows.map((row) => row.id)).toEqual(expected);
  });

  it('treats LIKE wildcards in a path as the characters themselves', async () => {
    const visible = await database.db
      .select({ id: probe.id })
      .from(probe)
      .where(scopeCondition(orgScope(0, '/1/_/'), columns));
    expect(visible).toEqual([]);
    const everything = await database.db
      .select({ id: probe.id })
      .from(probe)
      .where(scopeCondition(orgScope(0, '%'), columns));
    expect(everything).toEqual([]);
  });

  it('denies an entity that has no column for the scope kind', async () => {
    const visible = await database.db
      .select({ id: probe.id })
      .from(probe)
      .where(scopeCondition({ kind: 'customer', customerId: 101 }, { orgPath: probe.orgPath }));
    expect(visible).toEqual([]);
  });
});
