import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { insertInBatches, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { activeStoresSql, type CustomerClass, customerClasses, customers } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { defaultVisitStandards, type PlanStore, type VisitStandards } from './visit-plan.rules.ts';
import {
  visitPhotos,
  visitPlanAdjustments,
  visitPlanItems,
  visitPriceObservations,
  visitStandards,
  visitStockCounts,
  visitStoreOverrides,
  visits,
} from './visits.schema.ts';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const storeScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id });
// A visit record is seen by whoever may see its store now: when a store moves to another manager,
// its visits go with it (the record's manager_id and org_path keep who made the visit, and where).
const visitScope = (scope: DataScope) =>
  sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.tenantId} = ${visits.tenantId} AND ${customers.id} = ${visits.customerId} AND ${storeScope(scope)})`;
const planScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: visitPlanItems.orgPath, managerId: visitPlanItems.managerId });

// ── Stores ────────────────────────────────────────────────────────────────────────────────────

export async function findScopedStore(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const [row] = await executor
    .select({
      id: customers.id,
      name: customers.name,
      address: customers.address,
      managerId: customers.managerId,
      orgPath: customers.orgPath,
      latitude: customers.latitude,
      longitude: customers.longitude,
      classCode: customers.classCode,
      orderDay: customers.orderDay,
      status: customers.status,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId), storeScope(scope)));
  return row;
}

// A manager's active stores as the plan reads them, with their own standards.
export async function planStoresOf(executor: Executor, tenantId: number, managerIds: readonly number[]) {
  const result = await executor.execute(sql`
    SELECT c.id AS "customerId", c.manager_id AS "managerId", c.org_path AS "orgPath", c.class_code AS "classCode",
      c.order_day AS "orderDay", o.visits_per_month AS override
    FROM ${customers} c
    LEFT JOIN visit_store_overrides o ON o.tenant_id = c.tenant_id AND o.customer_id = c.id
    WHERE ${activeStoresSql('c', tenantId, 'tenant')} AND c.manager_id = ANY(${arrayLiteral(managerIds)}::int[])
    ORDER BY c.id`);
  return rowsOf<PlanStore & { managerId: number; orgPath: string }>(result).map((row) => ({
    ...row,
    customerId: Number(row.customerId),
    managerId: Number(row.managerId),
    orderDay: Number(row.orderDay),
    override: row.override === null ? null : Number(row.override),
  }));
}

export async function managersInScope(executor: Executor, tenantId: number, scope: DataScope, managerId?: number) {
  const conditions: SQL[] = [eq(users.tenantId, tenantId), eq(users.role, 'manager')];
  if (managerId !== undefined) conditions.push(eq(users.id, managerId));
  if (scope.kind === 'own') conditions.push(eq(users.id, scope.userId));
  else if (scope.kind === 'org')
    conditions.push(
      sql`${users.id} IN (SELECT manager_id FROM ${customers} WHERE tenant_id = ${tenantId} AND ${storeScope(scope)})`,
    );
  else conditions.push(sql`false`);
  return executor
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.username));
}

// ── Standards ─────────────────────────────────────────────────────────────────────────────────

export async function getVisitStandards(executor: Executor, tenantId: number): Promise<VisitStandards> {
  const rows = await executor.select().from(visitStandards).where(eq(visitStandards.tenantId, tenantId));
  const standards = { ...defaultVisitStandards };
  for (const row of rows) standards[row.classCode] = row.visitsPerMonth;
  return standards;
}

export async function upsertVisitStandards(executor: Executor, tenantId: number, standards: VisitStandards, now: Date) {
  await executor
    .insert(visitStandards)
    .values(
      customerClasses.map((classCode) => ({
        tenantId,
        classCode,
        visitsPerMonth: standards[classCode],
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [visitStandards.tenantId, visitStandards.classCode],
      set: { visitsPerMonth: sql`excluded.visits_per_month`, updatedAt: now },
    });
}

export async function getStoreOverride(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(visitStoreOverrides)
    .where(and(eq(visitStoreOverrides.tenantId, tenantId), eq(visitStoreOverrides.customerId, customerId)));
  return row;
}

// The stores in scope with a standard of their own, by store name.
export async function listStoreOverrides(executor: Executor, tenantId: number, scope: DataScope) {
  return executor
    .select({
      customerId: visitStoreOverrides.customerId,
      customerName: customers.name,
      licenceNo: customers.licenceNo,
      classCode: customers.classCode,
      visitsPerMonth: visitStoreOverrides.visitsPerMonth,
      reason: visitStoreOverrides.reason,
      updatedAt: visitStoreOverrides.updatedAt,
    })
    .from(visitStoreOverrides)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, visitStoreOverrides.tenantId), eq(customers.id, visitStoreOverrides.customerId)),
    )
    .where(and(eq(visitStoreOverrides.tenantId, tenantId), storeScope(scope)))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(1000);
}

export async function setStoreOverride(
  executor: Executor,
  row: { tenantId: number; customerId: number; visitsPerMonth: number; reason: string; updatedAt: Date } | null,
  tenantId: number,
  customerId: number,
) {
  await executor
    .delete(visitStoreOverrides)
    .where(and(eq(visitStoreOverrides.tenantId, tenantId), eq(visitStoreOverrides.customerId, customerId)));
  if (row) await executor.insert(visitStoreOverrides).values(row);
}

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────

export type PlanItemRow = typeof visitPlanItems.$inferSelect;

export async function countPlanItems(
  executor: Executor,
  tenantId: number,
  month: string,
  managerIds: readonly number[],
) {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(visitPlanItems)
    .where(
      and(
        eq(visitPlanItems.tenantId, tenantId),
        eq(visitPlanItems.month, month),
        inArray(visitPlanItems.managerId, [...managerIds]),
      ),
    );
  return Number(row.n);
}

// Removes a month's still-planned items of the managers (done and dropped ones stay: they are history).
export async function deletePlannedItems(
  executor: Executor,
  tenantId: number,
  month: string,
  managerIds: readonly number[],
) {
  await executor.execute(sql`
    DELETE FROM visit_plan_items
    WHERE tenant_id = ${tenantId} AND month = ${month} AND status = 'planned'
      AND manager_id = ANY(${arrayLiteral(managerIds)}::int[])`);
}

export type PlanItemInsert = {
  month: string;
  managerId: number;
  customerId: number;
  orgPath: string;
  plannedOn: string;
  source: 'generated' | 'added';
};

// One statement per 5,000 items, each column one array parameter.
export async function insertPlanItems(
  executor: Executor,
  tenantId: number,
  rows: readonly PlanItemInsert[],
  now: Date,
) {
  await insertInBatches(executor, rows.length, 5_000, (start, end) => {
    const items = unnestRows('t', rows.slice(start, end), {
      month: ['text', (row) => row.month],
      manager_id: ['int', (row) => row.managerId],
      customer_id: ['int', (row) => row.customerId],
      org_path: ['text', (row) => row.orgPath],
      planned_on: ['date', (row) => row.plannedOn],
      source: ['text', (row) => row.source],
    });
    return sql`
      INSERT INTO visit_plan_items (tenant_id, month, manager_id, customer_id, org_path, planned_on, source, created_at)
      SELECT ${tenantId}, t.month, t.manager_id, t.customer_id, t.org_path, t.planned_on, t.source, ${now}
      FROM ${items}`;
  });
}

type PlanItemFilter = { month?: string; managerId?: number; date?: string; customerId?: number };

function planItemConditions(tenantId: number, scope: DataScope, filter: PlanItemFilter): SQL[] {
  const conditions: SQL[] = [eq(visitPlanItems.tenantId, tenantId), planScope(scope)];
  if (filter.month) conditions.push(eq(visitPlanItems.month, filter.month));
  if (filter.customerId !== undefined) conditions.push(eq(visitPlanItems.customerId, filter.customerId));
  if (filter.managerId !== undefined) conditions.push(eq(visitPlanItems.managerId, filter.managerId));
  if (filter.date) conditions.push(eq(visitPlanItems.plannedOn, filter.date));
  return conditions;
}

// The 月计划 as it is shown: a city's month is ~45,000 items, so only what the plan shows is read
// (no address or coordinates), and the items are put in order here (by day, store, id — a total
// order) rather than by a sort that PGlite spilled to disk.
export async function listPlanItemsForView(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: PlanItemFilter,
) {
  const rows = await executor
    .select({
      id: visitPlanItems.id,
      customerId: visitPlanItems.customerId,
      customerName: customers.name,
      classCode: customers.classCode,
      managerId: visitPlanItems.managerId,
      date: visitPlanItems.plannedOn,
      status: visitPlanItems.status,
      source: visitPlanItems.source,
      visitId: visitPlanItems.visitId,
    })
    .from(visitPlanItems)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, visitPlanItems.tenantId), eq(customers.id, visitPlanItems.customerId)),
    )
    .where(and(...planItemConditions(tenantId, scope, filter)));
  return rows.sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.customerId - b.customerId || a.id - b.id,
  );
}

export async function listPlanItems(executor: Executor, tenantId: number, scope: DataScope, filter: PlanItemFilter) {
  const conditions = planItemConditions(tenantId, scope, filter);
  return executor
    .select({
      id: visitPlanItems.id,
      customerId: visitPlanItems.customerId,
      customerName: customers.name,
      address: customers.address,
      classCode: customers.classCode,
      latitude: customers.latitude,
      longitude: customers.longitude,
      managerId: visitPlanItems.managerId,
      date: visitPlanItems.plannedOn,
      status: visitPlanItems.status,
      source: visitPlanItems.source,
      visitId: visitPlanItems.visitId,
    })
    .from(visitPlanItems)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, visitPlanItems.tenantId), eq(customers.id, visitPlanItems.customerId)),
    )
    .where(and(...conditions))
    .orderBy(asc(visitPlanItems.plannedOn), asc(visitPlanItems.customerId), asc(visitPlanItems.id));
}

export async function findScopedPlanItem(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [row] = await executor
    .select()
    .from(visitPlanItems)
    .where(and(eq(visitPlanItems.tenantId, tenantId), eq(visitPlanItems.id, id), planScope(scope)))
    .for('update');
  return row;
}

export async function updatePlanItem(executor: Executor, tenantId: number, id: number, changes: Partial<PlanItemRow>) {
  await executor
    .update(visitPlanItems)
    .set(changes)
    .where(and(eq(visitPlanItems.tenantId, tenantId), eq(visitPlanItems.id, id)));
}

export async function insertPlanItem(executor: Executor, tenantId: number, row: PlanItemInsert, now: Date) {
  const [created] = await executor
    .insert(visitPlanItems)
    .values({ ...row, tenantId, createdAt: now })
    .returning();
  return created;
}

export async function insertAdjustment(executor: Executor, row: typeof visitPlanAdjustments.$inferInsert) {
  const [created] = await executor.insert(visitPlanAdjustments).values(row).returning();
  return created;
}

export async function listAdjustments(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  month: string,
  managerId?: number,
) {
  const conditions: SQL[] = [
    eq(visitPlanAdjustments.tenantId, tenantId),
    eq(visitPlanItems.month, month),
    planScope(scope),
  ];
  if (managerId !== undefined) conditions.push(eq(visitPlanItems.managerId, managerId));
  return executor
    .select({
      id: visitPlanAdjustments.id,
      planItemId: visitPlanAdjustments.planItemId,
      customerId: visitPlanItems.customerId,
      kind: visitPlanAdjustments.kind,
      fromDate: visitPlanAdjustments.fromDate,
      toDate: visitPlanAdjustments.toDate,
      reason: visitPlanAdjustments.reason,
      adjustedAt: visitPlanAdjustments.adjustedAt,
    })
    .from(visitPlanAdjustments)
    .innerJoin(
      visitPlanItems,
      and(
        eq(visitPlanItems.tenantId, visitPlanAdjustments.tenantId),
        eq(visitPlanItems.id, visitPlanAdjustments.planItemId),
      ),
    )
    .where(and(...conditions))
    .orderBy(desc(visitPlanAdjustments.id));
}

// The planned item a visit completes: the one named, or the store's earliest still-planned item
// of the visit's month for that manager.
export async function findPlanItemForVisit(
  executor: Executor,
  tenantId: number,
  managerId: number,
  customerId: number,
  month: string,
) {
  const [row] = await executor
    .select({ id: visitPlanItems.id })
    .from(visitPlanItems)
    .where(
      and(
        eq(visitPlanItems.tenantId, tenantId),
        eq(visitPlanItems.managerId, managerId),
        eq(visitPlanItems.customerId, customerId),
        eq(visitPlanItems.month, month),
        eq(visitPlanItems.status, 'planned'),
      ),
    )
    .orderBy(asc(visitPlanItems.plannedOn), asc(visitPlanItems.id))
    .limit(1);
  return row;
}

// ── Visits ────────────────────────────────────────────────────────────────────────────────────

export type VisitRow = typeof visits.$inferSelect;

export async function insertVisit(executor: Executor, row: typeof visits.$inferInsert) {
  const [created] = await executor.insert(visits).values(row).returning({ id: visits.id });
  return created;
}

export async function findScopedVisit(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [row] = await executor
    .select()
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), eq(visits.id, id), visitScope(scope)));
  return row;
}

export async function knownProductIds(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await executor
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

export async function insertObservations(
  executor: Executor,
  tenantId: number,
  visit: { id: number; customerId: number; at: Date },
  stockCounts: ReadonlyArray<{ productId: number; cartons: number }>,
  prices: ReadonlyArray<{ productId: number; packPriceFen: number }>,
) {
  if (stockCounts.length > 0)
    await executor.insert(visitStockCounts).values(
      stockCounts.map((line) => ({
        tenantId,
        visitId: visit.id,
        customerId: visit.customerId,
        productId: line.productId,
        countedAt: visit.at,
        cartons: line.cartons,
      })),
    );
  if (prices.length > 0)
    await executor.insert(visitPriceObservations).values(
      prices.map((line) => ({
        tenantId,
        visitId: visit.id,
        customerId: visit.customerId,
        productId: line.productId,
        observedAt: visit.at,
        packPriceFen: line.packPriceFen,
      })),
    );
}

export async function observationsOf(executor: Executor, tenantId: number, visitId: number) {
  const [stockCounts, prices, photos] = await Promise.all([
    executor
      .select({ productId: visitStockCounts.productId, name: products.name, cartons: visitStockCounts.cartons })
      .from(visitStockCounts)
      .innerJoin(
        products,
        and(eq(products.tenantId, visitStockCounts.tenantId), eq(products.id, visitStockCounts.productId)),
      )
      .where(and(eq(visitStockCounts.tenantId, tenantId), eq(visitStockCounts.visitId, visitId))),
    executor
      .select({
        productId: visitPriceObservations.productId,
        name: products.name,
        packPriceFen: visitPriceObservations.packPriceFen,
      })
      .from(visitPriceObservations)
      .innerJoin(
        products,
        and(eq(products.tenantId, visitPriceObservations.tenantId), eq(products.id, visitPriceObservations.productId)),
      )
      .where(and(eq(visitPriceObservations.tenantId, tenantId), eq(visitPriceObservations.visitId, visitId))),
    executor
      .select({ id: visitPhotos.id })
      .from(visitPhotos)
      .where(and(eq(visitPhotos.tenantId, tenantId), eq(visitPhotos.visitId, visitId)))
      .orderBy(asc(visitPhotos.id)),
  ]);
  return { stockCounts, prices, photoIds: photos.map((photo) => photo.id) };
}

export async function correctionsOf(executor: Executor, tenantId: number, visitId: number) {
  const rows = await executor
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), eq(visits.correctsVisitId, visitId)))
    .orderBy(asc(visits.id));
  return rows.map((row) => row.id);
}

export async function listVisits(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: {
    customerId?: number;
    managerId?: number;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
    flagged?: boolean;
  },
) {
  const conditions: SQL[] = [eq(visits.tenantId, tenantId), visitScope(scope)];
  if (filter.customerId !== undefined) conditions.push(eq(visits.customerId, filter.customerId));
  if (filter.managerId !== undefined) conditions.push(eq(visits.managerId, filter.managerId));
  if (filter.from) conditions.push(sql`${visits.checkInAt} >= ${filter.from}`);
  if (filter.to) conditions.push(sql`${visits.checkInAt} < ${filter.to}`);
  if (filter.flagged)
    conditions.push(
      sql`(${visits.checkInLatitude} IS NULL OR ${visits.checkOutAt} - ${visits.checkInAt} < interval '120 seconds' OR ${visits.checkInDistanceM} > 500)`,
    );
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    executor
      .select({
        id: visits.id,
        customerId: visits.customerId,
        customerName: customers.name,
        managerId: visits.managerId,
        managerName: users.displayName,
        checkInAt: visits.checkInAt,
        checkOutAt: visits.checkOutAt,
        checkInLatitude: visits.checkInLatitude,
        checkInDistanceM: visits.checkInDistanceM,
        imageScore: visits.imageScore,
        correctsVisitId: visits.correctsVisitId,
        servicesDelivered: visits.servicesDelivered,
        isSuperseded: sql<boolean>`EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = ${visits.tenantId} AND n.corrects_visit_id = ${visits.id})`,
        submittedAt: visits.submittedAt,
      })
      .from(visits)
      .innerJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
      .innerJoin(users, eq(users.id, visits.managerId))
      .where(where)
      .orderBy(desc(visits.checkInAt), desc(visits.id))
      .limit(filter.limit)
      .offset(filter.offset),
    executor.select({ n: sql<number>`count(*)::int` }).from(visits).where(where),
  ]);
  return { items, total: Number(total.n) };
}

// ── Photos ────────────────────────────────────────────────────────────────────────────────────

export async function insertPhoto(executor: Executor, row: typeof visitPhotos.$inferInsert) {
  const [created] = await executor.insert(visitPhotos).values(row).returning({ id: visitPhotos.id });
  return created;
}

// Photos the uploader may attach: theirs and not yet on a visit.
export async function unattachedPhotosOf(executor: Executor, tenantId: number, userId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: visitPhotos.id })
    .from(visitPhotos)
    .where(
      and(
        eq(visitPhotos.tenantId, tenantId),
        eq(visitPhotos.uploadedBy, userId),
        isNull(visitPhotos.visitId),
        inArray(visitPhotos.id, [...ids]),
      ),
    );
}

export async function attachPhotos(executor: Executor, tenantId: number, visitId: number, ids: readonly number[]) {
  if (ids.length === 0) return;
  await executor
    .update(visitPhotos)
    .set({ visitId })
    .where(and(eq(visitPhotos.tenantId, tenantId), inArray(visitPhotos.id, [...ids])));
}

// The stored file of a photo visible to the caller: whoever sees its visit, or (not yet attached)
// its uploader.
export async function findVisiblePhotoFile(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  userId: number,
  id: number,
) {
  const [row] = await executor
    .select({ fileId: visitPhotos.fileId })
    .from(visitPhotos)
    .leftJoin(visits, and(eq(visits.tenantId, visitPhotos.tenantId), eq(visits.id, visitPhotos.visitId)))
    .where(
      and(
        eq(visitPhotos.tenantId, tenantId),
        eq(visitPhotos.id, id),
        sql`(CASE WHEN ${visitPhotos.visitId} IS NULL THEN ${visitPhotos.uploadedBy} = ${userId} ELSE ${visitScope(scope)} END)`,
      ),
    );
  return row;
}

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

export type ReportGroup = 'manager' | 'branch' | 'class';

export type ReportRow = {
  key: string;
  label: string;
  stores: number;
  planned: number;
  done: number;
  storesVisited: number;
  visits: number;
  flagged: number;
};

// Plan completion and coverage of a month, grouped. Visits are the current records (a corrected
// visit counts once, as its correction); the month is read in Beijing time.
export async function planReport(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  month: string,
  group: ReportGroup,
  range: { from: Date; to: Date },
): Promise<ReportRow[]> {
  const keyOf = {
    manager: sql`s.manager_id::text`,
    branch: sql`s.branch_id::text`,
    class: sql`s.class`,
  }[group];
  const labelOf = {
    manager: sql`(SELECT display_name FROM users u WHERE u.id = s.manager_id)`,
    branch: sql`(SELECT name FROM org_units o WHERE o.tenant_id = ${tenantId} AND o.id = s.branch_id)`,
    class: sql`s.class`,
  }[group];
  const result = await executor.execute(sql`
    WITH s AS (
      SELECT customers.id, customers.manager_id, customers.branch_id, coalesce(customers.class_code, 'ordinary') AS class
      FROM ${customers}
      WHERE ${activeStoresSql('customers', tenantId, scope)}),
    p AS (
      SELECT customer_id, count(*) FILTER (WHERE status <> 'dropped') AS planned, count(*) FILTER (WHERE status = 'done') AS done
      FROM visit_plan_items WHERE tenant_id = ${tenantId} AND month = ${month} GROUP BY customer_id),
    v AS (
      SELECT customer_id, count(*) AS visits,
        count(*) FILTER (WHERE check_in_latitude IS NULL OR check_out_at - check_in_at < interval '120 seconds') AS flagged
      FROM visits x
      WHERE tenant_id = ${tenantId} AND check_in_at >= ${range.from} AND check_in_at < ${range.to}
        AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = x.tenant_id AND n.corrects_visit_id = x.id)
      GROUP BY customer_id)
    SELECT ${keyOf} AS key, min(${labelOf}) AS label, count(*) AS stores,
      coalesce(sum(p.planned), 0) AS planned, coalesce(sum(p.done), 0) AS done,
      count(v.customer_id) AS "storesVisited", coalesce(sum(v.visits), 0) AS visits, coalesce(sum(v.flagged), 0) AS flagged
    FROM s LEFT JOIN p ON p.customer_id = s.id LEFT JOIN v ON v.customer_id = s.id
    GROUP BY 1 ORDER BY 1`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    key: String(row.key),
    label: String(row.label ?? row.key),
    stores: Number(row.stores),
    planned: Number(row.planned),
    done: Number(row.done),
    storesVisited: Number(row.storesVisited),
    visits: Number(row.visits),
    flagged: Number(row.flagged),
  }));
}

// Each store's terminal image score: the average over its current visits since `since`.
export async function imageScoresSince(executor: Executor, tenantId: number, since: Date | null) {
  const result = await executor.execute(sql`
    SELECT customer_id AS "customerId", round(avg(image_score))::int AS score
    FROM visits x
    WHERE tenant_id = ${tenantId}
      AND check_in_at >= ${since ? sql`${since}` : sql`now() - interval '91 days'`}
      AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.tenant_id = x.tenant_id AND n.corrects_visit_id = x.id)
    GROUP BY customer_id`);
  return new Map(
    rowsOf<{ customerId: number; score: number }>(result).map((row) => [Number(row.customerId), Number(row.score)]),
  );
}

export type { CustomerClass };

// ── Brand checks (read by the brand module through index.ts) ──────────────────────────────────

export type BrandCheckTally = { kind: string; title: string; done: number; listed: number };

// How often each item of a brand programme's checklist was ticked done on visits (the newest record
// of a correction chain only), over the visits whose store the scope sees: per kind and title, the
// visits that ticked it (done) and the visits that listed it (listed). The GIN index on
// brand_checks finds the programme's visits.
export async function brandChecksOfProgramme(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  programmeId: number,
): Promise<{ visits: number; items: BrandCheckTally[] }> {
  const containment = JSON.stringify([{ programmeId }]);
  const visible = sql`${visits.tenantId} = ${tenantId} AND ${visits.brandChecks} @> ${containment}::jsonb
    AND NOT EXISTS (SELECT 1 FROM ${visits} n WHERE n.tenant_id = ${visits.tenantId} AND n.corrects_visit_id = ${visits.id})
    AND ${visitScope(scope)}`;
  const [items, total] = await Promise.all([
    executor.execute(sql`
      SELECT e->>'kind' AS kind, e->>'title' AS title,
        count(*) FILTER (WHERE (e->>'done')::boolean)::int AS done, count(*)::int AS listed
      FROM ${visits}, jsonb_array_elements(${visits.brandChecks}) e
      WHERE ${visible} AND (e->>'programmeId')::int = ${programmeId}
      GROUP BY 1, 2 ORDER BY 1, 2`),
    executor.execute(sql`SELECT count(*)::int AS n FROM ${visits} WHERE ${visible}`),
  ]);
  return {
    visits: Number(rowsOf<{ n: number }>(total)[0]?.n ?? 0),
    items: rowsOf<{ kind: string; title: string; done: number; listed: number }>(items).map((row) => ({
      kind: String(row.kind),
      title: String(row.title),
      done: Number(row.done),
      listed: Number(row.listed),
    })),
  };
}
