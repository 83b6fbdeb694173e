import { modules } from './modules.ts';
import { authPruningJob } from './platform/auth/housekeeping.ts';
import type { Job } from './platform/jobs/job-runner.ts';
import { plannerStatisticsJob } from './platform/jobs/planner-statistics.job.ts';

// Every job the server runs on its own (platform/jobs): the platform's and each module's
// (its manifest's `jobs`). Started by main.ts, listed to administrators at GET /api/v1/jobs.
export const backgroundJobs: readonly Job[] = [
  ...modules.flatMap((module) => module.jobs ?? []),
  authPruningJob,
  plannerStatisticsJob,
];
