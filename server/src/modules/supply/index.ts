// The supply module: 档位 grades, 订货周期 order cycles, 货源投放 allocation and 订货 ordering.

export type { AllocationStrategy } from './allocation.rules.ts';
export { createCycleIn, publishCycleIn, setCycleProductsIn } from './cycles.service.ts';
export { computeGradeRunIn, publishGradeRunIn } from './grades.service.ts';
export { addDays, cycleCodeOf, mondayOf } from './order.rules.ts';
export { portalOrderRoutes } from './portal-orders.routes.ts';
export { findCurrentCycle } from './supply.repository.ts';
export { supplyRoutes } from './supply.routes.ts';
export { cycleProducts, orderCycles } from './supply.schema.ts';
