// The visits module: 菜单式服务 (service menu, requests, 服务方式库) and 走访 (standards, monthly plans,
// daily routes, visit records and the observations they carry).

export { seedDemoPastVisitsIn, seedDemoVisitsIn } from './demo-visits.ts';
export { handOverPlannedVisitsIn } from './moved-stores.ts';
export { orderRoute } from './route.rules.ts';
export { serviceRoutes } from './services.routes.ts';
export { generateMonthlyPlan } from './visit-plan.rules.ts';
export { visitRoutes } from './visits.routes.ts';
export {
  serviceItems,
  visitPlanItems,
  visitPriceObservations,
  visitStockCounts,
  visits,
} from './visits.schema.ts';
export { generatePlansIn, terminalImageScoresOf } from './visits.service.ts';
