// The classification module: 客户分类 rule sets, runs, history and 抽查 spot-checks.

export { classificationRoutes } from './classification.routes.ts';
export {
  approveRunIn,
  classificationUpkeepJob,
  computeRunIn,
  saveRuleSetIn,
  setClassByHandIn,
  setSpecialInBulkIn,
  summariseClosedWeeksAll,
  switchDueClassesAll,
  switchDueClassesIn,
} from './classification.service.ts';
export { defaultRuleSet, defaultRuleSetName } from './default-rule-set.ts';
export { type IndicatorSources, indicatorSources } from './indicator-sources.ts';
