import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { customers } from '../customers/index.ts';
import { visits } from '../visits/index.ts';
import type { ComplianceGrouping } from './compliance.contract.ts';

// 明码标价 compliance from the visits module's records (read through its tables, exported by
// visits/index.ts): a visit found prices clearly marked when checklist.pricesMarked is true. Of a
// corrected visit only the newest record counts (a record another corrects is left out). The data
// scope is the visit's (its org path and manager, copied in when it was made) — a store handed to
// another manager keeps its old visits with the manager who made them.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// How far back "the latest two visits" are looked for.
export const repeatFailureDays = 180;

const visitScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: sql`v.org_path`, managerId: sql`v.manager_id`, customerId: sql`v.customer_id` });

// The newest records of visits checked in within [from, until), in the scope, with their store.
function visitsSql(tenantId: number, scope: DataScope, from: Date, until: Date): SQL {
  return sql`
    SELECT v.id, v.customer_id, v.manager_id, v.check_in_at, c.branch_id, c.class_code,
      coalesce((v.checklist->>'pricesMarked')::boolean, false) AS marked
    FROM ${visits} v
    JOIN ${customers} c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id
    WHERE v.tenant_id = ${tenantId} AND v.check_in_at >= ${from} AND v.check_in_at < ${until} AND ${visitScope(scope)}
      AND NOT EXISTS (SELECT 1 FROM ${visits} n WHERE n.tenant_id = v.tenant_id AND n.corrects_visit_id = v.id)`;
}

// Per store in the scope whose latest two visits (since `since`, before `until`) both failed.
function repeatFailuresSql(tenantId: number, scope: DataScope, since: Date, until: Date): SQL {
  return sql`
    SELECT customer_id, manager_id, branch_id, class_code,
      max(check_in_at) AS latest,
      json_agg(json_build_object('visitId', id, 'checkInAt', check_in_at) ORDER BY check_in_at DESC, id DESC) AS visits
    FROM (
      SELECT x.*, row_number() OVER (PARTITION BY x.customer_id ORDER BY x.check_in_at DESC, x.id DESC) AS n
      FROM (${visitsSql(tenantId, scope, since, until)}) x) ranked
    WHERE n <= 2
    GROUP BY customer_id, manager_id, branch_id, class_code
    HAVING count(*) = 2 AND NOT bool_or(marked)`;
}

const groupKeys: Record<ComplianceGrouping, { key: string; failedKey: string }> = {
  none: { key: `'all'`, failedKey: `'all'` },
  branch: { key: 'x.branch_id::text', failedKey: 'f.branch_id::text' },
  manager: { key: 'x.manager_id::text', failedKey: 'f.manager_id::text' },
  class: { key: `coalesce(x.class_code, 'unclassified')`, failedKey: `coalesce(f.class_code, 'unclassified')` },
  week: {
    key: `date_trunc('week', x.check_in_at AT TIME ZONE 'Asia/Shanghai')::date::text`,
    failedKey: `date_trunc('week', f.latest AT TIME ZONE 'Asia/Shanghai')::date::text`,
  },
};

export type ComplianceCountsRow = { key: string; visits: number; marked: number; failed_stores: number };

export async function complianceCounts(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  groupBy: ComplianceGrouping,
  from: Date,
  until: Date,
): Promise<ComplianceCountsRow[]> {
  const keys = groupKeys[groupBy];
  const since = new Date(until.getTime() - repeatFailureDays * 86_400_000);
  return rowsOf<ComplianceCountsRow>(
    await executor.execute(sql`
      WITH shares AS (
        SELECT ${sql.raw(keys.key)} AS key, count(*)::int AS visits, count(*) FILTER (WHERE x.marked)::int AS marked
        FROM (${visitsSql(tenantId, scope, from, until)}) x GROUP BY 1),
      failed AS (
        SELECT ${sql.raw(keys.failedKey)} AS key, count(*)::int AS failed_stores
        FROM (${repeatFailuresSql(tenantId, scope, since, until)}) f GROUP BY 1)
      SELECT coalesce(s.key, f.key) AS key, coalesce(s.visits, 0) AS visits, coalesce(s.marked, 0) AS marked,
        coalesce(f.failed_stores, 0) AS failed_stores
      FROM shares s FULL JOIN failed f ON f.key = s.key
      ORDER BY 1`),
  ).map((row) => ({
    key: String(row.key),
    visits: Number(row.visits),
    marked: Number(row.marked),
    failed_stores: Number(row.failed_stores),
  }));
}

export type RepeatFailureRow = {
  customer_id: number;
  licence_no: string;
  name: string;
  branch_id: number;
  branch_name: string | null;
  manager_id: number;
  manager_name: string | null;
  class_code: string | null;
  visits: { visitId: number; checkInAt: string }[] | string;
  total: number;
};

export async function repeatFailures(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  until: Date,
  filter: { branchId?: number; managerId?: number },
  limit = 500,
): Promise<RepeatFailureRow[]> {
  const since = new Date(until.getTime() - repeatFailureDays * 86_400_000);
  const conditions: SQL[] = [sql`true`];
  if (filter.branchId !== undefined) conditions.push(sql`f.branch_id = ${filter.branchId}`);
  if (filter.managerId !== undefined) conditions.push(sql`f.manager_id = ${filter.managerId}`);
  return rowsOf<RepeatFailureRow>(
    await executor.execute(sql`
      SELECT f.customer_id, c.licence_no, c.name, f.branch_id, u.name AS branch_name, f.manager_id,
        m.display_name AS manager_name, f.class_code, f.visits, count(*) OVER ()::int AS total
      FROM (${repeatFailuresSql(tenantId, scope, since, until)}) f
      JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = f.customer_id
      LEFT JOIN org_units u ON u.tenant_id = ${tenantId} AND u.id = f.branch_id
      LEFT JOIN users m ON m.id = f.manager_id
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY f.latest DESC, f.customer_id
      LIMIT ${limit}`),
  );
}

export async function managerNames(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = rowsOf<{ id: number; name: string }>(
    await executor.execute(
      sql`SELECT id, display_name AS name FROM users WHERE tenant_id = ${tenantId} AND id = ANY(${`{${ids.join(',')}}`}::int[])`,
    ),
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}

export async function branchNamesOf(executor: Executor, tenantId: number) {
  const rows = rowsOf<{ id: number; name: string }>(
    await executor.execute(sql`SELECT id, name FROM org_units WHERE tenant_id = ${tenantId} AND kind = 'branch'`),
  );
  return new Map(rows.map((row) => [String(row.id), row.name]));
}
