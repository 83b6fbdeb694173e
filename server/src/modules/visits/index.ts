// The visits module: 菜单式服务 (service menu, requests, 服务方式库) and 走访 (standards, monthly plans,
// daily routes, visit records and the observations they carry).
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { serviceRoutes } from './services.routes.ts';
import { visitErrors } from './visits.errors.ts';
import { visitRoutes } from './visits.routes.ts';

// Credit's facts: unmarked prices and price deviations as events, complete visit forms as a measure.
export { completeVisitMeasuresSql, visitCreditEventsSql } from './credit-facts.ts';
export { handOverPlannedVisitsIn } from './moved-stores.ts';
export { addPlannedVisitsIn } from './planned-visits.ts';
export { orderRoute } from './route.rules.ts';
export { defaultServiceMenu } from './service-menu.rules.ts';
export { insertDefaultMenu } from './services.repository.ts';
export { serviceRoutes } from './services.routes.ts';
export { generateMonthlyPlan, monthOf } from './visit-plan.rules.ts';
export { type BrandCheckTally, brandChecksOfProgramme } from './visits.repository.ts';
export { visitRoutes } from './visits.routes.ts';
export {
  type BrandCheck,
  brandCheckKinds,
  serviceItems,
  visitPlanItems,
  visitPriceObservations,
  visitStockCounts,
  visits,
} from './visits.schema.ts';
export { generatePlansIn, terminalImageScoresOf } from './visits.service.ts';

export const visitsModule: KewoModule = {
  name: 'visits',
  routes: [visitRoutes, serviceRoutes],
  errors: visitErrors,
};
