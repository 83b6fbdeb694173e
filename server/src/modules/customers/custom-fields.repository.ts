import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { customerFields, customers } from './customers.schema.ts';

const fieldColumns = {
  id: customerFields.id,
  key: customerFields.key,
  label: customerFields.label,
  kind: customerFields.kind,
  options: customerFields.options,
  required: customerFields.required,
  position: customerFields.position,
  active: customerFields.active,
};

// The tenant's custom fields in display order (inactive ones included: their values are kept).
export function findCustomerFields(executor: Executor, tenantId: number) {
  return executor
    .select(fieldColumns)
    .from(customerFields)
    .where(eq(customerFields.tenantId, tenantId))
    .orderBy(asc(customerFields.position), asc(customerFields.id));
}

export type CustomerFieldRow = Awaited<ReturnType<typeof findCustomerFields>>[number];

export async function findCustomerField(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select(fieldColumns)
    .from(customerFields)
    .where(and(eq(customerFields.tenantId, tenantId), eq(customerFields.id, id)))
    .for('update');
  return row;
}

export async function findFieldClash(executor: Executor, tenantId: number, key: string | undefined, label: string) {
  const rows = await executor
    .select({ id: customerFields.id, key: customerFields.key, label: customerFields.label })
    .from(customerFields)
    .where(
      and(
        eq(customerFields.tenantId, tenantId),
        key === undefined
          ? eq(customerFields.label, label)
          : sql`(${customerFields.key} = ${key} OR ${customerFields.label} = ${label})`,
      ),
    );
  return rows;
}

export async function nextFieldPosition(executor: Executor, tenantId: number): Promise<number> {
  const [row] = await executor
    .select({ last: max(customerFields.position) })
    .from(customerFields)
    .where(eq(customerFields.tenantId, tenantId));
  return (row?.last ?? 0) + 1;
}

export async function insertCustomerField(executor: Executor, row: typeof customerFields.$inferInsert) {
  const [inserted] = await executor.insert(customerFields).values(row).returning(fieldColumns);
  return inserted;
}

export async function updateCustomerField(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<
    Pick<typeof customerFields.$inferInsert, 'label' | 'options' | 'required' | 'position' | 'active'>
  > & {
    updatedAt: Date;
  },
) {
  const [updated] = await executor
    .update(customerFields)
    .set(changes)
    .where(and(eq(customerFields.tenantId, tenantId), eq(customerFields.id, id)))
    .returning(fieldColumns);
  return updated;
}

// How many of the tenant's stores hold an option of a choice field (served by the GIN index).
export async function countCustomersHoldingOption(
  executor: Executor,
  tenantId: number,
  field: { key: string; kind: string },
  option: string,
): Promise<number> {
  const held = field.kind === 'multiselect' ? { [field.key]: [option] } : { [field.key]: option };
  const [row] = await executor
    .select({ total: count() })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), sql`${customers.customFields} @> ${JSON.stringify(held)}::jsonb`));
  return row.total;
}
