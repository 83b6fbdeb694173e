import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { customers } from '../customers/index.ts';
import { visits } from '../visits/index.ts';
import {
  type AssetCondition,
  type AssetEventKind,
  type AssetStatus,
  type AssetType,
  assetEvents,
  assetPhotos,
  assets,
} from './assets.schema.ts';

// The fixture register's queries. A fixture's data scope: at a store, the store's (its branch,
// its manager, the store itself); not at a store (in a store room, written off), the branch
// keeping it (assets.org_path). Outside the scope a fixture is simply not found.

const holder = aliasedTable(customers, 'holder');

function assetInScope(scope: DataScope): SQL {
  const atStore = scopeCondition(scope, {
    orgPath: holder.orgPath,
    managerId: holder.managerId,
    customerId: holder.id,
  });
  const inStoreRoom = scopeCondition(scope, { orgPath: assets.orgPath });
  return sql`((${assets.customerId} IS NOT NULL AND ${atStore}) OR (${assets.customerId} IS NULL AND ${inStoreRoom}))`;
}

const assetColumns = {
  id: assets.id,
  tag: assets.tag,
  type: assets.type,
  model: assets.model,
  valueYuan: assets.valueYuan,
  status: assets.status,
  customerId: assets.customerId,
  customerName: holder.name,
  licenceNo: holder.licenceNo,
  customerStatus: holder.status,
  heldSince: assets.heldSince,
  orgPath: assets.orgPath,
  condition: assets.condition,
  lastAuditedOn: assets.lastAuditedOn,
  nextAuditOn: assets.nextAuditOn,
  auditIntervalMonths: assets.auditIntervalMonths,
  writeOffReason: assets.writeOffReason,
  note: assets.note,
  updatedAt: assets.updatedAt,
};

export type AssetRow = {
  id: number;
  tag: string;
  type: AssetType;
  model: string | null;
  valueYuan: string;
  status: AssetStatus;
  customerId: number | null;
  customerName: string | null;
  licenceNo: string | null;
  customerStatus: string | null;
  heldSince: string | null;
  orgPath: string;
  condition: AssetCondition;
  lastAuditedOn: string | null;
  nextAuditOn: string | null;
  auditIntervalMonths: number;
  writeOffReason: string | null;
  note: string | null;
  updatedAt: Date;
};

export type AssetFilters = {
  customerId?: number;
  status?: AssetStatus;
  type?: AssetType;
  // At the branch's stores, or in its store room: the holder's org path, else the fixture's.
  branchId?: number;
  // Issued fixtures whose next audit date is before `today`.
  auditOverdue?: boolean;
  // Issued fixtures at stores that have closed or were cancelled (待回收).
  recovery?: boolean;
  // A tag prefix.
  tag?: string;
  today: string;
};

function filterConditions(tenantId: number, scope: DataScope, filters: AssetFilters): SQL[] {
  const conditions: SQL[] = [eq(assets.tenantId, tenantId), assetInScope(scope)];
  if (filters.customerId !== undefined) conditions.push(eq(assets.customerId, filters.customerId));
  if (filters.status) conditions.push(eq(assets.status, filters.status));
  if (filters.type) conditions.push(eq(assets.type, filters.type));
  if (filters.branchId !== undefined) {
    conditions.push(sql`coalesce(${holder.orgPath}, ${assets.orgPath}) LIKE ${`%/${filters.branchId}/%`}`);
  }
  if (filters.auditOverdue) {
    conditions.push(sql`${assets.status} = 'issued'`, lt(assets.nextAuditOn, filters.today));
  }
  if (filters.recovery) {
    conditions.push(sql`${assets.status} = 'issued'`, inArray(holder.status, ['closed', 'cancelled']));
  }
  if (filters.tag) conditions.push(sql`${assets.tag} LIKE ${`${filters.tag.replace(/[\\%_]/g, '\\$&')}%`}`);
  return conditions;
}

export async function findAssets(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: AssetFilters,
  page: { limit: number; offset: number },
): Promise<{ items: AssetRow[]; total: number }> {
  const where = and(...filterConditions(tenantId, scope, filters));
  const join = and(eq(holder.tenantId, assets.tenantId), eq(holder.id, assets.customerId));
  // The overdue list reads the most overdue first; any other list the newest tags first.
  const order = filters.auditOverdue ? [asc(assets.nextAuditOn), asc(assets.id)] : [desc(assets.id)];
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(assetColumns)
      .from(assets)
      .leftJoin(holder, join)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    executor.select({ total: count() }).from(assets).leftJoin(holder, join).where(where),
  ]);
  return { items: items as AssetRow[], total: Number(total) };
}

// A page of the export, in tag order after `afterTag`.
export async function findAssetExportPage(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: AssetFilters,
  page: { afterTag?: string; limit: number },
): Promise<AssetRow[]> {
  const conditions = filterConditions(tenantId, scope, filters);
  if (page.afterTag !== undefined) conditions.push(sql`${assets.tag} > ${page.afterTag}`);
  return (await executor
    .select(assetColumns)
    .from(assets)
    .leftJoin(holder, and(eq(holder.tenantId, assets.tenantId), eq(holder.id, assets.customerId)))
    .where(and(...conditions))
    .orderBy(asc(assets.tag))
    .limit(page.limit)) as AssetRow[];
}

// One fixture in the caller's scope; `lock` holds its row until the transaction ends, so two moves
// of one fixture run one after the other (the second sees where the first left it).
export async function findAsset(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  id: number,
  lock = false,
): Promise<AssetRow | undefined> {
  if (lock) {
    const locked = await executor
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.tenantId, tenantId), eq(assets.id, id)))
      .for('update');
    if (locked.length === 0) return undefined;
  }
  const [row] = await executor
    .select(assetColumns)
    .from(assets)
    .leftJoin(holder, and(eq(holder.tenantId, assets.tenantId), eq(holder.id, assets.customerId)))
    .where(and(eq(assets.tenantId, tenantId), eq(assets.id, id), assetInScope(scope)));
  return row as AssetRow | undefined;
}

export async function tagsTaken(executor: Executor, tenantId: number, tags: readonly string[]): Promise<Set<string>> {
  if (tags.length === 0) return new Set();
  const rows = await executor
    .select({ tag: assets.tag })
    .from(assets)
    .where(and(eq(assets.tenantId, tenantId), inArray(assets.tag, [...tags])));
  return new Set(rows.map((row) => row.tag));
}

export type StoreInScope = { id: number; status: string; orgPath: string; name: string; licenceNo: string };

// Stores in the caller's scope, by id.
export async function storesInScope(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  ids: readonly number[],
): Promise<Map<number, StoreInScope>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({
      id: customers.id,
      status: customers.status,
      orgPath: customers.orgPath,
      name: customers.name,
      licenceNo: customers.licenceNo,
    })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        inArray(customers.id, [...ids]),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return new Map(rows.map((row) => [row.id, row]));
}

// Stores in the caller's scope, by licence number (the import's 许可证号).
export async function storesByLicence(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  licences: readonly string[],
): Promise<Map<string, StoreInScope>> {
  if (licences.length === 0) return new Map();
  const rows = await executor
    .select({
      id: customers.id,
      status: customers.status,
      orgPath: customers.orgPath,
      name: customers.name,
      licenceNo: customers.licenceNo,
    })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        inArray(customers.licenceNo, [...licences]),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return new Map(rows.map((row) => [row.licenceNo, row]));
}

export type AssetInsert = typeof assets.$inferInsert;

export async function insertAssets(
  executor: Executor,
  rows: readonly AssetInsert[],
): Promise<{ id: number; tag: string }[]> {
  if (rows.length === 0) return [];
  const created: { id: number; tag: string }[] = [];
  // A few thousand rows at most (the import's limit), in statements of 500.
  for (let start = 0; start < rows.length; start += 500) {
    created.push(
      ...(await executor
        .insert(assets)
        .values(rows.slice(start, start + 500) as AssetInsert[])
        .returning({ id: assets.id, tag: assets.tag })),
    );
  }
  return created;
}

export async function updateAsset(
  executor: Executor,
  tenantId: number,
  id: number,
  values: Partial<Omit<AssetInsert, 'tenantId' | 'id'>>,
) {
  await executor
    .update(assets)
    .set(values)
    .where(and(eq(assets.tenantId, tenantId), eq(assets.id, id)));
}

export type AssetEventInsert = {
  tenantId: number;
  assetId: number;
  kind: AssetEventKind;
  fromCustomerId?: number | null;
  toCustomerId?: number | null;
  condition?: AssetCondition | null;
  visitId?: number | null;
  photoId?: number | null;
  note?: string | null;
  actorId: number | null;
  actorName: string;
  occurredAt: Date;
};

export async function insertAssetEvents(executor: Executor, events: readonly AssetEventInsert[]) {
  for (let start = 0; start < events.length; start += 500) {
    await executor.insert(assetEvents).values(events.slice(start, start + 500) as (typeof assetEvents.$inferInsert)[]);
  }
}

const fromStore = aliasedTable(customers, 'from_store');
const toStore = aliasedTable(customers, 'to_store');

// A fixture's history, oldest first, with the stores' names.
export async function findAssetEvents(executor: Executor, tenantId: number, assetId: number) {
  return executor
    .select({
      id: assetEvents.id,
      kind: assetEvents.kind,
      fromCustomerId: assetEvents.fromCustomerId,
      fromCustomerName: fromStore.name,
      toCustomerId: assetEvents.toCustomerId,
      toCustomerName: toStore.name,
      condition: assetEvents.condition,
      visitId: assetEvents.visitId,
      photoId: assetEvents.photoId,
      note: assetEvents.note,
      actorName: assetEvents.actorName,
      occurredAt: assetEvents.occurredAt,
    })
    .from(assetEvents)
    .leftJoin(
      fromStore,
      and(eq(fromStore.tenantId, assetEvents.tenantId), eq(fromStore.id, assetEvents.fromCustomerId)),
    )
    .leftJoin(toStore, and(eq(toStore.tenantId, assetEvents.tenantId), eq(toStore.id, assetEvents.toCustomerId)))
    .where(and(eq(assetEvents.tenantId, tenantId), eq(assetEvents.assetId, assetId)))
    .orderBy(asc(assetEvents.id));
}

// ---- Visits and photos ----

// The store a visit was made to, when the visit exists in the tenant (visits' table, read only).
export async function storeOfVisit(executor: Executor, tenantId: number, visitId: number) {
  const [row] = await executor
    .select({ customerId: visits.customerId })
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), eq(visits.id, visitId)));
  return row?.customerId;
}

export async function insertAssetPhoto(
  executor: Executor,
  values: { tenantId: number; uploadedBy: number; fileId: number },
) {
  const [row] = await executor.insert(assetPhotos).values(values).returning({ id: assetPhotos.id });
  return row;
}

// A photo its uploader has not yet cited in an audit.
export async function isUnusedPhotoOf(executor: Executor, tenantId: number, userId: number, photoId: number) {
  const [row] = await executor
    .select({ id: assetPhotos.id })
    .from(assetPhotos)
    .where(
      and(
        eq(assetPhotos.tenantId, tenantId),
        eq(assetPhotos.id, photoId),
        eq(assetPhotos.uploadedBy, userId),
        isNull(assetPhotos.assetId),
      ),
    )
    .for('update');
  return row !== undefined;
}

export async function attachAssetPhoto(executor: Executor, tenantId: number, photoId: number, assetId: number) {
  await executor
    .update(assetPhotos)
    .set({ assetId })
    .where(and(eq(assetPhotos.tenantId, tenantId), eq(assetPhotos.id, photoId)));
}

// The file of a photo the caller may see: its uploader's before an audit cites it, then whoever
// sees the fixture.
export async function findVisibleAssetPhotoFile(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  userId: number,
  photoId: number,
): Promise<number | undefined> {
  const [row] = await executor
    .select({ fileId: assetPhotos.fileId })
    .from(assetPhotos)
    .leftJoin(assets, and(eq(assets.tenantId, assetPhotos.tenantId), eq(assets.id, assetPhotos.assetId)))
    .leftJoin(holder, and(eq(holder.tenantId, assets.tenantId), eq(holder.id, assets.customerId)))
    .where(
      and(
        eq(assetPhotos.tenantId, tenantId),
        eq(assetPhotos.id, photoId),
        or(
          and(isNull(assetPhotos.assetId), eq(assetPhotos.uploadedBy, userId)),
          and(sql`${assetPhotos.assetId} IS NOT NULL`, assetInScope(scope)),
        ),
      ),
    );
  return row?.fileId;
}
