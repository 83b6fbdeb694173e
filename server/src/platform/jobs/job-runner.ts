import { hostname } from 'node:os';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Cadence, nextRunAfter } from './cadence.rules.ts';
import { jobRuns } from './jobs.schema.ts';

// Work the server does on its own, on a cadence, for every city company in the deployment.
// `run` may say what it did as counts ({ events: 12 }); they are kept with the run.
export type Job = {
  name: string;
  description: string;
  cadence: Cadence;
  run: (context: AppContext) => Promise<unknown>;
};

export type JobOutcome = Record<string, number>;

const isOutcome = (value: unknown): value is JobOutcome =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((count) => typeof count === 'number' && Number.isFinite(count));

const runnerName = `${hostname()}:${process.pid}`;

// Runs a job if it is due, once per deployment however many server processes share the database:
// on PostgreSQL a transaction-scoped advisory lock is taken before the last run is read, so two
// processes never both find it due; PGlite's data directory belongs to one process (db/client.ts
// lockDataDir), which needs no lock. Returns whether it ran.
export async function runJobIfDue(context: AppContext, job: Job): Promise<boolean> {
  if (context.dbKind === 'pglite') return runIfDue(context, context.db, job);
  let ran = false;
  await context.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${`kewo job ${job.name}`})) AS locked`),
    );
    if (!lock?.locked) return;
    ran = await runIfDue(context, tx, job);
  });
  return ran;
}

async function runIfDue(context: AppContext, lockHolder: Executor, job: Job): Promise<boolean> {
  const [last] = await lockHolder
    .select({ startedAt: jobRuns.startedAt })
    .from(jobRuns)
    .where(eq(jobRuns.job, job.name))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  const startedAt = context.now();
  if (startedAt < nextRunAfter(job.cadence, last?.startedAt)) return false;
  // Written outside the lock's transaction, so the run shows while it is in flight.
  const [run] = await context.db
    .insert(jobRuns)
    .values({ job: job.name, runner: runnerName, startedAt })
    .returning({ id: jobRuns.id });
  const started = performance.now();
  let outcome: JobOutcome | undefined;
  let error: string | undefined;
  try {
    const result = await job.run(context);
    if (isOutcome(result)) outcome = result;
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  await context.db
    .update(jobRuns)
    .set({
      finishedAt: context.now(),
      durationMs: Math.round(performance.now() - started),
      ok: error === undefined,
      outcome: outcome ?? null,
      error: error ?? null,
    })
    .where(eq(jobRuns.id, run.id));
  if (error !== undefined) throw new Error(`job ${job.name} failed: ${error}`);
  return true;
}

// Starts the jobs: each is looked at every `tickMs` and run when due, never two rounds of one job
// at a time. The stop waits for the rounds in flight, so the database closes after them.
export function startJobs(
  context: AppContext,
  jobs: readonly Job[],
  onError: (error: unknown) => void,
  tickMs = 15_000,
): () => Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  const tick = () => {
    for (const job of jobs) {
      if (inFlight.has(job.name)) continue;
      const round = runJobIfDue(context, job)
        .then(() => undefined, onError)
        .finally(() => inFlight.delete(job.name));
      inFlight.set(job.name, round);
    }
  };
  tick();
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight.values());
  };
}

export type JobRun = typeof jobRuns.$inferSelect;

// The last runs of each job, newest first.
export async function lastRunsOf(executor: Executor, names: readonly string[], perJob = 10): Promise<JobRun[]> {
  if (names.length === 0) return [];
  const ranked = executor
    .select({
      id: jobRuns.id,
      rank: sql<number>`row_number() OVER (PARTITION BY ${jobRuns.job} ORDER BY ${jobRuns.startedAt} DESC)`.as('rank'),
    })
    .from(jobRuns)
    .where(inArray(jobRuns.job, [...names]))
    .as('ranked');
  return executor
    .select({
      id: jobRuns.id,
      job: jobRuns.job,
      runner: jobRuns.runner,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      durationMs: jobRuns.durationMs,
      ok: jobRuns.ok,
      outcome: jobRuns.outcome,
      error: jobRuns.error,
    })
    .from(jobRuns)
    .innerJoin(ranked, and(eq(ranked.id, jobRuns.id), sql`${ranked.rank} <= ${perJob}`))
    .orderBy(jobRuns.job, desc(jobRuns.startedAt));
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
