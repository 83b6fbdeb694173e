import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { formatBeijing } from './cycle-window.rules.ts';
import {
  applyToQuotas,
  checkLineCaps,
  checkOrderLines,
  cycleProductsOfLines,
  type OrderLineInput,
  type QuotaRow,
} from './order.rules.ts';
import { insertPastOrders, quotaRowsOfCycle, setOrderedOfStores } from './order-history.repository.ts';
import {
  type CycleProductRow,
  type CycleRow,
  getCycle,
  getCycleProducts,
  setCycleStatus,
} from './supply.repository.ts';
import type { OrderChannelOfOrder } from './supply.schema.ts';

// A cycle's history, once its window has passed: the orders its stores placed, recorded in bulk
// (the demo's 13 weeks before it starts), and the cycle closed. The orders go where a submission
// puts them — orders, order_lines and each store's ordered quantities in its quota row — and are
// judged by the same rules (lines, the cycle's products and line cap, the store's quotas), so the
// cycle's 需求汇总, its 网上订货率, the portal's order list and the 13 weeks of purchases that grades
// and classes read all tell the same story.

export type CycleAllocation = {
  cycle: CycleRow;
  products: CycleProductRow[];
  // Every store of the allocation, by id.
  quotas: ReadonlyMap<number, QuotaRow>;
};

export type PastOrder = {
  customerId: number;
  channel: Extract<OrderChannelOfOrder, 'online' | 'phone'>;
  placedAt: Date;
  lines: readonly OrderLineInput[];
};

// A published cycle's products and every store's quotas, read at once.
export async function readCycleAllocationIn(tx: Executor, tenantId: number, cycleId: number): Promise<CycleAllocation> {
  const cycle = await getCycle(tx, tenantId, cycleId);
  if (!cycle) throw new DomainError('NOT_FOUND');
  const [products, quotas] = await Promise.all([
    getCycleProducts(tx, tenantId, cycleId),
    quotaRowsOfCycle(tx, tenantId, cycleId),
  ]);
  return { cycle, products, quotas };
}

// Records the orders of a published cycle whose window has passed (no store can order in it any
// more, so the allocation read before is still the cycle's): one order per store, each placed
// inside the cycle's window and within the store's quotas. All or nothing.
export async function recordPastOrdersIn(
  tx: Executor,
  actor: Actor,
  allocation: CycleAllocation,
  orders: readonly PastOrder[],
  now: Date,
): Promise<{ orders: number; lines: number }> {
  const { cycle, products, quotas } = allocation;
  assertEnded(cycle, now);
  const productRefs = products.map((product) => ({
    productId: product.productId,
    position: product.position,
    name: product.name,
    wholesalePriceFen: product.wholesalePriceFen,
  }));
  const columns = {
    customerIds: [] as number[],
    channels: [] as OrderChannelOfOrder[],
    placedAt: [] as Date[],
    lineProductIds: [] as number[],
    lineQtys: [] as number[],
    linePrices: [] as number[],
    lineCounts: [] as number[],
  };
  const ordered: number[][] = [];
  for (const order of orders) {
    if (columns.customerIds.length > 0 && order.customerId <= columns.customerIds[columns.customerIds.length - 1]) {
      throw new Error('past orders come one per store, in ascending store order');
    }
    const placed = order.placedAt.getTime();
    if (!(placed >= cycle.opensAt.getTime() && placed < cycle.closesAt.getTime())) {
      throw new Error(`an order of store ${order.customerId} was placed outside cycle ${cycle.code}'s window`);
    }
    checkOrderLines(order.lines);
    const byId = cycleProductsOfLines(productRefs, order.lines);
    checkLineCaps(order.lines, cycle.lineCap, byId);
    const row = quotas.get(order.customerId);
    if (!row) throw new DomainError('STORE_NOT_IN_CYCLE');
    const after = applyToQuotas(
      row,
      order.lines.map((line) => ({
        product: byId.get(line.productId) as (typeof productRefs)[number],
        delta: line.qty,
      })),
    );
    columns.customerIds.push(order.customerId);
    columns.channels.push(order.channel);
    columns.placedAt.push(order.placedAt);
    columns.lineCounts.push(order.lines.length);
    for (const line of order.lines) {
      columns.lineProductIds.push(line.productId);
      columns.lineQtys.push(line.qty);
      columns.linePrices.push((byId.get(line.productId) as (typeof productRefs)[number]).wholesalePriceFen);
    }
    ordered.push(after);
  }
  await insertPastOrders(tx, actor.tenantId, cycle.id, columns);
  await setOrderedOfStores(tx, actor.tenantId, cycle.id, columns.customerIds, ordered, products.length);
  const lines = columns.lineProductIds.length;
  await recordChange(
    tx,
    actor,
    { action: 'record_history', entity: 'order_cycle', entityId: cycle.id, after: { orders: orders.length, lines } },
    now,
  );
  return { orders: orders.length, lines };
}

// Closes a published cycle whose window has passed: it stays readable, and no longer the cycle
// stores order in.
export async function closeCycleIn(tx: Executor, actor: Actor, cycleId: number, now: Date) {
  const cycle = await getCycle(tx, actor.tenantId, cycleId, true);
  if (!cycle) throw new DomainError('NOT_FOUND');
  assertEnded(cycle, now);
  await setCycleStatus(tx, actor.tenantId, cycle.id, 'closed', cycle.publishedAt);
  await recordChange(tx, actor, { action: 'close', entity: 'order_cycle', entityId: cycle.id }, now);
}

function assertEnded(cycle: CycleRow, now: Date) {
  if (cycle.status !== 'published') throw new DomainError('CYCLE_NOT_PUBLISHED', { code: cycle.code });
  if (cycle.closesAt.getTime() > now.getTime()) {
    throw new DomainError('CYCLE_NOT_ENDED', { code: cycle.code, closesAt: formatBeijing(cycle.closesAt) });
  }
}
