// The supply module: 档位 grades, 订货周期 order cycles, 货源投放 allocation and 订货 ordering.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { portalOrderRoutes } from './portal-orders.routes.ts';
import { supplyErrors } from './supply.errors.ts';
import { supplyRoutes } from './supply.routes.ts';

export type { AllocationStrategy } from './allocation-strategy.rules.ts';
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
export { findCurrentCycle } from './supply.repository.ts';
export { supplyRoutes } from './supply.routes.ts';
export { cycleProducts, orderCycles } from './supply.schema.ts';

export const supplyModule: KewoModule = {
  name: 'supply',
  routes: [supplyRoutes, portalOrderRoutes],
  errors: supplyErrors,
};
