import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orderCycles, orderLines, orders } from './supply.schema.ts';

// One store's orders for its 360° view: the list by cycle and the weekly purchase totals. The
// caller has already checked that the store is in the actor's data scope.

export async function ordersOfCustomer(
  executor: Executor,
  tenantId: number,
  customerId: number,
  page: { limit: number; offset: number },
) {
  const where = and(eq(orders.tenantId, tenantId), eq(orders.customerId, customerId));
  const lineCount = executor
    .select({ orderId: orderLines.orderId, lines: count().as('lines') })
    .from(orderLines)
    .where(eq(orderLines.tenantId, tenantId))
    .groupBy(orderLines.orderId)
    .as('line_count');
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        id: orders.id,
        cycleId: orders.cycleId,
        cycleCode: orderCycles.code,
        weekStart: orderCycles.weekStart,
        channel: orders.channel,
        status: orders.status,
        totalFen: orders.totalFen,
        quantity: orders.quantity,
        lineCount: sql<number>`coalesce(${lineCount.lines}, 0)::int`,
        settlementStatus: orders.settlementStatus,
        settlementLateDays: orders.settlementLateDays,
        createdAt: orders.createdAt,
        updatedAt: orders.updatedAt,
      })
      .from(orders)
      .innerJoin(orderCycles, and(eq(orderCycles.tenantId, orders.tenantId), eq(orderCycles.id, orders.cycleId)))
      .leftJoin(lineCount, eq(lineCount.orderId, orders.id))
      .where(where)
      .orderBy(desc(orderCycles.weekStart), desc(orders.createdAt), desc(orders.id))
      .limit(page.limit)
      .offset(page.offset),
    executor.select({ n: count() }).from(orders).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

// Cartons and amount of the store's submitted orders per cycle week, for the weeks from `from` to
// `to` (Mondays) that have any; weeks without orders are simply absent.
export async function weeklyPurchasesOfCustomer(
  executor: Executor,
  tenantId: number,
  customerId: number,
  weeks: { from: string; to: string },
) {
  const rows = await executor
    .select({
      weekStart: orderCycles.weekStart,
      quantity: sql<number>`sum(${orders.quantity})::bigint`,
      amountFen: sql<number>`sum(${orders.totalFen})::bigint`,
    })
    .from(orders)
    .innerJoin(orderCycles, and(eq(orderCycles.tenantId, orders.tenantId), eq(orderCycles.id, orders.cycleId)))
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.customerId, customerId),
        eq(orders.status, 'submitted'),
        gte(orderCycles.weekStart, weeks.from),
        lte(orderCycles.weekStart, weeks.to),
      ),
    )
    .groupBy(orderCycles.weekStart)
    .orderBy(orderCycles.weekStart);
  return rows.map((row) => ({
    weekStart: row.weekStart,
    quantity: Number(row.quantity),
    amountFen: Number(row.amountFen),
  }));
}
