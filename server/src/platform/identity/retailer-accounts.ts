import { and, eq, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Executor } from '../../db/client.ts';
import { passwordNotIssued } from '../auth/password-hashing.ts';
import { users } from './identity.schema.ts';

// Every store signs in to the portal with its licence number. The accounts are users (sign-in
// reads them before any module), so they are written here; the customers module calls these
// when it creates a store, cancels its licence or issues its password.

export type RetailerAccountStore = { id: number; licenceNo: string; name: string };

// The portal accounts of new stores, one statement however many (an import's batch passes each
// column as one array parameter): username = licence number, and no usable password — the hash
// marker matches nothing — until staff issue one, so no password is guessable or shared by
// default. A store that has an account already keeps it. Returns the accounts made.
export async function createRetailerAccountsIn(
  executor: Executor,
  tenantId: number,
  stores: readonly RetailerAccountStore[],
  now: Date,
): Promise<{ id: number; username: string }[]> {
  if (stores.length === 0) return [];
  const result = await executor.execute(sql`
    INSERT INTO users (tenant_id, username, display_name, password_hash, must_change_password, role, scope_kind,
      customer_id, password_changed_at, created_at, updated_at)
    SELECT ${tenantId}, v.username, v.display_name, ${passwordNotIssued}, true, 'retailer', 'customer', v.customer_id,
      ${now}, ${now}, ${now}
    FROM unnest(${arrayLiteral(stores.map((store) => store.licenceNo))}::text[],
      ${arrayLiteral(stores.map((store) => store.name))}::text[],
      ${arrayLiteral(stores.map((store) => store.id))}::integer[]) AS v(username, display_name, customer_id)
    ON CONFLICT DO NOTHING
    RETURNING id, username`);
  return (result as unknown as { rows: { id: number; username: string }[] }).rows.map((row) => ({
    id: Number(row.id),
    username: row.username,
  }));
}

// The store's retailer accounts (normally one), disabled when its licence is cancelled. Returns
// the ids of the accounts disabled.
export async function disableRetailerAccountsIn(executor: Executor, tenantId: number, customerId: number, now: Date) {
  const rows = await executor
    .update(users)
    .set({ disabled: true, updatedAt: now })
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.customerId, customerId),
        eq(users.role, 'retailer'),
        eq(users.disabled, false),
      ),
    )
    .returning({ id: users.id });
  return rows.map((row) => row.id);
}

export async function findRetailerAccount(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select({ id: users.id, username: users.username, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.customerId, customerId), eq(users.role, 'retailer')))
    .orderBy(users.id)
    .limit(1);
  return row;
}
