import { useQuery } from '@tanstack/react-query';
import type {
  newOrgUnitSchema,
  orgUnitChangesSchema,
  orgUnitSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

export const orgUnitKinds = ['city', 'branch', 'department'] as const;

// The organisation contract, as the server declares it (organisation.contract.ts).
export type OrgUnit = Wire<typeof orgUnitSchema>;
export type OrgUnitKind = SameCodes<(typeof orgUnitKinds)[number], OrgUnit['kind']>;
export type CreateOrgUnitRequest = Body<typeof newOrgUnitSchema>;
export type UpdateOrgUnitRequest = Body<typeof orgUnitChangesSchema>;

export const orgUnitsQueryKey = ['org-units'] as const;

export function useOrgUnits() {
  return useQuery({
    queryKey: orgUnitsQueryKey,
    queryFn: () => api.get<{ items: OrgUnit[] }>('/org-units'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function createOrgUnit(request: CreateOrgUnitRequest) {
  return api.post<OrgUnit>('/org-units', request);
}

export function updateOrgUnit(id: number, request: UpdateOrgUnitRequest) {
  return api.patch<OrgUnit>(`/org-units/${id}`, request);
}
