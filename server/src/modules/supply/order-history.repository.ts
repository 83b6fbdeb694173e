import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { unnestArrays } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import type { QuotaRow } from './order.rules.ts';
import { storeProductWeeksFollowing } from './store-product-weeks.ts';
import type { OrderChannelOfOrder } from './supply.schema.ts';

// Queries of a cycle's order history: every store's quota row at once, and a week's orders of
// thousands of stores written in one statement (columns as arrays, bulk-writes.ts).

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// Every store's quotas and ordered quantities in a cycle, by store.
export async function quotaRowsOfCycle(
  executor: Executor,
  tenantId: number,
  cycleId: number,
): Promise<Map<number, QuotaRow>> {
  const result = await executor.execute(sql`
    SELECT customer_id AS "customerId", quotas, ordered FROM store_quotas
    WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId}`);
  return new Map(
    rowsOf<{ customerId: number; quotas: number[]; ordered: number[] }>(result).map((row) => [
      Number(row.customerId),
      { quotas: row.quotas.map(Number), ordered: row.ordered.map(Number) },
    ]),
  );
}

// One order per store: its columns, and its lines laid end to end (lineCounts[i] lines of store i).
export type PastOrderColumns = {
  customerIds: readonly number[];
  channels: readonly OrderChannelOfOrder[];
  placedAt: readonly Date[];
  lineProductIds: readonly number[];
  lineQtys: readonly number[];
  linePrices: readonly number[];
  lineCounts: readonly number[];
};

// The orders and their lines in one statement; each line finds its order by the store (one order per
// store in a call). Totals and quantities are summed from the lines by the statement itself.
export async function insertPastOrders(executor: Executor, tenantId: number, cycleId: number, o: PastOrderColumns) {
  if (o.customerIds.length === 0) return;
  const lineStores: number[] = [];
  o.lineCounts.forEach((lines, index) => {
    for (let line = 0; line < lines; line += 1) lineStores.push(o.customerIds[index]);
  });
  await executor.execute(sql`
    WITH l AS (
      SELECT * FROM ${unnestArrays('l', {
        customer_id: ['int', arrayLiteral(lineStores)],
        product_id: ['int', arrayLiteral(o.lineProductIds)],
        qty: ['int', arrayLiteral(o.lineQtys)],
        price: ['int', arrayLiteral(o.linePrices)],
      })}),
    sums AS (
      SELECT customer_id, sum(qty::bigint * price)::bigint AS total, sum(qty)::int AS qty FROM l GROUP BY customer_id),
    created AS (
      INSERT INTO orders (tenant_id, cycle_id, customer_id, channel, status, total_fen, quantity, created_at, updated_at)
      SELECT ${tenantId}, ${cycleId}, s.customer_id, s.channel, 'submitted', sums.total, sums.qty, s.placed_at, s.placed_at
      FROM ${unnestArrays('s', {
        customer_id: ['int', arrayLiteral(o.customerIds)],
        channel: ['text', arrayLiteral(o.channels)],
        placed_at: ['timestamptz', arrayLiteral(o.placedAt.map((instant) => instant.toISOString()))],
      })}
      JOIN sums ON sums.customer_id = s.customer_id
      RETURNING id, customer_id)
    INSERT INTO order_lines (tenant_id, order_id, product_id, qty, unit_price_fen)
    SELECT ${tenantId}, created.id, l.product_id, l.qty, l.price
    FROM l JOIN created ON created.customer_id = l.customer_id`);
}

// Sets the ordered quantities of the given stores' quota rows: each store's array of `width`
// values laid end to end in one flat literal, sliced by the store's ordinal. Their 店品周汇总 rows
// follow in the same statement (store-product-weeks.ts); the old row joined to itself gives the
// quantities before.
export async function setOrderedOfStores(
  executor: Executor,
  tenantId: number,
  cycleId: number,
  customerIds: readonly number[],
  ordered: readonly (readonly number[])[],
  width: number,
) {
  if (customerIds.length === 0) return;
  const flat: number[] = [];
  for (const row of ordered) {
    if (row.length !== width) throw new Error(`expected ${width} ordered quantities, got ${row.length}`);
    flat.push(...row);
  }
  await executor.execute(sql`
    WITH changed AS (
      UPDATE store_quotas q
      SET ordered = flat.ordered[(r.n::int - 1) * ${width}::int + 1 : r.n::int * ${width}::int]
      FROM ${unnestArrays('r', { customer_id: ['int', arrayLiteral(customerIds)] }, { ordinality: 'n' })}
      CROSS JOIN (SELECT ${arrayLiteral(flat)}::int[] AS ordered) AS flat
      JOIN store_quotas old ON old.tenant_id = ${tenantId} AND old.cycle_id = ${cycleId} AND old.customer_id = r.customer_id
      WHERE q.tenant_id = ${tenantId} AND q.cycle_id = ${cycleId} AND q.customer_id = r.customer_id
      RETURNING q.tenant_id, q.cycle_id, q.customer_id, q.quotas, old.ordered AS before, q.ordered AS after),
    ${storeProductWeeksFollowing('changed')}
    SELECT count(*) FROM changed`);
}
