import { and, asc, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import type { AwardStatus } from './terminals.schema.ts';
import { terminalApplications, terminalAwards, terminalInspections, terminalTiers } from './terminals.schema.ts';

// Queries of the tiers, applications, inspections and awards. Every read of a store's data goes
// through storeInScope: outside the caller's scope a row is simply not found.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const storeInScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });

const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

// ---- Tiers ----

export type TierRow = typeof terminalTiers.$inferSelect;
export type TierInsert = typeof terminalTiers.$inferInsert;

export async function listTiers(executor: Executor, tenantId: number): Promise<TierRow[]> {
  return executor
    .select()
    .from(terminalTiers)
    .where(eq(terminalTiers.tenantId, tenantId))
    .orderBy(desc(terminalTiers.rank), asc(terminalTiers.id));
}

export async function insertTiers(executor: Executor, rows: TierInsert[]): Promise<TierRow[]> {
  if (rows.length === 0) return [];
  return executor.insert(terminalTiers).values(rows).onConflictDoNothing().returning();
}

export async function findTier(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(terminalTiers)
    .where(and(eq(terminalTiers.tenantId, tenantId), eq(terminalTiers.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as TierRow | undefined;
}

export async function isTierNameTaken(executor: Executor, tenantId: number, name: string, exceptId?: number) {
  const conditions = [eq(terminalTiers.tenantId, tenantId), eq(terminalTiers.name, name)];
  if (exceptId !== undefined) conditions.push(ne(terminalTiers.id, exceptId));
  const rows = await executor
    .select({ id: terminalTiers.id })
    .from(terminalTiers)
    .where(and(...conditions));
  return rows.length > 0;
}

export async function updateTier(executor: Executor, tenantId: number, id: number, changes: Partial<TierInsert>) {
  const [row] = await executor
    .update(terminalTiers)
    .set(changes)
    .where(and(eq(terminalTiers.tenantId, tenantId), eq(terminalTiers.id, id)))
    .returning();
  return row;
}

// ---- Stores ----

export type ScopedStore = {
  id: number;
  name: string;
  licenceNo: string;
  status: string;
  branchId: number;
};

export async function findScopedStore(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  customerId: number,
  lock = false,
): Promise<ScopedStore | undefined> {
  const rows = rowsOf<{ id: number; name: string; licence_no: string; status: string; branch_id: number }>(
    await executor.execute(sql`
      SELECT c.id, c.name, c.licence_no, c.status, c.branch_id FROM ${customers} c
      WHERE c.tenant_id = ${tenantId} AND c.id = ${customerId} AND ${storeInScope(scope)}
      ${lock ? sql`FOR UPDATE` : sql``}`),
  );
  const row = rows[0];
  return row && { id: row.id, name: row.name, licenceNo: row.licence_no, status: row.status, branchId: row.branch_id };
}

// ---- Awards ----

export type AwardRow = typeof terminalAwards.$inferSelect;

export async function activeAwardOf(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(terminalAwards)
    .where(
      and(
        eq(terminalAwards.tenantId, tenantId),
        eq(terminalAwards.customerId, customerId),
        eq(terminalAwards.status, 'active'),
      ),
    );
  return row as AwardRow | undefined;
}

export async function awardsOfStore(executor: Executor, tenantId: number, customerId: number) {
  return executor
    .select()
    .from(terminalAwards)
    .where(and(eq(terminalAwards.tenantId, tenantId), eq(terminalAwards.customerId, customerId)))
    .orderBy(desc(terminalAwards.id));
}

export async function insertAward(executor: Executor, row: typeof terminalAwards.$inferInsert) {
  const [inserted] = await executor.insert(terminalAwards).values(row).returning();
  return inserted;
}

export async function endAward(
  executor: Executor,
  tenantId: number,
  id: number,
  end: { status: Exclude<AwardStatus, 'active'>; endedOn: string; reason: string | null; now: Date },
) {
  await executor
    .update(terminalAwards)
    .set({ status: end.status, endedOn: end.endedOn, endReason: end.reason, updatedAt: end.now })
    .where(and(eq(terminalAwards.tenantId, tenantId), eq(terminalAwards.id, id)));
}

export async function renewAward(
  executor: Executor,
  tenantId: number,
  id: number,
  renewal: { dueOn: string; inspectionId: number; now: Date },
) {
  await executor
    .update(terminalAwards)
    .set({ dueOn: renewal.dueOn, inspectionId: renewal.inspectionId, updatedAt: renewal.now })
    .where(and(eq(terminalAwards.tenantId, tenantId), eq(terminalAwards.id, id)));
}

export type AwardedStoreFilter = { tierId?: number; branchId?: number; dueBy?: string };

// The stores holding a tier (their active award), in scope: the stores-by-tier list and the
// re-inspections falling due (dueBy). Ordered by due date, so the overdue come first.
export async function listAwardedStores(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: AwardedStoreFilter,
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`a.tenant_id = ${tenantId}`, sql`a.status = 'active'`, storeInScope(scope)];
  if (filter.tierId !== undefined) conditions.push(sql`a.tier_id = ${filter.tierId}`);
  if (filter.branchId !== undefined) conditions.push(sql`c.branch_id = ${filter.branchId}`);
  if (filter.dueBy !== undefined) conditions.push(sql`a.due_on <= ${filter.dueBy}`);
  const where = sql.join(conditions, sql` AND `);
  const from = sql`${terminalAwards} a JOIN ${customers} c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id`;
  const [items, counted] = await Promise.all([
    executor.execute(sql`
      SELECT a.customer_id, c.licence_no, c.name, c.address, c.status AS store_status, c.branch_id,
             b.name AS branch_name, m.display_name AS manager_name, a.tier_id, t.name AS tier_name,
             a.awarded_on, a.due_on
      FROM ${from}
      JOIN ${terminalTiers} t ON t.tenant_id = a.tenant_id AND t.id = a.tier_id
      LEFT JOIN ${orgUnits} b ON b.tenant_id = c.tenant_id AND b.id = c.branch_id
      LEFT JOIN ${users} m ON m.id = c.manager_id
      WHERE ${where}
      ORDER BY a.due_on, a.customer_id
      LIMIT ${page.limit} OFFSET ${page.offset}`),
    executor.execute(sql`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`),
  ]);
  return {
    items: rowsOf<{
      customer_id: number;
      licence_no: string;
      name: string;
      address: string;
      store_status: string;
      branch_id: number;
      branch_name: string | null;
      manager_name: string | null;
      tier_id: number;
      tier_name: string;
      awarded_on: string;
      due_on: string;
    }>(items),
    total: Number(rowsOf<{ total: number }>(counted)[0]?.total ?? 0),
  };
}

// The map's points: one compact row per awarded store with coordinates.
export async function awardedPoints(executor: Executor, tenantId: number, scope: DataScope, branchId?: number) {
  return rowsOf<{ id: number; lng: number; lat: number; tier_id: number }>(
    await executor.execute(sql`
      SELECT a.customer_id AS id, c.longitude AS lng, c.latitude AS lat, a.tier_id
      FROM ${terminalAwards} a JOIN ${customers} c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      WHERE a.tenant_id = ${tenantId} AND a.status = 'active' AND ${storeInScope(scope)}
        AND c.longitude IS NOT NULL AND c.latitude IS NOT NULL
        ${branchId === undefined ? sql`` : sql`AND c.branch_id = ${branchId}`}
      ORDER BY a.customer_id`),
  );
}

// Counts of awarded stores per branch and tier, in scope.
export async function awardCounts(executor: Executor, tenantId: number, scope: DataScope) {
  return rowsOf<{ branch_id: number; branch_name: string | null; tier_id: number; count: number }>(
    await executor.execute(sql`
      SELECT c.branch_id, b.name AS branch_name, a.tier_id, count(*)::int AS count
      FROM ${terminalAwards} a JOIN ${customers} c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      LEFT JOIN ${orgUnits} b ON b.tenant_id = c.tenant_id AND b.id = c.branch_id
      WHERE a.tenant_id = ${tenantId} AND a.status = 'active' AND ${storeInScope(scope)}
      GROUP BY c.branch_id, b.name, a.tier_id
      ORDER BY b.name, c.branch_id, a.tier_id`),
  );
}

// ---- Applications ----

export type ApplicationRow = typeof terminalApplications.$inferSelect;

export async function openApplicationOf(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(terminalApplications)
    .where(
      and(
        eq(terminalApplications.tenantId, tenantId),
        eq(terminalApplications.customerId, customerId),
        sql`${terminalApplications.status} IN ('submitted', 'reviewed', 'approved')`,
      ),
    )
    .for('update');
  return row as ApplicationRow | undefined;
}

export async function insertApplication(executor: Executor, row: typeof terminalApplications.$inferInsert) {
  const [inserted] = await executor.insert(terminalApplications).values(row).returning();
  return inserted;
}

export async function updateApplication(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<typeof terminalApplications.$inferInsert>,
) {
  const [row] = await executor
    .update(terminalApplications)
    .set(changes)
    .where(and(eq(terminalApplications.tenantId, tenantId), eq(terminalApplications.id, id)))
    .returning();
  return row;
}

const applicationColumns = sql`
  p.id, p.customer_id, c.licence_no, c.name AS customer_name, c.branch_id, b.name AS branch_name,
  p.tier_id, t.name AS tier_name, p.status, p.source, p.note, p.photo_ids, p.created_at,
  p.reviewed_at, p.review_note, p.decided_at, p.decision_note`;
const applicationFrom = sql`
  ${terminalApplications} p
  JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
  JOIN ${terminalTiers} t ON t.tenant_id = p.tenant_id AND t.id = p.tier_id
  LEFT JOIN ${orgUnits} b ON b.tenant_id = c.tenant_id AND b.id = c.branch_id`;

export type ApplicationViewRow = {
  id: number;
  customer_id: number;
  licence_no: string;
  customer_name: string;
  branch_id: number;
  branch_name: string | null;
  tier_id: number;
  tier_name: string;
  status: string;
  source: string;
  note: string | null;
  photo_ids: number[];
  created_at: Date | string;
  reviewed_at: Date | string | null;
  review_note: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
};

export async function findScopedApplication(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  id: number,
  lock = false,
): Promise<ApplicationViewRow | undefined> {
  return rowsOf<ApplicationViewRow>(
    await executor.execute(sql`
      SELECT ${applicationColumns} FROM ${applicationFrom}
      WHERE p.tenant_id = ${tenantId} AND p.id = ${id} AND ${storeInScope(scope)}
      ${lock ? sql`FOR UPDATE OF p` : sql``}`),
  )[0];
}

export type ApplicationFilter = { status?: string; customerId?: number; branchId?: number };

export async function listApplications(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: ApplicationFilter,
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`p.tenant_id = ${tenantId}`, storeInScope(scope)];
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  if (filter.customerId !== undefined) conditions.push(sql`p.customer_id = ${filter.customerId}`);
  if (filter.branchId !== undefined) conditions.push(sql`c.branch_id = ${filter.branchId}`);
  const where = sql.join(conditions, sql` AND `);
  const [items, counted] = await Promise.all([
    executor.execute(sql`
      SELECT ${applicationColumns} FROM ${applicationFrom} WHERE ${where}
      ORDER BY p.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`),
    executor.execute(sql`
      SELECT count(*)::int AS total FROM ${terminalApplications} p
      JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id WHERE ${where}`),
  ]);
  return {
    items: rowsOf<ApplicationViewRow>(items),
    total: Number(rowsOf<{ total: number }>(counted)[0]?.total ?? 0),
  };
}

// ---- Inspections ----

export type InspectionRow = typeof terminalInspections.$inferSelect;

export async function insertInspection(executor: Executor, row: typeof terminalInspections.$inferInsert) {
  const [inserted] = await executor.insert(terminalInspections).values(row).returning();
  return inserted;
}

// The latest inspection of an application that met the standard while it awaited approval.
export async function passingInspectionOf(executor: Executor, tenantId: number, applicationId: number) {
  const [row] = await executor
    .select()
    .from(terminalInspections)
    .where(
      and(
        eq(terminalInspections.tenantId, tenantId),
        eq(terminalInspections.applicationId, applicationId),
        eq(terminalInspections.awarded, true),
      ),
    )
    .orderBy(desc(terminalInspections.id))
    .limit(1);
  return row as InspectionRow | undefined;
}

export type InspectionViewRow = {
  id: number;
  customer_id: number;
  customer_name: string;
  tier_id: number;
  tier_name: string;
  application_id: number | null;
  inspected_at: Date | string;
  inspector_name: string | null;
  score: string | number;
  pass_score: string | number;
  awarded: boolean;
  outcome: string;
  reason: string | null;
  note: string | null;
  photo_ids: number[];
  results: unknown;
};

const inspectionFrom = sql`
  ${terminalInspections} i
  JOIN ${customers} c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
  JOIN ${terminalTiers} t ON t.tenant_id = i.tenant_id AND t.id = i.tier_id
  LEFT JOIN ${users} u ON u.id = i.inspected_by`;
const inspectionColumns = sql`
  i.id, i.customer_id, c.name AS customer_name, i.tier_id, t.name AS tier_name, i.application_id,
  i.inspected_at, u.display_name AS inspector_name, i.score, i.pass_score, i.awarded, i.outcome,
  i.reason, i.note, i.photo_ids`;

export async function findScopedInspection(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  return rowsOf<InspectionViewRow>(
    await executor.execute(sql`
      SELECT ${inspectionColumns}, i.results FROM ${inspectionFrom}
      WHERE i.tenant_id = ${tenantId} AND i.id = ${id} AND ${storeInScope(scope)}`),
  )[0];
}

export async function listInspections(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { customerId?: number; tierId?: number },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`i.tenant_id = ${tenantId}`, storeInScope(scope)];
  if (filter.customerId !== undefined) conditions.push(sql`i.customer_id = ${filter.customerId}`);
  if (filter.tierId !== undefined) conditions.push(sql`i.tier_id = ${filter.tierId}`);
  const where = sql.join(conditions, sql` AND `);
  const [items, counted] = await Promise.all([
    executor.execute(sql`
      SELECT ${inspectionColumns} FROM ${inspectionFrom} WHERE ${where}
      ORDER BY i.inspected_at DESC, i.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`),
    executor.execute(sql`
      SELECT count(*)::int AS total FROM ${terminalInspections} i
      JOIN ${customers} c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id WHERE ${where}`),
  ]);
  return {
    items: rowsOf<InspectionViewRow>(items),
    total: Number(rowsOf<{ total: number }>(counted)[0]?.total ?? 0),
  };
}

// ---- Photos ----

// Photos live in the platform's files, named by who uploaded them: a staff member's own uploads
// (terminals/u<userId>/…) or a store's (terminals/c<customerId>/…). A request may cite only those.
export const staffPhotoPrefix = (userId: number) => `terminals/u${userId}/`;
export const storePhotoPrefix = (customerId: number) => `terminals/c${customerId}/`;

export async function photoIdsWithPrefix(
  executor: Executor,
  tenantId: number,
  prefix: string,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await executor
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.tenantId, tenantId),
        sql`${storedFiles.id} = ANY(${idArray(ids)}::int[])`,
        sql`${storedFiles.fileName} LIKE ${`${prefix}%`}`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

// A photo the caller may see: their own upload, or one cited by an application or inspection of a
// store in their scope.
export async function visiblePhotoId(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  ownPrefix: string,
  fileId: number,
) {
  const cited = JSON.stringify([fileId]);
  const rows = rowsOf<{ id: number }>(
    await executor.execute(sql`
      SELECT f.id FROM ${storedFiles} f
      WHERE f.tenant_id = ${tenantId} AND f.id = ${fileId} AND f.file_name LIKE 'terminals/%'
        AND (f.file_name LIKE ${`${ownPrefix}%`}
          OR EXISTS (SELECT 1 FROM ${terminalInspections} i
                     JOIN ${customers} c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
                     WHERE i.tenant_id = ${tenantId} AND i.photo_ids @> ${cited}::jsonb AND ${storeInScope(scope)})
          OR EXISTS (SELECT 1 FROM ${terminalApplications} p
                     JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
                     WHERE p.tenant_id = ${tenantId} AND p.photo_ids @> ${cited}::jsonb AND ${storeInScope(scope)}))`),
  );
  return rows[0]?.id;
}
