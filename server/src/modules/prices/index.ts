// The prices module: 价格监管 (C8) — price observations (retailers' reports, inspectors' market
// checks; visits' own are read from the visits module), the price index, warning rules and warnings,
// and the way from a warning to the next allocation (限点限量).
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { marginRoutes } from './margin.routes.ts';
import { marginRefreshJob } from './margin.service.ts';
import { portalPriceRoutes } from './portal-prices.routes.ts';
import { priceErrors } from './prices.errors.ts';
import { priceRoutes } from './prices.routes.ts';
import { priceWarningJob } from './prices.service.ts';
import { pricesPortalRoutes } from './prices-portal.routes.ts';

// Credit's facts: a store's own price reports, as a measure of 信息配合.
export { priceReportMeasuresSql } from './credit-facts.ts';
// 零售毛利率: the figures (the benchmark's), and the roll-up's refresh (the demo's, after its history).
export { refreshMarginWeeksIn, writeMarginGroupsIn } from './margin.repository.ts';
export { marginFigures, marginRefreshJob, refreshMarginsOf } from './margin.service.ts';
export { portalPriceRoutes } from './portal-prices.routes.ts';
export { figuresOf, indexOf, type ProductCell } from './price-index.rules.ts';
export { mondayOfIsoWeek, packPriceFenOf, suggestedPackFenOf, weekBounds } from './price-observation.rules.ts';
export { type IndexGrouping, type IndexRow, indexGroupings } from './prices.contract.ts';
// The observations of every source as SQL (source, ref_id, customer_id, product_id, district_code,
// branch_id, org_path, manager_id, pack_price_fen, observed_at), and those that count in the index
// (with week_start and suggested_fen): `FROM (${priceObservationsSql(tenantId, from, until)}) o`.
export { countedObservationsSql, priceObservationsSql } from './prices.repository.ts';
export { priceRoutes } from './prices.routes.ts';
// Tables for other modules' reads only (the margin, the 360° view, the demo's writes go through
// the services below).
export { type PriceReportSource, priceReports, priceWarningRules, priceWarnings } from './prices.schema.ts';
export {
  evaluateWarningsIn,
  indexDefinition,
  priceIndexRows,
  priceWarningJob,
  reportPortalPrice,
} from './prices.service.ts';

export const pricesModule: KewoModule = {
  name: 'prices',
  routes: [priceRoutes, portalPriceRoutes, marginRoutes, pricesPortalRoutes],
  jobs: [priceWarningJob, marginRefreshJob],
  errors: priceErrors,
};
