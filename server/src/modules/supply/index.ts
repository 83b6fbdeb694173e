// The supply module: 档位 grades, 订货周期 order cycles, 货源投放 allocation and 订货 ordering.

export { portalOrderRoutes } from './portal-orders.routes.ts';
export { supplyRoutes } from './supply.routes.ts';
