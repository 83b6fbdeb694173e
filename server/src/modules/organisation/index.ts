// The organisation module: city companies, org units and staff accounts.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { organisationErrors } from './organisation.errors.ts';
import { organisationRoutes } from './organisation.routes.ts';

export { findFirstTenant, findOrgUnitByCode, findRootOrgUnit } from './organisation.repository.ts';
export { organisationRoutes } from './organisation.routes.ts';
export {
  createTenantFromConsole,
  createTenantWithAdmin,
  createUserFromConsole,
  isSetupNeeded,
  listTenantsForConsole,
} from './organisation.service.ts';

export const organisationModule: KewoModule = {
  name: 'organisation',
  routes: [organisationRoutes],
  errors: organisationErrors,
};
