import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  checkInResultSchema,
  portalSessionListSchema,
  portalTestSchema,
  signupResultSchema,
  testResultSchema,
} from '../../../../server/src/modules/training/training.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { Wire } from '../../shared/wire.ts';

// 培训 for the store (/api/v1/portal/trainings…): the sessions open to it and its own; sign up
// (confirmed or waitlisted), cancel, check in with the code shown at the session, the post-test,
// the rating and the certificate.

export type PortalSession = Wire<typeof portalSessionListSchema>['items'][number];
export type SignupResult = Wire<typeof signupResultSchema>;
export type PortalTest = Wire<typeof portalTestSchema>;
export type TestResult = Wire<typeof testResultSchema>;

export const portalTrainingKeys = {
  all: ['portal', 'trainings'] as const,
  test: (id: number) => ['portal', 'trainings', id, 'test'] as const,
};

export function usePortalSessions() {
  return useQuery({
    queryKey: portalTrainingKeys.all,
    queryFn: ({ signal }) => api.get<{ items: PortalSession[] }>('/portal/trainings', undefined, { signal }),
  });
}

export function usePortalTest(id: number, enabled: boolean) {
  return useQuery({
    queryKey: portalTrainingKeys.test(id),
    queryFn: ({ signal }) => api.get<PortalTest>(`/portal/trainings/${id}/test`, undefined, { signal }),
    enabled,
  });
}

function usePortalTrainingMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: portalTrainingKeys.all }),
  });
}

export const useSignUp = () =>
  usePortalTrainingMutation((id: number) => api.post<SignupResult>(`/portal/trainings/${id}/signups`));
export const useCancelSignup = () =>
  usePortalTrainingMutation((id: number) => api.delete<void>(`/portal/trainings/${id}/signups`));
export const useCheckIn = () =>
  usePortalTrainingMutation(({ id, code }: { id: number; code: string }) =>
    api.post<Wire<typeof checkInResultSchema>>(`/portal/trainings/${id}/check-in`, { code }),
  );
export const useTakeTest = () =>
  usePortalTrainingMutation(({ id, answers }: { id: number; answers: number[] }) =>
    api.post<TestResult>(`/portal/trainings/${id}/test`, { answers }),
  );
export const useRate = () =>
  usePortalTrainingMutation(({ id, rating, comment }: { id: number; rating: number; comment: string | null }) =>
    api.post<{ rating: number }>(`/portal/trainings/${id}/rating`, { rating, comment }),
  );

export const portalCertificateUrl = (id: number) => buildUrl(`/portal/trainings/${id}/certificate`);

// My sessions first (those I signed up for, not cancelled), then the others open to me, each by start.
export function splitPortalSessions(items: readonly PortalSession[]) {
  const byStart = (a: PortalSession, b: PortalSession) => a.startsAt.localeCompare(b.startsAt);
  const mine = items.filter((item) => item.my && item.my.status !== 'cancelled').sort(byStart);
  const open = items.filter((item) => !mine.includes(item) && item.status === 'open').sort(byStart);
  return { mine, open };
}

// A check-in link's session and code (?session=12&code=123456), or null.
export function scannedCheckIn(search: string): { id: number; code: string } | null {
  const params = new URLSearchParams(search);
  const id = Number(params.get('session'));
  const code = params.get('code') ?? '';
  return Number.isInteger(id) && id > 0 && /^\d{6}$/.test(code) ? { id, code } : null;
}
