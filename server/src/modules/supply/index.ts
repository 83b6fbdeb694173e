// The supply module: 档位 grades, 订货周期 order cycles, 货源投放 allocation and 订货 ordering.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { portalOrderRoutes } from './portal-orders.routes.ts';
import { settlementRoutes } from './settlements.routes.ts';
import { supplyErrors } from './supply.errors.ts';
import { supplyRoutes } from './supply.routes.ts';

export type { AllocationStrategy } from './allocation-strategy.rules.ts';
// Credit's facts: settled orders as events, ordering regularity and tenure as measures.
export { orderingMeasuresSql, settlementEventsSql } from './credit-facts.ts';
export { cyclePurchasesSql } from './cycle-purchases.ts';
export { createCycleIn, publishCycleIn, setCycleProductsIn } from './cycles.service.ts';
export { computeGradeRunIn, publishGradeRunIn } from './grades.service.ts';
export { cycleCodeOf } from './order.rules.ts';
export {
  type CycleAllocation,
  closeCycleIn,
  type PastOrder,
  readCycleAllocationIn,
  recordPastOrdersIn,
} from './order-history.service.ts';
export { portalOrderRoutes } from './portal-orders.routes.ts';
// 客户范围 segment: the allocation's 限点 vocabulary, shared with brand programmes' target stores
// (its rules, and its stores as SQL: storesInSegmentSql selects customer_id of the active ones).
export {
  customerClassLabels,
  customerFormatLabels,
  demoTypeLabels,
  describeSegment,
  failedSegment,
  type Segment,
  type SegmentKey,
  type SegmentStore,
  type SegmentVocabulary,
  segmentKeyLabels,
  segmentProblems,
  urbanRuralLabels,
} from './segment.rules.ts';
export {
  countStoresInSegment,
  currentGradeRunIdSql,
  type SegmentStoresOptions,
  storesInSegmentSql,
} from './segment-stores.ts';
// An accepted credit appeal against a late payment: the order's settlement becomes on time.
export { markSettlementOnTimeIn } from './settlements.service.ts';
export { segmentSchema } from './supply.contract.ts';
export { findCurrentCycle } from './supply.repository.ts';
export { supplyRoutes } from './supply.routes.ts';
// Tables for other modules' reads only. store_product_weeks (店品周汇总): a row per tenant, product,
// cycle and store while the store's ordered cartons of it in the cycle are above 0 (rows at 0 are
// deleted) — ordered, quota (-1 unlimited), week_start; written with store_quotas.ordered in the same
// statement (store-product-weeks.ts).
export { customerGrades, cycleProducts, orderCycles, storeProductWeeks } from './supply.schema.ts';

export const supplyModule: KewoModule = {
  name: 'supply',
  routes: [supplyRoutes, portalOrderRoutes, settlementRoutes],
  errors: supplyErrors,
};
