import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { jobListSchema } from '../../../../server/src/platform/jobs/jobs.routes.ts';
import { api } from '../../shared/api-client.ts';

// The server's answer, as JSON (dates as ISO text).
type JobList = z.output<typeof jobListSchema>;
export type BackgroundJob = Omit<JobList['items'][number], 'runs'> & { runs: JobRun[] };
export type JobRun = Omit<JobList['items'][number]['runs'][number], 'startedAt' | 'finishedAt'> & {
  startedAt: string;
  finishedAt: string | null;
};
export type Cadence = BackgroundJob['cadence'];

export const useJobs = () =>
  useQuery({
    queryKey: ['jobs'],
    queryFn: () => api.get<{ items: BackgroundJob[] }>('/jobs'),
    refetchInterval: 30_000,
  });
