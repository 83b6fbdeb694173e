import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { creditLevelInForce } from '../credit/index.ts';
import { customers } from '../customers/index.ts';
import type { DefaultServiceItem } from './service-menu.rules.ts';
import { type ServiceRequestStatus, serviceItems, serviceMethodRatings, serviceRequests } from './visits.schema.ts';

export type ServiceItemRow = typeof serviceItems.$inferSelect;

export async function listServiceItems(executor: Executor, tenantId: number): Promise<ServiceItemRow[]> {
  return executor
    .select()
    .from(serviceItems)
    .where(eq(serviceItems.tenantId, tenantId))
    .orderBy(asc(serviceItems.position), asc(serviceItems.id));
}

// The default menu for a tenant that has none yet (idempotent: codes are unique per tenant).
export async function insertDefaultMenu(
  executor: Executor,
  tenantId: number,
  menu: readonly DefaultServiceItem[],
  now: Date,
) {
  const inserted = await executor
    .insert(serviceItems)
    .values(menu.map((entry, index) => ({ ...entry, tenantId, position: index + 1, createdAt: now, updatedAt: now })))
    .onConflictDoNothing()
    .returning({ id: serviceItems.id });
  return inserted.length;
}

export async function findServiceItem(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.tenantId, tenantId), eq(serviceItems.id, id)));
  return row;
}

export async function updateServiceItem(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<ServiceItemRow>,
) {
  const [row] = await executor
    .update(serviceItems)
    .set(changes)
    .where(and(eq(serviceItems.tenantId, tenantId), eq(serviceItems.id, id)))
    .returning();
  return row;
}

export async function insertServiceRequest(executor: Executor, row: typeof serviceRequests.$inferInsert) {
  const [created] = await executor.insert(serviceRequests).values(row).returning();
  return created;
}

export async function listServiceRequests(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { customerId?: number; status?: ServiceRequestStatus; limit: number; offset: number },
) {
  const conditions: SQL[] = [
    eq(serviceRequests.tenantId, tenantId),
    scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
  ];
  if (filter.customerId !== undefined) conditions.push(eq(serviceRequests.customerId, filter.customerId));
  if (filter.status) conditions.push(eq(serviceRequests.status, filter.status));
  const storeJoin = and(eq(customers.tenantId, serviceRequests.tenantId), eq(customers.id, serviceRequests.customerId));
  const itemsQuery = executor
    .select({
      id: serviceRequests.id,
      customerId: serviceRequests.customerId,
      customerName: customers.name,
      itemId: serviceRequests.itemId,
      itemName: serviceItems.name,
      category: serviceItems.category,
      note: serviceRequests.note,
      status: serviceRequests.status,
      requestedAt: serviceRequests.requestedAt,
      fulfilledAt: serviceRequests.fulfilledAt,
      fulfilledVisitId: serviceRequests.fulfilledVisitId,
    })
    .from(serviceRequests)
    .innerJoin(customers, storeJoin)
    .innerJoin(
      serviceItems,
      and(eq(serviceItems.tenantId, serviceRequests.tenantId), eq(serviceItems.id, serviceRequests.itemId)),
    )
    .where(and(...conditions))
    .orderBy(desc(serviceRequests.requestedAt), desc(serviceRequests.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const totalQuery = executor
    .select({ n: count() })
    .from(serviceRequests)
    .innerJoin(customers, storeJoin)
    .where(and(...conditions));
  const [items, [total]] = await Promise.all([itemsQuery, totalQuery]);
  return { total: Number(total?.n ?? 0), items };
}

export async function openRequestsOf(
  executor: Executor,
  tenantId: number,
  customerId: number,
  ids?: readonly number[],
) {
  const conditions: SQL[] = [
    eq(serviceRequests.tenantId, tenantId),
    eq(serviceRequests.customerId, customerId),
    eq(serviceRequests.status, 'open'),
  ];
  if (ids) conditions.push(inArray(serviceRequests.id, ids.length > 0 ? [...ids] : [0]));
  return executor
    .select()
    .from(serviceRequests)
    .where(and(...conditions));
}

export async function fulfilRequests(
  executor: Executor,
  tenantId: number,
  ids: readonly number[],
  visitId: number,
  now: Date,
) {
  if (ids.length === 0) return;
  await executor
    .update(serviceRequests)
    .set({ status: 'fulfilled', fulfilledAt: now, fulfilledVisitId: visitId })
    .where(and(eq(serviceRequests.tenantId, tenantId), inArray(serviceRequests.id, [...ids])));
}

export async function insertRating(executor: Executor, row: typeof serviceMethodRatings.$inferInsert) {
  const [created] = await executor.insert(serviceMethodRatings).values(row).returning({ id: serviceMethodRatings.id });
  return created;
}

export async function allRatings(executor: Executor, tenantId: number) {
  return executor
    .select({
      itemId: serviceMethodRatings.itemId,
      effectiveness: serviceMethodRatings.effectiveness,
      pertinence: serviceMethodRatings.pertinence,
      economy: serviceMethodRatings.economy,
    })
    .from(serviceMethodRatings)
    .where(eq(serviceMethodRatings.tenantId, tenantId));
}

// The store's credit level (信用等级) in force on `on` (YYYY-MM-DD), or null when none is published.
export async function creditLevelOfStore(executor: Executor, tenantId: number, customerId: number, on: string) {
  const result = await executor.execute(
    sql`SELECT ${creditLevelInForce(tenantId, sql`${customerId}::int`, on)} AS level`,
  );
  return ((result as unknown as { rows: { level: string | null }[] }).rows[0]?.level ?? null) as string | null;
}
