import type { AppContext } from '../../app-context.ts';
import type { Transaction } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { UploadedFile } from '../../platform/files/file-transfer.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import {
  type AssetEventInsert,
  type AssetFilters,
  type AssetInsert,
  type AssetRow,
  attachAssetPhoto,
  findAsset,
  findAssetEvents,
  findAssets,
  findVisibleAssetPhotoFile,
  insertAssetEvents,
  insertAssetPhoto,
  insertAssets,
  isUnusedPhotoOf,
  storeOfVisit,
  storesInScope,
  tagsTaken,
  updateAsset,
} from './assets.repository.ts';
import {
  type AssetMove,
  applyMove,
  checkAuditInterval,
  isAuditOverdue,
  isForRecovery,
  nextAuditOn,
} from './assets.rules.ts';
import type { AssetCondition, AssetType } from './assets.schema.ts';

// 资产台账's use cases: register, issue, transfer, return, write off and audit a fixture — each
// one transaction that locks the fixture, applies the rule (assets.rules.ts), writes the fixture's
// new state and its history event, and records the change in the audit trail.

export const assetPhotoRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'ASSET_PHOTO_MISSING',
  notImage: 'ASSET_PHOTO_INVALID',
};

const defaultAuditIntervalMonths = 6;

export function assetView(row: AssetRow, today: string) {
  return {
    id: row.id,
    tag: row.tag,
    type: row.type,
    model: row.model,
    valueYuan: Number(row.valueYuan),
    status: row.status,
    customerId: row.customerId,
    customerName: row.customerName,
    licenceNo: row.licenceNo,
    heldSince: row.heldSince,
    condition: row.condition,
    lastAuditedOn: row.lastAuditedOn,
    nextAuditOn: row.nextAuditOn,
    auditIntervalMonths: row.auditIntervalMonths,
    auditOverdue: isAuditOverdue(row, today),
    forRecovery: isForRecovery(row, row.customerStatus),
    writeOffReason: row.writeOffReason,
    note: row.note,
  };
}

const todayOf = (context: AppContext) => beijingDateOf(context.now());

export async function listAssets(
  context: AppContext,
  actor: Actor,
  query: Omit<AssetFilters, 'today'> & { limit: number; offset: number },
) {
  const today = todayOf(context);
  const { limit, offset, ...filters } = query;
  const page = await findAssets(context.db, actor.tenantId, actor.scope, { ...filters, today }, { limit, offset });
  return { items: page.items.map((row) => assetView(row, today)), total: page.total };
}

// A store's fixtures (the 360° view's tab): the store must be in the caller's scope (else 404).
export async function listStoreAssets(context: AppContext, actor: Actor, customerId: number) {
  const stores = await storesInScope(context.db, actor.tenantId, actor.scope, [customerId]);
  if (!stores.has(customerId)) throw new DomainError('NOT_FOUND');
  return listAssets(context, actor, { customerId, limit: 500, offset: 0 });
}

export async function getAsset(context: AppContext, actor: Actor, id: number) {
  const row = await findAsset(context.db, actor.tenantId, actor.scope, id);
  if (!row) throw new DomainError('NOT_FOUND');
  const history = await findAssetEvents(context.db, actor.tenantId, id);
  return {
    ...assetView(row, todayOf(context)),
    history: history.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt).toISOString() })),
  };
}

const eventBy = (actor: Actor, now: Date) => ({
  tenantId: actor.tenantId,
  actorId: actor.userId || null,
  actorName: actor.displayName,
  occurredAt: now,
});

export type NewAsset = {
  tag: string;
  type: AssetType;
  model?: string | null;
  valueYuan: number;
  auditIntervalMonths?: number;
  note?: string | null;
  customerId?: number;
  heldSince?: string | null;
  lastAuditedOn?: string | null;
  condition?: AssetCondition;
};

// Registers fixtures (one from the form, many from an import) in the caller's branch store room,
// each issued at once to its store when one is named. Tags are unique (409 ASSET_TAG_TAKEN);
// a named store must be in business and in the caller's scope. Returns the new ids.
export async function registerAssetsIn(
  tx: Transaction,
  actor: Actor,
  inputs: readonly NewAsset[],
  now: Date,
  action: 'create' | 'import',
): Promise<{ ids: number[]; issued: number }> {
  if (actor.scope.kind !== 'org') throw new DomainError('FORBIDDEN');
  const today = beijingDateOf(now);
  const taken = await tagsTaken(
    tx,
    actor.tenantId,
    inputs.map((input) => input.tag),
  );
  const firstTaken = inputs.find((input) => taken.has(input.tag));
  if (firstTaken) throw new DomainError('ASSET_TAG_TAKEN', { tag: firstTaken.tag }, 'tag');
  const storeIds = [...new Set(inputs.flatMap((input) => (input.customerId === undefined ? [] : [input.customerId])))];
  const stores = await storesInScope(tx, actor.tenantId, actor.scope, storeIds);
  const rows: (AssetInsert & { tag: string; customerId: number | null })[] = inputs.map((input) => {
    const interval = checkAuditInterval(input.auditIntervalMonths ?? defaultAuditIntervalMonths);
    const base = {
      tenantId: actor.tenantId,
      tag: input.tag,
      type: input.type,
      model: input.model ?? null,
      valueYuan: input.valueYuan.toFixed(2),
      orgPath: (actor.scope as { orgPath: string }).orgPath,
      condition: input.condition ?? ('good' as const),
      auditIntervalMonths: interval,
      lastAuditedOn: input.lastAuditedOn ?? null,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    };
    if (input.customerId === undefined)
      return { ...base, status: 'in_stock' as const, customerId: null, heldSince: null, nextAuditOn: null };
    const store = stores.get(input.customerId);
    const holding = applyMove(
      { status: 'in_stock', customerId: null },
      { kind: 'issue', customerId: input.customerId },
      store,
    );
    const heldSince = input.heldSince ?? today;
    return {
      ...base,
      status: holding.status,
      customerId: holding.customerId,
      heldSince,
      orgPath: store?.orgPath ?? base.orgPath,
      nextAuditOn: nextAuditOn(input.lastAuditedOn ?? heldSince, interval),
    };
  });
  const created = await insertAssets(tx, rows);
  const idOfTag = new Map(created.map((row) => [row.tag, row.id]));
  const events: AssetEventInsert[] = [];
  for (const row of rows) {
    const assetId = idOfTag.get(row.tag) as number;
    events.push({ ...eventBy(actor, now), assetId, kind: 'register', note: row.note });
    if (row.customerId) events.push({ ...eventBy(actor, now), assetId, kind: 'issue', toCustomerId: row.customerId });
  }
  await insertAssetEvents(tx, events);
  if (action === 'create') {
    const [row] = rows;
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'asset',
        entityId: idOfTag.get(row.tag) as number,
        after: { tag: row.tag, type: row.type, valueYuan: row.valueYuan, customerId: row.customerId ?? null },
      },
      now,
    );
  } else {
    await recordChange(
      tx,
      actor,
      { action: 'import', entity: 'asset', after: { created: rows.length, tags: rows.map((row) => row.tag) } },
      now,
    );
  }
  return { ids: created.map((row) => row.id), issued: rows.filter((row) => row.customerId).length };
}

export async function registerAsset(context: AppContext, actor: Actor, input: NewAsset) {
  const now = context.now();
  const id = await context.db.transaction(async (tx) => {
    const { ids } = await registerAssetsIn(tx, actor, [input], now, 'create');
    return ids[0];
  });
  return getAsset(context, actor, id);
}

// One move of one fixture: locked, checked by the rule, written with its event, audited.
async function moveAsset(context: AppContext, actor: Actor, id: number, move: AssetMove, note?: string | null) {
  const now = context.now();
  const today = beijingDateOf(now);
  await context.db.transaction(async (tx) => {
    const asset = await findAsset(tx, actor.tenantId, actor.scope, id, true);
    if (!asset) throw new DomainError('NOT_FOUND');
    const targetId = move.kind === 'issue' ? move.customerId : move.kind === 'transfer' ? move.toCustomerId : null;
    const receiving =
      targetId === null ? undefined : (await storesInScope(tx, actor.tenantId, actor.scope, [targetId])).get(targetId);
    const holding = applyMove({ status: asset.status, customerId: asset.customerId }, move, receiving);
    const values: Parameters<typeof updateAsset>[3] = {
      status: holding.status,
      customerId: holding.customerId,
      updatedAt: now,
    };
    if (move.kind === 'issue' || move.kind === 'transfer') {
      values.heldSince = today;
      values.orgPath = receiving?.orgPath;
      // A fixture reaching a store from the store room is audited within its interval.
      if (move.kind === 'issue') values.nextAuditOn = nextAuditOn(today, asset.auditIntervalMonths);
    }
    if (move.kind === 'return') {
      values.heldSince = null;
      // Back in the store room of the branch that held it.
      values.orgPath = asset.orgPath;
    }
    if (move.kind === 'write_off') {
      values.heldSince = null;
      values.writeOffReason = move.reason;
    }
    await updateAsset(tx, actor.tenantId, id, values);
    await insertAssetEvents(tx, [
      {
        ...eventBy(actor, now),
        assetId: id,
        kind: move.kind,
        fromCustomerId: asset.customerId,
        toCustomerId: holding.customerId,
        note: move.kind === 'write_off' ? move.reason : (note ?? null),
      },
    ]);
    await recordChange(
      tx,
      actor,
      {
        action: move.kind,
        entity: 'asset',
        entityId: id,
        before: { status: asset.status, customerId: asset.customerId },
        after: { status: holding.status, customerId: holding.customerId, ...(note ? { note } : {}) },
      },
      now,
    );
  });
  return getAsset(context, actor, id);
}

export const issueAsset = (
  context: AppContext,
  actor: Actor,
  id: number,
  body: { customerId: number; note?: string | null },
) => moveAsset(context, actor, id, { kind: 'issue', customerId: body.customerId }, body.note);
export const transferAsset = (
  context: AppContext,
  actor: Actor,
  id: number,
  body: { toCustomerId: number; note?: string | null },
) => moveAsset(context, actor, id, { kind: 'transfer', toCustomerId: body.toCustomerId }, body.note);
export const returnAsset = (context: AppContext, actor: Actor, id: number, body: { note?: string | null }) =>
  moveAsset(context, actor, id, { kind: 'return' }, body.note);
export const writeOffAsset = (context: AppContext, actor: Actor, id: number, body: { reason: string }) =>
  moveAsset(context, actor, id, { kind: 'write_off', reason: body.reason });

export type AuditInput = { condition: AssetCondition; photoId?: number; note?: string | null; visitId?: number };

// 盘点: a fixture seen (on a visit or on its own), its condition, perhaps a photo. The next audit
// falls due an interval after today. A written-off fixture is not audited; a visit named must be a
// visit to the store holding it; a photo must be the auditor's own, unused upload.
export async function auditAsset(context: AppContext, actor: Actor, id: number, input: AuditInput) {
  const now = context.now();
  const today = beijingDateOf(now);
  await context.db.transaction(async (tx) => {
    const asset = await findAsset(tx, actor.tenantId, actor.scope, id, true);
    if (!asset) throw new DomainError('NOT_FOUND');
    if (asset.status === 'written_off') throw new DomainError('ASSET_WRITTEN_OFF');
    if (input.visitId !== undefined) {
      const store = await storeOfVisit(tx, actor.tenantId, input.visitId);
      if (store === undefined || store !== asset.customerId)
        throw new DomainError('ASSET_VISIT_MISMATCH', { visitId: input.visitId }, 'visitId');
    }
    if (input.photoId !== undefined) {
      if (!(await isUnusedPhotoOf(tx, actor.tenantId, actor.userId, input.photoId)))
        throw new DomainError('ASSET_PHOTO_UNAVAILABLE', { photoId: input.photoId }, 'photoId');
      await attachAssetPhoto(tx, actor.tenantId, input.photoId, id);
    }
    const due = nextAuditOn(today, asset.auditIntervalMonths);
    await updateAsset(tx, actor.tenantId, id, {
      condition: input.condition,
      lastAuditedOn: today,
      nextAuditOn: due,
      updatedAt: now,
    });
    await insertAssetEvents(tx, [
      {
        ...eventBy(actor, now),
        assetId: id,
        kind: 'audit',
        fromCustomerId: asset.customerId,
        toCustomerId: asset.customerId,
        condition: input.condition,
        visitId: input.visitId ?? null,
        photoId: input.photoId ?? null,
        note: input.note ?? null,
      },
    ]);
    await recordChange(
      tx,
      actor,
      {
        action: 'audit',
        entity: 'asset',
        entityId: id,
        before: { condition: asset.condition, lastAuditedOn: asset.lastAuditedOn, nextAuditOn: asset.nextAuditOn },
        after: {
          condition: input.condition,
          lastAuditedOn: today,
          nextAuditOn: due,
          visitId: input.visitId ?? null,
          photoId: input.photoId ?? null,
        },
      },
      now,
    );
  });
  return getAsset(context, actor, id);
}

// An audit photo: JPEG, PNG or WebP (by its bytes), ≤ 5 MB; the uploader's until an audit cites it.
export async function uploadAssetPhoto(context: AppContext, actor: Actor, file: UploadedFile) {
  const contentType = checkImage(file.bytes, assetPhotoRules);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: file.fileName,
      contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    const created = await insertAssetPhoto(tx, {
      tenantId: actor.tenantId,
      uploadedBy: actor.userId,
      fileId: stored.id,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'upload',
        entity: 'asset_photo',
        entityId: created.id,
        after: { contentType, sizeBytes: file.bytes.length },
      },
      now,
    );
    return { id: created.id, contentType, sizeBytes: file.bytes.length };
  });
}

export function getAssetPhoto(context: AppContext, actor: Actor, photoId: number) {
  return readFileWith(context.db, actor.tenantId, () =>
    findVisibleAssetPhotoFile(context.db, actor.tenantId, actor.scope, actor.userId, photoId),
  );
}
