// The terminals module: 终端建设 (C7) — benchmark store tiers (标杆店 tiers and their standards),
// applications (申报), inspections and awards with re-inspections; the fixture register (资产台账)
// and the display contest (陈列创意大赛).
import type { KewoModule, ModuleRoutes } from '../../platform/modules/kewo-module.ts';
import { assetErrors } from './assets.errors.ts';
import { assetRoutes } from './assets.routes.ts';
import { contestErrors } from './contests.errors.ts';
import { contestRoutes } from './contests.routes.ts';
import { terminalErrors } from './terminals.errors.ts';
import { terminalRoutes } from './terminals.routes.ts';

// What the demo seeds terminals through (demo-terminals.ts) and the benchmark times (bench/terminals.ts).
export { nextAuditOn } from './assets.rules.ts';
export { listAssets } from './assets.service.ts';
export { type ContestCriterion, rankEntries } from './contests.rules.ts';
export { writeBooklet } from './contests.service.ts';
export { decideOutcome, evaluateInspection, reInspectionDueOn, type TierStandard } from './terminals.rules.ts';
export { getTierMap, tiersOf } from './terminals.service.ts';

export const terminalsModule: KewoModule = {
  name: 'terminals',
  routes: [
    (async (app, { context }) => {
      await app.register(terminalRoutes, { context });
      await app.register(assetRoutes, { context });
      await app.register(contestRoutes, { context });
    }) satisfies ModuleRoutes,
  ],
  errors: { ...terminalErrors, ...assetErrors, ...contestErrors },
};
