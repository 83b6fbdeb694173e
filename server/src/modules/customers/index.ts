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
export { insertCustomersInBulk } from './customer-import.repository.ts';
export { customerImportRoutes } from './customer-import.routes.ts';
export {
  importErrorFilesPruningJob,
  type MovedStore,
  pruneImportErrorWorkbooks,
  type StoresMovedSteps,
} from './customer-import.service.ts';
export { zhangzhouDistricts } from './customer-reference.ts';
export { type CustomerSearchKeys, searchKeysOf } from './customer-search.rules.ts';
// The spreadsheet reading and writing the customer import built, shared with the products module.
export { cellText } from './customer-sheet.rules.ts';
export {
  detectSheet,
  readSheetRows,
  type SheetKind,
  sheetLimits,
  unreadableHint,
  unreadableReasonOf,
} from './customer-sheet-reader.ts';
export {
  createSheetWriter,
  type DownloadContext,
  downloadFor,
  noRows,
  prepareSheetDownload,
  streamDownload,
} from './customer-sheet-writer.ts';
export { reassignResultSchema, reassignSchema } from './customers.contract.ts';
export { type CustomerInsert, findTenantIdsServingDistricts, insertDistricts } from './customers.repository.ts';
export { customerRoutes } from './customers.routes.ts';
// The customers table and its vocabularies, for other modules' reads (joins, scopes); only the
// customers module writes it.
export {
  type CustomerClass,
  customerClasses,
  customerFormats,
  customers,
  type DemoType,
  demoTypes,
  urbanRuralKinds,
} from './customers.schema.ts';
export { reassignCustomersIn } from './customers.service.ts';
