import { type SQL, sql } from 'drizzle-orm';

// The level in force on a date, for other modules' statements (the allocation's credit multiplier,
// the complaints queue, the service menu): the scores of the latest published run whose effective
// date has come. Publishing is one update of the run row, so nothing else is rewritten.

// The id of the run in force on `on` (a date, SQL or 'YYYY-MM-DD'), or NULL: uncorrelated, so
// PostgreSQL evaluates it once per statement.
export function creditRunInForce(tenantId: number | SQL, on: SQL | string): SQL {
  return sql`(SELECT r.id FROM credit_runs r
    WHERE r.tenant_id = ${tenantId} AND r.status = 'published' AND r.effective_from <= ${on}::date
    ORDER BY r.effective_from DESC, r.id DESC LIMIT 1)`;
}

// The level (AAA … D) of the store `customerId` (SQL: a column, e.g. sql`c.id`) in force on `on`,
// or NULL (no published run yet, or the store was not scored).
export function creditLevelInForce(tenantId: number | SQL, customerId: SQL, on: SQL | string): SQL {
  return sql`(SELECT s.level FROM credit_scores s
    WHERE s.tenant_id = ${tenantId} AND s.run_id = ${creditRunInForce(tenantId, on)} AND s.customer_id = ${customerId})`;
}
