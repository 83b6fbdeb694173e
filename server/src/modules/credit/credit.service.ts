import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { isWorkingDay } from '../../platform/calendar/business-calendar.rules.ts';
import { getHolidayCalendar } from '../../platform/calendar/calendar.repository.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { storeFile } from '../../platform/files/files.repository.ts';
import { checkRunApproval, checkRunStart, nextVersion, sharesOf } from '../../platform/runs/run-lifecycle.rules.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import {
  type AppealRow,
  appealKeys,
  appealPhotoPrefix,
  appealsOfStore,
  computingRunId,
  decideAppeal,
  findScopedStore,
  getModel,
  getRun,
  getViolation,
  historyOf,
  insertAppeal,
  insertModel,
  insertRun,
  insertScores,
  insertViolations,
  lastPublishedRun,
  latestLiveRunId,
  latestModelVersion,
  levelCounts,
  listAppeals,
  listModels,
  listRuns,
  listViolations,
  lockAppeal,
  type ModelRow,
  openAppealOf,
  ownPhotoIds,
  previousScores,
  type RunRow,
  type RunStoreFilter,
  replaceScore,
  retireApprovedModels,
  runInForce,
  runStores,
  type ScoreInsert,
  scoreOf,
  setRunStatus,
  updateModel,
  type ViolationInsert,
  voidViolation,
} from './credit.repository.ts';
import {
  appealDueOn,
  type CreditModelDefinition,
  checkModel,
  creditLevels,
  factKeyOf,
  howToRaise,
  monthEnd,
  type ScoredStore,
  type StoreScore,
  scoreStore,
  summariseRun,
  windowStart,
} from './credit.rules.ts';
import type { AppealStatus } from './credit.schema.ts';
import { type CreditFactSources, type FactRow, storeFactRows } from './credit-facts.ts';
import { compactExplanation, expandExplanation } from './credit-score-storage.rules.ts';

// 信用 use cases: models (draft → approved, versioned; preview on current data), runs (compute →
// review → publish once, with an effective date), the distribution and a store's credit, 专卖
// violations, and appeals (filed in the portal, decided by an inspector, re-scoring the store).

const today = (now: Date) => beijingDateOf(now);
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

// ---- Models ----

export type ModelInput = { name: string; definition: CreditModelDefinition };

function modelView(row: ModelRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    status: row.status,
    definition: row.definition,
    createdAt: row.createdAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

export async function listModelViews(context: AppContext, actor: Actor) {
  return { items: (await listModels(context.db, actor.tenantId)).map(modelView) };
}

export async function getModelView(context: AppContext, actor: Actor, id: number) {
  const row = await getModel(context.db, actor.tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return modelView(row);
}

// A new draft version (the version rule shared with classification: latest + 1).
export async function createModelIn(tx: Executor, actor: Actor, input: ModelInput, now: Date) {
  const definition = checkModel(input.definition);
  const version = nextVersion(await latestModelVersion(tx, actor.tenantId));
  const row = await insertModel(tx, {
    tenantId: actor.tenantId,
    version,
    name: input.name,
    status: 'draft',
    definition,
    createdBy: actor.userId || null,
    createdAt: now,
  });
  await recordChange(
    tx,
    actor,
    { action: 'create', entity: 'credit_model', entityId: row.id, after: { version, name: input.name } },
    now,
  );
  return modelView(row);
}

export async function createModel(context: AppContext, actor: Actor, input: ModelInput) {
  return context.db.transaction((tx) => createModelIn(tx, actor, input, context.now()));
}

// A draft is edited in place; an approved (or retired) version never changes.
export async function updateModelDraft(context: AppContext, actor: Actor, id: number, input: ModelInput) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const row = await getModel(tx, actor.tenantId, id, true);
    if (!row) throw new DomainError('NOT_FOUND');
    if (row.status !== 'draft') throw new DomainError('CREDIT_MODEL_APPROVED', { version: row.version });
    const definition = checkModel(input.definition);
    const updated = await updateModel(tx, actor.tenantId, id, { name: input.name, definition });
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'credit_model',
        entityId: id,
        before: { name: row.name },
        after: { name: input.name },
      },
      now,
    );
    return modelView(updated);
  });
}

// Approving locks the version and retires the one approved before it.
export async function approveModelIn(tx: Executor, actor: Actor, id: number, now: Date) {
  const row = await getModel(tx, actor.tenantId, id, true);
  if (!row) throw new DomainError('NOT_FOUND');
  if (row.status !== 'draft') throw new DomainError('CREDIT_MODEL_APPROVED', { version: row.version });
  const updated = await updateModel(tx, actor.tenantId, id, {
    status: 'approved',
    approvedBy: actor.userId || null,
    approvedAt: now,
  });
  await retireApprovedModels(tx, actor.tenantId, id);
  await recordChange(
    tx,
    actor,
    { action: 'approve', entity: 'credit_model', entityId: id, after: { version: row.version } },
    now,
  );
  return modelView(updated);
}

export async function approveModel(context: AppContext, actor: Actor, id: number) {
  return context.db.transaction((tx) => approveModelIn(tx, actor, id, context.now()));
}

function scoreAll(
  facts: readonly FactRow[],
  definition: CreditModelDefinition,
  asOf: string,
  keys: Awaited<ReturnType<typeof appealKeys>>,
) {
  return facts.map((fact) => ({
    fact,
    result: scoreStore(fact, definition, asOf, keys.frozen.get(fact.customerId), keys.dropped.get(fact.customerId)),
  }));
}

// The level distribution a definition would give on today's facts, nothing saved.
export async function previewModel(
  context: AppContext,
  actor: Actor,
  sources: CreditFactSources,
  definition: CreditModelDefinition,
) {
  checkModel(definition);
  const asOf = today(context.now());
  const facts = await storeFactRows(context.db, actor.tenantId, sources, { from: windowStart(asOf), to: asOf });
  const keys = await appealKeys(context.db, actor.tenantId);
  const scored = scoreAll(facts, definition, asOf, keys);
  return distributionView(
    definition.bands.map((band) => band.level),
    scored.map(({ result }) => result.level),
  );
}

function distributionView(levels: readonly string[], all: readonly string[]) {
  const counts = new Map<string, number>();
  for (const level of all) counts.set(level, (counts.get(level) ?? 0) + 1);
  const { total, shares } = sharesOf(levels, counts);
  return { total, levels: shares.map((entry) => ({ level: entry.value, count: entry.count, share: entry.share })) };
}

// ---- Runs ----

export type NewRun = { modelId: number; month: string };

function runView(row: RunRow) {
  return {
    id: row.id,
    modelId: row.modelId,
    month: row.month,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt.toISOString(),
    computedAt: row.computedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    summary: row.summary ?? null,
  };
}

async function startRun(tx: Executor, actor: Actor, input: NewRun, now: Date) {
  const model = await getModel(tx, actor.tenantId, input.modelId);
  if (!model) throw new DomainError('NOT_FOUND');
  if (model.status !== 'approved') throw new DomainError('CREDIT_MODEL_NOT_APPROVED');
  const busy = await computingRunId(tx, actor.tenantId);
  if (checkRunStart(busy) === 'busy') throw new DomainError('CREDIT_RUN_BUSY', { runId: busy ?? 0 });
  const run = await insertRun(tx, {
    tenantId: actor.tenantId,
    modelId: model.id,
    month: input.month,
    status: 'computing',
    computedBy: actor.userId || null,
    createdAt: now,
  });
  return { model, run };
}

function scoreInsertOf(result: StoreScore, fact: Pick<FactRow, 'customerId' | 'branchId'>, asOf: string): ScoreInsert {
  return {
    customerId: fact.customerId,
    branchId: fact.branchId,
    score: result.score,
    level: result.level,
    activity: result.activity,
    ...compactExplanation(result, asOf),
  };
}

// A store's row in a run with its explanation spelled out again from the run's model.
async function explainedScoreOf(
  executor: Executor,
  tenantId: number,
  run: Pick<RunRow, 'id' | 'month' | 'modelId'>,
  customerId: number,
  knownModel?: ModelRow,
) {
  const [score, model] = await Promise.all([
    scoreOf(executor, tenantId, run.id, customerId),
    knownModel ?? getModel(executor, tenantId, run.modelId),
  ]);
  if (!score || !model) return undefined;
  return { ...score, ...expandExplanation(score, model.definition, monthEnd(run.month)), model };
}

// Scores every active store of the tenant and stores the run as computed, with its review summary
// against the last published run.
async function finishRun(
  tx: Executor,
  actor: Actor,
  sources: CreditFactSources,
  model: ModelRow,
  run: RunRow,
  now: Date,
) {
  const asOf = monthEnd(run.month);
  const facts = await storeFactRows(tx, actor.tenantId, sources, { from: windowStart(asOf), to: asOf });
  const keys = await appealKeys(tx, actor.tenantId);
  const scored = scoreAll(facts, model.definition, asOf, keys);
  await insertScores(
    tx,
    actor.tenantId,
    run.id,
    scored.map(({ fact, result }) => scoreInsertOf(result, fact, asOf)),
  );
  const published = await lastPublishedRun(tx, actor.tenantId);
  const previous = published ? await previousScores(tx, actor.tenantId, published.id) : null;
  const stores: ScoredStore[] = scored.map(({ fact, result }) => ({
    customerId: fact.customerId,
    name: fact.name,
    branchId: fact.branchId,
    branchName: fact.branchName,
    level: result.level,
    score: result.score,
  }));
  const summary = { ...summariseRun(model.definition, stores, previous), comparedWithRunId: published?.id ?? null };
  const done = await setRunStatus(tx, actor.tenantId, run.id, { status: 'computed', summary, computedAt: now });
  await recordChange(
    tx,
    actor,
    {
      action: 'compute',
      entity: 'credit_run',
      entityId: run.id,
      after: { modelId: model.id, month: run.month, stores: stores.length },
    },
    now,
  );
  return runView(done);
}

// The run in one transaction (the demo, tests): computing is never seen by others.
export async function computeCreditRunIn(
  tx: Executor,
  actor: Actor,
  input: NewRun,
  sources: CreditFactSources,
  now: Date,
) {
  const { model, run } = await startRun(tx, actor, input, now);
  return finishRun(tx, actor, sources, model, run, now);
}

// Over HTTP: the run is marked computing first, in a transaction of its own, so that a second
// run meanwhile is refused (409 CREDIT_RUN_BUSY); a failed computation discards it.
export async function computeCreditRun(context: AppContext, actor: Actor, sources: CreditFactSources, input: NewRun) {
  const now = context.now();
  let started: Awaited<ReturnType<typeof startRun>>;
  try {
    started = await context.db.transaction((tx) => startRun(tx, actor, input, now));
  } catch (error) {
    if (
      (error as { code?: string }).code === '23505' ||
      (error as { cause?: { code?: string } }).cause?.code === '23505'
    ) {
      throw new DomainError('CREDIT_RUN_BUSY', { runId: (await computingRunId(context.db, actor.tenantId)) ?? 0 });
    }
    throw error;
  }
  try {
    return await context.db.transaction((tx) => finishRun(tx, actor, sources, started.model, started.run, now));
  } catch (error) {
    await setRunStatus(context.db, actor.tenantId, started.run.id, { status: 'discarded' });
    throw error;
  }
}

// The runs, newest first, without their summaries (GET /credit/runs/:id has it).
export async function listRunViews(context: AppContext, actor: Actor) {
  return { items: (await listRuns(context.db, actor.tenantId)).map((row) => runView({ ...row, summary: null })) };
}

export async function getRunView(context: AppContext, actor: Actor, id: number) {
  const run = await getRun(context.db, actor.tenantId, id);
  if (!run) throw new DomainError('NOT_FOUND');
  return runView(run);
}

export async function listRunStores(
  context: AppContext,
  actor: Actor,
  id: number,
  query: RunStoreFilter & { page: number; pageSize: number },
) {
  const run = await getRun(context.db, actor.tenantId, id);
  if (!run) throw new DomainError('NOT_FOUND');
  const { page, pageSize, ...filter } = query;
  const rows = await runStores(
    context.db,
    actor.tenantId,
    actor.scope,
    id,
    run.summary?.comparedWithRunId ?? null,
    filter,
    {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
  );
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    page,
    pageSize,
    items: rows.map((row) => ({
      customerId: Number(row.customer_id),
      licenceNo: row.licence_no,
      name: row.name,
      branchId: Number(row.branch_id),
      branchName: row.branch_name,
      score: Number(row.score),
      level: row.level,
      activity: row.activity === null ? null : Number(row.activity),
      previousLevel: row.previous_level,
      previousScore: row.previous_score === null ? null : Number(row.previous_score),
    })),
  };
}

// Publishing is one update of the run row: the level in force (creditLevelInForce) reads the scores
// of the latest published run whose date has come. Once only, the latest run only.
export async function publishCreditRunIn(
  tx: Executor,
  actor: Actor,
  id: number,
  input: { effectiveFrom: string },
  now: Date,
) {
  const run = await getRun(tx, actor.tenantId, id, true);
  if (!run) throw new DomainError('NOT_FOUND');
  const latest = await latestLiveRunId(tx, actor.tenantId);
  const verdict = checkRunApproval(
    { id: run.id, done: run.status === 'published', ready: run.status === 'computed' },
    latest,
  );
  if (verdict === 'done') throw new DomainError('CREDIT_RUN_PUBLISHED', { runId: id });
  if (verdict === 'not_ready') throw new DomainError('CREDIT_RUN_NOT_READY', { runId: id });
  if (verdict === 'not_latest') throw new DomainError('CREDIT_RUN_NOT_LATEST', { latestId: latest ?? 0 });
  const previous = await lastPublishedRun(tx, actor.tenantId);
  if (previous?.effectiveFrom && input.effectiveFrom < previous.effectiveFrom) {
    throw new DomainError('CREDIT_EFFECTIVE_DATE_INVALID', { previous: previous.effectiveFrom }, 'effectiveFrom');
  }
  const published = await setRunStatus(tx, actor.tenantId, id, {
    status: 'published',
    effectiveFrom: input.effectiveFrom,
    publishedAt: now,
    publishedBy: actor.userId || null,
  });
  await recordChange(
    tx,
    actor,
    { action: 'publish', entity: 'credit_run', entityId: id, after: { effectiveFrom: input.effectiveFrom } },
    now,
  );
  return runView(published);
}

export async function publishCreditRun(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { effectiveFrom: string },
) {
  return context.db.transaction((tx) => publishCreditRunIn(tx, actor, id, input, context.now()));
}

// ---- Reading levels ----

export async function getDistribution(context: AppContext, actor: Actor, query: { by?: 'branch' | 'class' }) {
  const run = await runInForce(context.db, actor.tenantId, today(context.now()));
  const model = run ? await getModel(context.db, actor.tenantId, run.modelId) : undefined;
  const levels: string[] = model ? model.definition.bands.map((band) => band.level) : [...creditLevels];
  if (!run)
    return { ...distributionView(levels, []), runId: null, effectiveFrom: null, ...(query.by ? { groups: [] } : {}) };
  const rows = await levelCounts(context.db, actor.tenantId, actor.scope, run.id, query.by ?? null);
  const counted = (entries: typeof rows) => {
    const counts = new Map<string, number>();
    for (const row of entries) counts.set(row.level, (counts.get(row.level) ?? 0) + row.count);
    const { total, shares } = sharesOf(levels, counts);
    return { total, levels: shares.map((entry) => ({ level: entry.value, count: entry.count, share: entry.share })) };
  };
  const overall = counted(rows);
  const groups = query.by
    ? [...new Set(rows.map((row) => row.key))].sort().map((key) => {
        const entries = rows.filter((row) => row.key === key);
        return { key, label: entries[0].label, ...counted(entries) };
      })
    : undefined;
  return { ...overall, runId: run.id, effectiveFrom: run.effectiveFrom, ...(groups ? { groups } : {}) };
}

function appealView(row: AppealRow | Record<string, unknown>) {
  const value = row as Record<string, unknown>;
  const get = (camel: string, snake: string) => (camel in value ? value[camel] : value[snake]);
  return {
    id: Number(value.id),
    customerId: Number(get('customerId', 'customer_id')),
    runId: Number(get('runId', 'run_id')),
    itemKey: (get('itemKey', 'item_key') as string | null) ?? null,
    reason: String(value.reason),
    photoIds: ((get('photoIds', 'photo_ids') as number[] | string | null) ?? []) as number[],
    status: value.status as AppealStatus,
    dueOn: String(get('dueOn', 'due_on')).slice(0, 10),
    decidedAt: iso(get('decidedAt', 'decided_at')),
    note: (value.note as string | null) ?? null,
    createdAt: iso(get('createdAt', 'created_at')) as string,
  };
}

// A store's credit in force today: the ledger that makes its score, the caps, the indicators, its
// history and its latest appeal. No published run yet: the level is null.
async function creditOf(executor: Executor, tenantId: number, customerId: number, now: Date) {
  const run = await runInForce(executor, tenantId, today(now));
  const [score, history, appeals] = await Promise.all([
    run ? explainedScoreOf(executor, tenantId, run, customerId) : undefined,
    historyOf(executor, tenantId, customerId),
    appealsOfStore(executor, tenantId, customerId),
  ]);
  const appeal = appeals[0] ? appealView(appeals[0]) : null;
  if (!run || !score) {
    return {
      customerId,
      level: null,
      score: null,
      effectiveFrom: null,
      runId: null,
      month: null,
      base: null,
      items: [],
      caps: [],
      indicators: [],
      activity: null,
      history,
      appeal,
      definition: null as CreditModelDefinition | null,
    };
  }
  return {
    customerId,
    level: score.level,
    score: Number(score.score),
    effectiveFrom: run.effectiveFrom,
    runId: run.id,
    month: run.month,
    base: score.model.definition.base,
    items: score.items,
    caps: score.caps,
    indicators: score.indicators,
    activity: score.activity,
    history,
    appeal,
    definition: score.model.definition as CreditModelDefinition | null,
  };
}

export async function getCustomerCredit(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedStore(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const { definition: _definition, ...credit } = await creditOf(context.db, actor.tenantId, customerId, context.now());
  return credit;
}

export async function getPortalCredit(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const { definition, ...credit } = await creditOf(context.db, actor.tenantId, customerId, context.now());
  const tips =
    definition && credit.level !== null && credit.score !== null
      ? howToRaise(definition, {
          score: credit.score,
          level: credit.level as never,
          items: credit.items,
          caps: credit.caps,
        })
      : [];
  return { ...credit, howToRaise: tips };
}

// ---- Violations ----

export type ViolationInput = Omit<ViolationInsert, 'note'> & { note?: string | null };

async function assertNotFrozen(tx: Executor, tenantId: number, customerId: number, factKey: string) {
  const open = await openAppealOf(tx, tenantId, customerId);
  if (open?.itemKey && factKeyOf(open.itemKey) === factKey)
    throw new DomainError('CREDIT_ITEM_FROZEN', { appealId: open.id });
}

// Violations recorded at once (entered one by one, imported, the demo): stores must be in scope.
export async function recordViolationsIn(
  tx: Executor,
  actor: Actor,
  rows: readonly ViolationInput[],
  source: 'entered' | 'imported',
  now: Date,
) {
  const ids = await insertViolations(
    tx,
    actor.tenantId,
    rows.map((row) => ({ ...row, note: row.note ?? null })),
    source,
    actor.userId || null,
    now,
  );
  await recordChange(
    tx,
    actor,
    source === 'entered' && ids.length === 1
      ? { action: 'create', entity: 'credit_violation', entityId: ids[0], after: { ...rows[0] } }
      : { action: 'import', entity: 'credit_violation', after: { rows: ids.length, source } },
    now,
  );
  return ids;
}

export async function createViolation(context: AppContext, actor: Actor, input: ViolationInput) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const store = await findScopedStore(tx, actor.tenantId, actor.scope, input.customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    const [id] = await recordViolationsIn(tx, actor, [input], 'entered', now);
    return { id, ...input, note: input.note ?? null, source: 'entered' as const, voidedAt: null, voidReason: null };
  });
}

export async function listViolationViews(
  context: AppContext,
  actor: Actor,
  query: { customerId?: number; includeVoided?: boolean; page: number; pageSize: number },
) {
  const rows = await listViolations(context.db, actor.tenantId, actor.scope, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => ({
      id: Number(row.id),
      customerId: Number(row.customer_id),
      customerName: String(row.customer_name),
      licenceNo: String(row.licence_no),
      occurredOn: String(row.occurred_on),
      type: row.type as ViolationInsert['type'],
      severity: row.severity as ViolationInsert['severity'],
      documentNo: String(row.document_no),
      note: (row.note as string | null) ?? null,
      source: row.source as 'entered' | 'imported',
      createdAt: iso(row.created_at) as string,
      voidedAt: iso(row.voided_at),
      voidReason: (row.void_reason as string | null) ?? null,
    })),
  };
}

async function voidViolationIn(tx: Executor, actor: Actor, id: number, reason: string, now: Date, appealId?: number) {
  const violation = await getViolation(tx, actor.tenantId, actor.scope, id);
  if (!violation) throw new DomainError('NOT_FOUND');
  if (violation.voided_at) throw new DomainError('CREDIT_VIOLATION_VOIDED');
  if (appealId === undefined)
    await assertNotFrozen(tx, actor.tenantId, Number(violation.customer_id), `violation:${id}`);
  await voidViolation(tx, actor.tenantId, id, reason, now);
  await recordChange(
    tx,
    actor,
    { action: 'void', entity: 'credit_violation', entityId: id, after: { reason, appealId } },
    now,
  );
}

export async function voidViolationById(context: AppContext, actor: Actor, id: number, reason: string) {
  const now = context.now();
  await context.db.transaction((tx) => voidViolationIn(tx, actor, id, reason, now));
  return { id, voidedAt: now.toISOString(), voidReason: reason };
}

// ---- Appeals ----

export type AppealInput = { reason: string; itemKey?: string | null; photoIds?: number[] };

// A store files an appeal against an item of its credit in force (or its level): one open at a
// time; the item is frozen until decided; due in 15 working days (the city's calendar).
export async function fileAppealIn(tx: Executor, actor: Actor, customerId: number, input: AppealInput, now: Date) {
  const open = await openAppealOf(tx, actor.tenantId, customerId);
  if (open) throw new DomainError('CREDIT_APPEAL_OPEN', { appealId: open.id });
  const run = await runInForce(tx, actor.tenantId, today(now));
  const score = run ? await explainedScoreOf(tx, actor.tenantId, run, customerId) : undefined;
  if (!run || !score) throw new DomainError('CREDIT_NOT_RATED');
  const itemKey = input.itemKey ?? null;
  if (itemKey !== null && !score.items.some((item) => item.key === itemKey)) {
    throw new DomainError('CREDIT_APPEAL_ITEM_UNKNOWN', {}, 'itemKey');
  }
  const photoIds = [...new Set(input.photoIds ?? [])];
  const own = await ownPhotoIds(tx, actor.tenantId, customerId, photoIds);
  const unknown = photoIds.find((id) => !own.has(id));
  if (unknown !== undefined) throw new DomainError('CREDIT_APPEAL_PHOTO_UNKNOWN', { photoId: unknown }, 'photoIds');
  const calendar = await getHolidayCalendar(tx, actor.tenantId);
  const dueOn = appealDueOn((date) => isWorkingDay(calendar, date), today(now));
  let appeal: AppealRow;
  try {
    appeal = await insertAppeal(tx, {
      tenantId: actor.tenantId,
      customerId,
      runId: run.id,
      itemKey,
      reason: input.reason,
      photoIds,
      status: 'open',
      dueOn,
      createdAt: now,
    });
  } catch (error) {
    if (
      (error as { cause?: { code?: string } }).cause?.code === '23505' ||
      (error as { code?: string }).code === '23505'
    ) {
      throw new DomainError('CREDIT_APPEAL_OPEN', { appealId: 0 });
    }
    throw error;
  }
  await recordChange(
    tx,
    actor,
    {
      action: 'create',
      entity: 'credit_appeal',
      entityId: appeal.id,
      after: { itemKey, reason: input.reason, photoIds, dueOn },
    },
    now,
  );
  return { id: appeal.id, status: 'open' as const, dueOn };
}

export async function filePortalAppeal(context: AppContext, actor: Actor, input: AppealInput) {
  const customerId = retailerStoreOf(actor);
  return context.db.transaction((tx) => fileAppealIn(tx, actor, customerId, input, context.now()));
}

export async function uploadAppealPhoto(
  context: AppContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer; contentType: string },
) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName: `${appealPhotoPrefix(customerId)}${file.fileName}`,
      contentType: file.contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'upload', entity: 'credit_appeal', after: { fileId: stored.id, size: file.bytes.length } },
      now,
    );
    return { id: stored.id, contentType: file.contentType, size: file.bytes.length };
  });
}

export async function listPortalAppeals(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  return { items: (await appealsOfStore(context.db, actor.tenantId, customerId)).map(appealView) };
}

function staffAppealView(row: Record<string, unknown>) {
  return {
    ...appealView(row),
    customerName: String(row.customer_name),
    licenceNo: String(row.licence_no),
    branchName: String(row.branch_name),
    decidedByName: (row.decided_by_name as string | null) ?? null,
  };
}

export async function listAppealViews(
  context: AppContext,
  actor: Actor,
  query: { status?: AppealStatus; page: number; pageSize: number },
) {
  const rows = await listAppeals(
    context.db,
    actor.tenantId,
    actor.scope,
    { status: query.status },
    {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    },
  );
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(staffAppealView),
  };
}

export async function getAppealView(context: AppContext, actor: Actor, id: number) {
  const [row] = await listAppeals(context.db, actor.tenantId, actor.scope, { id }, { limit: 1, offset: 0 });
  if (!row) throw new DomainError('NOT_FOUND');
  const appeal = staffAppealView(row);
  const run = await getRun(context.db, actor.tenantId, appeal.runId);
  const score = run ? await explainedScoreOf(context.db, actor.tenantId, run, appeal.customerId) : undefined;
  const item = appeal.itemKey ? (score?.items.find((entry) => entry.key === appeal.itemKey) ?? null) : null;
  return { ...appeal, item, level: score?.level ?? null, score: score ? Number(score.score) : null };
}

// The file of an appeal's photo, for a caller who sees the appeal.
export async function appealPhotoFileId(context: AppContext, actor: Actor, id: number, photoId: number) {
  const [row] = await listAppeals(context.db, actor.tenantId, actor.scope, { id }, { limit: 1, offset: 0 });
  if (!row) return null;
  return (appealView(row).photoIds as number[]).includes(photoId) ? photoId : null;
}

// How an accepted appeal corrects the fact an item cites, where the fact lives in another module
// (an order's settlement in supply): given by the workflow that assembles the module; the owning
// module writes and audits it, citing the appeal. Returns false when it could not (the item is then
// dropped from the store's ledger instead).
export type FactCorrections = Partial<
  Record<string, (tx: Executor, actor: Actor, sourceId: string, now: Date, appealId: number) => Promise<boolean>>
>;

// Re-scores one store in the run in force (an accepted appeal): the same model and month, today's
// facts of that store. Returns the new level and score.
async function rescoreStoreIn(tx: Executor, actor: Actor, sources: CreditFactSources, customerId: number, now: Date) {
  const run = await runInForce(tx, actor.tenantId, today(now));
  if (!run) return null;
  const model = await getModel(tx, actor.tenantId, run.modelId);
  if (!model) return null;
  const asOf = monthEnd(run.month);
  const [fact] = await storeFactRows(tx, actor.tenantId, sources, { from: windowStart(asOf), to: asOf }, customerId);
  if (!fact) return null;
  const keys = await appealKeys(tx, actor.tenantId, customerId);
  const before = await scoreOf(tx, actor.tenantId, run.id, customerId);
  const result = scoreStore(fact, model.definition, asOf, keys.frozen.get(customerId), keys.dropped.get(customerId));
  await replaceScore(tx, actor.tenantId, run.id, scoreInsertOf(result, fact, asOf));
  await recordChange(
    tx,
    actor,
    {
      action: 'correct',
      entity: 'credit_run',
      entityId: run.id,
      before: before ? { customerId, level: before.level, score: Number(before.score) } : { customerId },
      after: { customerId, level: result.level, score: result.score },
    },
    now,
  );
  return { runId: run.id, level: result.level, score: result.score };
}

export type Decision = { outcome: 'accepted' | 'rejected'; note: string };

export async function decideAppealIn(
  tx: Executor,
  actor: Actor,
  id: number,
  decision: Decision,
  sources: CreditFactSources,
  corrections: FactCorrections,
  now: Date,
) {
  await lockAppeal(tx, actor.tenantId, id);
  const [row] = await listAppeals(tx, actor.tenantId, actor.scope, { id }, { limit: 1, offset: 0 });
  if (!row) throw new DomainError('NOT_FOUND');
  const appeal = appealView(row);
  if (appeal.status !== 'open') throw new DomainError('CREDIT_APPEAL_DECIDED', { status: appeal.status });
  let corrected: string | null = null;
  if (decision.outcome === 'accepted' && appeal.itemKey) {
    const [kind, sourceId] = factKeyOf(appeal.itemKey).split(':');
    if (kind === 'violation') {
      await voidViolationIn(tx, actor, Number(sourceId), `申诉 #${id} 成立：${decision.note}`, now, id);
      corrected = 'violation_voided';
    } else if (corrections[kind] && (await corrections[kind](tx, actor, sourceId, now, id))) {
      corrected = `${kind}_corrected`;
    } else {
      corrected = 'item_dropped';
    }
  }
  await decideAppeal(tx, actor.tenantId, id, {
    status: decision.outcome,
    decidedBy: actor.userId || null,
    decidedAt: now,
    note: decision.note,
  });
  await recordChange(
    tx,
    actor,
    {
      action: 'decide',
      entity: 'credit_appeal',
      entityId: id,
      before: { status: 'open' },
      after: { status: decision.outcome, note: decision.note, corrected },
    },
    now,
  );
  // An accepted appeal re-scores the store (the dropped item is an accepted appeal's key now);
  // a rejected one unfreezes the item, which changes nothing in the score.
  const rescored =
    decision.outcome === 'accepted' ? await rescoreStoreIn(tx, actor, sources, appeal.customerId, now) : null;
  return {
    ...appeal,
    status: decision.outcome,
    decidedAt: now.toISOString(),
    note: decision.note,
    corrected,
    rescored,
  };
}

export async function decideAppealById(
  context: AppContext,
  actor: Actor,
  id: number,
  decision: Decision,
  sources: CreditFactSources,
  corrections: FactCorrections,
) {
  return context.db.transaction((tx) => decideAppealIn(tx, actor, id, decision, sources, corrections, context.now()));
}
