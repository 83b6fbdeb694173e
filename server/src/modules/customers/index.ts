// The customers module: 客户档案 customer records, their districts and search.

export {
  type AdministrativeDivisions,
  administrativeDivisions,
  type CityDivisions,
  cityOf,
  type Division,
  districtsOfCity,
} from './administrative-divisions.ts';
export { customFieldRoutes as customerFieldRoutes } from './custom-fields.routes.ts';
export { customerImportRoutes } from './customer-import.routes.ts';
export { pruneImportErrorWorkbooks } from './customer-import.service.ts';
export { zhangzhouDistricts } from './customer-reference.ts';
export { type CustomerSearchKeys, searchKeysOf } from './customer-search.rules.ts';
export { type CustomerInsert, insertCustomers, insertDistricts } from './customers.repository.ts';
export { customerRoutes } from './customers.routes.ts';
