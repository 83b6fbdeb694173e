// The classification module: 客户分类 rule sets, runs, history and 抽查 spot-checks.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { classificationErrors } from './classification.errors.ts';
import { classificationRoutes } from './classification.routes.ts';

export {
  approvedRunSchema,
  approveSchema,
  handClassResultSchema,
  handClassSchema,
} from './classification.contract.ts';
export { classificationRoutes } from './classification.routes.ts';
// The steps of the workflows that change a store's class (approve-classification,
// set-class-by-hand): each records the change and returns the classes for customers to write.
export {
  approveRunIn,
  computeRunIn,
  type HandClassInput,
  recordClassByHandIn,
  recordSpecialInBulkIn,
  saveRuleSetIn,
  settleDueClassesIn,
  summariseClosedWeeksAll,
  tenantsWithClassesDue,
} from './classification.service.ts';
export { defaultRuleSet, defaultRuleSetName } from './default-rule-set.ts';
export { type IndicatorSources, indicatorSources } from './indicator-sources.ts';

export const classificationModule: KewoModule = {
  name: 'classification',
  routes: [classificationRoutes],
  errors: classificationErrors,
};
