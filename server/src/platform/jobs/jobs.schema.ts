import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// 后台任务: one row per run of a background job (the SLA sweep, the classification upkeep, the
// pruning…), whichever server process ran it. A job runs once per deployment: the runner takes a
// lock before it reads the last run here.
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    // host:pid of the process that ran it.
    runner: text('runner').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    ok: boolean('ok'),
    // What the run did, in the job's words (e.g. { processed: 12 }); the error's message if it failed.
    outcome: jsonb('outcome').$type<Record<string, number>>(),
    error: text('error'),
  },
  (table) => [index('job_runs_job_started_idx').on(table.job, table.startedAt)],
);
