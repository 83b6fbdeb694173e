import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

export const orgUnitKinds = ['city', 'branch', 'department'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export type OrgUnit = {
  id: number;
  parentId: number | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
  path: string;
};

export type CreateOrgUnitRequest = { parentId: number; kind: OrgUnitKind; name: string; code: string };
export type UpdateOrgUnitRequest = { name?: string; code?: string };

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
