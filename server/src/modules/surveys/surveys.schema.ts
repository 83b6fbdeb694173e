import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';

// 需求调研、满意度 (C10): need items, questionnaires (SurveyJS JSON), waves (调查批次) sent to a
// segment or a stratified sample, the stores each wave went to, the responses (portal or visit),
// portal drafts, and the answers flattened for the analytics (survey_answer_facts).

// The need areas (品牌信息, 经营指导, 店面形象, 信息服务, 便利服务, 货源供应).
export const needAreas = ['brand', 'business', 'image', 'information', 'convenience', 'supply'] as const;
export type NeedArea = (typeof needAreas)[number];

// 需求项: what a store may say it needs; the needs questionnaire's checkbox choices are these codes.
// Each maps to the department responsible for it and, optionally, the service-menu item answering it.
export const surveyNeedItems = pgTable(
  'survey_need_items',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    area: text('area', { enum: needAreas }).notNull(),
    department: text('department').notNull(),
    // The service-menu item (brand module's service item id) that answers the need, when there is one.
    serviceItemId: integer('service_item_id'),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.code] })],
);

export type SurveyNeedItemRow = typeof surveyNeedItems.$inferSelect;

export const questionnaireKinds = ['needs', 'satisfaction', 'other'] as const;
export type QuestionnaireKind = (typeof questionnaireKinds)[number];

// 问卷: a SurveyJS JSON definition. Editable only while no wave using it has a response; then copied
// (version + 1, copied_from).
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind', { enum: questionnaireKinds }).notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull().default(1),
    copiedFrom: uuid('copied_from'),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('survey_questionnaires_tenant_idx').on(table.tenantId, table.updatedAt),
    check('survey_questionnaires_version_check', sql`${table.version} >= 1`),
  ],
);

export type SurveyQuestionnaireRow = typeof surveyQuestionnaires.$inferSelect;

export const waveStatuses = ['draft', 'open', 'closed'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

// Who a wave goes to: every store of a segment, or a stratified random sample of it.
export type WaveTarget =
  | { kind: 'segment'; segment: Record<string, unknown> }
  | {
      kind: 'sample';
      segment: Record<string, unknown>;
      marginOfError: number;
      confidence: number;
      seed: string;
      // A size given by hand instead of the computed one.
      sampleSize?: number;
    };

// Satisfaction index weights per SERVQUAL dimension (normalised when used; default equal).
export type WaveWeights = Partial<
  Record<'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy', number>
>;

// 调查批次: a questionnaire sent to stores for a window. Stores are resolved when it opens.
export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    title: text('title').notNull(),
    status: text('status', { enum: waveStatuses }).notNull().default('draft'),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    target: jsonb('target').$type<WaveTarget>().notNull(),
    // The segment's store count and the stores sent to (set when the wave opens).
    population: integer('population'),
    sent: integer('sent').notNull().default(0),
    weights: jsonb('weights').$type<WaveWeights>().notNull().default({}),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (table) => [
    index('survey_waves_tenant_idx').on(table.tenantId, table.status, table.closesOn),
    check('survey_waves_window_check', sql`${table.opensOn} <= ${table.closesOn}`),
  ],
);

export type SurveyWaveRow = typeof surveyWaves.$inferSelect;

// The stores a wave was sent to, with their stratum ("branchId|classCode|urban_rural").
export const surveyWaveStores = pgTable(
  'survey_wave_stores',
  {
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull(),
    stratum: text('stratum').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.waveId, table.customerId] }),
    index('survey_wave_stores_customer_idx').on(table.tenantId, table.customerId),
  ],
);

export const responseChannels = ['portal', 'visit'] as const;
export type ResponseChannel = (typeof responseChannels)[number];

// 答卷: one store's answer to a wave (SurveyJS result JSON). One per store and wave, never replaced.
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull(),
    channel: text('channel', { enum: responseChannels }).notNull(),
    answeredBy: integer('answered_by').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('survey_responses_wave_customer_key').on(table.waveId, table.customerId),
    index('survey_responses_customer_idx').on(table.tenantId, table.customerId),
  ],
);

export type SurveyResponseRow = typeof surveyResponses.$inferSelect;

// A portal answer in progress (resumable on the phone).
export const surveyDrafts = pgTable(
  'survey_drafts',
  {
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    page: integer('page').notNull().default(0),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.customerId] })],
);

export const answerFactKinds = ['need', 'urgency', 'expectation', 'perception', 'overall', 'nps'] as const;
export type AnswerFactKind = (typeof answerFactKinds)[number];

// The tagged answers flattened at submit time (same transaction as the response), for the
// analytics: need (item = code, value 1), urgency (item = code, value = rank, 1 most urgent),
// expectation / perception (item = SERVQUAL item id, dimension, value = the rating), overall
// (value 1–5, item ''), nps (value 0–10, item ''). Segments are joined from customers at query time.
export const surveyAnswerFacts = pgTable(
  'survey_answer_facts',
  {
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id').notNull(),
    customerId: integer('customer_id').notNull(),
    kind: text('kind', { enum: answerFactKinds }).notNull(),
    item: text('item').notNull().default(''),
    dimension: text('dimension'),
    value: doublePrecision('value').notNull(),
    // The scale's top (5 or 7 for ratings, 10 for NPS); null for needs and urgency.
    scaleMax: integer('scale_max'),
  },
  (table) => [
    index('survey_answer_facts_wave_kind_idx').on(table.tenantId, table.waveId, table.kind),
    index('survey_answer_facts_response_idx').on(table.responseId),
  ],
);

export type SurveyAnswerFactRow = typeof surveyAnswerFacts.$inferSelect;

// Two aggregates of survey_answer_facts, kept by the statement-level triggers of migration
// 0028_survey-aggregates (on every INSERT and DELETE of facts, whoever writes them), so that a
// city-wide read without segments touches a few hundred rows instead of a wave's millions of
// answers (the results, the trend and the annual report; a narrower scope or a segmentation reads
// the facts themselves).
//
// How many answered each level of each rating (expectation, perception, overall, NPS) per wave.
export const surveyFactCounts = pgTable(
  'survey_fact_counts',
  {
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    item: text('item').notNull(),
    value: doublePrecision('value').notNull(),
    dimension: text('dimension'),
    scaleMax: integer('scale_max'),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.kind, table.item, table.value] })],
);

// The paired SERVQUAL gaps' sums per wave: per item (level 'item', key the item) over the responses
// answering it both ways, and per dimension (level 'dimension') over the responses' means of the
// dimension's paired items: n, Σ expectation, Σ perception, Σ (p − e) and Σ (p − e)², from which the
// means and the sample standard deviation follow.
export const surveyGapSums = pgTable(
  'survey_gap_sums',
  {
    tenantId: integer('tenant_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    key: text('key').notNull(),
    dimension: text('dimension'),
    n: integer('n').notNull(),
    sumE: doublePrecision('sum_e').notNull(),
    sumP: doublePrecision('sum_p').notNull(),
    sumD: doublePrecision('sum_d').notNull(),
    sumD2: doublePrecision('sum_d2').notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.level, table.key] })],
);
