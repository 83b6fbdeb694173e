import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkGradeRunPublishable, computeGrades, gradeDistribution, gradeRunPeriodOf } from './grade.rules.ts';
import {
  type GradeRunRow,
  type GradeWeights,
  getGradeRun,
  gradeCounts,
  gradesOfCustomer,
  insertCustomerGrades,
  insertGradeRun,
  latestGradeRunId,
  listGradeRuns,
  publishGradeRunRow,
  purchasesByStore,
} from './grades.repository.ts';
import { yuan } from './order.rules.ts';
import { findScopedCustomer } from './supply.repository.ts';

// 档位: every store's grade 1–30 from its last 13 weeks of purchases. A run is computed as a draft,
// looked at (its distribution), and published to take effect on its date; runs are the history.

export type NewGradeRun = { weights: GradeWeights; effectiveOn?: string };

export async function computeGradeRun(context: AppContext, actor: Actor, input: NewGradeRun) {
  return context.db.transaction((tx) => computeGradeRunIn(tx, actor, input, context.now()));
}

export async function computeGradeRunIn(tx: Executor, actor: Actor, input: NewGradeRun, now: Date) {
  const { periodFrom, periodTo, effectiveOn } = gradeRunPeriodOf(now, input.effectiveOn);
  const purchases = await purchasesByStore(tx, actor.tenantId, periodFrom, periodTo);
  const grades = computeGrades(purchases, input.weights);
  const run = await insertGradeRun(tx, {
    tenantId: actor.tenantId,
    periodFrom,
    periodTo,
    weights: input.weights,
    effectiveOn,
    status: 'draft',
    storeCount: grades.length,
    createdBy: actor.userId || null,
    createdAt: now,
  });
  const byStore = new Map(purchases.map((row) => [row.customerId, row]));
  await insertCustomerGrades(
    tx,
    actor.tenantId,
    run.id,
    grades.map((grade) => {
      const bought = byStore.get(grade.customerId);
      return {
        customerId: grade.customerId,
        grade: grade.grade,
        score: grade.score,
        amountFen: bought?.amountFen ?? 0,
        quantity: bought?.quantity ?? 0,
      };
    }),
  );
  await recordChange(
    tx,
    actor,
    {
      action: 'compute',
      entity: 'grade_run',
      entityId: run.id,
      after: { periodFrom, periodTo, weights: input.weights, effectiveOn, stores: grades.length },
    },
    now,
  );
  return { ...gradeRunView(run), distribution: gradeDistribution(grades) };
}

export function gradeRunView(run: GradeRunRow) {
  return {
    id: run.id,
    periodFrom: run.periodFrom,
    periodTo: run.periodTo,
    weights: run.weights,
    effectiveOn: run.effectiveOn,
    status: run.status,
    storeCount: run.storeCount,
    createdAt: run.createdAt.toISOString(),
    publishedAt: run.publishedAt?.toISOString() ?? null,
  };
}

export async function listGradeRunViews(context: AppContext, actor: Actor) {
  return { items: (await listGradeRuns(context.db, actor.tenantId)).map(gradeRunView) };
}

export async function getGradeRunDetail(context: AppContext, actor: Actor, runId: number) {
  const run = await getGradeRun(context.db, actor.tenantId, runId);
  if (!run) throw new DomainError('NOT_FOUND');
  const counts = new Map(
    (await gradeCounts(context.db, actor.tenantId, actor.scope, runId)).map((row) => [row.grade, Number(row.count)]),
  );
  return {
    ...gradeRunView(run),
    distribution: Array.from({ length: 30 }, (_, index) => ({ grade: index + 1, count: counts.get(index + 1) ?? 0 })),
  };
}

// Only the newest run may be published, once.
export async function publishGradeRun(context: AppContext, actor: Actor, runId: number) {
  return context.db.transaction((tx) => publishGradeRunIn(tx, actor, runId, context.now()));
}

export async function publishGradeRunIn(tx: Executor, actor: Actor, runId: number, now: Date) {
  const run = await getGradeRun(tx, actor.tenantId, runId, true);
  if (!run) throw new DomainError('NOT_FOUND');
  checkGradeRunPublishable(run, await latestGradeRunId(tx, actor.tenantId));
  await publishGradeRunRow(tx, actor.tenantId, run.id, now);
  await recordChange(
    tx,
    actor,
    { action: 'publish', entity: 'grade_run', entityId: run.id, after: { effectiveOn: run.effectiveOn } },
    now,
  );
  return gradeRunView({ ...run, status: 'published', publishedAt: now });
}

// A store's grade history for its 360° view.
export async function getCustomerGrades(context: AppContext, actor: Actor, customerId: number) {
  const store = await findScopedCustomer(context.db, actor.tenantId, actor.scope, customerId);
  if (!store) throw new DomainError('NOT_FOUND');
  const rows = await gradesOfCustomer(context.db, actor.tenantId, customerId);
  return {
    items: rows.map((row) => ({
      runId: row.runId,
      grade: row.grade,
      score: Math.round(row.score * 10) / 10,
      amount: yuan(Number(row.amountFen)),
      quantity: row.quantity,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      effectiveOn: row.effectiveOn,
    })),
  };
}
