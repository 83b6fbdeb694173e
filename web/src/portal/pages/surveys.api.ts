import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  draftBody,
  portalSurveyListSchema,
  portalSurveySchema,
  responseResultSchema,
} from '../../../../server/src/modules/surveys/surveys.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// 问卷调查 (the surveys module's portal routes, /api/v1/portal/surveys): the questionnaires sent to
// the signed-in store. One answer per store and wave: a second one is refused (409 ALREADY_ANSWERED).
// No form library here: the portal's home reads the list, and SurveyJS comes with the answer page.

export type PortalSurveyItem = Wire<typeof portalSurveyListSchema>['items'][number];
export type PortalSurveyStatus = PortalSurveyItem['status'];
export type PortalSurvey = Wire<typeof portalSurveySchema>;
export type PortalSurveyDraft = Body<typeof draftBody>;
export type PortalSurveyReceipt = Wire<typeof responseResultSchema>;

export const portalSurveyKeys = {
  all: ['portal', 'surveys'] as const,
  one: (waveId: string) => ['portal', 'surveys', waveId] as const,
};

// Open and answered questionnaires sent to the store.
export function usePortalSurveys(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: portalSurveyKeys.all,
    queryFn: ({ signal }) => api.get<{ items: PortalSurveyItem[] }>('/portal/surveys', undefined, { signal }),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

export function usePortalSurvey(waveId: string) {
  return useQuery({
    queryKey: portalSurveyKeys.one(waveId),
    queryFn: ({ signal }) =>
      api.get<PortalSurvey>(`/portal/surveys/${encodeURIComponent(waveId)}`, undefined, { signal }),
    // The answers being typed live in the form: a refetch must not reset it.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

// The answers so far and the page reached, kept by the server so the store can come back later.
export function useSaveSurveyDraft(waveId: string) {
  return useMutation({
    mutationFn: (draft: PortalSurveyDraft) =>
      api.put<void>(`/portal/surveys/${encodeURIComponent(waveId)}/draft`, draft),
  });
}

export function useSubmitSurvey(waveId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      api.post<PortalSurveyReceipt>(`/portal/surveys/${encodeURIComponent(waveId)}/responses`, { data }),
    onSettled: () => void client.invalidateQueries({ queryKey: portalSurveyKeys.all, refetchType: 'none' }),
  });
}

// The questionnaires a store still has to answer (open and not answered), the soonest closing first.
export function openSurveys(items: readonly PortalSurveyItem[]): PortalSurveyItem[] {
  return items
    .filter((item) => item.status === 'open' && !item.answered)
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.title.localeCompare(b.title));
}
