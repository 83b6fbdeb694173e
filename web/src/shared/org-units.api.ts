import { useQuery } from '@tanstack/react-query';
import type { orgUnitSchema } from '../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from './api-client.ts';
import type { SameCodes, Wire } from './wire.ts';

// The organisation's units (GET /org-units): the org-units page edits them; the users page and the
// home page read them.

export const orgUnitKinds = ['city', 'branch', 'department'] as const;

// The organisation contract, as the server declares it (organisation.contract.ts).
export type OrgUnit = Wire<typeof orgUnitSchema>;
export type OrgUnitKind = SameCodes<(typeof orgUnitKinds)[number], OrgUnit['kind']>;

export const orgUnitsQueryKey = ['org-units'] as const;

export function useOrgUnits({ isEnabled = true }: { isEnabled?: boolean } = {}) {
  return useQuery({
    queryKey: orgUnitsQueryKey,
    queryFn: () => api.get<{ items: OrgUnit[] }>('/org-units'),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled: isEnabled,
  });
}
