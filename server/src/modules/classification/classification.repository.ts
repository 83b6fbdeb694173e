import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import { insertInBatches, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { activeStoresSql, type CustomerClass, customers, type DemoType, districts } from '../customers/index.ts';
import { cyclePurchasesSql, orderCycles } from '../supply/index.ts';
import {
  classificationRuleSets,
  classificationRuns,
  classProposals,
  customerClassHistory,
  spotCheckItems,
  spotChecks,
} from './classification.schema.ts';

// Queries of 客户分类: the facts indicators are computed from (one aggregate over all stores), rule
// sets, runs and their proposals, the history, and spot-checks.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const scopeSql = (scope: DataScope) =>
  scopeCondition(scope, { orgPath: sql`c.org_path`, managerId: sql`c.manager_id`, customerId: sql`c.id` });

export type FactRow = {
  customerId: number;
  branchId: number;
  currentClass: CustomerClass | null;
  currentDemoType: DemoType | null;
  quantity: number;
  amountFen: number;
  highClassAmountFen: number;
  recentQuantity: number;
  earlierQuantity: number;
  weeksOnline: number;
};

// Writes what every store bought in the given closed cycles into store_week_purchases, once.
export async function summariseWeeks(executor: Executor, tenantId: number, cycleIds: readonly number[], now: Date) {
  if (cycleIds.length === 0) return;
  await executor.execute(sql`
    INSERT INTO store_week_purchases (tenant_id, cycle_id, customer_id, quantity, amount_fen, high_class_amount_fen, online)
    SELECT ${tenantId}, w.cycle_id, w.customer_id, w.quantity, w.amount_fen, w.high_class_amount_fen, w.online
    FROM (${cyclePurchasesSql(tenantId, cycleIds)}) w
    ON CONFLICT DO NOTHING`);
  await executor.execute(sql`
    INSERT INTO store_week_purchase_cycles (tenant_id, cycle_id, summarised_at)
    SELECT ${tenantId}, id, ${now} FROM unnest(${arrayLiteral(cycleIds)}::int[]) AS id
    ON CONFLICT DO NOTHING`);
  // Statistics for the rows just written: without them the planner reads the summary through its
  // primary key, row by row (8 s instead of 2.4 s at 250,000 stores), until autovacuum gets to it.
  await executor.execute(sql`ANALYZE store_week_purchases`);
}

// Closed cycles whose week a run may still read (those that started on or after `since`) and that
// are not summarised yet, per tenant.
export async function closedWeeksToSummarise(
  executor: Executor,
  now: Date,
  since: string,
): Promise<Array<{ tenantId: number; cycleIds: number[] }>> {
  const result = await executor.execute(sql`
    SELECT k.tenant_id AS "tenantId", array_agg(k.id ORDER BY k.week_start) AS "cycleIds"
    FROM ${orderCycles} k
    WHERE k.closes_at < ${now} AND k.week_start >= ${since}
      AND NOT EXISTS (SELECT 1 FROM store_week_purchase_cycles s WHERE s.tenant_id = k.tenant_id AND s.cycle_id = k.id)
    GROUP BY k.tenant_id`);
  return rowsOf<{ tenantId: number; cycleIds: number[] }>(result).map((row) => ({
    tenantId: Number(row.tenantId),
    cycleIds: row.cycleIds.map(Number),
  }));
}

// Every active store with what it bought over the period (weeks starting periodFrom..periodTo):
// cartons, amount, amount in 一类/二类, cartons of the last 6 weeks (from recentFrom) and the 6
// before them (from earlierFrom), and the weeks it ordered online. Closed weeks are read from
// store_week_purchases (summarised here if the hourly upkeep has not yet); open ones live.
export async function storeFacts(
  executor: Executor,
  tenantId: number,
  period: { from: string; to: string; recentFrom: string; earlierFrom: string },
  now: Date,
): Promise<FactRow[]> {
  const weeks = rowsOf<{ id: number; weekStart: string; closed: boolean; summarised: boolean }>(
    await executor.execute(sql`
      SELECT k.id, k.week_start::text AS "weekStart", k.closes_at < ${now} AS closed,
        EXISTS (SELECT 1 FROM store_week_purchase_cycles s WHERE s.tenant_id = k.tenant_id AND s.cycle_id = k.id) AS summarised
      FROM ${orderCycles} k WHERE k.tenant_id = ${tenantId} AND k.week_start BETWEEN ${period.from} AND ${period.to}`),
  ).map((week) => ({ ...week, id: Number(week.id) }));
  const toSummarise = weeks.filter((week) => week.closed && !week.summarised).map((week) => week.id);
  await summariseWeeks(executor, tenantId, toSummarise, now);
  const summarised = weeks.filter((week) => week.closed || week.summarised).map((week) => week.id);
  const live = weeks.filter((week) => !week.closed && !week.summarised).map((week) => week.id);
  const weekStarts = sql`unnest(${arrayLiteral(weeks.map((week) => week.id))}::int[],
    ${arrayLiteral(weeks.map((week) => week.weekStart))}::date[]) AS w(id, week_start)`;
  // Two queries merged here rather than one join: the stores, and what they bought. Neither plan
  // depends on statistics of a freshly written customers table (PGlite has no autovacuum). One
  // after the other: queries overlapping on a transaction's client are deprecated in pg.
  const stores = await executor.execute(sql`
    SELECT c.id AS "customerId", c.branch_id AS "branchId", c.class_code AS "currentClass", c.demo_type AS "currentDemoType"
    FROM ${customers} c WHERE ${activeStoresSql('c', tenantId, 'tenant')} ORDER BY c.id`);
  const bought =
    weeks.length === 0
      ? { rows: [] }
      : await executor.execute(sql`
      WITH per_week AS (
        SELECT s.customer_id, s.cycle_id, s.quantity, s.amount_fen, s.high_class_amount_fen, s.online
        FROM store_week_purchases s
        WHERE s.tenant_id = ${tenantId} AND s.cycle_id = ANY(${arrayLiteral(summarised)}::int[])
        ${live.length > 0 ? sql`UNION ALL ${cyclePurchasesSql(tenantId, live)}` : sql``})
      SELECT b.customer_id AS "customerId", sum(b.quantity)::bigint AS quantity, sum(b.amount_fen)::bigint AS "amountFen",
        sum(b.high_class_amount_fen)::bigint AS "highClassAmountFen",
        coalesce(sum(b.quantity) FILTER (WHERE w.week_start >= ${period.recentFrom}), 0)::bigint AS "recentQuantity",
        coalesce(sum(b.quantity) FILTER (WHERE w.week_start >= ${period.earlierFrom} AND w.week_start < ${period.recentFrom}), 0)::bigint
          AS "earlierQuantity",
        count(*) FILTER (WHERE b.online)::int AS "weeksOnline"
      FROM per_week b JOIN ${weekStarts} ON w.id = b.cycle_id
      GROUP BY b.customer_id`);
  const purchases = new Map<number, Record<string, unknown>>();
  for (const row of rowsOf<Record<string, unknown>>(bought)) purchases.set(Number(row.customerId), row);
  return rowsOf<Record<string, unknown>>(stores).map((row) => {
    const customerId = Number(row.customerId);
    const purchase = purchases.get(customerId);
    return {
      customerId,
      branchId: Number(row.branchId),
      currentClass: (row.currentClass as CustomerClass | null) ?? null,
      currentDemoType: (row.currentDemoType as DemoType | null) ?? null,
      quantity: Number(purchase?.quantity ?? 0),
      amountFen: Number(purchase?.amountFen ?? 0),
      highClassAmountFen: Number(purchase?.highClassAmountFen ?? 0),
      recentQuantity: Number(purchase?.recentQuantity ?? 0),
      earlierQuantity: Number(purchase?.earlierQuantity ?? 0),
      weeksOnline: Number(purchase?.weeksOnline ?? 0),
    };
  });
}

// ---- Rule sets ----

export type RuleSetRow = typeof classificationRuleSets.$inferSelect;

export async function insertRuleSet(executor: Executor, row: typeof classificationRuleSets.$inferInsert) {
  const [created] = await executor.insert(classificationRuleSets).values(row).returning();
  return created;
}

export async function listRuleSets(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(classificationRuleSets)
    .where(eq(classificationRuleSets.tenantId, tenantId))
    .orderBy(desc(classificationRuleSets.version))
    .limit(100);
}

export async function getRuleSet(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select()
    .from(classificationRuleSets)
    .where(and(eq(classificationRuleSets.tenantId, tenantId), eq(classificationRuleSets.id, id)));
  return row;
}

export async function latestRuleSetVersion(executor: Executor, tenantId: number): Promise<number> {
  const [row] = await executor
    .select({ version: sql<number>`coalesce(max(${classificationRuleSets.version}), 0)::int` })
    .from(classificationRuleSets)
    .where(eq(classificationRuleSets.tenantId, tenantId));
  return Number(row?.version ?? 0);
}

// ---- Runs ----

export type RunRow = typeof classificationRuns.$inferSelect;

export async function insertRun(executor: Executor, row: typeof classificationRuns.$inferInsert) {
  const [created] = await executor.insert(classificationRuns).values(row).returning();
  return created;
}

export async function listRuns(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(classificationRuns)
    .where(eq(classificationRuns.tenantId, tenantId))
    .orderBy(desc(classificationRuns.id))
    .limit(100);
}

export async function getRun(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(classificationRuns)
    .where(and(eq(classificationRuns.tenantId, tenantId), eq(classificationRuns.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function latestRunId(executor: Executor, tenantId: number): Promise<number | undefined> {
  const [row] = await executor
    .select({ id: classificationRuns.id })
    .from(classificationRuns)
    .where(eq(classificationRuns.tenantId, tenantId))
    .orderBy(desc(classificationRuns.id))
    .limit(1);
  return row?.id;
}

export type ProposalInsert = {
  customerId: number;
  branchId: number;
  currentClass: CustomerClass | null;
  currentDemoType: DemoType | null;
  proposedClass: CustomerClass;
  proposedDemoType: DemoType | null;
  score: number;
  values: readonly number[];
  scores: readonly number[];
  missing: readonly string[];
};

// Every row's values end to end, '{1,2.5,NaN,…}': one array parameter for a whole batch, sliced
// per row in SQL (no per-row array literal to parse).
function flatRealLiteral(rows: readonly ProposalInsert[], valuesOf: (row: ProposalInsert) => readonly number[]) {
  const parts: string[] = [];
  for (const row of rows) for (const value of valuesOf(row)) parts.push(Number.isNaN(value) ? 'NaN' : String(value));
  return `{${parts.join(',')}}`;
}

const proposalBatch = 25_000;

// Bulk insert, one statement a batch: scalar columns as one array parameter each, the indicator
// values and scores as one flat real[] sliced per row, the missing-indicator lists as an index
// into the batch's few distinct lists. The next batch is built while the previous one runs.
export async function insertProposals(
  executor: Executor,
  tenantId: number,
  runId: number,
  rows: readonly ProposalInsert[],
) {
  const width = rows[0]?.values.length ?? 0;
  await insertInBatches(executor, rows.length, proposalBatch, (start, end) => {
    const slice = rows.slice(start, end);
    const missingSets = new Map<string, number>();
    const missingIndex = slice.map((row) => {
      const key = arrayLiteral(row.missing);
      let index = missingSets.get(key);
      if (index === undefined) {
        index = missingSets.size + 1;
        missingSets.set(key, index);
      }
      return index;
    });
    const proposals = unnestRows(
      'r',
      slice,
      {
        customer_id: ['int', (row) => row.customerId],
        branch_id: ['int', (row) => row.branchId],
        current_class: ['text', (row) => row.currentClass],
        current_demo_type: ['text', (row) => row.currentDemoType],
        proposed_class: ['text', (row) => row.proposedClass],
        proposed_demo_type: ['text', (row) => row.proposedDemoType],
        score: ['real', (row) => row.score],
        missing_set: ['int', (_row, index) => missingIndex[index]],
      },
      { ordinality: 'n' },
    );
    return sql`
      WITH sets AS MATERIALIZED (
        SELECT s.n, s.missing::text[] AS missing
        FROM unnest(${arrayLiteral([...missingSets.keys()])}::text[]) WITH ORDINALITY AS s(missing, n))
      INSERT INTO class_proposals (tenant_id, run_id, customer_id, branch_id, current_class, current_demo_type,
        proposed_class, proposed_demo_type, score, "values", scores, missing)
      SELECT ${tenantId}, ${runId}, r.customer_id, r.branch_id, r.current_class, r.current_demo_type,
        r.proposed_class, r.proposed_demo_type, r.score,
        flat.vals[(r.n::int - 1) * ${width}::int + 1 : r.n::int * ${width}::int],
        flat.scores[(r.n::int - 1) * ${width}::int + 1 : r.n::int * ${width}::int], sets.missing
      FROM ${proposals}
      JOIN sets ON sets.n = r.missing_set
      CROSS JOIN (
        SELECT ${flatRealLiteral(slice, (row) => row.values)}::real[] AS vals,
          ${flatRealLiteral(slice, (row) => row.scores)}::real[] AS scores) AS flat`;
  });
}

// What a run's diff compares a store's proposal with. Until the run takes effect in the store's
// branch: the class the store had when the run was computed (current_class). Once it has, the
// current class is the run's own, so the diff shows what the run changed: the class the store had
// just before — its history row of this run keeps it (from_class: at approval, or at the switch for
// a later date) — and, for a store the run left as it was (no history row), the class it kept.
// Statements using these join the run (r) and the store's history row of the run (h): compareJoins.
const isInEffectSql = sql`p.branch_id = ANY(r.applied_branch_ids)`;
const comparedClassSql = sql`CASE WHEN NOT ${isInEffectSql} THEN p.current_class
  WHEN h.id IS NULL THEN coalesce(p.override_class, p.proposed_class) ELSE h.from_class END`;
const comparedDemoTypeSql = sql`CASE WHEN NOT ${isInEffectSql} THEN p.current_demo_type
  WHEN h.id IS NOT NULL THEN h.from_demo_type
  WHEN p.override_class IS NULL THEN p.proposed_demo_type ELSE p.override_demo_type END`;
const compareJoins = sql`
    JOIN classification_runs r ON r.tenant_id = p.tenant_id AND r.id = p.run_id
    LEFT JOIN customer_class_history h ON h.tenant_id = p.tenant_id AND h.run_id = p.run_id AND h.customer_id = p.customer_id`;

// How many stores move from which class to which, per branch, within the scope (the effective
// proposal: an override if there is one), compared with comparedClassSql.
export async function runDiff(executor: Executor, tenantId: number, scope: DataScope, runId: number) {
  const result = await executor.execute(sql`
    SELECT p.branch_id AS "branchId", o.name AS "branchName", ${comparedClassSql} AS "from",
      coalesce(p.override_class, p.proposed_class) AS "to", count(*)::int AS count
    FROM class_proposals p
    JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
    JOIN org_units o ON o.tenant_id = p.tenant_id AND o.id = p.branch_id
    ${compareJoins}
    WHERE p.tenant_id = ${tenantId} AND p.run_id = ${runId} AND ${scopeSql(scope)}
    GROUP BY 1, 2, 3, 4
    ORDER BY 1`);
  return rowsOf<{ branchId: number; branchName: string; from: CustomerClass | null; to: CustomerClass; count: number }>(
    result,
  ).map((row) => ({ ...row, branchId: Number(row.branchId), count: Number(row.count) }));
}

export async function runDistributionRows(executor: Executor, tenantId: number, scope: DataScope, runId: number) {
  const result = await executor.execute(sql`
    SELECT coalesce(p.override_class, p.proposed_class) AS class,
      CASE WHEN p.override_class IS NULL THEN p.proposed_demo_type ELSE p.override_demo_type END AS "demoType",
      count(*)::int AS count
    FROM class_proposals p JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
    WHERE p.tenant_id = ${tenantId} AND p.run_id = ${runId} AND ${scopeSql(scope)}
    GROUP BY 1, 2`);
  return rowsOf<{ class: CustomerClass; demoType: DemoType | null; count: number }>(result).map((row) => ({
    ...row,
    count: Number(row.count),
  }));
}

export type ProposalFilter = {
  branchId?: number;
  from?: CustomerClass | 'none';
  to?: CustomerClass;
  changed?: boolean;
};

export async function findProposals(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  runId: number,
  filter: ProposalFilter,
  paging: { limit: number; offset: number },
) {
  const conditions = [sql`p.tenant_id = ${tenantId}`, sql`p.run_id = ${runId}`, scopeSql(scope)];
  if (filter.branchId) conditions.push(sql`p.branch_id = ${filter.branchId}`);
  if (filter.from === 'none') conditions.push(sql`(${comparedClassSql}) IS NULL`);
  else if (filter.from) conditions.push(sql`(${comparedClassSql}) = ${filter.from}`);
  if (filter.to) conditions.push(sql`coalesce(p.override_class, p.proposed_class) = ${filter.to}`);
  if (filter.changed) {
    conditions.push(sql`(${comparedClassSql}) IS DISTINCT FROM coalesce(p.override_class, p.proposed_class)`);
  }
  const where = sql.join(conditions, sql` AND `);
  const result = await executor.execute(sql`
    SELECT p.customer_id AS "customerId", c.licence_no AS "licenceNo", c.name, p.branch_id AS "branchId",
      o.name AS "branchName", ${comparedClassSql} AS "currentClass", ${comparedDemoTypeSql} AS "currentDemoType",
      p.proposed_class AS "proposedClass", p.proposed_demo_type AS "proposedDemoType", p.score,
      p."values", p.scores, p.missing, p.override_class AS "overrideClass", p.override_demo_type AS "overrideDemoType",
      p.override_reason AS "overrideReason", count(*) OVER ()::int AS total
    FROM class_proposals p
    JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
    JOIN org_units o ON o.tenant_id = p.tenant_id AND o.id = p.branch_id
    ${compareJoins}
    WHERE ${where}
    ORDER BY c.licence_no
    LIMIT ${paging.limit} OFFSET ${paging.offset}`);
  return rowsOf<ProposalRow & { total: number }>(result);
}

export type ProposalRow = {
  customerId: number;
  licenceNo: string;
  name: string;
  branchId: number;
  branchName: string;
  currentClass: CustomerClass | null;
  currentDemoType: DemoType | null;
  proposedClass: CustomerClass;
  proposedDemoType: DemoType | null;
  score: number;
  values: number[];
  scores: number[];
  missing: string[];
  overrideClass: CustomerClass | null;
  overrideDemoType: DemoType | null;
  overrideReason: string | null;
};

export async function findProposal(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  runId: number,
  customerId: number,
): Promise<ProposalRow | undefined> {
  const rows = await findProposalRows(
    executor,
    tenantId,
    scope,
    sql`p.run_id = ${runId} AND p.customer_id = ${customerId}`,
  );
  return rows[0];
}

async function findProposalRows(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  condition: ReturnType<typeof sql>,
) {
  const result = await executor.execute(sql`
    SELECT p.customer_id AS "customerId", c.licence_no AS "licenceNo", c.name, p.branch_id AS "branchId",
      o.name AS "branchName", p.current_class AS "currentClass", p.current_demo_type AS "currentDemoType",
      p.proposed_class AS "proposedClass", p.proposed_demo_type AS "proposedDemoType", p.score,
      p."values", p.scores, p.missing, p.override_class AS "overrideClass", p.override_demo_type AS "overrideDemoType",
      p.override_reason AS "overrideReason", p.run_id AS "runId"
    FROM class_proposals p
    JOIN ${customers} c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
    JOIN org_units o ON o.tenant_id = p.tenant_id AND o.id = p.branch_id
    WHERE p.tenant_id = ${tenantId} AND ${condition} AND ${scopeSql(scope)}`);
  return rowsOf<ProposalRow & { runId: number }>(result);
}

export async function setOverride(
  executor: Executor,
  tenantId: number,
  runId: number,
  customerId: number,
  override: { class: CustomerClass | null; demoType: DemoType | null; reason: string | null; by: number | null },
) {
  await executor
    .update(classProposals)
    .set({
      overrideClass: override.class,
      overrideDemoType: override.demoType,
      overrideReason: override.reason,
      overrideBy: override.by,
    })
    .where(
      and(
        eq(classProposals.tenantId, tenantId),
        eq(classProposals.runId, runId),
        eq(classProposals.customerId, customerId),
      ),
    );
}

// A run's effective class for each store of the given branches (null: all): the override where
// there is one, else the proposal.
function runTargets(tenantId: number, runId: number, branchIds: readonly number[] | null) {
  const branchFilter = branchIds === null ? sql`TRUE` : sql`p.branch_id = ANY(${arrayLiteral(branchIds)}::int[])`;
  return sql`
    SELECT p.customer_id, coalesce(p.override_class, p.proposed_class) AS to_class,
      CASE WHEN p.override_class IS NULL THEN p.proposed_demo_type ELSE p.override_demo_type END AS to_demo_type,
      p.override_reason
    FROM class_proposals p
    WHERE p.tenant_id = ${tenantId} AND p.run_id = ${runId} AND ${branchFilter}`;
}

// The stores whose class a run changes (special stores excepted: 特殊客户 only changes by hand),
// as (customer_id, to_class, to_demo_type): a query, so that customers' setCustomerClassesIn
// writes a whole city's classes in one statement. Read before the classes are written, it names
// the very stores applyRun has written history for.
export function classesOfRun(tenantId: number, runId: number, branchIds: readonly number[] | null): SQL {
  return sql`
    SELECT t.customer_id, t.to_class, t.to_demo_type
    FROM (${runTargets(tenantId, runId, branchIds)}) t
    JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = t.customer_id
    WHERE c.class_code IS DISTINCT FROM 'special'
      AND (c.class_code IS DISTINCT FROM t.to_class OR c.demo_type IS DISTINCT FROM t.to_demo_type)`;
}

// Records a run's approval for the stores of the given branches (null: all), except stores that
// are special now: one history row per store whose class or sub-type changes (classesOfRun), and
// returns how many. The stores' classes are customers' to write. With `immediate` false (the run
// takes effect on a later date) the history rows are pending until the switch on that date
// settles them (settleDueClasses). Pending changes of earlier runs for these stores are superseded.
export async function applyRun(
  executor: Executor,
  tenantId: number,
  run: { id: number; effectiveOn: string },
  branchIds: readonly number[] | null,
  by: number | null,
  now: Date,
  immediate: boolean,
): Promise<number> {
  const result = await executor.execute(sql`
    WITH target AS (${runTargets(tenantId, run.id, branchIds)}),
    superseded AS (
      DELETE FROM customer_class_history h USING target t
      WHERE h.tenant_id = ${tenantId} AND h.pending AND h.run_id IS NOT NULL AND h.customer_id = t.customer_id),
    changed AS (
      SELECT c.id, c.class_code AS from_class, c.demo_type AS from_demo_type, t.to_class, t.to_demo_type, t.override_reason
      FROM target t JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = t.customer_id
      WHERE c.class_code IS DISTINCT FROM 'special'
        AND (c.class_code IS DISTINCT FROM t.to_class OR c.demo_type IS DISTINCT FROM t.to_demo_type)),
    history AS (
      INSERT INTO customer_class_history (tenant_id, customer_id, from_class, from_demo_type, to_class, to_demo_type,
        run_id, reason, effective_on, changed_by, changed_at, pending)
      SELECT ${tenantId}, ch.id, ch.from_class, ch.from_demo_type, ch.to_class, ch.to_demo_type, ${run.id},
        coalesce(ch.override_reason, '分类测算'), ${run.effectiveOn}, ${by}, ${now}, ${!immediate}
      FROM changed ch
      RETURNING 1)
    SELECT count(*)::int AS changed FROM history`);
  return Number(rowsOf<{ changed: number }>(result)[0]?.changed ?? 0);
}

// Tenants with class changes due on `today` or before (the switch's work list).
export async function tenantsWithDueClasses(executor: Executor, today: string): Promise<number[]> {
  const result = await executor.execute(sql`
    SELECT DISTINCT tenant_id AS "tenantId" FROM customer_class_history WHERE pending AND effective_on <= ${today}`);
  return rowsOf<{ tenantId: number }>(result).map((row) => Number(row.tenantId));
}

// Settles the pending class changes that took effect by `today`: each store is to get its latest
// due change (a run never changes a store that is special by then); the rows stop being pending
// and record the class the store has at the switch. Returns the classes the stores are to have
// now, for customers' setCustomerClassesIn.
export async function settleDueClasses(
  executor: Executor,
  tenantId: number,
  today: string,
): Promise<{ customerId: number; class: CustomerClass | null; demoType: DemoType | null }[]> {
  const result = await executor.execute(sql`
    WITH due AS (
      SELECT DISTINCT ON (h.customer_id) h.id, h.customer_id, h.to_class, h.to_demo_type, h.run_id
      FROM customer_class_history h
      WHERE h.tenant_id = ${tenantId} AND h.pending AND h.effective_on <= ${today}
      ORDER BY h.customer_id, h.effective_on DESC, h.id DESC),
    applied AS (
      SELECT d.id, c.id AS customer_id, c.class_code AS from_class, c.demo_type AS from_demo_type, d.to_class, d.to_demo_type
      FROM due d JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = d.customer_id
      WHERE d.run_id IS NULL OR c.class_code IS DISTINCT FROM 'special'),
    cleared AS (
      UPDATE customer_class_history h SET pending = false,
        from_class = CASE WHEN h.id = a.id THEN a.from_class ELSE h.from_class END,
        from_demo_type = CASE WHEN h.id = a.id THEN a.from_demo_type ELSE h.from_demo_type END
      FROM due d LEFT JOIN applied a ON a.id = d.id
      WHERE h.tenant_id = ${tenantId} AND h.pending AND h.effective_on <= ${today}
        AND h.customer_id = d.customer_id)
    SELECT customer_id AS "customerId", to_class AS class, to_demo_type AS "demoType" FROM applied`);
  return rowsOf<{ customerId: number; class: CustomerClass | null; demoType: DemoType | null }>(result).map((row) => ({
    ...row,
    customerId: Number(row.customerId),
  }));
}

export async function markRunApplied(
  executor: Executor,
  tenantId: number,
  runId: number,
  appliedBranchIds: readonly number[],
  status: 'partly_applied' | 'applied',
  now: Date,
) {
  await executor
    .update(classificationRuns)
    .set({ appliedBranchIds: [...appliedBranchIds], status, appliedAt: now })
    .where(and(eq(classificationRuns.tenantId, tenantId), eq(classificationRuns.id, runId)));
}

export async function branchesOfRun(executor: Executor, tenantId: number, runId: number): Promise<number[]> {
  const result = await executor.execute(sql`
    SELECT DISTINCT branch_id AS "branchId" FROM class_proposals WHERE tenant_id = ${tenantId} AND run_id = ${runId}`);
  return rowsOf<{ branchId: number }>(result).map((row) => Number(row.branchId));
}

// The branches among these that lie inside the scope (a branch-scoped marketer approves only its own).
export async function branchesInScope(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  branchIds: readonly number[],
): Promise<number[]> {
  const result = await executor.execute(sql`
    SELECT o.id FROM org_units o
    WHERE o.tenant_id = ${tenantId} AND o.id = ANY(${arrayLiteral(branchIds)}::int[])
      AND ${scopeCondition(scope, { orgPath: sql`o.path` })}`);
  return rowsOf<{ id: number }>(result).map((row) => Number(row.id));
}

// ---- The current classes ----

export async function currentDistributionRows(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  group: { branchId?: number; districtCode?: string },
) {
  const result = await executor.execute(sql`
    SELECT c.branch_id AS "branchId", o.name AS "branchName", c.district_code AS "districtCode", d.name AS "districtName",
      c.class_code AS class, c.demo_type AS "demoType", count(*)::int AS count
    FROM ${customers} c
    JOIN org_units o ON o.tenant_id = c.tenant_id AND o.id = c.branch_id
    JOIN ${districts} d ON d.tenant_id = c.tenant_id AND d.code = c.district_code
    WHERE ${activeStoresSql('c', tenantId, scope)}
      ${group.branchId ? sql`AND c.branch_id = ${group.branchId}` : sql``}
      ${group.districtCode ? sql`AND c.district_code = ${group.districtCode}` : sql``}
    GROUP BY 1, 2, 3, 4, 5, 6`);
  return rowsOf<{
    branchId: number;
    branchName: string;
    districtCode: string;
    districtName: string;
    class: CustomerClass | null;
    demoType: DemoType | null;
    count: number;
  }>(result).map((row) => ({ ...row, branchId: Number(row.branchId), count: Number(row.count) }));
}

export async function findScopedStore(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const result = await executor.execute(sql`
    SELECT c.id, c.branch_id AS "branchId", c.class_code AS "classCode", c.demo_type AS "demoType", c.status
    FROM ${customers} c WHERE c.tenant_id = ${tenantId} AND c.id = ${customerId} AND ${scopeSql(scope)}`);
  const [row] = rowsOf<{
    id: number;
    branchId: number;
    classCode: CustomerClass | null;
    demoType: DemoType | null;
    status: string;
  }>(result);
  return row ? { ...row, id: Number(row.id), branchId: Number(row.branchId) } : undefined;
}

export async function insertHistory(executor: Executor, rows: (typeof customerClassHistory.$inferInsert)[]) {
  for (let start = 0; start < rows.length; start += 1000) {
    await executor.insert(customerClassHistory).values(rows.slice(start, start + 1000));
  }
}

export async function historyOf(executor: Executor, tenantId: number, customerId: number) {
  const result = await executor.execute(sql`
    SELECT h.id, h.from_class AS "fromClass", h.from_demo_type AS "fromDemoType", h.to_class AS "toClass",
      h.to_demo_type AS "toDemoType", h.run_id AS "runId", h.reason, h.effective_on AS "effectiveOn",
      u.display_name AS "changedBy", h.changed_at AS "changedAt", h.pending
    FROM customer_class_history h LEFT JOIN users u ON u.id = h.changed_by
    WHERE h.tenant_id = ${tenantId} AND h.customer_id = ${customerId}
    ORDER BY h.id DESC LIMIT 100`);
  return rowsOf<{
    id: number;
    fromClass: CustomerClass | null;
    fromDemoType: DemoType | null;
    toClass: CustomerClass | null;
    toDemoType: DemoType | null;
    runId: number | null;
    reason: string | null;
    effectiveOn: string;
    changedBy: string | null;
    changedAt: string | Date;
    pending: boolean;
  }>(result);
}

// The store's proposal in the latest run that applied its class (the why of its current class).
export async function latestAppliedProposal(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  customerId: number,
) {
  const rows = await findProposalRows(
    executor,
    tenantId,
    scope,
    sql`p.customer_id = ${customerId} AND p.run_id = (
      SELECT r.id FROM classification_runs r
      WHERE r.tenant_id = ${tenantId} AND r.status <> 'proposed' AND p.branch_id = ANY(r.applied_branch_ids)
        AND EXISTS (SELECT 1 FROM class_proposals q WHERE q.tenant_id = r.tenant_id AND q.run_id = r.id AND q.customer_id = ${customerId})
        AND NOT EXISTS (SELECT 1 FROM customer_class_history h
          WHERE h.tenant_id = r.tenant_id AND h.run_id = r.id AND h.customer_id = ${customerId} AND h.pending)
      ORDER BY r.id DESC LIMIT 1)`,
  );
  return rows[0];
}

// ---- Spot-checks ----

export async function insertSpotCheck(executor: Executor, row: typeof spotChecks.$inferInsert) {
  const [created] = await executor.insert(spotChecks).values(row).returning();
  return created;
}

export async function insertSpotCheckItems(executor: Executor, rows: (typeof spotCheckItems.$inferInsert)[]) {
  for (let start = 0; start < rows.length; start += 1000) {
    await executor.insert(spotCheckItems).values(rows.slice(start, start + 1000));
  }
}

export async function listSpotChecks(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(spotChecks)
    .where(eq(spotChecks.tenantId, tenantId))
    .orderBy(desc(spotChecks.id))
    .limit(100);
}

export async function getSpotCheck(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select()
    .from(spotChecks)
    .where(and(eq(spotChecks.tenantId, tenantId), eq(spotChecks.id, id)));
  return row;
}

export async function spotCheckItemsOf(executor: Executor, tenantId: number, scope: DataScope, spotCheckId: number) {
  const result = await executor.execute(sql`
    SELECT i.customer_id AS "customerId", c.licence_no AS "licenceNo", c.name, o.name AS "branchName",
      i.branch_id AS "branchId", i.sampled_class AS "sampledClass", i.sampled_demo_type AS "sampledDemoType",
      i.rerun_class AS "rerunClass", i.complete, i.inspector_class AS "inspectorClass", i.agrees, i.note,
      i.assessed_at AS "assessedAt"
    FROM spot_check_items i
    JOIN ${customers} c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
    JOIN org_units o ON o.tenant_id = i.tenant_id AND o.id = i.branch_id
    WHERE i.tenant_id = ${tenantId} AND i.spot_check_id = ${spotCheckId} AND ${scopeSql(scope)}
    ORDER BY i.position`);
  return rowsOf<{
    customerId: number;
    licenceNo: string;
    name: string;
    branchName: string;
    branchId: number;
    sampledClass: CustomerClass;
    sampledDemoType: DemoType | null;
    rerunClass: CustomerClass;
    complete: boolean;
    inspectorClass: CustomerClass | null;
    agrees: boolean | null;
    note: string | null;
    assessedAt: string | Date | null;
  }>(result);
}

export async function assessSpotCheckItem(
  executor: Executor,
  tenantId: number,
  spotCheckId: number,
  customerId: number,
  assessment: { inspectorClass: CustomerClass; agrees: boolean; note: string | null; by: number | null },
  now: Date,
) {
  const updated = await executor
    .update(spotCheckItems)
    .set({
      inspectorClass: assessment.inspectorClass,
      agrees: assessment.agrees,
      note: assessment.note,
      assessedBy: assessment.by,
      assessedAt: now,
    })
    .where(
      and(
        eq(spotCheckItems.tenantId, tenantId),
        eq(spotCheckItems.spotCheckId, spotCheckId),
        eq(spotCheckItems.customerId, customerId),
      ),
    )
    .returning({ customerId: spotCheckItems.customerId });
  return updated.length > 0;
}

// Records stores made special by hand, one history row each from the class each has now, in one
// statement (the demo's 特殊客户). Returns the stores found; their class is customers' to write.
export async function recordSpecialInBulk(
  executor: Executor,
  tenantId: number,
  rows: readonly { customerId: number; reason: string }[],
  by: number | null,
  now: Date,
) {
  if (rows.length === 0) return [];
  const effectiveOn = now.toISOString().slice(0, 10);
  const result = await executor.execute(sql`
    WITH input AS (
      SELECT * FROM unnest(${arrayLiteral(rows.map((row) => row.customerId))}::int[],
        ${arrayLiteral(rows.map((row) => row.reason))}::text[]) AS r(customer_id, reason)),
    before AS (
      SELECT c.id, c.class_code, c.demo_type, i.reason FROM ${customers} c JOIN input i ON i.customer_id = c.id
      WHERE c.tenant_id = ${tenantId})
    INSERT INTO customer_class_history (tenant_id, customer_id, from_class, from_demo_type, to_class, to_demo_type,
      run_id, reason, effective_on, changed_by, changed_at)
    SELECT ${tenantId}, b.id, b.class_code, b.demo_type, 'special', NULL, NULL, b.reason, ${effectiveOn}, ${by}, ${now}
    FROM before b
    RETURNING customer_id AS "customerId"`);
  return rowsOf<{ customerId: number }>(result).map((row) => Number(row.customerId));
}
