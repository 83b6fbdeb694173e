import { type SQL, sql } from 'drizzle-orm';
import { articleDeliveries } from './information.schema.ts';

// 客我互动率's part from 信息推送: the stores that read or acknowledged an article in [from, to).
// A SELECT of one column, customer_id (customer ids are unique across tenants; the workflow narrows).
export function interactingStoresSql(from: Date, to: Date): SQL {
  const start = from.toISOString();
  const end = to.toISOString();
  return sql`SELECT customer_id FROM ${articleDeliveries}
    WHERE (read_at >= ${start}::timestamptz AND read_at < ${end}::timestamptz)
       OR (acknowledged_at >= ${start}::timestamptz AND acknowledged_at < ${end}::timestamptz)`;
}
