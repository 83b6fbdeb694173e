// The customers module: 客户档案 customer records, their districts and search.
import type { KewoModule, ModuleRoutes } from '../../platform/modules/kewo-module.ts';
import { customFieldRoutes } from './custom-fields.routes.ts';
import { customerImportRoutes } from './customer-import.routes.ts';
import { importErrorFilesPruningJob, type StoresMovedSteps } from './customer-import.service.ts';
import { customerErrors } from './customers.errors.ts';
import { customerRoutes } from './customers.routes.ts';

// 在营客户: the one condition every figure that counts stores uses, and the counts of a scope.
export { activeStoresSql, countStores, type StoreCounts, type StoreReach } from './active-stores.ts';
export {
  type AdministrativeDivisions,
  administrativeDivisions,
  type CityDivisions,
  cityOf,
  type Division,
  districtsOfCity,
} from './administrative-divisions.ts';
export { customFieldRoutes as customerFieldRoutes } from './custom-fields.routes.ts';
// A store's class, as the classification workflows decide it.
export { type CustomerClassChange, setCustomerClassesIn } from './customer-classes.service.ts';
export { insertCustomersInBulk } from './customer-import.repository.ts';
export { customerImportRoutes } from './customer-import.routes.ts';
export {
  findConsoleImporter,
  getImportErrorWorkbook,
  importCustomers,
  importErrorFilesPruningJob,
  type MovedStore,
  pruneImportErrorWorkbooks,
  type StoresMovedSteps,
} from './customer-import.service.ts';
export { type CustomerSearchKeys, searchKeysOf } from './customer-search.rules.ts';
export { reassignResultSchema, reassignSchema } from './customers.contract.ts';
export { type CustomerInsert, findTenantIdsServingDistricts, insertDistricts } from './customers.repository.ts';
export { customerRoutes } from './customers.routes.ts';
// The customers table and its vocabularies, for other modules' reads (joins, scopes); only the
// customers module writes it.
export {
  type CustomerClass,
  type CustomerFormat,
  customerClasses,
  customerFormats,
  customers,
  type DemoType,
  demoTypes,
  districts,
  type UrbanRural,
  urbanRuralKinds,
} from './customers.schema.ts';
export { reassignCustomersIn } from './customers.service.ts';

// What a store's move (an import that changes its manager or place) also moves, in the same
// transaction: given by the reassign-customers workflow, which customers may not import.
export function customersModule(steps: { onStoresMoved: StoresMovedSteps }): KewoModule {
  const importRoutes: ModuleRoutes = async (app, { context }) => {
    await app.register(customerImportRoutes, { context, onStoresMoved: steps.onStoresMoved });
  };
  return {
    name: 'customers',
    routes: [customerRoutes, customFieldRoutes, importRoutes],
    jobs: [importErrorFilesPruningJob],
    errors: customerErrors,
  };
}
