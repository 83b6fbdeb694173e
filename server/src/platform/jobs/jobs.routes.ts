import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../access/access-rule.ts';
import { type Job, lastRunsOf } from './job-runner.ts';

const runSchema = z.object({
  id: z.number(),
  runner: z.string().describe('host:pid of the server process that ran it'),
  startedAt: z.date(),
  finishedAt: z.date().nullable().describe('null while it runs'),
  durationMs: z.number().nullable(),
  ok: z.boolean().nullable(),
  outcome: z.record(z.string(), z.number()).nullable().describe("what the run did, in the job's words"),
  error: z.string().nullable(),
});

export const jobListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      cadence: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('minutes'), every: z.number() }),
          z.object({ kind: z.literal('daily'), at: z.string() }),
          z.object({ kind: z.literal('monthly'), day: z.number(), at: z.string() }),
        ])
        .describe('every N minutes, or daily / monthly at a Beijing time (HH:MM)'),
      runs: z.array(runSchema).describe('the last 10 runs, newest first'),
    }),
  ),
});

// 后台任务: what the server does on its own, and how its last runs went (administrators).
export const jobRoutes: FastifyPluginAsyncZod<{ context: AppContext; jobs: readonly Job[] }> = async (
  app,
  { context, jobs },
) => {
  app.get(
    '/jobs',
    {
      config: { access: allow('admin') },
      schema: {
        tags: ['platform'],
        summary: 'Background jobs and their last runs / 后台任务',
        description:
          'Every job the server runs on its own (the SLA sweep, the classification upkeep, the pruning), its cadence, and its last 10 runs: which process, when, how long, what it did or why it failed. A job runs once per deployment however many server processes there are.',
        response: { 200: jobListSchema },
      },
    },
    async () => {
      const runs = await lastRunsOf(
        context.db,
        jobs.map((job) => job.name),
      );
      return {
        items: jobs.map((job) => ({
          name: job.name,
          description: job.description,
          cadence: job.cadence,
          runs: runs.filter((run) => run.job === job.name),
        })),
      };
    },
  );
};
