import { useQuery } from '@tanstack/react-query';
import type { organisationOverviewSchema } from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import { usersQueryKey } from '../../shared/users.api.ts';
import type { Wire } from '../../shared/wire.ts';

// The administrator's figures in one request (GET /organisation/overview), counted as the staff
// list and the org units page count them: not a request per figure, nor the whole org-unit tree
// to count it (bench/lighthouse.ts). Under the users' key, so a change to the staff refreshes it.
export type OrganisationOverview = Wire<typeof organisationOverviewSchema>;

export function useOrganisationOverview(isEnabled: boolean) {
  return useQuery({
    queryKey: [...usersQueryKey, 'overview'],
    queryFn: () => api.get<OrganisationOverview>('/organisation/overview'),
    enabled: isEnabled,
  });
}
