import { useQuery } from '@tanstack/react-query';
import type { setupStatusSchema } from '../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from './api-client.ts';
import type { Wire } from './wire.ts';

// Whether the deployment still waits for its first administrator (GET /setup): the setup page
// asks, and so does the sign-in page, to point there.
export type SetupStatus = Wire<typeof setupStatusSchema>;

export const setupStatusQueryKey = ['setup'] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusQueryKey,
    queryFn: () => api.get<SetupStatus>('/setup', undefined, { redirectOnUnauthorized: false }),
    staleTime: 5 * 60_000,
  });
}
