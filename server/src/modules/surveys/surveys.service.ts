import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { notifyIn } from '../../platform/notifications/notifications.service.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import {
  customerClassLabels,
  type Segment,
  segmentProblems,
  storesInSegmentSql,
  urbanRuralLabels,
} from '../supply/index.ts';
import { allocate, pickSample, type StratifiedStore, sampleSize, stratumKeyOf } from './sampling.rules.ts';
import { answersInWords, checkResponse, factPlanOf, factsOf, loadQuestionnaire } from './survey-json.ts';
import type {
  NeedItemInput,
  QuestionnaireCreateInput,
  QuestionnairePatch,
  SamplePreviewInput,
  WaveCreateInput,
  WaveWeightsInput,
} from './surveys.contract.ts';
import {
  branchNames,
  countNonResponders,
  deleteDraft,
  findDraft,
  findNeedItem,
  findQuestionnaire,
  findResponse,
  insertNeedItems,
  insertQuestionnaire,
  insertResponse,
  insertResponsesInBulk,
  insertWave,
  insertWaveStores,
  listNeedItems,
  listQuestionnaires,
  listWaves,
  lockWave,
  openUnansweredWavesOfStore,
  type QuestionnaireSummary,
  responsesOfStore,
  retailerUsersOf,
  saveDraft,
  serviceItemExists,
  serviceItemIdsByCode,
  storeInScope,
  storesWithStrata,
  strataRates,
  updateNeedItem,
  updateQuestionnaire,
  updateWave,
  type WaveSummary,
  waveStoreOf,
  wavesOfStore,
} from './surveys.repository.ts';
import type { ResponseChannel, WaveTarget } from './surveys.schema.ts';
import { defaultNeedItems, templatesOf } from './templates.ts';

// 需求调研、满意度: need items, questionnaires (SurveyJS JSON, versioned), waves (a segment or a
// stratified sample, opened, reminded, closed) and responses (portal or visit), each write audited
// in its transaction. Refusals write nothing.

// ── Need items ──

// The tenant's need items, seeded from the defaults the first time they are asked for.
export async function ensureNeedItemsIn(executor: Executor, actor: Actor, now: Date) {
  const existing = await listNeedItems(executor, actor.tenantId);
  if (existing.length > 0) return existing;
  const serviceIds = await serviceItemIdsByCode(executor, actor.tenantId);
  await insertNeedItems(
    executor,
    defaultNeedItems.map((item, index) => ({
      tenantId: actor.tenantId,
      code: item.code,
      labelZh: item.labelZh,
      labelEn: item.labelEn,
      area: item.area,
      department: item.department,
      serviceItemId: item.serviceCode ? (serviceIds.get(item.serviceCode) ?? null) : null,
      sort: (index + 1) * 10,
      active: true,
    })),
  );
  await recordChange(
    executor,
    actor,
    { action: 'seed_default', entity: 'survey_need_item', after: { count: defaultNeedItems.length } },
    now,
  );
  return listNeedItems(executor, actor.tenantId);
}

export async function getNeedItems(context: AppContext, actor: Actor) {
  const items = await context.db.transaction((tx) => ensureNeedItemsIn(tx, actor, context.now()));
  return { items };
}

export async function editNeedItem(context: AppContext, actor: Actor, code: string, input: NeedItemInput) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureNeedItemsIn(tx, actor, now);
    const before = await findNeedItem(tx, actor.tenantId, code);
    if (!before) throw new DomainError('SURVEY_NEED_ITEM_NOT_FOUND', { code });
    if (input.serviceItemId && !(await serviceItemExists(tx, actor.tenantId, input.serviceItemId)))
      throw new DomainError('SURVEY_SERVICE_ITEM_UNKNOWN', { serviceItemId: input.serviceItemId }, 'serviceItemId');
    await updateNeedItem(tx, actor.tenantId, code, input);
    const after = await findNeedItem(tx, actor.tenantId, code);
    await recordChange(tx, actor, { action: 'update', entity: 'survey_need_item', entityId: code, before, after }, now);
  });
  const items = await listNeedItems(context.db, actor.tenantId);
  const item = items.find((candidate) => candidate.code === code);
  if (!item) throw new DomainError('SURVEY_NEED_ITEM_NOT_FOUND', { code });
  return item;
}

// ── Questionnaires ──

export async function getTemplates(context: AppContext, actor: Actor) {
  const items = await context.db.transaction((tx) => ensureNeedItemsIn(tx, actor, context.now()));
  return templatesOf(items);
}

function summaryOf(row: QuestionnaireSummary) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    version: Number(row.version),
    copiedFrom: row.copiedFrom,
    locked: Boolean(row.locked),
    waves: Number(row.waves),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getQuestionnaires(context: AppContext, actor: Actor) {
  return { items: (await listQuestionnaires(context.db, actor.tenantId)).map(summaryOf) };
}

async function questionnaireOf(executor: Executor, tenantId: number, id: string, forUpdate = false) {
  const row = await findQuestionnaire(executor, tenantId, id, forUpdate);
  if (!row) throw new DomainError('SURVEY_QUESTIONNAIRE_NOT_FOUND', { id });
  return row;
}

export async function getQuestionnaire(context: AppContext, actor: Actor, id: string) {
  const row = await questionnaireOf(context.db, actor.tenantId, id);
  return { ...summaryOf(row), definition: row.definition, createdAt: row.createdAt.toISOString() };
}

// A definition the form library loads, whose needs question offers only the tenant's need items.
async function checkDefinition(executor: Executor, actor: Actor, definition: unknown, now: Date) {
  const model = loadQuestionnaire(definition);
  const needs = model.getAllQuestions(false, false, true).find((question) => question.kewoRole === 'needs');
  if (needs) {
    const known = new Set((await ensureNeedItemsIn(executor, actor, now)).map((item) => item.code));
    const choices = ((needs as unknown as { choices: Array<{ value: unknown }> }).choices ?? []).map((choice) =>
      String(choice.value),
    );
    const unknown = choices.filter((code) => !known.has(code) && code !== 'other' && code !== 'none');
    if (unknown.length > 0)
      throw new DomainError(
        'SURVEY_JSON_INVALID',
        { reason: `需求题的选项须为需求项编码 / needs choices must be need-item codes: ${unknown.join(', ')}` },
        'definition',
      );
  }
}

export async function createQuestionnaireIn(
  tx: Executor,
  actor: Actor,
  input: QuestionnaireCreateInput,
  now: Date,
): Promise<string> {
  let row: { kind: 'needs' | 'satisfaction' | 'other'; title: string; definition: Record<string, unknown> };
  if ('templateKind' in input) {
    const items = await ensureNeedItemsIn(tx, actor, now);
    const template = templatesOf(items).find((candidate) => candidate.templateKind === input.templateKind);
    if (!template) throw new DomainError('SURVEY_TEMPLATE_UNKNOWN', { templateKind: input.templateKind });
    row = { kind: template.kind, title: input.title ?? template.title, definition: template.definition };
  } else {
    await checkDefinition(tx, actor, input.definition, now);
    row = { kind: input.kind, title: input.title, definition: input.definition };
  }
  const created = await insertQuestionnaire(tx, {
    tenantId: actor.tenantId,
    ...row,
    version: 1,
    createdBy: actor.userId || null,
    createdAt: now,
    updatedAt: now,
  });
  await recordChange(
    tx,
    actor,
    {
      action: 'create',
      entity: 'survey_questionnaire',
      entityId: created,
      after: { kind: row.kind, title: row.title, version: 1 },
    },
    now,
  );
  return created;
}

export async function createQuestionnaire(context: AppContext, actor: Actor, input: QuestionnaireCreateInput) {
  const id = await context.db.transaction((tx) => createQuestionnaireIn(tx, actor, input, context.now()));
  return getQuestionnaire(context, actor, id);
}

export async function editQuestionnaire(context: AppContext, actor: Actor, id: string, patch: QuestionnairePatch) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const row = await questionnaireOf(tx, actor.tenantId, id, true);
    if (patch.definition !== undefined && row.locked)
      throw new DomainError('QUESTIONNAIRE_LOCKED', { title: row.title, id });
    if (patch.definition !== undefined) await checkDefinition(tx, actor, patch.definition, now);
    await updateQuestionnaire(tx, actor.tenantId, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.definition !== undefined ? { definition: patch.definition } : {}),
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'survey_questionnaire',
        entityId: id,
        before: { title: row.title, definitionChanged: false },
        after: { title: patch.title ?? row.title, definitionChanged: patch.definition !== undefined },
      },
      now,
    );
  });
  return getQuestionnaire(context, actor, id);
}

export async function copyQuestionnaire(context: AppContext, actor: Actor, id: string) {
  const now = context.now();
  const created = await context.db.transaction(async (tx) => {
    const row = await questionnaireOf(tx, actor.tenantId, id);
    const copyId = await insertQuestionnaire(tx, {
      tenantId: actor.tenantId,
      kind: row.kind,
      title: row.title,
      version: Number(row.version) + 1,
      copiedFrom: row.id,
      definition: row.definition,
      createdBy: actor.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'survey_questionnaire',
        entityId: copyId,
        after: { copiedFrom: row.id, title: row.title, version: Number(row.version) + 1 },
      },
      now,
    );
    return copyId;
  });
  return getQuestionnaire(context, actor, created);
}

// ── Waves ──

function checkSegment(segment: Segment) {
  const problems = segmentProblems(segment);
  if (problems.length > 0)
    throw new DomainError(
      'SURVEY_SEGMENT_INVALID',
      { reason: problems.map((problem) => `${problem.zh} / ${problem.en}`).join('; ') },
      'segment',
    );
}

type StrataPlan = {
  population: number;
  sampleSize: number;
  strata: Array<{ key: string; population: number; sample: number }>;
  stores: StratifiedStore[];
};

// The segment's stores, their strata, and the allocation (a sample) or every store (a segment).
async function planTarget(
  executor: Executor,
  tenantId: number,
  target: {
    segment: Segment;
    kind: 'segment' | 'sample';
    marginOfError?: number;
    confidence?: number;
    sampleSize?: number;
  },
  seed: string,
  today: string,
): Promise<StrataPlan> {
  checkSegment(target.segment);
  const rows = await storesWithStrata(
    executor,
    tenantId,
    storesInSegmentSql(tenantId, target.segment, { onDate: today }),
  );
  const stores = rows.map((row) => ({
    customerId: Number(row.customerId),
    stratum: stratumKeyOf(Number(row.branchId), row.classCode, row.urbanRural),
  }));
  const population = stores.length;
  if (population === 0) throw new DomainError('SURVEY_SEGMENT_EMPTY', {}, 'segment');
  const counts = new Map<string, number>();
  for (const store of stores) counts.set(store.stratum, (counts.get(store.stratum) ?? 0) + 1);
  const strata = [...counts]
    .map(([key, count]) => ({ key, population: count }))
    .sort((a, b) => a.key.localeCompare(b.key));
  if (target.kind === 'segment')
    return { population, sampleSize: population, strata: strata.map((s) => ({ ...s, sample: s.population })), stores };
  const size = target.sampleSize ?? sampleSize(population, target.marginOfError ?? 0.05, target.confidence ?? 0.95);
  if (size > population)
    throw new DomainError('SURVEY_SAMPLE_TOO_LARGE', { sampleSize: size, population }, 'sampleSize');
  const allocation = allocate(strata, size);
  return { population, sampleSize: size, strata: allocation, stores: pickSample(stores, allocation, seed) };
}

async function labelStrata<T extends { key: string }>(
  executor: Executor,
  tenantId: number,
  strata: T[],
  locale: Locale,
) {
  const branches = await branchNames(executor, tenantId);
  const classes = customerClassLabels[locale] as Record<string, string>;
  const places = urbanRuralLabels[locale] as Record<string, string>;
  const unclassified = locale === 'zh-CN' ? '未分类' : 'unclassified';
  return strata.map((stratum) => {
    const [branch, classCode, urbanRural] = stratum.key.split('|');
    const label = [
      branches.get(Number(branch)) ?? branch,
      classCode === '-' ? unclassified : (classes[classCode ?? ''] ?? classCode),
      places[urbanRural ?? ''] ?? urbanRural,
    ].join(' · ');
    return { ...stratum, label };
  });
}

export async function previewSample(context: AppContext, actor: Actor, input: SamplePreviewInput, locale: Locale) {
  const today = beijingDateOf(context.now());
  const plan = await planTarget(
    context.db,
    actor.tenantId,
    {
      kind: 'sample',
      segment: input.segment as Segment,
      marginOfError: input.marginOfError,
      confidence: input.confidence,
      sampleSize: input.sampleSize,
    },
    'preview',
    today,
  );
  return {
    population: plan.population,
    sampleSize: plan.sampleSize,
    strata: await labelStrata(context.db, actor.tenantId, plan.strata, locale),
  };
}

function waveSummaryOf(row: WaveSummary) {
  return {
    id: row.id,
    title: row.title,
    questionnaireId: row.questionnaireId,
    questionnaireTitle: row.questionnaireTitle,
    kind: row.kind,
    status: row.status,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    population: row.population,
    sent: row.sent,
    responses: row.responses,
    responseRate: row.sent > 0 ? Math.round((row.responses / row.sent) * 10_000) / 10_000 : null,
  };
}

const reachOf = (actor: Actor) => actor.scope;

export async function getWaves(context: AppContext, actor: Actor) {
  return { items: (await listWaves(context.db, actor.tenantId, reachOf(actor))).map(waveSummaryOf) };
}

async function waveOf(executor: Executor, actor: Actor, id: string) {
  const [row] = await listWaves(executor, actor.tenantId, reachOf(actor), id);
  if (!row) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id });
  return row;
}

// A wave with its live response rate per stratum (within the caller's scope).
export async function getWave(context: AppContext, actor: Actor, id: string, locale: Locale) {
  const row = await waveOf(context.db, actor, id);
  const strata = await strataRates(context.db, actor.tenantId, id, reachOf(actor));
  const labelled = await labelStrata(
    context.db,
    actor.tenantId,
    strata.map((stratum) => ({
      key: stratum.key,
      sent: Number(stratum.sent),
      responses: Number(stratum.responses),
      responseRate:
        Number(stratum.sent) > 0
          ? Math.round((Number(stratum.responses) / Number(stratum.sent)) * 10_000) / 10_000
          : null,
    })),
    locale,
  );
  return {
    ...waveSummaryOf(row),
    target: row.target as unknown as Record<string, unknown>,
    weights: row.weights as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    lastRemindedAt: row.lastRemindedAt?.toISOString() ?? null,
    strata: labelled,
  };
}

export async function createWaveIn(tx: Executor, actor: Actor, input: WaveCreateInput, now: Date): Promise<string> {
  if (input.closesOn < input.opensOn)
    throw new DomainError(
      'SURVEY_WAVE_WINDOW_INVALID',
      { opensOn: input.opensOn, closesOn: input.closesOn },
      'closesOn',
    );
  checkSegment(input.target.segment as Segment);
  const id = randomUUID();
  await questionnaireOf(tx, actor.tenantId, input.questionnaireId);
  const target: WaveTarget =
    input.target.kind === 'segment'
      ? { kind: 'segment', segment: input.target.segment }
      : {
          kind: 'sample',
          segment: input.target.segment,
          marginOfError: input.target.marginOfError,
          confidence: input.target.confidence,
          seed: input.target.seed ?? id,
          ...(input.target.sampleSize ? { sampleSize: input.target.sampleSize } : {}),
        };
  await insertWave(tx, {
    id,
    tenantId: actor.tenantId,
    questionnaireId: input.questionnaireId,
    title: input.title,
    status: 'draft',
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    target,
    weights: input.weights ?? {},
    createdBy: actor.userId || null,
    createdAt: now,
  });
  await recordChange(
    tx,
    actor,
    { action: 'create', entity: 'survey_wave', entityId: id, after: { title: input.title, target } },
    now,
  );
  return id;
}

export async function createWave(context: AppContext, actor: Actor, input: WaveCreateInput, locale: Locale) {
  const id = await context.db.transaction((tx) => createWaveIn(tx, actor, input, context.now()));
  return getWave(context, actor, id, locale);
}

// Many stores' answers at once (the demo's history): each store must have been sent the wave and
// not have answered; the data is flattened with the questionnaire's fact plan, and the first answers
// are checked against the questionnaire as a portal answer is. One audit entry for the set.
export async function seedResponsesIn(
  tx: Executor,
  actor: Actor,
  waveId: string,
  answers: ReadonlyArray<{
    customerId: number;
    channel: ResponseChannel;
    answeredBy: number | null;
    data: Record<string, unknown>;
    submittedAt: Date;
  }>,
  now: Date,
  checked = 20,
) {
  const wave = await lockedWaveOf(tx, actor, waveId);
  const questionnaire = await questionnaireOf(tx, actor.tenantId, wave.questionnaireId);
  const plan = factPlanOf(loadQuestionnaire(questionnaire.definition));
  for (const answer of answers.slice(0, checked)) checkResponse(questionnaire.definition, answer.data);
  await insertResponsesInBulk(
    tx,
    answers.map((answer) => ({
      id: randomUUID(),
      tenantId: actor.tenantId,
      waveId,
      ...answer,
      facts: factsOf(plan, answer.data),
    })),
  );
  await recordChange(
    tx,
    actor,
    { action: 'seed_demo', entity: 'survey_wave', entityId: waveId, after: { responses: answers.length } },
    now,
  );
}

async function lockedWaveOf(executor: Executor, actor: Actor, id: string) {
  const row = await lockWave(executor, actor.tenantId, id);
  if (!row) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id });
  return row;
}

const statusWords: Record<string, string> = { draft: '草稿 draft', open: '进行中 open', closed: '已结束 closed' };

// Opens a draft wave: resolves its stores (the segment, or the sample drawn from the seed), writes
// them with their strata, and notifies the stores' portal users — one transaction.
export async function openWaveIn(executor: Executor, actor: Actor, id: string, now: Date) {
  const wave = await lockedWaveOf(executor, actor, id);
  if (wave.status !== 'draft')
    throw new DomainError('SURVEY_WAVE_STATUS', {
      status: statusWords[wave.status] ?? wave.status,
      action: '发布 / opened',
    });
  const target = wave.target as WaveTarget & { sampleSize?: number };
  const plan = await planTarget(
    executor,
    actor.tenantId,
    { ...target, segment: target.segment as Segment },
    target.kind === 'sample' ? target.seed : id,
    beijingDateOf(now),
  );
  await insertWaveStores(executor, actor.tenantId, id, plan.stores);
  await updateWave(executor, actor.tenantId, id, {
    status: 'open',
    population: plan.population,
    sent: plan.stores.length,
    openedAt: now,
  });
  const recipients = await retailerUsersOf(executor, actor.tenantId, id, false);
  await notifyIn(
    executor,
    actor.tenantId,
    recipients.map((userId) => ({
      userId,
      kind: 'survey',
      title: `新的调查问卷：${wave.title}`,
      body: `请在 ${wave.closesOn} 前填写（在门户“问卷调查”中作答）。`,
    })),
    now,
  );
  await recordChange(
    executor,
    actor,
    {
      action: 'publish',
      entity: 'survey_wave',
      entityId: id,
      after: { population: plan.population, sent: plan.stores.length, notified: recipients.length },
    },
    now,
  );
  return plan.stores.length;
}

export async function openWave(context: AppContext, actor: Actor, id: string, locale: Locale) {
  await context.db.transaction((tx) => openWaveIn(tx, actor, id, context.now()));
  return getWave(context, actor, id, locale);
}

export async function closeWaveIn(executor: Executor, actor: Actor, id: string, now: Date) {
  const wave = await lockedWaveOf(executor, actor, id);
  if (wave.status !== 'open')
    throw new DomainError('SURVEY_WAVE_STATUS', {
      status: statusWords[wave.status] ?? wave.status,
      action: '结束 / closed',
    });
  await updateWave(executor, actor.tenantId, id, { status: 'closed', closedAt: now });
  await recordChange(executor, actor, { action: 'close', entity: 'survey_wave', entityId: id }, now);
}

export async function closeWave(context: AppContext, actor: Actor, id: string, locale: Locale) {
  await context.db.transaction((tx) => closeWaveIn(tx, actor, id, context.now()));
  return getWave(context, actor, id, locale);
}

// The satisfaction index's weights of a satisfaction wave, in any status: the index is computed
// live from them, so the results, the trend and the annual report follow at once. Audited with the
// weights before and after.
export async function setWaveWeights(
  context: AppContext,
  actor: Actor,
  id: string,
  weights: WaveWeightsInput,
  locale: Locale,
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const wave = await lockedWaveOf(tx, actor, id);
    const questionnaire = await questionnaireOf(tx, actor.tenantId, wave.questionnaireId);
    if (questionnaire.kind !== 'satisfaction')
      throw new DomainError('SURVEY_WEIGHTS_NOT_SATISFACTION', { title: wave.title });
    await updateWave(tx, actor.tenantId, id, { weights });
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'survey_wave', entityId: id, before: { weights: wave.weights }, after: { weights } },
      now,
    );
  });
  return getWave(context, actor, id, locale);
}

// Reminds the stores that have not answered yet (their portal users).
export async function remindWave(context: AppContext, actor: Actor, id: string) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const wave = await lockedWaveOf(tx, actor, id);
    if (wave.status !== 'open')
      throw new DomainError('SURVEY_WAVE_STATUS', {
        status: statusWords[wave.status] ?? wave.status,
        action: '催答 / reminded',
      });
    const pending = await countNonResponders(tx, actor.tenantId, id);
    const recipients = await retailerUsersOf(tx, actor.tenantId, id, true);
    await notifyIn(
      tx,
      actor.tenantId,
      recipients.map((userId) => ({
        userId,
        kind: 'survey',
        title: `提醒：请填写调查问卷“${wave.title}”`,
        body: `问卷将于 ${wave.closesOn} 截止。`,
      })),
      now,
    );
    await updateWave(tx, actor.tenantId, id, { lastRemindedAt: now });
    await recordChange(
      tx,
      actor,
      { action: 'remind', entity: 'survey_wave', entityId: id, after: { pending, notified: recipients.length } },
      now,
    );
    return { reminded: pending };
  });
}

// ── Responses ──

// One store's answer, in one transaction: the wave open (409) and sent to the store (403), not yet
// answered (409 ALREADY_ANSWERED — never replaced), the data valid against the questionnaire (400);
// then the response, its facts, the draft removed, the audit entry.
async function submitResponse(
  context: AppContext,
  actor: Actor,
  waveId: string,
  customerId: number,
  channel: ResponseChannel,
  data: Record<string, unknown>,
) {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const wave = await lockWave(tx, actor.tenantId, waveId);
    if (!wave) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
    const sent = await waveStoreOf(tx, actor.tenantId, waveId, customerId);
    if (!sent && channel === 'portal' && wave.status === 'draft')
      throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
    const today = beijingDateOf(now);
    if (wave.status !== 'open' || today > wave.closesOn)
      throw new DomainError('SURVEY_WAVE_CLOSED', { title: wave.title });
    if (!sent) throw new DomainError('SURVEY_NOT_SENT', { customerId }, 'customerId');
    if (await findResponse(tx, waveId, customerId)) throw new DomainError('ALREADY_ANSWERED');
    const questionnaire = await questionnaireOf(tx, actor.tenantId, wave.questionnaireId);
    const answers = checkResponse(questionnaire.definition, data);
    const facts = factsOf(loadQuestionnaire(questionnaire.definition), answers);
    const row = await insertResponse(tx, {
      tenantId: actor.tenantId,
      waveId,
      customerId,
      channel,
      answeredBy: actor.userId || null,
      data: answers,
      submittedAt: now,
      facts,
    });
    if (!row) throw new DomainError('ALREADY_ANSWERED');
    await deleteDraft(tx, waveId, customerId);
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'survey_response',
        entityId: row.id,
        after: { waveId, customerId, channel, facts: facts.length },
      },
      now,
    );
    return { id: row.id, submittedAt: row.submittedAt.toISOString() };
  });
}

export async function submitPortalResponse(
  context: AppContext,
  actor: Actor,
  waveId: string,
  data: Record<string, unknown>,
) {
  return submitResponse(context, actor, waveId, retailerStoreOf(actor), 'portal', data);
}

// A manager (or marketing, an admin) answers for a store during a visit: a store in their scope only.
export async function submitVisitResponse(
  context: AppContext,
  actor: Actor,
  waveId: string,
  customerId: number,
  data: Record<string, unknown>,
) {
  if (!(await storeInScope(context.db, actor.tenantId, customerId, actor.scope)))
    throw new DomainError('SURVEY_STORE_OUT_OF_SCOPE', { customerId }, 'customerId');
  return submitResponse(context, actor, waveId, customerId, 'visit', data);
}

export async function getPortalSurveys(context: AppContext, actor: Actor) {
  return { items: await wavesOfStore(context.db, actor.tenantId, retailerStoreOf(actor)) };
}

export async function getPortalSurvey(context: AppContext, actor: Actor, waveId: string) {
  const customerId = retailerStoreOf(actor);
  const wave = (await wavesOfStore(context.db, actor.tenantId, customerId)).find((row) => row.waveId === waveId);
  if (!wave) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
  const [row] = await listWaves(context.db, actor.tenantId, 'tenant', waveId);
  if (!row) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
  const questionnaire = await questionnaireOf(context.db, actor.tenantId, row.questionnaireId);
  const draft = await findDraft(context.db, waveId, customerId);
  const response = await findResponse(context.db, waveId, customerId);
  return {
    waveId,
    title: wave.title,
    status: wave.status,
    answered: wave.answered,
    closesOn: wave.closesOn,
    survey: questionnaire.definition,
    draft: draft && !response ? { data: draft.data, page: draft.page } : null,
    response: response ? { data: response.data, submittedAt: response.submittedAt.toISOString() } : null,
  };
}

// A portal answer in progress: kept while the wave is open and the store has not answered.
export async function savePortalDraft(
  context: AppContext,
  actor: Actor,
  waveId: string,
  input: { data: Record<string, unknown>; page: number },
) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const wave = await lockWave(tx, actor.tenantId, waveId);
    const sent = wave ? await waveStoreOf(tx, actor.tenantId, waveId, customerId) : undefined;
    if (!wave || !sent) throw new DomainError('SURVEY_WAVE_NOT_FOUND', { id: waveId });
    if (wave.status !== 'open') throw new DomainError('SURVEY_WAVE_CLOSED', { title: wave.title });
    if (await findResponse(tx, waveId, customerId)) throw new DomainError('ALREADY_ANSWERED');
    await saveDraft(tx, {
      tenantId: actor.tenantId,
      waveId,
      customerId,
      data: input.data,
      page: input.page,
      savedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'save', entity: 'survey_draft', entityId: `${waveId}:${customerId}`, after: { page: input.page } },
      now,
    );
  });
}

// The 360° view: a store's answers, each question's title and answer in words.
export async function getCustomerSurveyResponses(context: AppContext, actor: Actor, customerId: number) {
  if (!(await storeInScope(context.db, actor.tenantId, customerId, actor.scope)))
    throw new DomainError('SURVEY_CUSTOMER_NOT_FOUND', { customerId });
  const rows = await responsesOfStore(context.db, actor.tenantId, customerId);
  // The open waves sent to the store and not yet answered, with their questionnaire, so its manager
  // can answer for it during a visit (POST /surveys/waves/:id/responses, channel 'visit').
  const open = await openUnansweredWavesOfStore(context.db, actor.tenantId, customerId);
  return {
    open,
    items: rows.map((row) => ({
      waveId: row.waveId,
      responseId: row.responseId,
      title: row.title,
      kind: row.kind,
      submittedAt: row.submittedAt.toISOString(),
      channel: row.channel,
      answers: answersInWords(row.definition, row.data),
    })),
  };
}
