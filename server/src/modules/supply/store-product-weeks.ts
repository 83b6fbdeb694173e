import { type SQL, sql } from 'drizzle-orm';

// 店品周汇总 store_product_weeks (supply.schema.ts): per store, product and cycle (week), the cartons
// the store ordered — its store_quotas.ordered element, the live total after every order, change and
// cancel — and its quota then (store_quotas.quotas, -1 unlimited). The brand KPIs read it instead of
// the order lines.
//
// How it stays equal to store_quotas.ordered: every statement that sets `ordered` returns, for each
// quota row it changed, the row's arrays before and after (a CTE named by the caller), and appends
// the CTEs below to the same statement — so the roll-up commits with the change or not at all, with
// no trigger and no loop. Only the positions whose element changed are written:
//   · ordered > 0 → upserted (a first order inserts the row; a later one updates ordered and quota);
//   · ordered = 0 → the row is deleted (a cancel or a change down to nothing): a row exists exactly
//     while the store has ordered the product in the cycle, as the migration's backfill left them.
// The quota is copied when the row is written; a published cycle's quotas are never re-allocated
// (an allocation is computed once, when the draft is published), so it cannot go stale.
//
// Writers of store_quotas.ordered, each with these CTEs: insertOrder (orderInsertStatement, place),
// setStoreOrdered (change, cancel), setOrderedOfStores (recordPastOrdersIn: the demo's order history).
// A new writer must do the same; store-product-weeks.test.ts recomputes the roll-up from the order
// lines and from store_quotas after places, changes and cancels, on both databases.

// The CTEs to append (after a comma) to a WITH whose CTE `changed` yields, per changed quota row:
// tenant_id, cycle_id, customer_id, quotas, before (ordered before the statement), after.
export function storeProductWeeksFollowing(changed: string): SQL {
  const from = sql.identifier(changed);
  return sql`weeks_moved AS (
      SELECT ch.tenant_id, cp.product_id, ch.cycle_id, ch.customer_id, c.week_start,
        ch.after[cp.position + 1] AS ordered, ch.quotas[cp.position + 1] AS quota
      FROM ${from} ch
      JOIN order_cycles c ON c.tenant_id = ch.tenant_id AND c.id = ch.cycle_id
      JOIN cycle_products cp ON cp.tenant_id = ch.tenant_id AND cp.cycle_id = ch.cycle_id
      WHERE ch.after[cp.position + 1] IS DISTINCT FROM ch.before[cp.position + 1]),
    weeks_written AS (
      INSERT INTO store_product_weeks (tenant_id, product_id, cycle_id, customer_id, week_start, ordered, quota)
      SELECT tenant_id, product_id, cycle_id, customer_id, week_start, ordered, quota FROM weeks_moved WHERE ordered > 0
      ON CONFLICT (tenant_id, product_id, cycle_id, customer_id)
      DO UPDATE SET ordered = excluded.ordered, quota = excluded.quota
      RETURNING 1),
    weeks_removed AS (
      DELETE FROM store_product_weeks w USING weeks_moved m
      WHERE w.tenant_id = m.tenant_id AND w.product_id = m.product_id AND w.cycle_id = m.cycle_id
        AND w.customer_id = m.customer_id AND coalesce(m.ordered, 0) <= 0
      RETURNING 1)`;
}
