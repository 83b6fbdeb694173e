import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

export type SetupCity = { code: string; name: string; province: string };

export type SetupStatus = { needed: boolean; cities?: SetupCity[] };

export type SetupRequest = {
  cityCode: string;
  cityName: string;
  username: string;
  displayName: string;
  password: string;
};

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
