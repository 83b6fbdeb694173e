import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  contestInputSchema,
  contestListSchema,
  contestPhotoSchema,
  contestSchema,
  entryCreatedSchema,
  entryInputSchema,
  entryListSchema,
  portalContestListSchema,
  portalEntryInputSchema,
  rankingSchema,
  scoreCreatedSchema,
  scoreInputSchema,
} from '../../../../server/src/modules/terminals/contests.contract.ts';
import type { ContestStatus as ServerContestStatus } from '../../../../server/src/modules/terminals/contests.schema.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 陈列创意大赛 (/api/v1/contests…, /api/v1/portal/contests…): the terminals module's contest
// contract (contests.contract.ts). A judge reads only their own scores; the ranking before
// publication only organisers who do not judge (403 CONTEST_RANKING_HIDDEN otherwise).

export const contestStatuses = ['open', 'published'] as const;
export type ContestStatus = SameCodes<(typeof contestStatuses)[number], ServerContestStatus>;

export type Contest = Wire<typeof contestSchema>;
export type ContestCriterion = Contest['criteria'][number];
export type ContestInput = Body<typeof contestInputSchema>;
export type Entry = Wire<typeof entryListSchema>['items'][number];
export type EntryInput = Body<typeof entryInputSchema>;
export type PortalEntryInput = Body<typeof portalEntryInputSchema>;
export type EntryCreated = Wire<typeof entryCreatedSchema>;
export type ScoreInput = Body<typeof scoreInputSchema>;
export type ScoreCreated = Wire<typeof scoreCreatedSchema>;
export type Ranking = Wire<typeof rankingSchema>;
export type RankingRow = Ranking['items'][number];
export type ContestPhoto = Wire<typeof contestPhotoSchema>;
export type PortalContest = Wire<typeof portalContestListSchema>['items'][number];

export const contestKeys = {
  all: ['contests'] as const,
  list: () => ['contests', 'list'] as const,
  one: (id: number) => ['contests', id] as const,
  entries: (id: number) => ['contests', id, 'entries'] as const,
  ranking: (id: number) => ['contests', id, 'ranking'] as const,
  portal: ['portal', 'contests'] as const,
};

export function useContests() {
  return useQuery({
    queryKey: contestKeys.list(),
    queryFn: ({ signal }) => api.get<Wire<typeof contestListSchema>>('/contests', undefined, { signal }),
  });
}

export function useContest(id: number) {
  return useQuery({
    queryKey: contestKeys.one(id),
    queryFn: ({ signal }) => api.get<Contest>(`/contests/${id}`, undefined, { signal }),
    enabled: id > 0,
  });
}

export function useEntries(id: number) {
  return useQuery({
    queryKey: contestKeys.entries(id),
    queryFn: ({ signal }) => api.get<{ items: Entry[] }>(`/contests/${id}/entries`, undefined, { signal }),
    enabled: id > 0,
  });
}

// Asked only when the caller may see it (see canSeeRanking).
export function useRanking(id: number, enabled: boolean) {
  return useQuery({
    queryKey: contestKeys.ranking(id),
    queryFn: ({ signal }) => api.get<Ranking>(`/contests/${id}/ranking`, undefined, { signal }),
    enabled: id > 0 && enabled,
  });
}

export function usePortalContests() {
  return useQuery({
    queryKey: contestKeys.portal,
    queryFn: ({ signal }) => api.get<{ items: PortalContest[] }>('/portal/contests', undefined, { signal }),
  });
}

export const createContest = (input: ContestInput) => api.post<Contest>('/contests', input);
export const submitEntry = ({ contestId, input }: { contestId: number; input: EntryInput }) =>
  api.post<EntryCreated>(`/contests/${contestId}/entries`, input);
export const scoreEntry = ({ contestId, entryId, input }: { contestId: number; entryId: number; input: ScoreInput }) =>
  api.post<ScoreCreated>(`/contests/${contestId}/entries/${entryId}/scores`, input);
export const publishContest = (id: number) => api.post<Ranking>(`/contests/${id}/publish`);
export const submitPortalEntry = ({ contestId, input }: { contestId: number; input: PortalEntryInput }) =>
  api.post<EntryCreated>(`/portal/contests/${contestId}/entries`, input);

// Photos go as multipart "file": staff upload to /contests/photos, a store to /portal/contests/photos.
export const uploadContestPhoto = (file: File) => postFile<ContestPhoto>('/contests/photos', file);
export const uploadPortalContestPhoto = (file: File) => postFile<ContestPhoto>('/portal/contests/photos', file);

export const contestPhotoUrl = (id: number) => buildUrl(`/contests/photos/${id}`);
export const bookletUrl = (id: number) => buildUrl(`/contests/${id}/booklet`);

// Every contest query is refreshed after a change (the portal's list too).
export function useContestMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: contestKeys.all });
      void client.invalidateQueries({ queryKey: contestKeys.portal });
    },
  });
}

// The server's rule (contests.service.ts getRanking): after publication every staff member; before,
// only an organiser (who may publish: marketing or admin with a city-wide scope) not judging it.
export function canSeeRanking(contest: Pick<Contest, 'status' | 'isJudge'>, mayPublish: boolean): boolean {
  return contest.status === 'published' || (mayPublish && !contest.isJudge);
}

// A judge's total as the server computes it (contests.rules.ts judgeTotal): the weighted mean on a
// 0–100 scale, shown while scoring before it is sent.
export function judgeTotal(criteria: readonly ContestCriterion[], scores: Readonly<Record<string, number>>): number {
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (weights === 0) return 0;
  const weighted = criteria.reduce(
    (sum, criterion) => sum + criterion.weight * ((scores[criterion.key] ?? 0) / criterion.maxScore),
    0,
  );
  return (weighted * 100) / weights;
}

export type StoreHit = { id: number; licenceNo: string; name: string; branchName: string | null };

// The store an entry is for: GET /customers by name or licence number, within the caller's scope.
export function useStoreSearch(q: string) {
  return useQuery({
    queryKey: ['contests', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
