// The brand module: 品牌培育 (C6) — programmes, their live KPIs (上柜率, 动销率, 重购率, 订足率,
// 存销比) with their definitions, the stores behind each figure and the managers' worklist.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { brandErrors } from './brand.errors.ts';
import { brandRoutes } from './brand.routes.ts';
import { brandFoldJob } from './brand-facts.ts';

export { type WorklistPlan, worklistPlanBody, worklistPlanResultSchema } from './brand.contract.ts';
export { brandRoutes } from './brand.routes.ts';
export { brandProgrammes } from './brand.schema.ts';
export {
  brandKpis,
  changeProgrammeStatusIn,
  createProgrammeIn,
  editProgrammeIn,
  recordWorklistPlanIn,
  worklistPlanDateIn,
} from './brand.service.ts';
export { brandFoldJob, foldAllProgrammes, foldProgrammeIn } from './brand-facts.ts';
export {
  computeBrandKpis,
  type KpiDefinition,
  kpiDefinitions,
} from './brand-kpis.rules.ts';

export const brandModule: KewoModule = {
  name: 'brand',
  routes: [brandRoutes],
  jobs: [brandFoldJob],
  errors: brandErrors,
};
