import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { type CustomerStatus, customerStatuses, customers } from './customers.schema.ts';

// 在营客户: the stores every figure that counts stores counts — classification (runs and the
// distribution), 档位 runs, allocation (and so a cycle's 网上订货率), the tickets analysis per 1,000
// stores, visit plans, and the customers list's 在营 count. One condition, so that the same figure
// is the same on every page; 暂停, 歇业 and 注销 stores stay in 客户档案 and are counted apart.

// The whole tenant, for the computations that run for the city company (a grade run, an allocation).
export type StoreReach = DataScope | 'tenant';

// The condition on a customers row (`alias`: how the statement names the table): the tenant's stores
// in business, within the scope.
export function activeStoresSql(alias: string, tenantId: number, reach: StoreReach): SQL {
  const table = sql.identifier(alias);
  const inScope =
    reach === 'tenant'
      ? sql`true`
      : scopeCondition(reach, {
          orgPath: sql`${table}.org_path`,
          managerId: sql`${table}.manager_id`,
          customerId: sql`${table}.id`,
        });
  return sql`(${table}.tenant_id = ${tenantId} AND ${isActiveSql(alias)} AND ${inScope})`;
}

function isActiveSql(alias: string): SQL {
  return sql`${sql.identifier(alias)}.status = 'active'`;
}

export type StoreCounts = {
  active: number;
  all: number;
  byStatus: Record<CustomerStatus, number>;
};

// How many stores the scope holds: in business (activeStoresSql's), in 客户档案 at all, and by status.
export async function countStores(executor: Executor, tenantId: number, scope: DataScope): Promise<StoreCounts> {
  const inScope = scopeCondition(scope, {
    orgPath: sql`c.org_path`,
    managerId: sql`c.manager_id`,
    customerId: sql`c.id`,
  });
  const result = await executor.execute(sql`
    SELECT c.status, count(*)::int AS count, count(*) FILTER (WHERE ${isActiveSql('c')})::int AS active
    FROM ${customers} c
    WHERE c.tenant_id = ${tenantId} AND ${inScope}
    GROUP BY c.status`);
  const rows = (result as unknown as { rows: { status: CustomerStatus; count: number; active: number }[] }).rows;
  const byStatus = Object.fromEntries(customerStatuses.map((status) => [status, 0])) as Record<CustomerStatus, number>;
  for (const row of rows) byStatus[row.status] = Number(row.count);
  return {
    active: rows.reduce((sum, row) => sum + Number(row.active), 0),
    all: rows.reduce((sum, row) => sum + Number(row.count), 0),
    byStatus,
  };
}
