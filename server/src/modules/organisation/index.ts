// The organisation module: city companies, org units and staff accounts.

export {
  findFirstTenant,
  findOrgUnitByCode,
  findRootOrgUnit,
  insertOrgUnit,
  insertUser,
} from './organisation.repository.ts';
export { organisationRoutes } from './organisation.routes.ts';
export {
  createTenantFromConsole,
  createTenantWithAdmin,
  createUserFromConsole,
  isSetupNeeded,
  listTenantsForConsole,
} from './organisation.service.ts';
