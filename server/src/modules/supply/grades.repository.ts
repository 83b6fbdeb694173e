import { and, desc, eq, sql } from 'drizzle-orm';
import { insertInBatches, unnestRows } from '../../db/bulk-writes.ts';
import type { Executor } from '../../db/client.ts';
import type { DataScope } from '../../platform/access/data-scope.ts';
import { activeStoresSql, customers } from '../customers/index.ts';
import { customerGrades, type GradeWeights, gradeRuns } from './supply.schema.ts';

// Queries of 档位 grades: what stores bought over a period, the runs, and each store's history.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// Every active store with what it bought in the cycles whose week starts within the period
// (amount in fen, cartons); stores that bought nothing come with zeros.
export async function purchasesByStore(executor: Executor, tenantId: number, periodFrom: string, periodTo: string) {
  const result = await executor.execute(sql`
    WITH bought AS (
      SELECT o.customer_id, sum(o.total_fen)::bigint AS amount, sum(o.quantity)::bigint AS quantity
      FROM order_cycles c
      JOIN orders o ON o.tenant_id = c.tenant_id AND o.cycle_id = c.id AND o.status = 'submitted'
      WHERE c.tenant_id = ${tenantId} AND c.week_start BETWEEN ${periodFrom} AND ${periodTo}
      GROUP BY o.customer_id)
    SELECT c.id AS "customerId", coalesce(b.amount, 0) AS "amountFen", coalesce(b.quantity, 0) AS quantity
    FROM ${customers} c LEFT JOIN bought b ON b.customer_id = c.id
    WHERE ${activeStoresSql('c', tenantId, 'tenant')}
    ORDER BY c.id`);
  return rowsOf<{ customerId: number; amountFen: string | number; quantity: string | number }>(result).map((row) => ({
    customerId: Number(row.customerId),
    amountFen: Number(row.amountFen),
    quantity: Number(row.quantity),
  }));
}

export type GradeRunRow = typeof gradeRuns.$inferSelect;

export async function insertGradeRun(executor: Executor, row: typeof gradeRuns.$inferInsert): Promise<GradeRunRow> {
  const [created] = await executor.insert(gradeRuns).values(row).returning();
  return created;
}

export async function insertCustomerGrades(
  executor: Executor,
  tenantId: number,
  runId: number,
  rows: ReadonlyArray<{ customerId: number; grade: number; score: number; amountFen: number; quantity: number }>,
) {
  await insertInBatches(executor, rows.length, 20_000, (start, end) => {
    const grades = unnestRows('r', rows.slice(start, end), {
      customer_id: ['int', (row) => row.customerId],
      grade: ['smallint', (row) => row.grade],
      score: ['real', (row) => row.score],
      amount_fen: ['bigint', (row) => row.amountFen],
      quantity: ['int', (row) => row.quantity],
    });
    return sql`
      INSERT INTO customer_grades (tenant_id, run_id, customer_id, grade, score, amount_fen, quantity)
      SELECT ${tenantId}, ${runId}, r.customer_id, r.grade, r.score, r.amount_fen, r.quantity
      FROM ${grades}`;
  });
}

export async function listGradeRuns(executor: Executor, tenantId: number) {
  return executor
    .select()
    .from(gradeRuns)
    .where(eq(gradeRuns.tenantId, tenantId))
    .orderBy(desc(gradeRuns.id))
    .limit(100);
}

export async function getGradeRun(executor: Executor, tenantId: number, runId: number, lock = false) {
  const query = executor
    .select()
    .from(gradeRuns)
    .where(and(eq(gradeRuns.tenantId, tenantId), eq(gradeRuns.id, runId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function latestGradeRunId(executor: Executor, tenantId: number): Promise<number | undefined> {
  const [row] = await executor
    .select({ id: gradeRuns.id })
    .from(gradeRuns)
    .where(eq(gradeRuns.tenantId, tenantId))
    .orderBy(desc(gradeRuns.id))
    .limit(1);
  return row?.id;
}

// Grades of a run within the caller's scope: grade → stores, the 在营客户 (customers'
// activeStoresSql, as every page that counts stores) among those the run graded.
export async function gradeCounts(executor: Executor, tenantId: number, scope: DataScope, runId: number) {
  return executor
    .select({ grade: customerGrades.grade, count: sql<number>`count(*)::int` })
    .from(customerGrades)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, customerGrades.tenantId), eq(customers.id, customerGrades.customerId)),
    )
    .where(
      and(
        eq(customerGrades.tenantId, tenantId),
        eq(customerGrades.runId, runId),
        activeStoresSql('customers', tenantId, scope),
      ),
    )
    .groupBy(customerGrades.grade);
}

export async function publishGradeRunRow(executor: Executor, tenantId: number, runId: number, now: Date) {
  await executor
    .update(gradeRuns)
    .set({ status: 'published', publishedAt: now })
    .where(and(eq(gradeRuns.tenantId, tenantId), eq(gradeRuns.id, runId)));
}

// One store's grades in every published run, newest first.
export async function gradesOfCustomer(executor: Executor, tenantId: number, customerId: number) {
  return executor
    .select({
      runId: gradeRuns.id,
      grade: customerGrades.grade,
      score: customerGrades.score,
      amountFen: customerGrades.amountFen,
      quantity: customerGrades.quantity,
      periodFrom: gradeRuns.periodFrom,
      periodTo: gradeRuns.periodTo,
      effectiveOn: gradeRuns.effectiveOn,
    })
    .from(customerGrades)
    .innerJoin(gradeRuns, and(eq(gradeRuns.tenantId, customerGrades.tenantId), eq(gradeRuns.id, customerGrades.runId)))
    .where(
      and(
        eq(customerGrades.tenantId, tenantId),
        eq(customerGrades.customerId, customerId),
        eq(gradeRuns.status, 'published'),
      ),
    )
    .orderBy(desc(gradeRuns.effectiveOn), desc(gradeRuns.id));
}

export type { GradeWeights };
