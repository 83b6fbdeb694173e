import { and, eq, inArray, sql } from 'drizzle-orm';
import { unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { customers } from '../customers/index.ts';
import type { Settlement } from './settlement.rules.ts';
import { orders, type SettlementSource, type SettlementStatus } from './supply.schema.ts';

// Queries of orders' settlements (结算). Reads take the caller's data scope on the store's columns.

export type SettlementTarget = {
  id: number;
  customerId: number;
  status: 'submitted' | 'cancelled';
  settlementStatus: SettlementStatus | null;
  settlementLateDays: number | null;
  settlementSource: SettlementSource | null;
};

// The orders of these ids the caller may see (others, and other tenants', are simply not returned).
export async function findOrdersToSettle(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  orderIds: readonly number[],
  forUpdate = false,
): Promise<SettlementTarget[]> {
  if (orderIds.length === 0) return [];
  const query = executor
    .select({
      id: orders.id,
      customerId: orders.customerId,
      status: orders.status,
      settlementStatus: orders.settlementStatus,
      settlementLateDays: orders.settlementLateDays,
      settlementSource: orders.settlementSource,
    })
    .from(orders)
    .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
    .where(
      and(
        eq(orders.tenantId, tenantId),
        inArray(orders.id, [...orderIds]),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return forUpdate ? query.for('update', { of: orders }) : query;
}

export type SettlementWrite = Settlement & { orderId: number };

// Every order's settlement in one statement.
export async function setOrderSettlements(
  executor: Executor,
  tenantId: number,
  rows: readonly SettlementWrite[],
  recorded: { source: SettlementSource; userId: number | null; at: Date },
): Promise<void> {
  if (rows.length === 0) return;
  const source = unnestRows('s', rows, {
    order_id: ['integer', (row) => row.orderId],
    status: ['text', (row) => row.status],
    late_days: ['smallint', (row) => row.lateDays],
  });
  await executor.execute(sql`
    UPDATE ${orders} o
    SET settlement_status = s.status,
        settlement_late_days = s.late_days,
        settlement_source = ${recorded.source},
        settlement_recorded_by = ${recorded.userId},
        settlement_recorded_at = ${recorded.at.toISOString()}::timestamptz
    FROM ${source}
    WHERE o.tenant_id = ${tenantId} AND o.id = s.order_id`);
}
