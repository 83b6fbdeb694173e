import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { insertInBatches, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { serviceItems } from '../visits/index.ts';
import type { AnswerFact } from './survey-json.ts';
import {
  type QuestionnaireKind,
  type ResponseChannel,
  surveyAnswerFacts,
  surveyDrafts,
  surveyNeedItems,
  surveyQuestionnaires,
  surveyResponses,
  surveyWaveStores,
  surveyWaves,
  type WaveStatus,
  type WaveTarget,
  type WaveWeights,
} from './surveys.schema.ts';

// The surveys module's reads and writes. Bulk writes (a wave's stores, the demo's responses and
// facts) go as one INSERT … SELECT over unnest per batch.

async function rowsOf<T>(executor: Executor, statement: SQL): Promise<T[]> {
  const result = await executor.execute(statement);
  return (result as unknown as { rows: T[] }).rows;
}

// ── Need items ──

export async function listNeedItems(executor: Executor, tenantId: number) {
  return executor
    .select({
      code: surveyNeedItems.code,
      labelZh: surveyNeedItems.labelZh,
      labelEn: surveyNeedItems.labelEn,
      area: surveyNeedItems.area,
      department: surveyNeedItems.department,
      serviceItemId: surveyNeedItems.serviceItemId,
      serviceItemName: serviceItems.name,
      sort: surveyNeedItems.sort,
      active: surveyNeedItems.active,
    })
    .from(surveyNeedItems)
    .leftJoin(
      serviceItems,
      and(eq(serviceItems.tenantId, surveyNeedItems.tenantId), eq(serviceItems.id, surveyNeedItems.serviceItemId)),
    )
    .where(eq(surveyNeedItems.tenantId, tenantId))
    .orderBy(asc(surveyNeedItems.sort), asc(surveyNeedItems.code));
}

export async function serviceItemIdsByCode(executor: Executor, tenantId: number): Promise<Map<string, number>> {
  const rows = await executor
    .select({ id: serviceItems.id, code: serviceItems.code })
    .from(serviceItems)
    .where(eq(serviceItems.tenantId, tenantId));
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function serviceItemExists(executor: Executor, tenantId: number, id: number): Promise<boolean> {
  const rows = await executor
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(and(eq(serviceItems.tenantId, tenantId), eq(serviceItems.id, id)));
  return rows.length > 0;
}

export async function insertNeedItems(executor: Executor, rows: Array<typeof surveyNeedItems.$inferInsert>) {
  if (rows.length === 0) return;
  await executor.insert(surveyNeedItems).values(rows).onConflictDoNothing();
}

export async function updateNeedItem(
  executor: Executor,
  tenantId: number,
  code: string,
  values: Partial<typeof surveyNeedItems.$inferInsert>,
) {
  await executor
    .update(surveyNeedItems)
    .set(values)
    .where(and(eq(surveyNeedItems.tenantId, tenantId), eq(surveyNeedItems.code, code)));
}

export async function findNeedItem(executor: Executor, tenantId: number, code: string) {
  const [row] = await executor
    .select()
    .from(surveyNeedItems)
    .where(and(eq(surveyNeedItems.tenantId, tenantId), eq(surveyNeedItems.code, code)));
  return row;
}

// ── Questionnaires ──

export type QuestionnaireSummary = {
  id: string;
  kind: QuestionnaireKind;
  title: string;
  version: number;
  copiedFrom: string | null;
  waves: number;
  locked: boolean;
  updatedAt: Date;
  createdAt: Date;
};

const questionnaireColumns = sql`
  q.id, q.kind, q.title, q.version, q.copied_from AS "copiedFrom", q.updated_at AS "updatedAt",
  q.created_at AS "createdAt",
  (SELECT count(*)::int FROM ${surveyWaves} w WHERE w.questionnaire_id = q.id) AS waves,
  EXISTS (SELECT 1 FROM ${surveyResponses} r JOIN ${surveyWaves} w ON w.id = r.wave_id
          WHERE w.questionnaire_id = q.id) AS locked`;

export async function listQuestionnaires(executor: Executor, tenantId: number): Promise<QuestionnaireSummary[]> {
  const rows = await rowsOf<QuestionnaireSummary>(
    executor,
    sql`SELECT ${questionnaireColumns} FROM ${surveyQuestionnaires} q WHERE q.tenant_id = ${tenantId}
        ORDER BY q.updated_at DESC, q.title`,
  );
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt), createdAt: new Date(row.createdAt) }));
}

export async function findQuestionnaire(
  executor: Executor,
  tenantId: number,
  id: string,
  forUpdate = false,
): Promise<(QuestionnaireSummary & { definition: Record<string, unknown> }) | undefined> {
  const [row] = await rowsOf<QuestionnaireSummary & { definition: Record<string, unknown> | string }>(
    executor,
    sql`SELECT ${questionnaireColumns}, q.definition FROM ${surveyQuestionnaires} q
        WHERE q.tenant_id = ${tenantId} AND q.id = ${id}${forUpdate ? sql` FOR UPDATE OF q` : sql``}`,
  );
  if (!row) return undefined;
  return {
    ...row,
    definition: typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition,
    updatedAt: new Date(row.updatedAt),
    createdAt: new Date(row.createdAt),
  };
}

export async function insertQuestionnaire(executor: Executor, row: typeof surveyQuestionnaires.$inferInsert) {
  const [created] = await executor.insert(surveyQuestionnaires).values(row).returning({ id: surveyQuestionnaires.id });
  if (!created) throw new Error('questionnaire not inserted');
  return created.id;
}

export async function updateQuestionnaire(
  executor: Executor,
  tenantId: number,
  id: string,
  values: Partial<typeof surveyQuestionnaires.$inferInsert>,
) {
  await executor
    .update(surveyQuestionnaires)
    .set(values)
    .where(and(eq(surveyQuestionnaires.tenantId, tenantId), eq(surveyQuestionnaires.id, id)));
}

// ── Waves ──

export type WaveSummary = {
  id: string;
  title: string;
  questionnaireId: string;
  questionnaireTitle: string;
  kind: QuestionnaireKind;
  status: WaveStatus;
  opensOn: string;
  closesOn: string;
  population: number | null;
  sent: number;
  responses: number;
  target: WaveTarget;
  weights: WaveWeights;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  lastRemindedAt: Date | null;
};

const dateOf = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
const dayOf = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
const jsonOf = <T>(value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

// The waves, each with its responses (within the reach: a manager counts their own stores').
export async function listWaves(
  executor: Executor,
  tenantId: number,
  reach: DataScope | 'tenant',
  id?: string,
): Promise<WaveSummary[]> {
  const inReach = reachSql(reach);
  const rows = await rowsOf<Record<string, unknown>>(
    executor,
    sql`SELECT w.id, w.title, w.questionnaire_id AS "questionnaireId", q.title AS "questionnaireTitle", q.kind,
          w.status, w.opens_on AS "opensOn", w.closes_on AS "closesOn", w.population, w.target, w.weights,
          w.created_at AS "createdAt", w.opened_at AS "openedAt", w.closed_at AS "closedAt",
          w.last_reminded_at AS "lastRemindedAt",
          ${
            reach === 'tenant'
              ? sql`w.sent`
              : sql`(SELECT count(*)::int FROM ${surveyWaveStores} s JOIN ${customers} c
                     ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
                     WHERE s.wave_id = w.id AND ${inReach})`
          } AS sent,
          (SELECT count(*)::int FROM ${surveyResponses} r JOIN ${customers} c
             ON c.tenant_id = r.tenant_id AND c.id = r.customer_id
           WHERE r.wave_id = w.id AND ${inReach}) AS responses
        FROM ${surveyWaves} w JOIN ${surveyQuestionnaires} q ON q.id = w.questionnaire_id
        WHERE w.tenant_id = ${tenantId}${id ? sql` AND w.id = ${id}` : sql``}
        ORDER BY w.opens_on DESC, w.created_at DESC`,
  );
  return rows.map((row) => ({
    ...(row as unknown as WaveSummary),
    opensOn: dayOf(row.opensOn),
    closesOn: dayOf(row.closesOn),
    population: row.population === null ? null : Number(row.population),
    sent: Number(row.sent),
    responses: Number(row.responses),
    target: jsonOf<WaveTarget>(row.target),
    weights: jsonOf<WaveWeights>(row.weights),
    createdAt: new Date(row.createdAt as string),
    openedAt: dateOf(row.openedAt),
    closedAt: dateOf(row.closedAt),
    lastRemindedAt: dateOf(row.lastRemindedAt),
  }));
}

function reachSql(reach: DataScope | 'tenant'): SQL {
  if (reach === 'tenant') return sql`true`;
  return scopeCondition(reach, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });
}

export async function lockWave(executor: Executor, tenantId: number, id: string) {
  const [row] = await executor
    .select()
    .from(surveyWaves)
    .where(and(eq(surveyWaves.tenantId, tenantId), eq(surveyWaves.id, id)))
    .for('update');
  return row;
}

export async function insertWave(executor: Executor, row: typeof surveyWaves.$inferInsert) {
  const [created] = await executor.insert(surveyWaves).values(row).returning({ id: surveyWaves.id });
  if (!created) throw new Error('wave not inserted');
  return created.id;
}

export async function updateWave(
  executor: Executor,
  tenantId: number,
  id: string,
  values: Partial<typeof surveyWaves.$inferInsert>,
) {
  await executor
    .update(surveyWaves)
    .set(values)
    .where(and(eq(surveyWaves.tenantId, tenantId), eq(surveyWaves.id, id)));
}

// The stores a wave goes to.
export async function insertWaveStores(
  executor: Executor,
  tenantId: number,
  waveId: string,
  stores: ReadonlyArray<{ customerId: number; stratum: string }>,
) {
  await insertInBatches(
    executor,
    stores.length,
    20_000,
    (start, end) => sql`
      INSERT INTO ${surveyWaveStores} (tenant_id, wave_id, customer_id, stratum)
      SELECT ${tenantId}, ${waveId}::uuid, s.customer_id, s.stratum
      FROM ${unnestRows('s', stores.slice(start, end), {
        customer_id: ['int', (row) => row.customerId],
        stratum: ['text', (row) => row.stratum],
      })}`,
  );
}

// The active stores of a segment (storesInSegmentSql's) with their stratum's parts.
export async function storesWithStrata(executor: Executor, tenantId: number, segmentStores: SQL) {
  return rowsOf<{ customerId: number; branchId: number; classCode: string | null; urbanRural: string }>(
    executor,
    sql`SELECT c.id AS "customerId", c.branch_id AS "branchId", c.class_code AS "classCode",
          c.urban_rural AS "urbanRural"
        FROM ${customers} c WHERE c.tenant_id = ${tenantId} AND c.id IN (${segmentStores})
        ORDER BY c.id`,
  );
}

export async function branchNames(executor: Executor, tenantId: number): Promise<Map<number, string>> {
  const rows = await rowsOf<{ id: number; name: string }>(
    executor,
    sql`SELECT id, name FROM ${orgUnits} WHERE tenant_id = ${tenantId}`,
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}

// Per stratum: stores sent and answers, within the reach.
export async function strataRates(executor: Executor, tenantId: number, waveId: string, reach: DataScope | 'tenant') {
  return rowsOf<{ key: string; sent: number; responses: number }>(
    executor,
    sql`SELECT s.stratum AS key, count(*)::int AS sent, count(r.id)::int AS responses
        FROM ${surveyWaveStores} s
        JOIN ${customers} c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
        LEFT JOIN ${surveyResponses} r ON r.wave_id = s.wave_id AND r.customer_id = s.customer_id
        WHERE s.tenant_id = ${tenantId} AND s.wave_id = ${waveId} AND ${reachSql(reach)}
        GROUP BY s.stratum ORDER BY s.stratum`,
  );
}

// The retailer users of stores (their notification recipients).
export async function retailerUsersOf(
  executor: Executor,
  tenantId: number,
  waveId: string,
  onlyNonResponders: boolean,
): Promise<number[]> {
  const rows = await rowsOf<{ id: number }>(
    executor,
    sql`SELECT u.id FROM ${users} u
        JOIN ${surveyWaveStores} s ON s.tenant_id = u.tenant_id AND s.customer_id = u.customer_id
        WHERE u.tenant_id = ${tenantId} AND s.wave_id = ${waveId} AND u.role = 'retailer'
          ${
            onlyNonResponders
              ? sql`AND NOT EXISTS (SELECT 1 FROM ${surveyResponses} r
                                    WHERE r.wave_id = s.wave_id AND r.customer_id = s.customer_id)`
              : sql``
          }`,
  );
  return rows.map((row) => Number(row.id));
}

export async function countNonResponders(executor: Executor, tenantId: number, waveId: string): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`SELECT count(*)::int AS count FROM ${surveyWaveStores} s
        WHERE s.tenant_id = ${tenantId} AND s.wave_id = ${waveId}
          AND NOT EXISTS (SELECT 1 FROM ${surveyResponses} r WHERE r.wave_id = s.wave_id AND r.customer_id = s.customer_id)`,
  );
  return Number(row?.count ?? 0);
}

// ── Responses ──

export async function waveStoreOf(executor: Executor, tenantId: number, waveId: string, customerId: number) {
  const [row] = await executor
    .select()
    .from(surveyWaveStores)
    .where(
      and(
        eq(surveyWaveStores.tenantId, tenantId),
        eq(surveyWaveStores.waveId, waveId),
        eq(surveyWaveStores.customerId, customerId),
      ),
    );
  return row;
}

export async function findResponse(executor: Executor, waveId: string, customerId: number) {
  const [row] = await executor
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.waveId, waveId), eq(surveyResponses.customerId, customerId)));
  return row;
}

export type ResponseInsert = {
  tenantId: number;
  waveId: string;
  customerId: number;
  channel: ResponseChannel;
  answeredBy: number | null;
  data: Record<string, unknown>;
  submittedAt: Date;
  facts: AnswerFact[];
};

// A response and its facts. Returns undefined when the store had already answered (the unique key).
export async function insertResponse(executor: Executor, response: ResponseInsert) {
  const [row] = await executor
    .insert(surveyResponses)
    .values({
      tenantId: response.tenantId,
      waveId: response.waveId,
      customerId: response.customerId,
      channel: response.channel,
      answeredBy: response.answeredBy,
      data: response.data,
      submittedAt: response.submittedAt,
    })
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id, submittedAt: surveyResponses.submittedAt });
  if (!row) return undefined;
  if (response.facts.length > 0)
    await executor.insert(surveyAnswerFacts).values(
      response.facts.map((fact) => ({
        tenantId: response.tenantId,
        waveId: response.waveId,
        responseId: row.id,
        customerId: response.customerId,
        ...fact,
      })),
    );
  return row;
}

// Many responses with their facts (the demo): ids drawn here so the facts can name them.
export async function insertResponsesInBulk(
  executor: Executor,
  responses: ReadonlyArray<ResponseInsert & { id: string }>,
) {
  await insertInBatches(
    executor,
    responses.length,
    5_000,
    (start, end) => sql`
      INSERT INTO ${surveyResponses} (id, tenant_id, wave_id, customer_id, channel, answered_by, data, submitted_at)
      SELECT r.id, r.tenant_id, r.wave_id, r.customer_id, r.channel, r.answered_by, r.data, r.submitted_at
      FROM ${unnestRows('r', responses.slice(start, end), {
        id: ['uuid', (row) => row.id],
        tenant_id: ['int', (row) => row.tenantId],
        wave_id: ['uuid', (row) => row.waveId],
        customer_id: ['int', (row) => row.customerId],
        channel: ['text', (row) => row.channel],
        answered_by: ['int', (row) => row.answeredBy],
        data: ['jsonb', (row) => JSON.stringify(row.data)],
        submitted_at: ['timestamptz', (row) => row.submittedAt.toISOString()],
      })}`,
  );
  const facts = responses.flatMap((response) => response.facts.map((fact) => ({ ...fact, response })));
  await insertInBatches(
    executor,
    facts.length,
    20_000,
    (start, end) => sql`
      INSERT INTO ${surveyAnswerFacts} (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
      SELECT f.tenant_id, f.wave_id, f.response_id, f.customer_id, f.kind, f.item, f.dimension, f.value, f.scale_max
      FROM ${unnestRows('f', facts.slice(start, end), {
        tenant_id: ['int', (row) => row.response.tenantId],
        wave_id: ['uuid', (row) => row.response.waveId],
        response_id: ['uuid', (row) => row.response.id],
        customer_id: ['int', (row) => row.response.customerId],
        kind: ['text', (row) => row.kind],
        item: ['text', (row) => row.item],
        dimension: ['text', (row) => row.dimension],
        value: ['float8', (row) => row.value],
        scale_max: ['int', (row) => row.scaleMax],
      })}`,
  );
}

export async function findDraft(executor: Executor, waveId: string, customerId: number) {
  const [row] = await executor
    .select()
    .from(surveyDrafts)
    .where(and(eq(surveyDrafts.waveId, waveId), eq(surveyDrafts.customerId, customerId)));
  return row;
}

export async function saveDraft(executor: Executor, row: typeof surveyDrafts.$inferInsert) {
  await executor
    .insert(surveyDrafts)
    .values(row)
    .onConflictDoUpdate({
      target: [surveyDrafts.waveId, surveyDrafts.customerId],
      set: { data: row.data, page: row.page, savedAt: row.savedAt },
    });
}

export async function deleteDraft(executor: Executor, waveId: string, customerId: number) {
  await executor
    .delete(surveyDrafts)
    .where(and(eq(surveyDrafts.waveId, waveId), eq(surveyDrafts.customerId, customerId)));
}

// The waves sent to a store (the portal), newest first, with whether it answered.
export async function wavesOfStore(executor: Executor, tenantId: number, customerId: number) {
  const rows = await rowsOf<Record<string, unknown>>(
    executor,
    sql`SELECT w.id AS "waveId", w.title, w.status, w.opens_on AS "opensOn", w.closes_on AS "closesOn", q.kind,
          EXISTS (SELECT 1 FROM ${surveyResponses} r WHERE r.wave_id = w.id AND r.customer_id = s.customer_id) AS answered
        FROM ${surveyWaveStores} s
        JOIN ${surveyWaves} w ON w.id = s.wave_id
        JOIN ${surveyQuestionnaires} q ON q.id = w.questionnaire_id
        WHERE s.tenant_id = ${tenantId} AND s.customer_id = ${customerId} AND w.status <> 'draft'
        ORDER BY (w.status = 'open') DESC, w.closes_on DESC`,
  );
  return rows.map((row) => ({
    waveId: String(row.waveId),
    title: String(row.title),
    status: row.status as WaveStatus,
    opensOn: dayOf(row.opensOn),
    closesOn: dayOf(row.closesOn),
    kind: row.kind as QuestionnaireKind,
    answered: Boolean(row.answered),
  }));
}

// The open waves sent to a store that it has not answered, with their questionnaire (the 360° view,
// for its manager to answer during a visit).
export async function openUnansweredWavesOfStore(executor: Executor, tenantId: number, customerId: number) {
  const rows = await rowsOf<Record<string, unknown>>(
    executor,
    sql`SELECT w.id AS "waveId", w.title, w.closes_on AS "closesOn", q.kind, q.definition
        FROM ${surveyWaveStores} s
        JOIN ${surveyWaves} w ON w.id = s.wave_id
        JOIN ${surveyQuestionnaires} q ON q.id = w.questionnaire_id
        WHERE s.tenant_id = ${tenantId} AND s.customer_id = ${customerId} AND w.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM ${surveyResponses} r WHERE r.wave_id = w.id AND r.customer_id = s.customer_id)
        ORDER BY w.closes_on`,
  );
  return rows.map((row) => ({
    waveId: String(row.waveId),
    title: String(row.title),
    kind: row.kind as QuestionnaireKind,
    closesOn: dayOf(row.closesOn),
    survey: jsonOf<Record<string, unknown>>(row.definition),
  }));
}

// A store's responses (the 360° view), newest first.
export async function responsesOfStore(executor: Executor, tenantId: number, customerId: number) {
  const rows = await rowsOf<Record<string, unknown>>(
    executor,
    sql`SELECT r.id AS "responseId", r.wave_id AS "waveId", w.title, q.kind, r.submitted_at AS "submittedAt",
          r.channel, r.data, q.definition
        FROM ${surveyResponses} r
        JOIN ${surveyWaves} w ON w.id = r.wave_id
        JOIN ${surveyQuestionnaires} q ON q.id = w.questionnaire_id
        WHERE r.tenant_id = ${tenantId} AND r.customer_id = ${customerId}
        ORDER BY r.submitted_at DESC`,
  );
  return rows.map((row) => ({
    responseId: String(row.responseId),
    waveId: String(row.waveId),
    title: String(row.title),
    kind: row.kind as QuestionnaireKind,
    submittedAt: new Date(row.submittedAt as string),
    channel: row.channel as ResponseChannel,
    data: jsonOf<Record<string, unknown>>(row.data),
    definition: jsonOf<Record<string, unknown>>(row.definition),
  }));
}

// A store within a scope (null: not visible).
export async function storeInScope(executor: Executor, tenantId: number, customerId: number, scope: DataScope) {
  const [row] = await executor
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        eq(customers.id, customerId),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return row;
}

export async function storeExists(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
  return row !== undefined;
}
