// The organisation module: city companies, org units and staff accounts.

export {
  findFirstTenant,
  findOrgUnitByCode,
  findRootOrgUnit,
  insertOrgUnit,
  insertUser,
} from './organisation.repository.ts';
export { organisationRoutes } from './organisation.routes.ts';
export { createTenantWithAdmin, createUserFromConsole, isSetupNeeded } from './organisation.service.ts';
