import type { firstAdminSchema } from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { SetupStatus } from '../../shared/setup-status.ts';
import type { Body } from '../../shared/wire.ts';

export { setupStatusQueryKey, useSetupStatus } from '../../shared/setup-status.ts';

// The setup contract, as the server declares it (organisation.contract.ts).
export type SetupCity = NonNullable<SetupStatus['cities']>[number];
export type SetupRequest = Body<typeof firstAdminSchema>;

export function createFirstAdmin(request: SetupRequest) {
  return api.post<unknown>('/setup', request, { redirectOnUnauthorized: false });
}
