import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { products } from '../products/index.ts';

// What the stores bought in the given weekly cycles, as a SQL query for other modules to read from
// in their own statement (classification sums 13 weeks of it per store): a row per store and
// cycle of its submitted orders — customer_id, cycle_id, quantity (cartons), amount_fen,
// high_class_amount_fen (the part in 一类/二类 products, price class ≤ 2) and online (whether any
// order of that week came through the portal).
export const cyclePurchasesSql = (tenantId: number, cycleIds: readonly number[]) => sql`
  SELECT o.customer_id, o.cycle_id, sum(o.quantity)::bigint AS quantity, sum(o.total_fen)::bigint AS amount_fen,
    coalesce(sum(h.amount), 0)::bigint AS high_class_amount_fen, bool_or(o.channel = 'online') AS online
  FROM orders o
  LEFT JOIN (
    SELECT l.order_id, sum(l.qty::bigint * l.unit_price_fen) AS amount
    FROM order_lines l
    JOIN orders x ON x.tenant_id = l.tenant_id AND x.id = l.order_id
    JOIN ${products} p ON p.tenant_id = l.tenant_id AND p.id = l.product_id AND p.price_class <= 2
    WHERE l.tenant_id = ${tenantId} AND x.cycle_id = ANY(${arrayLiteral(cycleIds)}::int[]) AND x.status = 'submitted'
    GROUP BY l.order_id) h ON h.order_id = o.id
  WHERE o.tenant_id = ${tenantId} AND o.status = 'submitted' AND o.cycle_id = ANY(${arrayLiteral(cycleIds)}::int[])
  GROUP BY o.customer_id, o.cycle_id`;
