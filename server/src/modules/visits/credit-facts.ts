import { type SQL, sql } from 'drizzle-orm';
import { products } from '../products/index.ts';

// What credit reads of visits (workflows/credit-facts.workflow.ts hands these to the credit module;
// see credit/credit-facts.ts for the shapes). A window is two Beijing calendar dates, both inclusive.
// Of a corrected visit only the newest record counts (a record another corrects is left out).

type FactWindow = { from: string; to: string };

const visitsInWindow = (tenantId: number, window: FactWindow) => sql`
  v.tenant_id = ${tenantId}
  AND v.check_in_at >= (${window.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND v.check_in_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = v.tenant_id AND n.corrects_visit_id = v.id)`;

// Per visit in the window, at most one event of each type: customer_id, kind 'visit', type
//   unmarked_price  — the visit found prices not clearly marked (明码标价 not met);
//   price_deviation — a pack price it observed more than 5 % above the suggested retail price (建议零售价 / 10) or
//                     below the wholesale price (批发价 / 10) of the product;
// source_id the visit's number, at the day of the visit.
export const visitCreditEventsSql = (tenantId: number, window: FactWindow): SQL => sql`
  SELECT v.customer_id, 'visit'::text AS kind, 'unmarked_price'::text AS type, v.id::text AS source_id,
    (v.check_in_at AT TIME ZONE 'Asia/Shanghai')::date AS at
  FROM visits v
  WHERE ${visitsInWindow(tenantId, window)} AND NOT coalesce((v.checklist->>'pricesMarked')::boolean, false)
  UNION ALL
  SELECT v.customer_id, 'visit', 'price_deviation', v.id::text, (v.check_in_at AT TIME ZONE 'Asia/Shanghai')::date
  FROM visits v
  WHERE ${visitsInWindow(tenantId, window)}
    AND EXISTS (
      SELECT 1 FROM visit_price_observations o
      JOIN ${products} p ON p.tenant_id = o.tenant_id AND p.id = o.product_id
      WHERE o.tenant_id = v.tenant_id AND o.visit_id = v.id
        AND (o.pack_price_fen * 10 > p.retail_price_fen * 1.05 OR o.pack_price_fen * 10 < p.wholesale_price_fen))`;

// 信息配合 from visits: per store, the visits in the window whose form was filled in full — prices
// observed and stock counted (customer_id, key 'cooperation', value the count).
export const completeVisitMeasuresSql = (tenantId: number, window: FactWindow): SQL => sql`
  SELECT v.customer_id, 'cooperation'::text AS key, count(*)::float8 AS value
  FROM visits v
  WHERE ${visitsInWindow(tenantId, window)}
    AND EXISTS (SELECT 1 FROM visit_price_observations o WHERE o.tenant_id = v.tenant_id AND o.visit_id = v.id)
    AND EXISTS (SELECT 1 FROM visit_stock_counts s WHERE s.tenant_id = v.tenant_id AND s.visit_id = v.id)
  GROUP BY v.customer_id`;
