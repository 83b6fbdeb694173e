import { type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import type { CustomerClass, DemoType } from './customers.schema.ts';

export type CustomerClassChange = { customerId: number; class: CustomerClass | null; demoType: DemoType | null };

// A store's class (客户分类) is decided by the classification module — an approved run, on its
// effective date, or by hand — and written here, by the customers table's owner; the workflows
// that change classes call this after classification's own step, in its transaction. It audits
// nothing: the step that decided the change recorded it.
//
// The changes are rows, or a query of (customer_id, class_code, demo_type) rows, so that a run's
// classes for a whole city are written in one statement without travelling to the process and
// back. Only class_code and demo_type are written (no indexed column: the update stays HOT), and a
// store that already has its class is not written at all. Returns how many stores changed.
export async function setCustomerClassesIn(
  executor: Executor,
  tenantId: number,
  changes: readonly CustomerClassChange[] | SQL,
): Promise<number> {
  if (Array.isArray(changes) && changes.length === 0) return 0;
  const rows = Array.isArray(changes)
    ? sql`SELECT * FROM unnest(${arrayLiteral(changes.map((change) => change.customerId))}::int[],
        ${arrayLiteral(changes.map((change) => change.class))}::text[],
        ${arrayLiteral(changes.map((change) => change.demoType))}::text[])`
    : (changes as SQL);
  const result = await executor.execute(sql`
    WITH updated AS (
      UPDATE customers c SET class_code = x.class_code, demo_type = x.demo_type
      FROM (${rows}) AS x(customer_id, class_code, demo_type)
      WHERE c.tenant_id = ${tenantId} AND c.id = x.customer_id
        AND (c.class_code IS DISTINCT FROM x.class_code OR c.demo_type IS DISTINCT FROM x.demo_type)
      RETURNING 1)
    SELECT count(*)::int AS changed FROM updated`);
  return Number((result as unknown as { rows: { changed: number }[] }).rows[0]?.changed ?? 0);
}
