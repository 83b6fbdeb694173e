import { type SQL, sql } from 'drizzle-orm';
import { trainingSignups } from './training.schema.ts';

// 客我互动率's share from 培训: the stores that signed up for, or checked in at, a session in
// [from, to) — `SELECT customer_id`, for the interaction-rate workflow's union. Customer ids are
// unique across tenants; `tenantId` narrows it to one tenant (the index's leading column).
export function interactingStoresSql(from: Date, to: Date, tenantId?: number): SQL {
  const tenant = tenantId === undefined ? sql`true` : sql`s.tenant_id = ${tenantId}`;
  return sql`SELECT DISTINCT s.customer_id FROM ${trainingSignups} s
    WHERE ${tenant} AND (
      (s.signed_up_at >= ${from.toISOString()} AND s.signed_up_at < ${to.toISOString()})
      OR (s.checked_in_at >= ${from.toISOString()} AND s.checked_in_at < ${to.toISOString()}))`;
}
