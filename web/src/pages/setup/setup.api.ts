import { useQuery } from '@tanstack/react-query';
import type {
  firstAdminSchema,
  setupStatusSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// The setup contract, as the server declares it (organisation.contract.ts).
export type SetupStatus = Wire<typeof setupStatusSchema>;
export type SetupCity = NonNullable<SetupStatus['cities']>[number];
export type SetupRequest = Body<typeof firstAdminSchema>;

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
