import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { getHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { UploadedFile } from '../../platform/files/file-transfer.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { checkImage } from '../../platform/files/image-upload.rules.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import type { CustomerClass } from '../customers/index.ts';
import { addStoreToPlan } from './planned-visits.ts';
import { orderRoute, type Point } from './route.rules.ts';
import { fulfilRequests, openRequestsOf } from './services.repository.ts';
import { serviceMenuOf } from './services.service.ts';
import {
  checkInDistanceMetres,
  checkObservations,
  checkVisitTimes,
  terminalImageScoreOf,
  visitFlagsOf,
  visitPhotoRules,
} from './visit.rules.ts';
import {
  checkPlanDate,
  generateMonthlyPlan,
  monthOf,
  parseMonth,
  standardOf,
  type VisitStandards,
  workingDaysOf,
} from './visit-plan.rules.ts';
import type { NewVisit } from './visits.contract.ts';
import {
  attachPhotos,
  correctionsOf,
  countPlanItems,
  deletePlannedItems,
  findPlanItemForVisit,
  findScopedPlanItem,
  findScopedStore,
  findScopedVisit,
  findVisiblePhotoFile,
  getStoreOverride,
  getVisitStandards,
  imageScoresSince,
  insertAdjustment,
  insertObservations,
  insertPhoto,
  insertPlanItems,
  insertVisit,
  knownProductIds,
  listAdjustments,
  listPlanItems,
  listPlanItemsForView,
  listStoreOverrides,
  listVisits,
  managersInScope,
  observationsOf,
  type PlanItemInsert,
  planReport,
  planStoresOf,
  type ReportGroup,
  setStoreOverride,
  unattachedPhotosOf,
  updatePlanItem,
  upsertVisitStandards,
} from './visits.repository.ts';

// 走访: standards, monthly plans and their weekly adjustments, the daily route, visit records
// (append-only: a correction is a new record), and the reports.

// ── Standards ─────────────────────────────────────────────────────────────────────────────────

export async function getStandards(context: AppContext, actor: Actor) {
  return getVisitStandards(context.db, actor.tenantId);
}

export async function setStandards(context: AppContext, actor: Actor, standards: VisitStandards) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const before = await getVisitStandards(tx, actor.tenantId);
    await upsertVisitStandards(tx, actor.tenantId, standards, now);
    await recordChange(tx, actor, { action: 'update', entity: 'visit_standard', before, after: standards }, now);
    return standards;
  });
}

export async function getStoreStandard(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedStore(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const [standards, override] = await Promise.all([
    getVisitStandards(context.db, actor.tenantId),
    getStoreOverride(context.db, actor.tenantId, customerId),
  ]);
  return {
    customerId,
    visitsPerMonth: override?.visitsPerMonth ?? null,
    reason: override?.reason ?? null,
    classCode: store.classCode,
    classStandard: standards[store.classCode ?? 'ordinary'],
  };
}

export async function listStoreStandards(context: AppContext, actor: Actor) {
  const [standards, rows] = await Promise.all([
    getVisitStandards(context.db, actor.tenantId),
    listStoreOverrides(context.db, actor.tenantId, actor.scope),
  ]);
  return {
    items: rows.map((row) => ({ ...row, classStandard: standards[row.classCode ?? 'ordinary'] })),
  };
}

export async function setStoreStandard(
  context: AppContext,
  actor: Actor,
  customerId: number,
  override: { visitsPerMonth: number; reason: string } | null,
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    const before = await getStoreOverride(tx, actor.tenantId, customerId);
    await setStoreOverride(
      tx,
      override && { tenantId: actor.tenantId, customerId, ...override, updatedAt: now },
      actor.tenantId,
      customerId,
    );
    await recordChange(
      tx,
      actor,
      {
        action: override ? 'update' : 'delete',
        entity: 'visit_store_override',
        entityId: customerId,
        before,
        after: override,
      },
      now,
    );
  });
  return getStoreStandard(context, actor, customerId);
}

// ── Monthly plans ─────────────────────────────────────────────────────────────────────────────

// Generates a month's plan for one manager or every manager in the caller's scope, in one
// transaction. An existing plan is kept unless `replace`: then its still-planned items are
// replaced (done and dropped ones stay).
export async function generatePlans(
  context: AppContext,
  actor: Actor,
  input: { month: string; managerId?: number; replace: boolean },
) {
  parseMonth(input.month);
  const now = context.now();
  const managerId = actor.role === 'manager' ? actor.userId : input.managerId;
  if (actor.role === 'manager' && input.managerId !== undefined && input.managerId !== actor.userId)
    throw new DomainError('NOT_FOUND');
  return context.db.transaction(async (tx) => {
    const managers = await managersInScope(tx, actor.tenantId, actor.scope, managerId);
    if (managerId !== undefined && managers.length === 0) throw new DomainError('NOT_FOUND');
    const ids = managers.map((manager) => manager.id);
    const items = await generatePlansIn(
      tx,
      actor,
      { month: input.month, managerIds: ids, replace: input.replace },
      now,
    );
    return { month: input.month, managers: ids.length, items };
  });
}

export async function generatePlansIn(
  tx: Executor,
  actor: Actor,
  input: { month: string; managerIds: readonly number[]; replace: boolean },
  now: Date,
): Promise<number> {
  if (input.managerIds.length === 0) return 0;
  if (!input.replace && (await countPlanItems(tx, actor.tenantId, input.month, input.managerIds)) > 0)
    throw new DomainError('VISIT_PLAN_EXISTS', { month: input.month });
  if (input.replace) await deletePlannedItems(tx, actor.tenantId, input.month, input.managerIds);
  const standards = await getVisitStandards(tx, actor.tenantId);
  const calendar = await getHolidayCalendar(tx, actor.tenantId);
  const stores = await planStoresOf(tx, actor.tenantId, input.managerIds);
  const byManager = new Map<number, typeof stores>();
  for (const store of stores) {
    const list = byManager.get(store.managerId) ?? [];
    list.push(store);
    byManager.set(store.managerId, list);
  }
  const rows: PlanItemInsert[] = [];
  const orgPathOf = new Map(stores.map((store) => [store.customerId, store.orgPath]));
  for (const [managerId, managerStores] of byManager) {
    const plan = generateMonthlyPlan({
      month: input.month,
      calendar,
      standards,
      stores: managerStores,
    });
    for (const visit of plan)
      rows.push({
        month: input.month,
        managerId,
        customerId: visit.customerId,
        orgPath: orgPathOf.get(visit.customerId) as string,
        plannedOn: visit.date,
        source: 'generated',
      });
  }
  await insertPlanItems(tx, actor.tenantId, rows, now);
  await recordChange(
    tx,
    actor,
    {
      action: input.replace ? 'regenerate' : 'generate',
      entity: 'visit_plan',
      entityId: input.month,
      after: { month: input.month, managers: input.managerIds.length, items: rows.length, standards },
    },
    now,
  );
  return rows.length;
}

async function storeInScope(executor: Executor, actor: Actor, customerId: number) {
  const store = await findScopedStore(executor, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  return store;
}

function managerFilterOf(actor: Actor, managerId: number | undefined) {
  if (actor.role === 'manager' && actor.scope.kind === 'own') return actor.userId;
  return managerId;
}

export async function getPlan(
  context: AppContext,
  actor: Actor,
  query: { month?: string; managerId?: number; date?: string; customerId?: number },
) {
  const month = query.month ?? (query.date ? query.date.slice(0, 7) : monthOf(context.now()));
  parseMonth(month);
  // One store's plan (the 360° view): the store must be in scope, whoever plans it.
  if (query.customerId !== undefined) await storeInScope(context.db, actor, query.customerId);
  const managerId =
    query.customerId !== undefined
      ? query.managerId
      : managerFilterOf(actor, query.managerId ?? (actor.role === 'manager' ? actor.userId : undefined));
  const items = await listPlanItemsForView(context.db, actor.tenantId, actor.scope, {
    month,
    managerId,
    date: query.date,
    customerId: query.customerId,
  });
  return {
    month,
    managerId: managerId ?? null,
    workingDays: workingDaysOf(month, await getHolidayCalendar(context.db, actor.tenantId)),
    items,
  };
}

async function adjustablePlanItem(tx: Executor, actor: Actor, id: number) {
  const item = await findScopedPlanItem(tx, actor.tenantId, actor.scope, id);
  if (!item) throw new DomainError('NOT_FOUND');
  if (item.status !== 'planned') throw new DomainError('VISIT_PLAN_ITEM_NOT_PLANNED');
  return item;
}

export async function movePlanItem(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { date: string; reason: string },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const item = await adjustablePlanItem(tx, actor, id);
    checkPlanDate(item.month, input.date, await getHolidayCalendar(tx, actor.tenantId));
    await updatePlanItem(tx, actor.tenantId, id, { plannedOn: input.date });
    const adjustment = await insertAdjustment(tx, {
      tenantId: actor.tenantId,
      planItemId: id,
      kind: 'move',
      fromDate: item.plannedOn,
      toDate: input.date,
      reason: input.reason,
      adjustedBy: actor.userId,
      adjustedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'move',
        entity: 'visit_plan_item',
        entityId: id,
        before: { date: item.plannedOn },
        after: { date: input.date, reason: input.reason },
      },
      now,
    );
    return { id, adjustmentId: adjustment.id };
  });
}

export async function dropPlanItem(context: AppContext, actor: Actor, id: number, input: { reason: string }) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const item = await adjustablePlanItem(tx, actor, id);
    await updatePlanItem(tx, actor.tenantId, id, { status: 'dropped' });
    const adjustment = await insertAdjustment(tx, {
      tenantId: actor.tenantId,
      planItemId: id,
      kind: 'drop',
      fromDate: item.plannedOn,
      reason: input.reason,
      adjustedBy: actor.userId,
      adjustedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'drop',
        entity: 'visit_plan_item',
        entityId: id,
        before: { status: 'planned' },
        after: { status: 'dropped', reason: input.reason },
      },
      now,
    );
    return { id, adjustmentId: adjustment.id };
  });
}

export async function addPlanItem(
  context: AppContext,
  actor: Actor,
  input: { customerId: number; date: string; reason: string; managerId?: number },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    checkPlanDate(input.date.slice(0, 7), input.date, await getHolidayCalendar(tx, actor.tenantId));
    const { date, reason, ...after } = input;
    return addStoreToPlan(tx, actor, store, { date, reason }, now, after);
  });
}

export async function getAdjustments(context: AppContext, actor: Actor, query: { month: string; managerId?: number }) {
  return {
    items: await listAdjustments(
      context.db,
      actor.tenantId,
      actor.scope,
      query.month,
      managerFilterOf(actor, query.managerId),
    ),
  };
}

// ── Daily route ───────────────────────────────────────────────────────────────────────────────

// The day's planned visits, ordered to shorten the drive from the manager's position (or, without
// one, from the first store as planned). Stores without coordinates come last.
export async function getDailyRoute(
  context: AppContext,
  actor: Actor,
  query: { date?: string; managerId?: number; latitude?: number; longitude?: number },
) {
  const date = query.date ?? beijingDateOf(context.now());
  const managerId = managerFilterOf(actor, query.managerId ?? (actor.role === 'manager' ? actor.userId : undefined));
  if (managerId === undefined) throw new DomainError('VALIDATION_FAILED', { reason: 'managerId' }, 'managerId');
  const items = (await listPlanItems(context.db, actor.tenantId, actor.scope, { managerId, date })).filter(
    (item) => item.status !== 'dropped',
  );
  const placed = items.filter((item) => item.latitude !== null && item.longitude !== null);
  const unplaced = items.filter((item) => item.latitude === null || item.longitude === null);
  const hasStart = query.latitude !== undefined && query.longitude !== undefined;
  const points: Point[] = [
    ...(hasStart ? [{ latitude: query.latitude as number, longitude: query.longitude as number }] : []),
    ...placed.map((item) => ({ latitude: item.latitude as number, longitude: item.longitude as number })),
  ];
  const route = orderRoute(points);
  const offset = hasStart ? 1 : 0;
  const ordered = route.order.filter((index) => index >= offset).map((index) => placed[index - offset]);
  const round = (km: number) => Math.round(km * 100) / 100;
  // Where each placed stop stood in the plan's own order (what kmBefore walks), for the map.
  const planSequenceOf = new Map(placed.map((item, index) => [item.id, index + 1]));
  let previous: Point | null = hasStart ? points[0] : null;
  const stops = [...ordered, ...unplaced].map((item, index) => {
    let legKm: number | null = null;
    if (item.latitude !== null && item.longitude !== null) {
      const here = { latitude: item.latitude, longitude: item.longitude };
      legKm = previous ? round(orderRoute([previous, here]).kmAfter) : 0;
      previous = here;
    }
    return {
      sequence: index + 1,
      planItemId: item.id,
      customerId: item.customerId,
      customerName: item.customerName,
      address: item.address,
      latitude: item.latitude,
      longitude: item.longitude,
      status: item.status,
      legKm,
      planSequence: planSequenceOf.get(item.id) ?? null,
    };
  });
  return { date, kmBefore: round(route.kmBefore), kmAfter: round(route.kmAfter), stops, unplaced: unplaced.length };
}

// ── Visits ────────────────────────────────────────────────────────────────────────────────────

// A photo for a visit about to be submitted: only JPEG, PNG or WebP (by their bytes), ≤ 5 MB.
export async function uploadVisitPhoto(context: AppContext, actor: Actor, file: UploadedFile) {
  const contentType = checkImage(file.bytes, visitPhotoRules);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: file.fileName,
      contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    const created = await insertPhoto(tx, { tenantId: actor.tenantId, uploadedBy: actor.userId, fileId: stored.id });
    await recordChange(
      tx,
      actor,
      {
        action: 'upload',
        entity: 'visit_photo',
        entityId: created.id,
        after: { contentType, sizeBytes: file.bytes.length },
      },
      now,
    );
    return { id: created.id, contentType, sizeBytes: file.bytes.length };
  });
}

// Visits' access check (findVisiblePhotoFile), then the platform's stored bytes.
export async function getVisitPhoto(context: AppContext, actor: Actor, id: number) {
  return readFileWith(context.db, actor.tenantId, async () => {
    const photo = await findVisiblePhotoFile(context.db, actor.tenantId, actor.scope, actor.userId, id);
    return photo?.fileId;
  });
}

type VisitBody = Omit<NewVisit, 'customerId' | 'planItemId'>;

// Submits a visit: a manager, for a store in their scope. Everything is checked before anything is
// written; the visit, its observations and photos, the fulfilled requests and the plan item land
// together.
export async function submitVisit(context: AppContext, actor: Actor, input: NewVisit) {
  const now = context.now();
  return context.db.transaction((tx) => saveVisit(tx, actor, input, now, null));
}

export async function correctVisit(
  context: AppContext,
  actor: Actor,
  id: number,
  input: VisitBody & { reason: string },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const original = await findScopedVisit(tx, actor.tenantId, actor.scope, id);
    if (!original) throw new DomainError('NOT_FOUND');
    return saveVisit(tx, actor, { ...input, customerId: original.customerId, planItemId: undefined }, now, {
      id: original.id,
      reason: input.reason,
      planItemId: original.planItemId,
    });
  });
}

async function saveVisit(
  tx: Executor,
  actor: Actor,
  input: NewVisit,
  now: Date,
  correction: { id: number; reason: string; planItemId: number | null } | null,
) {
  const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const times = { checkInAt: new Date(input.checkInAt), checkOutAt: new Date(input.checkOutAt) };
  checkVisitTimes(times, now);
  const known = await knownProductIds(tx, actor.tenantId, [
    ...input.stockCounts.map((line) => line.productId),
    ...input.prices.map((line) => line.productId),
  ]);
  checkObservations(input.stockCounts, input.prices, known);
  const menu = await serviceMenuOf(tx, actor, now);
  const menuIds = new Set(menu.map((item) => item.id));
  for (const itemId of input.servicesDelivered)
    if (!menuIds.has(itemId)) throw new DomainError('VISIT_SERVICE_UNKNOWN', { id: itemId }, 'servicesDelivered');
  const requests = await openRequestsOf(tx, actor.tenantId, store.id, input.requestsFulfilled);
  const openIds = new Set(requests.map((request) => request.id));
  for (const requestId of input.requestsFulfilled)
    if (!openIds.has(requestId)) throw new DomainError('VISIT_SERVICE_UNKNOWN', { id: requestId }, 'requestsFulfilled');
  const photoIds = [...new Set(input.photoIds)];
  const photos = await unattachedPhotosOf(tx, actor.tenantId, actor.userId, photoIds);
  const available = new Set(photos.map((photo) => photo.id));
  for (const photoId of photoIds)
    if (!available.has(photoId)) throw new DomainError('VISIT_PHOTO_UNAVAILABLE', { photoId }, 'photoIds');

  let planItemId: number | null = correction ? correction.planItemId : null;
  if (!correction) {
    if (input.planItemId !== undefined) {
      const item = await findScopedPlanItem(tx, actor.tenantId, actor.scope, input.planItemId);
      if (!item || item.customerId !== store.id) throw new DomainError('NOT_FOUND');
      if (item.status !== 'planned') throw new DomainError('VISIT_PLAN_ITEM_NOT_PLANNED');
      planItemId = item.id;
    } else {
      const month = monthOf(times.checkInAt);
      planItemId = (await findPlanItemForVisit(tx, actor.tenantId, store.managerId, store.id, month))?.id ?? null;
    }
  }
  const distance = checkInDistanceMetres(input.checkInPosition, store);
  const checklist = { ...input.checklist, issues: input.checklist.issues ?? '' };
  const created = await insertVisit(tx, {
    tenantId: actor.tenantId,
    customerId: store.id,
    managerId: actor.userId,
    orgPath: store.orgPath,
    planItemId,
    correctsVisitId: correction?.id ?? null,
    correctionReason: correction?.reason ?? null,
    checkInAt: times.checkInAt,
    checkOutAt: times.checkOutAt,
    checkInLatitude: input.checkInPosition?.latitude ?? null,
    checkInLongitude: input.checkInPosition?.longitude ?? null,
    checkOutLatitude: input.checkOutPosition?.latitude ?? null,
    checkOutLongitude: input.checkOutPosition?.longitude ?? null,
    checkInDistanceM: distance,
    checklist,
    imageScore: terminalImageScoreOf(checklist),
    brandChecks: input.brandChecks ?? [],
    servicesDelivered: input.servicesDelivered,
    requestsFulfilled: input.requestsFulfilled,
    submittedAt: now,
  });
  await insertObservations(
    tx,
    actor.tenantId,
    { id: created.id, customerId: store.id, at: times.checkInAt },
    input.stockCounts,
    input.prices,
  );
  await attachPhotos(tx, actor.tenantId, created.id, photoIds);
  await fulfilRequests(tx, actor.tenantId, input.requestsFulfilled, created.id, now);
  if (planItemId !== null && !correction)
    await updatePlanItem(tx, actor.tenantId, planItemId, { status: 'done', visitId: created.id });
  await recordChange(
    tx,
    actor,
    {
      action: correction ? 'correct' : 'create',
      entity: 'visit',
      entityId: created.id,
      after: { ...input, correctsVisitId: correction?.id ?? null, planItemId },
    },
    now,
  );
  const flags = visitFlagsOf({
    ...times,
    checkInLatitude: input.checkInPosition?.latitude ?? null,
    checkInDistanceM: distance,
  });
  return { id: created.id, planItemId, checkInDistanceM: distance, warnings: flags };
}

export async function listVisitRecords(
  context: AppContext,
  actor: Actor,
  query: { customerId?: number; managerId?: number; month?: string; flagged?: boolean; limit: number; offset: number },
) {
  const range = query.month ? monthRange(query.month) : undefined;
  // A store outside the caller's scope is not found (rather than an empty list).
  if (query.customerId !== undefined) await storeInScope(context.db, actor, query.customerId);
  const result = await listVisits(context.db, actor.tenantId, actor.scope, {
    ...query,
    from: range?.from,
    to: range?.to,
  });
  return {
    total: result.total,
    items: result.items.map((item) => ({
      ...item,
      isSuperseded: Boolean(item.isSuperseded),
      durationSeconds: Math.round((item.checkOutAt.getTime() - item.checkInAt.getTime()) / 1000),
      flags: visitFlagsOf(item),
    })),
  };
}

export async function getVisitDetail(context: AppContext, actor: Actor, id: number) {
  const visit = await findScopedVisit(context.db, actor.tenantId, actor.scope, id);
  if (!visit) throw new DomainError('NOT_FOUND');
  const [observations, correctedBy, store] = await Promise.all([
    observationsOf(context.db, actor.tenantId, id),
    correctionsOf(context.db, actor.tenantId, id),
    findScopedStore(
      context.db,
      actor.tenantId,
      { kind: 'org', orgUnitId: 0, orgPath: '/', orgUnitName: '' },
      visit.customerId,
    ),
  ]);
  return {
    ...visit,
    customerName: store?.name ?? '',
    correctedBy,
    ...observations,
    flags: visitFlagsOf(visit),
  };
}

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

// A month in Beijing time as UTC instants.
export function monthRange(month: string) {
  const { year, month: monthNumber } = parseMonth(month);
  const nextMonth = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
  return { from: beijingMidnightOf(`${month}-01`), to: beijingMidnightOf(nextMonth) };
}

export async function getPlanReport(context: AppContext, actor: Actor, query: { month: string; groupBy: ReportGroup }) {
  const rows = await planReport(
    context.db,
    actor.tenantId,
    actor.scope,
    query.month,
    query.groupBy,
    monthRange(query.month),
  );
  const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
  return {
    month: query.month,
    groupBy: query.groupBy,
    rows: rows.map((row) => ({
      ...row,
      completionRate: ratio(row.done, row.planned),
      coverageRate: ratio(row.storesVisited, row.stores),
    })),
  };
}

// Each store's 终端形象 score (0–100) from the checklists of its visits in the last 13 weeks:
// what classification reads. `now` defaults to the database's clock.
export async function terminalImageScoresOf(
  executor: Executor,
  tenantId: number,
  now?: Date,
): Promise<Map<number, number>> {
  return imageScoresSince(executor, tenantId, now ? new Date(now.getTime() - 91 * 86_400_000) : null);
}

export type { CustomerClass };
export { standardOf };
