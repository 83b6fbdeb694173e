import type { AppContext } from '../../app-context.ts';
import { refreshStaleStatistics } from '../../db/planner-statistics.ts';
import { everyMinutes } from './cadence.rules.ts';
import type { Job } from './job-runner.ts';

// The embedded database's autovacuum, for the planner's statistics (db/planner-statistics.ts): every
// quarter of an hour, the tables that grew by a fifth since they were last analysed are analysed
// again. A PostgreSQL server does this itself, so there the job does nothing.
export const plannerStatisticsJob: Job = {
  name: 'database.statistics',
  description: "Refreshes the embedded database's planner statistics of tables that grew (PostgreSQL: autovacuum)",
  cadence: everyMinutes(15),
  run: async (context: AppContext) => ({
    tables: context.dbKind === 'pglite' ? await refreshStaleStatistics(context.db) : 0,
  }),
};
