import { type SQL, sql } from 'drizzle-orm';

// What credit reads of supply (workflows/credit-facts.workflow.ts hands these to the credit module;
// see credit/credit-facts.ts for the shapes). A window is two Beijing calendar dates, both inclusive.

export type FactWindow = { from: string; to: string };

// One event per settled order of a cycle whose week starts in the window (a cancelled order has
// none): customer_id, kind 'order', type on_time | late | failed, source_id the order's number, at
// the day the order was placed.
export const settlementEventsSql = (tenantId: number, window: FactWindow): SQL => sql`
  SELECT o.customer_id, 'order'::text AS kind, o.settlement_status AS type, o.id::text AS source_id,
    (o.created_at AT TIME ZONE 'Asia/Shanghai')::date AS at
  FROM order_cycles c
  JOIN orders o ON o.tenant_id = c.tenant_id AND o.cycle_id = c.id
  WHERE c.tenant_id = ${tenantId} AND c.week_start BETWEEN ${window.from}::date AND ${window.to}::date
    AND o.status = 'submitted' AND o.settlement_status IS NOT NULL`;

// Per store with a quota row in a published cycle of the window (the cycle was open to it):
// customer_id, key, value for
//   cycles_open, cycles_ordered (it ordered anything in the cycle: an element of ordered[] > 0),
//   order_streak (consecutive cycles ordered, counted back from the latest open to it),
//   days_since_purchase (window end − the Monday of the last cycle it ordered in; the window's
//     length + 1 when it ordered in none),
// and, for every store that ever ordered, tenure_months (whole months from its first order to the
// window's end).
//
// One hash aggregate over the store-cycles, no sort: a province has 250,000 stores × 52 cycles,
// and counting the streak back with a window (misses so far, per store, newest first) sorted all of
// them on disk. Each cycle of the window has a position (0 = the oldest); a store's open and missed
// cycles are bits of two masks, and its streak is the open cycles above its latest miss — every
// open one when it missed none. A 12-month window of weekly cycles has at most 53 of them; more
// than 63 (two cycles a week) take the window's way instead.
const maskBits = 63;
export const orderingMeasuresSql = (tenantId: number, window: FactWindow): SQL => sql`
  WITH cycles AS MATERIALIZED (
    SELECT c.id, c.week_start, (row_number() OVER (ORDER BY c.week_start, c.id) - 1)::int AS position
    FROM order_cycles c
    WHERE c.tenant_id = ${tenantId} AND c.status IN ('published', 'closed')
      AND c.week_start BETWEEN ${window.from}::date AND ${window.to}::date
  ), open_cycles AS NOT MATERIALIZED (
    SELECT q.customer_id, k.week_start, k.position, 0 < ANY (q.ordered) AS ordered
    FROM cycles k
    JOIN store_quotas q ON q.tenant_id = ${tenantId} AND q.cycle_id = k.id
  ), masks AS (
    SELECT customer_id, count(*) AS cycles_open, count(*) FILTER (WHERE ordered) AS cycles_ordered,
      bit_or(1::bigint << position) AS open_mask,
      bit_or(1::bigint << position) FILTER (WHERE NOT ordered) AS missed_mask,
      max(week_start) FILTER (WHERE ordered) AS last_ordered
    FROM open_cycles
    WHERE (SELECT count(*) FROM cycles) <= ${maskBits}
    GROUP BY customer_id
  ), smeared AS (
    -- every bit at and below the latest miss set: what the streak does not count
    SELECT m.*, s5 | (s5 >> 32) AS below_miss
    FROM masks m
    CROSS JOIN LATERAL (SELECT coalesce(m.missed_mask, 0) AS s0) a
    CROSS JOIN LATERAL (SELECT s0 | (s0 >> 1) AS s1) b
    CROSS JOIN LATERAL (SELECT s1 | (s1 >> 2) AS s2) c
    CROSS JOIN LATERAL (SELECT s2 | (s2 >> 4) AS s3) d
    CROSS JOIN LATERAL (SELECT s3 | (s3 >> 8) AS s4) e
    CROSS JOIN LATERAL (SELECT s4 | (s4 >> 16) AS s5) f
  ), by_mask AS (
    SELECT customer_id, cycles_open, cycles_ordered,
      bit_count((open_mask & ~below_miss)::bit(64)) AS order_streak, last_ordered
    FROM smeared
  ), by_window AS (
    SELECT customer_id, count(*) AS cycles_open, count(*) FILTER (WHERE ordered) AS cycles_ordered,
      count(*) FILTER (WHERE misses = 0) AS order_streak, max(week_start) FILTER (WHERE ordered) AS last_ordered
    FROM (
      SELECT customer_id, week_start, ordered,
        sum(CASE WHEN ordered THEN 0 ELSE 1 END) OVER (PARTITION BY customer_id ORDER BY week_start DESC) AS misses
      FROM open_cycles
      WHERE (SELECT count(*) FROM cycles) > ${maskBits}) counted
    GROUP BY customer_id
  ), per_store AS (
    SELECT customer_id, cycles_open, cycles_ordered, order_streak,
      coalesce(${window.to}::date - last_ordered, ${window.to}::date - ${window.from}::date + 1) AS days_since_purchase
    FROM (SELECT * FROM by_mask UNION ALL SELECT * FROM by_window) counted
  ), first_orders AS (
    SELECT customer_id, min(created_at AT TIME ZONE 'Asia/Shanghai')::date AS first_on
    FROM orders
    WHERE tenant_id = ${tenantId} AND status = 'submitted'
    GROUP BY customer_id
  )
  SELECT p.customer_id, m.key, m.value
  FROM per_store p
  CROSS JOIN LATERAL (VALUES
    ('cycles_open'::text, p.cycles_open::float8),
    ('cycles_ordered', p.cycles_ordered::float8),
    ('order_streak', p.order_streak::float8),
    ('days_since_purchase', p.days_since_purchase::float8)) AS m(key, value)
  UNION ALL
  SELECT f.customer_id, 'tenure_months',
    (extract(year FROM age(${window.to}::date, f.first_on)) * 12 + extract(month FROM age(${window.to}::date, f.first_on)))::float8
  FROM first_orders f
  WHERE f.first_on <= ${window.to}::date`;
