import { type SQL, sql } from 'drizzle-orm';

// What credit reads of prices (workflows/credit-facts.workflow.ts hands it to the credit module; see
// credit/credit-facts.ts for the shape). A window is two Beijing calendar dates, both inclusive.

// 信息配合 from price reports: per store, the prices it reported itself in the window that passed the
// plausibility check (customer_id, key 'cooperation', value the count).
export const priceReportMeasuresSql = (tenantId: number, window: { from: string; to: string }): SQL => sql`
  SELECT r.customer_id, 'cooperation'::text AS key, count(*)::float8 AS value
  FROM price_reports r
  WHERE r.tenant_id = ${tenantId} AND r.source = 'retailer' AND r.customer_id IS NOT NULL AND NOT r.flagged
    AND r.observed_at >= (${window.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND r.observed_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY r.customer_id`;
