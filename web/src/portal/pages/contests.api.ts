import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  contestPhotoSchema,
  entryCreatedSchema,
  portalContestListSchema,
  portalEntryInputSchema,
} from '../../../../server/src/modules/terminals/contests.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { businessTimeZone } from '../../shared/format.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// 陈列创意大赛 for the store (/api/v1/portal/contests…): the open and published contests, the
// store's entry, the winners and the booklet. One entry a store, until the entry deadline.

export type PortalContest = Wire<typeof portalContestListSchema>['items'][number];
export type PortalEntryInput = Body<typeof portalEntryInputSchema>;
export type ContestPhoto = Wire<typeof contestPhotoSchema>;

export const portalContestKeys = { all: ['portal', 'contests'] as const };

export function usePortalContests() {
  return useQuery({
    queryKey: portalContestKeys.all,
    queryFn: ({ signal }) => api.get<{ items: PortalContest[] }>('/portal/contests', undefined, { signal }),
  });
}

export const uploadEntryPhoto = (file: File) => postFile<ContestPhoto>('/portal/contests/photos', file);
export const contestPhotoUrl = (id: number) => buildUrl(`/contests/photos/${id}`);

export function useSubmitPortalEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contestId, input }: { contestId: number; input: PortalEntryInput }) =>
      api.post<Wire<typeof entryCreatedSchema>>(`/portal/contests/${contestId}/entries`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: portalContestKeys.all }),
  });
}

// Today in Beijing as '2026-12-07' (the contest's days are Beijing days).
export function beijingToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone }).format(now);
}

export type PortalContestState = 'open' | 'closed' | 'published';

// What the store reads on the card: taking entries until the deadline, judging after it, then
// published.
export function portalContestState(contest: Pick<PortalContest, 'status' | 'entryDeadline'>, today: string) {
  if (contest.status === 'published') return 'published' satisfies PortalContestState;
  return (today <= contest.entryDeadline ? 'open' : 'closed') satisfies PortalContestState;
}

// Open first (soonest deadline), then judging, then published (newest first).
export function sortPortalContests(items: readonly PortalContest[], today: string): PortalContest[] {
  const rank = { open: 0, closed: 1, published: 2 } as const;
  return [...items].sort(
    (a, b) =>
      rank[portalContestState(a, today)] - rank[portalContestState(b, today)] ||
      (portalContestState(a, today) === 'published'
        ? b.endsOn.localeCompare(a.endsOn)
        : a.entryDeadline.localeCompare(b.entryDeadline)) ||
      a.id - b.id,
  );
}
