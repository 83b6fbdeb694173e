import { classificationUpkeepJob } from './modules/classification/index.ts';
import { importErrorFilesPruningJob } from './modules/customers/index.ts';
import { ticketSweepJob } from './modules/tickets/index.ts';
import { authPruningJob } from './platform/auth/housekeeping.ts';
import type { Job } from './platform/jobs/job-runner.ts';

// Every job the server runs on its own (platform/jobs): started by main.ts, listed to
// administrators at GET /api/v1/jobs. A module with a job adds it here.
export const backgroundJobs: readonly Job[] = [
  ticketSweepJob,
  classificationUpkeepJob,
  authPruningJob,
  importErrorFilesPruningJob,
];
