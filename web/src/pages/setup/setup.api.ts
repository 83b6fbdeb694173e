import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

export type SetupStatus = { needed: boolean };

export type SetupRequest = { cityName: string; username: string; displayName: string; password: string };

export const setupStatusQueryKey = ['setup'] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusQueryKey,
    queryFn: () => api.get<SetupStatus>('/setup', undefined, { redirectOnUnauthorized: false }),
    staleTime: 5 * 60_000,
  });
}

export function createFirstAdmin(request: SetupRequest) {
  return api.post<unknown>('/setup', request, { redirectOnUnauthorized: false });
}
