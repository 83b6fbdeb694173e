import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { defaultTerminalTiers } from './default-tiers.ts';
import {
  type ApplicationViewRow,
  activeAwardOf,
  awardCounts,
  awardedPoints,
  awardsOfStore,
  endAward,
  findScopedApplication,
  findScopedInspection,
  findScopedStore,
  findTier,
  type InspectionViewRow,
  insertApplication,
  insertAward,
  insertInspection,
  insertTiers,
  isTierNameTaken,
  listApplications,
  listAwardedStores,
  listInspections,
  listTiers,
  openApplicationOf,
  passingInspectionOf,
  photoIdsWithPrefix,
  renewAward,
  type ScopedStore,
  staffPhotoPrefix,
  storePhotoPrefix,
  type TierRow,
  updateApplication,
  updateTier,
  visiblePhotoId,
} from './terminals.repository.ts';
import {
  checkApplication,
  checkTierStandard,
  decideOutcome,
  evaluateInspection,
  type InspectionResult,
  isReInspectionOverdue,
  nextApplicationStatus,
  reInspectionDueOn,
  type TierItem,
  withItemIds,
} from './terminals.rules.ts';

// 终端建设 use cases: tiers (seeded on first use, edited by the marketing centre), applications
// (申报: portal or manager → branch review → marketing approval), inspections (验收, 复查) and the
// awards they grant, renew, downgrade or remove; the lists, the map, the counts and a store's view.

const today = (now: Date) => beijingDateOf(now);
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
const dateOnly = (value: Date | string | null | undefined) =>
  value ? (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10)) : null;

// ---- Tiers ----

function tierView(row: TierRow) {
  return {
    id: row.id,
    name: row.name,
    rank: row.rank,
    passScore: Number(row.passScore),
    maxScore: row.items.reduce((sum, item) => sum + item.maxScore, 0),
    fundingYuan: row.fundingYuan,
    fixtures: row.fixtures,
    reinspectionMonths: row.reinspectionMonths,
    active: row.active,
    items: row.items,
  };
}
export type TierView = ReturnType<typeof tierView>;

// The tenant's tiers; a tenant without any gets the four default ones first (audited once).
export async function tiersOf(executor: Executor, actor: Actor, now: Date): Promise<TierRow[]> {
  const rows = await listTiers(executor, actor.tenantId);
  if (rows.length > 0) return rows;
  const inserted = await insertTiers(
    executor,
    defaultTerminalTiers.map((tier) => ({
      tenantId: actor.tenantId,
      ...tier,
      items: [...tier.items],
      fixtures: [...tier.fixtures],
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (inserted.length > 0)
    await recordChange(
      executor,
      actor,
      { action: 'seed_default', entity: 'terminal_tier', after: { tiers: inserted.map((tier) => tier.name) } },
      now,
    );
  return listTiers(executor, actor.tenantId);
}

export async function listTierViews(context: AppContext, actor: Actor) {
  const now = context.now();
  const rows = await context.db.transaction((tx) => tiersOf(tx, actor, now));
  return { items: rows.map(tierView) };
}

export type TierInput = {
  name: string;
  rank: number;
  passScore: number;
  fundingYuan: number;
  fixtures: string[];
  reinspectionMonths: number;
  active?: boolean;
  items: (Omit<TierItem, 'id'> & { id?: string | null })[];
};

function checkedTier(input: TierInput) {
  const items = withItemIds(input.items);
  checkTierStandard({ name: input.name, rank: input.rank, passScore: input.passScore, items });
  return { ...input, items, fixtures: [...new Set(input.fixtures)] };
}

export async function createTier(context: AppContext, actor: Actor, input: TierInput) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await tiersOf(tx, actor, now);
    const tier = checkedTier(input);
    if (await isTierNameTaken(tx, actor.tenantId, tier.name))
      throw new DomainError('TERMINAL_TIER_NAME_TAKEN', { name: tier.name }, 'name');
    const [row] = await insertTiers(tx, [
      { tenantId: actor.tenantId, ...tier, active: tier.active ?? true, createdAt: now, updatedAt: now },
    ]);
    if (!row) throw new DomainError('TERMINAL_TIER_NAME_TAKEN', { name: tier.name }, 'name');
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'terminal_tier', entityId: row.id, after: tierView(row) },
      now,
    );
    return tierView(row);
  });
}

// An edit changes the standard for inspections from now on; past inspections keep the items as
// they were scored.
export async function editTier(context: AppContext, actor: Actor, id: number, input: TierInput) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    await tiersOf(tx, actor, now);
    const before = await findTier(tx, actor.tenantId, id, true);
    if (!before) throw new DomainError('NOT_FOUND');
    const tier = checkedTier(input);
    if (await isTierNameTaken(tx, actor.tenantId, tier.name, id))
      throw new DomainError('TERMINAL_TIER_NAME_TAKEN', { name: tier.name }, 'name');
    const row = await updateTier(tx, actor.tenantId, id, {
      ...tier,
      active: tier.active ?? before.active,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'terminal_tier', entityId: id, before: tierView(before), after: tierView(row) },
      now,
    );
    return tierView(row);
  });
}

// ---- Applications ----

function applicationView(row: ApplicationViewRow) {
  return {
    id: Number(row.id),
    customerId: Number(row.customer_id),
    licenceNo: row.licence_no,
    customerName: row.customer_name,
    branchId: Number(row.branch_id),
    branchName: row.branch_name ?? '',
    tierId: Number(row.tier_id),
    tierName: row.tier_name,
    status: row.status as 'submitted' | 'reviewed' | 'approved' | 'awarded' | 'rejected',
    source: row.source as 'portal' | 'staff',
    note: row.note,
    photoIds: row.photo_ids ?? [],
    createdAt: iso(row.created_at) ?? '',
    reviewedAt: iso(row.reviewed_at),
    reviewNote: row.review_note,
    decidedAt: iso(row.decided_at),
    decisionNote: row.decision_note,
  };
}

async function checkPhotos(tx: Executor, tenantId: number, prefix: string, photoIds: readonly number[]) {
  const unique = [...new Set(photoIds)];
  const own = await photoIdsWithPrefix(tx, tenantId, prefix, unique);
  const unknown = unique.find((id) => !own.has(id));
  if (unknown !== undefined) throw new DomainError('TERMINAL_PHOTO_UNKNOWN', { photoId: unknown }, 'photoIds');
  return unique;
}

export type ApplicationInput = { customerId: number; tierId: number; note?: string | null; photoIds?: number[] };

async function submitApplicationIn(
  tx: Executor,
  actor: Actor,
  input: ApplicationInput,
  source: 'portal' | 'staff',
  now: Date,
) {
  const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId, true);
  if (!store) throw new DomainError('NOT_FOUND');
  const tiers = await tiersOf(tx, actor, now);
  const tier = tiers.find((row) => row.id === input.tierId);
  if (!tier) throw new DomainError('NOT_FOUND', {}, 'tierId');
  const award = await activeAwardOf(tx, actor.tenantId, store.id);
  const heldTier = award && tiers.find((row) => row.id === award.tierId);
  checkApplication({
    tier,
    held: heldTier ? { tierId: heldTier.id, rank: heldTier.rank } : null,
    storeActive: store.status === 'active',
  });
  const open = await openApplicationOf(tx, actor.tenantId, store.id);
  if (open) throw new DomainError('TERMINAL_APPLICATION_OPEN', { applicationId: open.id });
  const prefix = source === 'portal' ? storePhotoPrefix(store.id) : staffPhotoPrefix(actor.userId);
  const photoIds = await checkPhotos(tx, actor.tenantId, prefix, input.photoIds ?? []);
  const row = await insertApplication(tx, {
    tenantId: actor.tenantId,
    customerId: store.id,
    tierId: tier.id,
    status: 'submitted',
    source,
    note: input.note ?? null,
    photoIds,
    submittedBy: actor.userId || null,
    createdAt: now,
    updatedAt: now,
  });
  await recordChange(
    tx,
    actor,
    {
      action: 'create',
      entity: 'terminal_application',
      entityId: row.id,
      after: { customerId: store.id, tierId: tier.id, tier: tier.name, source, photoIds },
    },
    now,
  );
  const view = await findScopedApplication(tx, actor.tenantId, actor.scope, row.id);
  if (!view) throw new DomainError('NOT_FOUND');
  return applicationView(view);
}

export async function submitApplication(context: AppContext, actor: Actor, input: ApplicationInput) {
  const now = context.now();
  return context.db.transaction((tx) => submitApplicationIn(tx, actor, input, 'staff', now));
}

export async function submitPortalApplication(
  context: AppContext,
  actor: Actor,
  input: Omit<ApplicationInput, 'customerId'>,
) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction((tx) => submitApplicationIn(tx, actor, { ...input, customerId }, 'portal', now));
}

export async function getApplicationView(context: AppContext, actor: Actor, id: number) {
  const row = await findScopedApplication(context.db, actor.tenantId, actor.scope, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return applicationView(row);
}

export async function listApplicationViews(
  context: AppContext,
  actor: Actor,
  filter: { status?: string; customerId?: number; branchId?: number; limit: number; offset: number },
) {
  const { limit, offset, ...rest } = filter;
  const page = await listApplications(context.db, actor.tenantId, actor.scope, rest, { limit, offset });
  return { items: page.items.map(applicationView), total: page.total };
}

// The branch's review (a manager of the store, or marketing/admin staff whose scope holds it).
export async function reviewApplication(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { approve: boolean; note?: string | null },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const row = await findScopedApplication(tx, actor.tenantId, actor.scope, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    const status = nextApplicationStatus(row.status as 'submitted', 'review', input.approve);
    await updateApplication(tx, actor.tenantId, id, {
      status,
      reviewedBy: actor.userId || null,
      reviewedAt: now,
      reviewNote: input.note ?? null,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: input.approve ? 'review' : 'reject',
        entity: 'terminal_application',
        entityId: id,
        before: { status: row.status },
        after: { status, note: input.note ?? null },
      },
      now,
    );
    return getApplicationViewIn(tx, actor, id);
  });
}

async function getApplicationViewIn(tx: Executor, actor: Actor, id: number) {
  const row = await findScopedApplication(tx, actor.tenantId, actor.scope, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return applicationView(row);
}

// The marketing centre's decision. Approving an application whose inspection already met the
// standard awards the tier at once; otherwise the tier is awarded by the inspection that meets it.
export async function decideApplication(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { approve: boolean; note?: string | null },
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const row = await findScopedApplication(tx, actor.tenantId, actor.scope, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    const status = nextApplicationStatus(row.status as 'reviewed', 'approval', input.approve);
    await updateApplication(tx, actor.tenantId, id, {
      status,
      decidedBy: actor.userId || null,
      decidedAt: now,
      decisionNote: input.note ?? null,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: input.approve ? 'approve' : 'reject',
        entity: 'terminal_application',
        entityId: id,
        before: { status: row.status },
        after: { status, note: input.note ?? null },
      },
      now,
    );
    let awarded = false;
    if (status === 'approved') {
      const passing = await passingInspectionOf(tx, actor.tenantId, id);
      if (passing) {
        const tier = await findTier(tx, actor.tenantId, Number(row.tier_id));
        if (!tier) throw new DomainError('NOT_FOUND');
        await grantAward(tx, actor, {
          customerId: Number(row.customer_id),
          tier,
          inspectionId: passing.id,
          applicationId: id,
          now,
        });
        awarded = true;
      }
    }
    return { ...(await getApplicationViewIn(tx, actor, id)), awarded };
  });
}

// ---- Awards ----

async function grantAward(
  tx: Executor,
  actor: Actor,
  grant: { customerId: number; tier: TierRow; inspectionId: number; applicationId: number | null; now: Date },
) {
  const { customerId, tier, now } = grant;
  const on = today(now);
  const held = await activeAwardOf(tx, actor.tenantId, customerId);
  if (held)
    await endAward(tx, actor.tenantId, held.id, {
      status: 'replaced',
      endedOn: on,
      reason: `升级为${tier.name}`,
      now,
    });
  const award = await insertAward(tx, {
    tenantId: actor.tenantId,
    customerId,
    tierId: tier.id,
    status: 'active',
    awardedOn: on,
    dueOn: reInspectionDueOn(on, tier.reinspectionMonths),
    inspectionId: grant.inspectionId,
    applicationId: grant.applicationId,
    createdAt: now,
    updatedAt: now,
  });
  if (grant.applicationId !== null)
    await updateApplication(tx, actor.tenantId, grant.applicationId, { status: 'awarded', updatedAt: now });
  await recordChange(
    tx,
    actor,
    {
      action: 'award',
      entity: 'terminal_award',
      entityId: award.id,
      before: held ? { tierId: held.tierId } : null,
      after: { customerId, tierId: tier.id, tier: tier.name, awardedOn: on, dueOn: award.dueOn },
    },
    now,
  );
  return award;
}

// ---- Inspections ----

export type InspectionInput = {
  customerId: number;
  tierId: number;
  results: InspectionResult[];
  photoIds: number[];
  note?: string | null;
};

// 验收 / 复查: scored against the tier's standard; what follows for the store is decided by the
// rule (decideOutcome) and written in the same transaction as the inspection.
export async function recordInspection(context: AppContext, actor: Actor, input: InspectionInput) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId, true);
    if (!store) throw new DomainError('NOT_FOUND');
    const tiers = await tiersOf(tx, actor, now);
    const tier = tiers.find((row) => row.id === input.tierId);
    if (!tier) throw new DomainError('NOT_FOUND', {}, 'tierId');
    const held = await activeAwardOf(tx, actor.tenantId, store.id);
    const isReInspection = held?.tierId === tier.id;
    if (!isReInspection) checkStoreForAward(store, tier);
    const photoIds = await checkPhotos(tx, actor.tenantId, staffPhotoPrefix(actor.userId), input.photoIds);
    const evaluation = evaluateInspection(
      { name: tier.name, rank: tier.rank, passScore: Number(tier.passScore), items: tier.items },
      input.results,
      photoIds.length,
    );
    const open = await openApplicationOf(tx, actor.tenantId, store.id);
    const application = open && open.tierId === tier.id ? open : undefined;
    const outcome = decideOutcome({
      tier: { id: tier.id, name: tier.name, rank: tier.rank, passScore: Number(tier.passScore), items: tier.items },
      evaluation,
      heldTierId: held?.tierId ?? null,
      applicationStatus: application?.status ?? null,
      otherTiers: tiers
        .filter((row) => row.id !== tier.id && row.active)
        .map((row) => ({
          id: row.id,
          name: row.name,
          rank: row.rank,
          passScore: Number(row.passScore),
          items: row.items,
        })),
      note: input.note,
    });
    const inspection = await insertInspection(tx, {
      tenantId: actor.tenantId,
      customerId: store.id,
      tierId: tier.id,
      applicationId: isReInspection ? null : (application?.id ?? null),
      inspectedBy: actor.userId || null,
      inspectedAt: now,
      results: evaluation.results,
      score: evaluation.score,
      passScore: evaluation.passScore,
      awarded: evaluation.awarded,
      outcome: outcome.kind,
      reason: 'reason' in outcome ? outcome.reason : null,
      note: input.note ?? null,
      photoIds,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'terminal_inspection',
        entityId: inspection.id,
        after: {
          customerId: store.id,
          tierId: tier.id,
          score: evaluation.score,
          awarded: evaluation.awarded,
          outcome: outcome.kind,
          failedMandatory: evaluation.failedMandatory,
          photoIds,
        },
      },
      now,
    );
    const on = today(now);
    let tierId: number | null = held?.tierId ?? null;
    if (outcome.kind === 'awarded' && application) {
      await grantAward(tx, actor, {
        customerId: store.id,
        tier,
        inspectionId: inspection.id,
        applicationId: application.id,
        now,
      });
      tierId = tier.id;
    } else if (outcome.kind === 'renewed' && held) {
      const dueOn = reInspectionDueOn(on, tier.reinspectionMonths);
      await renewAward(tx, actor.tenantId, held.id, { dueOn, inspectionId: inspection.id, now });
      await recordChange(
        tx,
        actor,
        {
          action: 'renew',
          entity: 'terminal_award',
          entityId: held.id,
          before: { dueOn: held.dueOn },
          after: { dueOn },
        },
        now,
      );
    } else if ((outcome.kind === 'downgraded' || outcome.kind === 'removed') && held) {
      await endAward(tx, actor.tenantId, held.id, { status: outcome.kind, endedOn: on, reason: outcome.reason, now });
      let lowerAwardId: number | null = null;
      tierId = null;
      if (outcome.kind === 'downgraded') {
        const lower = tiers.find((row) => row.id === outcome.toTierId);
        if (!lower) throw new DomainError('NOT_FOUND');
        const award = await insertAward(tx, {
          tenantId: actor.tenantId,
          customerId: store.id,
          tierId: lower.id,
          status: 'active',
          awardedOn: on,
          dueOn: reInspectionDueOn(on, lower.reinspectionMonths),
          inspectionId: inspection.id,
          applicationId: null,
          createdAt: now,
          updatedAt: now,
        });
        lowerAwardId = award.id;
        tierId = lower.id;
      }
      await recordChange(
        tx,
        actor,
        {
          action: outcome.kind === 'downgraded' ? 'downgrade' : 'remove',
          entity: 'terminal_award',
          entityId: held.id,
          before: { tierId: held.tierId },
          after: { tierId, awardId: lowerAwardId, reason: outcome.reason },
        },
        now,
      );
    }
    return {
      id: inspection.id,
      awarded: evaluation.awarded,
      score: evaluation.score,
      passScore: evaluation.passScore,
      outcome: outcome.kind,
      failedMandatory: evaluation.failedMandatory,
      reason: 'reason' in outcome ? outcome.reason : null,
      tierId,
    };
  });
}

function checkStoreForAward(store: ScopedStore, tier: TierRow) {
  if (store.status !== 'active') throw new DomainError('TERMINAL_STORE_NOT_ACTIVE');
  if (!tier.active) throw new DomainError('TERMINAL_TIER_INACTIVE', { tier: tier.name });
}

function inspectionView(row: InspectionViewRow) {
  return {
    id: Number(row.id),
    customerId: Number(row.customer_id),
    customerName: row.customer_name,
    tierId: Number(row.tier_id),
    tierName: row.tier_name,
    applicationId: row.application_id === null ? null : Number(row.application_id),
    inspectedAt: iso(row.inspected_at) ?? '',
    inspectorName: row.inspector_name,
    score: Number(row.score),
    passScore: Number(row.pass_score),
    awarded: row.awarded,
    outcome: row.outcome as 'awarded' | 'pending_approval' | 'renewed' | 'not_awarded' | 'downgraded' | 'removed',
    reason: row.reason,
    note: row.note,
    photoIds: row.photo_ids ?? [],
  };
}

export async function getInspectionView(context: AppContext, actor: Actor, id: number) {
  const row = await findScopedInspection(context.db, actor.tenantId, actor.scope, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return { ...inspectionView(row), results: row.results as InspectionResultView[] };
}
type InspectionResultView = {
  itemId: string;
  name: string;
  category: string;
  mandatory: boolean;
  maxScore: number;
  passed: boolean;
  score: number;
};

export async function listInspectionViews(
  context: AppContext,
  actor: Actor,
  filter: { customerId?: number; tierId?: number; limit: number; offset: number },
) {
  const { limit, offset, ...rest } = filter;
  const page = await listInspections(context.db, actor.tenantId, actor.scope, rest, { limit, offset });
  return { items: page.items.map(inspectionView), total: page.total };
}

// ---- Photos ----

export async function uploadPhoto(
  context: AppContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer; contentType: string },
) {
  const portal = actor.role === 'retailer';
  const prefix = portal ? storePhotoPrefix(retailerStoreOf(actor)) : staffPhotoPrefix(actor.userId);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: `${prefix}${file.fileName}`,
      contentType: file.contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'upload',
        entity: portal ? 'terminal_application' : 'terminal_inspection',
        after: { fileId: stored.id, contentType: file.contentType, size: file.bytes.length },
      },
      now,
    );
    return { id: stored.id, contentType: file.contentType, size: file.bytes.length };
  });
}

export async function getPhoto(context: AppContext, actor: Actor, id: number) {
  const prefix =
    actor.scope.kind === 'customer' ? storePhotoPrefix(actor.scope.customerId) : staffPhotoPrefix(actor.userId);
  return readFileWith(context.db, actor.tenantId, () =>
    visiblePhotoId(context.db, actor.tenantId, actor.scope, prefix, id),
  );
}

// ---- Lists, map, counts ----

type StoreListRow = Awaited<ReturnType<typeof listAwardedStores>>['items'][number];

function awardedStoreView(row: StoreListRow, on: string) {
  const dueOn = dateOnly(row.due_on) ?? '';
  return {
    customerId: Number(row.customer_id),
    licenceNo: row.licence_no,
    name: row.name,
    address: row.address,
    storeStatus: row.store_status,
    branchId: Number(row.branch_id),
    branchName: row.branch_name ?? '',
    managerName: row.manager_name,
    tierId: Number(row.tier_id),
    tierName: row.tier_name,
    awardedOn: dateOnly(row.awarded_on) ?? '',
    dueOn,
    overdue: isReInspectionOverdue(dueOn, on),
  };
}

export async function listTierStores(
  context: AppContext,
  actor: Actor,
  filter: { tier?: number; branchId?: number; limit: number; offset: number },
) {
  const page = await listAwardedStores(
    context.db,
    actor.tenantId,
    actor.scope,
    { tierId: filter.tier, branchId: filter.branchId },
    filter,
  );
  const on = today(context.now());
  return { items: page.items.map((row) => awardedStoreView(row, on)), total: page.total };
}

// Re-inspections falling due within the given days (and every overdue one), earliest first.
export async function listReInspectionsDue(
  context: AppContext,
  actor: Actor,
  filter: { withinDays: number; tier?: number; branchId?: number; limit: number; offset: number },
) {
  const on = today(context.now());
  const dueBy = new Date(Date.parse(`${on}T00:00:00Z`) + filter.withinDays * 86_400_000).toISOString().slice(0, 10);
  const page = await listAwardedStores(
    context.db,
    actor.tenantId,
    actor.scope,
    { tierId: filter.tier, branchId: filter.branchId, dueBy },
    filter,
  );
  return { items: page.items.map((row) => awardedStoreView(row, on)), total: page.total, dueBy };
}

// The map: the tiers as a legend and each awarded store as [id, lng, lat, tierId] (compact for
// thousands of points).
export async function getTierMap(context: AppContext, actor: Actor, filter: { branchId?: number }) {
  const [tiers, points] = await Promise.all([
    listTiers(context.db, actor.tenantId),
    awardedPoints(context.db, actor.tenantId, actor.scope, filter.branchId),
  ]);
  return {
    tiers: tiers.map((tier) => ({ id: tier.id, name: tier.name, rank: tier.rank })),
    points: points.map((point) => [Number(point.id), Number(point.lng), Number(point.lat), Number(point.tier_id)]),
  };
}

export async function getTierSummary(context: AppContext, actor: Actor) {
  const [tiers, counts] = await Promise.all([
    listTiers(context.db, actor.tenantId),
    awardCounts(context.db, actor.tenantId, actor.scope),
  ]);
  const branches = new Map<
    number,
    { branchId: number; branchName: string; total: number; counts: { tierId: number; count: number }[] }
  >();
  for (const row of counts) {
    const branchId = Number(row.branch_id);
    const branch = branches.get(branchId) ?? { branchId, branchName: row.branch_name ?? '', total: 0, counts: [] };
    branch.total += Number(row.count);
    branch.counts.push({ tierId: Number(row.tier_id), count: Number(row.count) });
    branches.set(branchId, branch);
  }
  const totals = tiers.map((tier) => ({
    tierId: tier.id,
    count: counts.filter((row) => Number(row.tier_id) === tier.id).reduce((sum, row) => sum + Number(row.count), 0),
  }));
  return {
    tiers: tiers.map((tier) => ({ id: tier.id, name: tier.name, rank: tier.rank })),
    branches: [...branches.values()],
    totals,
    total: totals.reduce((sum, row) => sum + row.count, 0),
  };
}

// ---- A store's view: the 360° tab and the portal ----

async function storeTerminalView(context: AppContext, actor: Actor, customerId: number) {
  const db = context.db;
  const [tiers, awards, inspections, applications] = await Promise.all([
    listTiers(db, actor.tenantId),
    awardsOfStore(db, actor.tenantId, customerId),
    listInspections(db, actor.tenantId, actor.scope, { customerId }, { limit: 20, offset: 0 }),
    listApplications(db, actor.tenantId, actor.scope, { customerId }, { limit: 20, offset: 0 }),
  ]);
  const nameOf = new Map(tiers.map((tier) => [tier.id, tier.name]));
  const on = today(context.now());
  const awardView = (award: (typeof awards)[number]) => ({
    id: award.id,
    tierId: award.tierId,
    tierName: nameOf.get(award.tierId) ?? '',
    status: award.status,
    awardedOn: award.awardedOn,
    dueOn: award.dueOn,
    overdue: award.status === 'active' && isReInspectionOverdue(award.dueOn, on),
    endedOn: award.endedOn,
    endReason: award.endReason,
  });
  const current = awards.find((award) => award.status === 'active');
  return {
    customerId,
    award: current ? awardView(current) : null,
    nextDueOn: current?.dueOn ?? null,
    history: awards.map(awardView),
    applications: applications.items.map(applicationView),
    inspections: inspections.items.map(inspectionView),
  };
}

export async function getCustomerTerminal(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedStore(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  return storeTerminalView(context, actor, store.id);
}

// The store's own status in the portal, with the tiers it can apply for (seeded on first use).
export async function getPortalTerminal(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const store = await findScopedStore(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const now = context.now();
  const tiers = await context.db.transaction((tx) => tiersOf(tx, actor, now));
  const view = await storeTerminalView(context, actor, store.id);
  return { ...view, tiers: tiers.filter((tier) => tier.active).map(tierView) };
}
