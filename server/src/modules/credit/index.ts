// The credit module: 零售客户信用 (C12) — versioned credit models, monthly runs scoring every store
// with an explainable ledger, 专卖 violations, and the stores' appeals.
import type { KewoModule, ModuleRoutes } from '../../platform/modules/kewo-module.ts';
import { creditErrors } from './credit.errors.ts';
import { creditRoutes } from './credit.routes.ts';
import type { FactCorrections } from './credit.service.ts';
import type { CreditFactSources } from './credit-facts.ts';

export { type CreditLevel, creditLevels, levelRank, scoreStore } from './credit.rules.ts';
export { violationSeverities, violationTypes } from './credit.schema.ts';
export {
  approveModelIn,
  computeCreditRunIn,
  createModelIn,
  decideAppealIn,
  type FactCorrections,
  fileAppealIn,
  publishCreditRunIn,
  recordViolationsIn,
} from './credit.service.ts';
export {
  type CreditFactSources,
  type EventsSql,
  type FactRow,
  type FactWindow,
  licenceMeasuresSql,
  licenceTermYears,
  type MeasuresSql,
  settlementFactsOf,
  storeFactRows,
} from './credit-facts.ts';
// The level in force on a date, as SQL for other modules' statements (allocation, complaints, menu).
export { creditLevelInForce, creditRunInForce } from './credit-levels.ts';
export { defaultCreditModel, defaultCreditModelName } from './default-model.ts';

// The facts a run reads and the corrections an accepted appeal makes live in other modules: the
// workflow that assembles the server passes them in (workflows/credit-facts.workflow.ts).
export function creditModule(options: { sources: CreditFactSources; corrections: FactCorrections }): KewoModule {
  const routes: ModuleRoutes = async (app, { context }) => {
    await app.register(creditRoutes, { context, ...options });
  };
  return { name: 'credit', routes: [routes], errors: creditErrors };
}
