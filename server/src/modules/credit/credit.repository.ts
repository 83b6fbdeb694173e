import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { insertInBatches, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { activeStoresSql, customers } from '../customers/index.ts';
import type { CreditModelDefinition, StoreScore } from './credit.rules.ts';
import {
  type AppealStatus,
  type CreditRunStatus,
  type CreditRunSummary,
  creditAppeals,
  creditModels,
  creditRuns,
  creditScores,
  creditViolations,
  type ViolationSeverity,
  type ViolationType,
} from './credit.schema.ts';
import { creditRunInForce } from './credit-levels.ts';
import type { StoredExplanation } from './credit-score-storage.rules.ts';

// The credit module's reads and writes.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const storeInScope = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });

// ---- Models ----

export type ModelRow = typeof creditModels.$inferSelect;

export async function listModels(executor: Executor, tenantId: number): Promise<ModelRow[]> {
  return executor
    .select()
    .from(creditModels)
    .where(eq(creditModels.tenantId, tenantId))
    .orderBy(desc(creditModels.version));
}

export async function getModel(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(creditModels)
    .where(and(eq(creditModels.tenantId, tenantId), eq(creditModels.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as ModelRow | undefined;
}

export async function latestModelVersion(executor: Executor, tenantId: number): Promise<number | null> {
  const [row] = await executor
    .select({ version: sql<number | null>`max(${creditModels.version})` })
    .from(creditModels)
    .where(eq(creditModels.tenantId, tenantId));
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}

export async function insertModel(executor: Executor, values: typeof creditModels.$inferInsert) {
  const [row] = await executor.insert(creditModels).values(values).returning();
  return row;
}

export async function updateModel(
  executor: Executor,
  tenantId: number,
  id: number,
  values: Partial<typeof creditModels.$inferInsert>,
) {
  const [row] = await executor
    .update(creditModels)
    .set(values)
    .where(and(eq(creditModels.tenantId, tenantId), eq(creditModels.id, id)))
    .returning();
  return row;
}

export async function retireApprovedModels(executor: Executor, tenantId: number, exceptId: number) {
  await executor.execute(sql`
    UPDATE credit_models SET status = 'retired'
    WHERE tenant_id = ${tenantId} AND status = 'approved' AND id <> ${exceptId}`);
}

// ---- Runs ----

export type RunRow = typeof creditRuns.$inferSelect;

export async function listRuns(executor: Executor, tenantId: number): Promise<RunRow[]> {
  return executor.select().from(creditRuns).where(eq(creditRuns.tenantId, tenantId)).orderBy(desc(creditRuns.id));
}

export async function getRun(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(creditRuns)
    .where(and(eq(creditRuns.tenantId, tenantId), eq(creditRuns.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as RunRow | undefined;
}

export async function computingRunId(executor: Executor, tenantId: number): Promise<number | null> {
  const [row] = await executor
    .select({ id: creditRuns.id })
    .from(creditRuns)
    .where(and(eq(creditRuns.tenantId, tenantId), eq(creditRuns.status, 'computing')));
  return row ? row.id : null;
}

// The newest run that is not discarded: only it may be published.
export async function latestLiveRunId(executor: Executor, tenantId: number): Promise<number | null> {
  const rows = rowsOf<{ id: number }>(
    await executor.execute(sql`
      SELECT id FROM credit_runs WHERE tenant_id = ${tenantId} AND status <> 'discarded' ORDER BY id DESC LIMIT 1`),
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function lastPublishedRun(executor: Executor, tenantId: number): Promise<RunRow | undefined> {
  const [row] = await executor
    .select()
    .from(creditRuns)
    .where(and(eq(creditRuns.tenantId, tenantId), eq(creditRuns.status, 'published')))
    .orderBy(desc(creditRuns.effectiveFrom), desc(creditRuns.id))
    .limit(1);
  return row;
}

export async function runInForce(executor: Executor, tenantId: number, on: string): Promise<RunRow | undefined> {
  const [row] = await executor
    .select()
    .from(creditRuns)
    .where(and(eq(creditRuns.tenantId, tenantId), sql`${creditRuns.id} = ${creditRunInForce(tenantId, on)}`));
  return row;
}

export async function insertRun(executor: Executor, values: typeof creditRuns.$inferInsert) {
  const [row] = await executor.insert(creditRuns).values(values).returning();
  return row;
}

export async function setRunStatus(
  executor: Executor,
  tenantId: number,
  id: number,
  values: {
    status: CreditRunStatus;
    summary?: CreditRunSummary;
    computedAt?: Date;
    effectiveFrom?: string;
    publishedAt?: Date;
    publishedBy?: number | null;
  },
) {
  const [row] = await executor
    .update(creditRuns)
    .set(values)
    .where(and(eq(creditRuns.tenantId, tenantId), eq(creditRuns.id, id)))
    .returning();
  return row;
}

// A scored store as a row keeps it: its explanation compacted (credit-score-storage.rules.ts).
export type ScoreInsert = Pick<StoreScore, 'score' | 'level' | 'activity'> &
  Pick<StoredExplanation, 'items' | 'indicators' | 'caps'> & { customerId: number; branchId: number };
const scoreBatch = 5_000;

// A run's scores, a batch of rows per statement (each column one array).
export async function insertScores(executor: Executor, tenantId: number, runId: number, rows: readonly ScoreInsert[]) {
  await insertInBatches(executor, rows.length, scoreBatch, (start, end) => {
    const slice = rows.slice(start, end);
    const source = unnestRows('r', slice, {
      customer_id: ['int', (row) => row.customerId],
      branch_id: ['int', (row) => row.branchId],
      score: ['numeric', (row) => row.score],
      level: ['text', (row) => row.level],
      activity: ['smallint', (row) => row.activity],
      items: ['text', (row) => JSON.stringify(row.items)],
      indicators: ['text', (row) => JSON.stringify(row.indicators)],
      caps: ['text', (row) => JSON.stringify(row.caps)],
    });
    return sql`
      INSERT INTO credit_scores (tenant_id, run_id, customer_id, branch_id, score, level, activity, items, indicators, caps)
      SELECT ${tenantId}, ${runId}, r.customer_id, r.branch_id, r.score, r.level, r.activity,
        r.items::jsonb, r.indicators::jsonb, r.caps::jsonb
      FROM ${source}`;
  });
}

export async function replaceScore(executor: Executor, tenantId: number, runId: number, row: ScoreInsert) {
  await executor
    .update(creditScores)
    .set({
      score: row.score,
      level: row.level,
      activity: row.activity,
      items: row.items,
      indicators: row.indicators,
      caps: row.caps,
    })
    .where(
      and(
        eq(creditScores.tenantId, tenantId),
        eq(creditScores.runId, runId),
        eq(creditScores.customerId, row.customerId),
      ),
    );
}

export async function previousScores(executor: Executor, tenantId: number, runId: number) {
  const rows = rowsOf<{ customer_id: number; level: string; score: string | number }>(
    await executor.execute(sql`
      SELECT customer_id, level, score FROM credit_scores WHERE tenant_id = ${tenantId} AND run_id = ${runId}`),
  );
  return new Map(rows.map((row) => [Number(row.customer_id), { level: row.level, score: Number(row.score) }]));
}

export type ScoreRow = typeof creditScores.$inferSelect;

export async function scoreOf(executor: Executor, tenantId: number, runId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(creditScores)
    .where(
      and(eq(creditScores.tenantId, tenantId), eq(creditScores.runId, runId), eq(creditScores.customerId, customerId)),
    );
  return row as ScoreRow | undefined;
}

// A store's level in every published run, newest first.
export async function historyOf(executor: Executor, tenantId: number, customerId: number) {
  return rowsOf<{ run_id: number; month: string; effective_from: string; level: string; score: string | number }>(
    await executor.execute(sql`
      SELECT r.id AS run_id, r.month, to_char(r.effective_from, 'YYYY-MM-DD') AS effective_from, s.level, s.score
      FROM credit_scores s JOIN credit_runs r ON r.tenant_id = s.tenant_id AND r.id = s.run_id
      WHERE s.tenant_id = ${tenantId} AND s.customer_id = ${customerId} AND r.status = 'published'
      ORDER BY r.effective_from DESC, r.id DESC LIMIT 36`),
  ).map((row) => ({
    runId: Number(row.run_id),
    month: row.month,
    effectiveFrom: row.effective_from,
    level: row.level,
    score: Number(row.score),
  }));
}

// Counts per level (and per group) of a run's stores in the scope.
export async function levelCounts(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  runId: number,
  by: 'branch' | 'class' | null,
) {
  const group: SQL =
    by === 'branch'
      ? sql`c.branch_id::text AS key, min(o.name) AS label`
      : by === 'class'
        ? sql`coalesce(c.class_code, '') AS key, coalesce(c.class_code, '') AS label`
        : sql`''::text AS key, ''::text AS label`;
  const groupBy = by === 'branch' ? sql`c.branch_id` : by === 'class' ? sql`c.class_code` : sql`1`;
  return rowsOf<{ key: string; label: string; level: string; count: number }>(
    await executor.execute(sql`
      SELECT ${group}, s.level, count(*)::int AS count
      FROM credit_scores s
      JOIN ${customers} c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
      JOIN org_units o ON o.tenant_id = c.tenant_id AND o.id = c.branch_id
      WHERE s.tenant_id = ${tenantId} AND s.run_id = ${runId} AND ${activeStoresSql('c', tenantId, scope)}
      GROUP BY ${groupBy}, s.level`),
  ).map((row) => ({ ...row, count: Number(row.count) }));
}

export type RunStoreFilter = { level?: string; branchId?: number; moved?: 'up' | 'down' };

const levelRankSql = (column: SQL) => sql`array_position(ARRAY['AAA','AA','A','B','C','D']::text[], ${column})`;

// A page of a run's stores in the scope, with the level of the run it was compared with.
export async function runStores(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  runId: number,
  comparedWith: number | null,
  filter: RunStoreFilter,
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`s.tenant_id = ${tenantId}`, sql`s.run_id = ${runId}`, storeInScope(scope)];
  if (filter.level) conditions.push(sql`s.level = ${filter.level}`);
  if (filter.branchId) conditions.push(sql`s.branch_id = ${filter.branchId}`);
  if (filter.moved === 'up') conditions.push(sql`${levelRankSql(sql`s.level`)} < ${levelRankSql(sql`p.level`)}`);
  if (filter.moved === 'down') conditions.push(sql`${levelRankSql(sql`s.level`)} > ${levelRankSql(sql`p.level`)}`);
  return rowsOf<{
    customer_id: number;
    licence_no: string;
    name: string;
    branch_id: number;
    branch_name: string;
    score: string | number;
    level: string;
    activity: number | null;
    previous_level: string | null;
    previous_score: string | number | null;
    total: number;
  }>(
    await executor.execute(sql`
      SELECT s.customer_id, c.licence_no, c.name, s.branch_id, o.name AS branch_name, s.score, s.level, s.activity,
        p.level AS previous_level, p.score AS previous_score, count(*) OVER ()::int AS total
      FROM credit_scores s
      JOIN ${customers} c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
      JOIN org_units o ON o.tenant_id = s.tenant_id AND o.id = s.branch_id
      LEFT JOIN credit_scores p ON p.tenant_id = s.tenant_id AND p.run_id = ${comparedWith ?? 0} AND p.customer_id = s.customer_id
      WHERE ${and(...conditions)}
      ORDER BY s.score ASC, s.customer_id
      LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
}

// ---- Stores ----

export async function findScopedStore(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const rows = rowsOf<{ id: number; name: string; licence_no: string; branch_id: number }>(
    await executor.execute(sql`
      SELECT c.id, c.name, c.licence_no, c.branch_id FROM ${customers} c
      WHERE c.tenant_id = ${tenantId} AND c.id = ${customerId} AND ${storeInScope(scope)}`),
  );
  return rows[0];
}

export async function storesByLicence(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  licences: readonly string[],
) {
  if (licences.length === 0) return new Map<string, number>();
  const rows = rowsOf<{ id: number; licence_no: string }>(
    await executor.execute(sql`
      SELECT c.id, c.licence_no FROM ${customers} c
      WHERE c.tenant_id = ${tenantId} AND c.licence_no = ANY(${`{${licences.map((licence) => `"${licence.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])
        AND ${storeInScope(scope)}`),
  );
  return new Map(rows.map((row) => [row.licence_no, Number(row.id)]));
}

// ---- Violations ----

export type ViolationInsert = {
  customerId: number;
  occurredOn: string;
  type: ViolationType;
  severity: ViolationSeverity;
  documentNo: string;
  note: string | null;
};

export async function insertViolations(
  executor: Executor,
  tenantId: number,
  rows: readonly ViolationInsert[],
  source: 'entered' | 'imported',
  recordedBy: number | null,
  now: Date,
) {
  if (rows.length === 0) return [];
  const source_ = unnestRows('r', rows, {
    customer_id: ['int', (row) => row.customerId],
    occurred_on: ['date', (row) => row.occurredOn],
    type: ['text', (row) => row.type],
    severity: ['text', (row) => row.severity],
    document_no: ['text', (row) => row.documentNo],
    note: ['text', (row) => row.note],
  });
  return rowsOf<{ id: number }>(
    await executor.execute(sql`
      INSERT INTO credit_violations (tenant_id, customer_id, occurred_on, type, severity, document_no, note, source, recorded_by, created_at)
      SELECT ${tenantId}, r.customer_id, r.occurred_on, r.type, r.severity, r.document_no, r.note, ${source}, ${recordedBy}, ${now}
      FROM ${source_}
      RETURNING id`),
  ).map((row) => Number(row.id));
}

export async function listViolations(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { customerId?: number; includeVoided?: boolean },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`v.tenant_id = ${tenantId}`, storeInScope(scope)];
  if (filter.customerId) conditions.push(sql`v.customer_id = ${filter.customerId}`);
  if (!filter.includeVoided) conditions.push(sql`v.voided_at IS NULL`);
  return rowsOf<Record<string, unknown>>(
    await executor.execute(sql`
      SELECT v.id, v.customer_id, c.name AS customer_name, c.licence_no, to_char(v.occurred_on, 'YYYY-MM-DD') AS occurred_on,
        v.type, v.severity, v.document_no, v.note, v.source, v.created_at, v.voided_at, v.void_reason,
        count(*) OVER ()::int AS total
      FROM credit_violations v JOIN ${customers} c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id
      WHERE ${and(...conditions)}
      ORDER BY v.occurred_on DESC, v.id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
}

export async function getViolation(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const rows = rowsOf<{ id: number; customer_id: number; voided_at: Date | null; severity: string; type: string }>(
    await executor.execute(sql`
      SELECT v.id, v.customer_id, v.voided_at, v.severity, v.type FROM credit_violations v
      JOIN ${customers} c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id
      WHERE v.tenant_id = ${tenantId} AND v.id = ${id} AND ${storeInScope(scope)}
      FOR UPDATE OF v`),
  );
  return rows[0];
}

export async function voidViolation(executor: Executor, tenantId: number, id: number, reason: string, now: Date) {
  await executor
    .update(creditViolations)
    .set({ voidedAt: now, voidReason: reason })
    .where(and(eq(creditViolations.tenantId, tenantId), eq(creditViolations.id, id)));
}

// ---- Appeals ----

export type AppealRow = typeof creditAppeals.$inferSelect;

export async function insertAppeal(executor: Executor, values: typeof creditAppeals.$inferInsert) {
  const [row] = await executor.insert(creditAppeals).values(values).returning();
  return row;
}

export async function openAppealOf(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(creditAppeals)
    .where(
      and(
        eq(creditAppeals.tenantId, tenantId),
        eq(creditAppeals.customerId, customerId),
        eq(creditAppeals.status, 'open'),
      ),
    );
  return row as AppealRow | undefined;
}

export async function appealsOfStore(executor: Executor, tenantId: number, customerId: number) {
  return executor
    .select()
    .from(creditAppeals)
    .where(and(eq(creditAppeals.tenantId, tenantId), eq(creditAppeals.customerId, customerId)))
    .orderBy(desc(creditAppeals.id))
    .limit(50);
}

// Item keys under open appeals (frozen) and removed by accepted ones (dropped), per store.
export async function appealKeys(executor: Executor, tenantId: number, customerId?: number) {
  const rows = rowsOf<{ customer_id: number; item_key: string; status: AppealStatus }>(
    await executor.execute(sql`
      SELECT customer_id, item_key, status FROM credit_appeals
      WHERE tenant_id = ${tenantId} AND item_key IS NOT NULL AND status IN ('open', 'accepted')
        AND ${customerId === undefined ? sql`true` : sql`customer_id = ${customerId}`}`),
  );
  const frozen = new Map<number, Set<string>>();
  const dropped = new Map<number, Set<string>>();
  for (const row of rows) {
    const target = row.status === 'open' ? frozen : dropped;
    const id = Number(row.customer_id);
    target.set(id, (target.get(id) ?? new Set()).add(row.item_key));
  }
  return { frozen, dropped };
}

export async function listAppeals(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filter: { status?: AppealStatus; id?: number },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`a.tenant_id = ${tenantId}`, storeInScope(scope)];
  if (filter.status) conditions.push(sql`a.status = ${filter.status}`);
  if (filter.id) conditions.push(sql`a.id = ${filter.id}`);
  return rowsOf<Record<string, unknown>>(
    await executor.execute(sql`
      SELECT a.id, a.customer_id, c.name AS customer_name, c.licence_no, o.name AS branch_name, a.run_id, a.item_key,
        a.reason, a.photo_ids, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.decided_at, a.note, a.created_at,
        u.display_name AS decided_by_name, count(*) OVER ()::int AS total
      FROM credit_appeals a
      JOIN ${customers} c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      JOIN org_units o ON o.tenant_id = c.tenant_id AND o.id = c.branch_id
      LEFT JOIN users u ON u.id = a.decided_by
      WHERE ${and(...conditions)}
      ORDER BY (a.status = 'open') DESC, a.due_on, a.id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
}

// Locks an appeal row (a decision) before it is read.
export async function lockAppeal(executor: Executor, tenantId: number, id: number) {
  await executor.execute(sql`SELECT id FROM credit_appeals WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`);
}

export async function decideAppeal(
  executor: Executor,
  tenantId: number,
  id: number,
  values: { status: AppealStatus; decidedBy: number | null; decidedAt: Date; note: string },
) {
  await executor
    .update(creditAppeals)
    .set(values)
    .where(and(eq(creditAppeals.tenantId, tenantId), eq(creditAppeals.id, id)));
}

// Appeal photos are stored files named "credit-appeal/<store id>/…": a store cites only its own.
export const appealPhotoPrefix = (customerId: number) => `credit-appeal/${customerId}/`;

export async function ownPhotoIds(executor: Executor, tenantId: number, customerId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await executor
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.tenantId, tenantId),
        sql`${storedFiles.id} = ANY(${`{${ids.join(',')}}`}::int[])`,
        sql`${storedFiles.fileName} LIKE ${`${appealPhotoPrefix(customerId)}%`}`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

export type ModelDefinition = CreditModelDefinition;
