import type {
  newOrgUnitSchema,
  orgUnitChangesSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { OrgUnit } from '../../shared/org-units.api.ts';
import type { Body } from '../../shared/wire.ts';

export { type OrgUnit, type OrgUnitKind, orgUnitsQueryKey, useOrgUnits } from '../../shared/org-units.api.ts';

export type CreateOrgUnitRequest = Body<typeof newOrgUnitSchema>;
export type UpdateOrgUnitRequest = Body<typeof orgUnitChangesSchema>;

export function createOrgUnit(request: CreateOrgUnitRequest) {
  return api.post<OrgUnit>('/org-units', request);
}

export function updateOrgUnit(id: number, request: UpdateOrgUnitRequest) {
  return api.patch<OrgUnit>(`/org-units/${id}`, request);
}
