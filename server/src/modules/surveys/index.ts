// The surveys module: 需求调研、满意度 (C10) — need items, questionnaires (SurveyJS JSON), waves sent to
// a segment or a stratified sample, responses (portal, visit) flattened into answer facts, the
// analytics (needs summary, SERVQUAL gaps, satisfaction index, NPS) and the annual report.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { annualReportRoutes } from './annual-report.routes.ts';
import { portalSurveyRoutes } from './portal-surveys.routes.ts';
import { surveyErrors } from './surveys.errors.ts';
import { surveyRoutes } from './surveys.routes.ts';

// Credit's facts: a store's survey answers, as a measure of 信息配合.
export { surveyAnswerMeasuresSql } from './credit-facts.ts';
export { allocate, pickSample, sampleSize, stratumKeyOf } from './sampling.rules.ts';
export {
  type AnswerFact,
  answersInWords,
  checkResponse,
  type FactPlan,
  factPlanOf,
  factsOf,
  type KewoRole,
  kewoRoles,
  loadQuestionnaire,
  registerKewoProperties,
  type ServqualDimension,
  servqualDimensions,
} from './survey-json.ts';
export { insertResponsesInBulk, type ResponseInsert } from './surveys.repository.ts';
// Tables for reads by the analytics, the report and other modules (writes go through the services).
export {
  type AnswerFactKind,
  needAreas,
  type QuestionnaireKind,
  surveyAnswerFacts,
  surveyDrafts,
  surveyNeedItems,
  surveyQuestionnaires,
  surveyResponses,
  surveyWaveStores,
  surveyWaves,
  type WaveTarget,
  type WaveWeights,
} from './surveys.schema.ts';
export {
  closeWaveIn,
  createQuestionnaire,
  createQuestionnaireIn,
  createWave,
  createWaveIn,
  ensureNeedItemsIn,
  getCustomerSurveyResponses,
  openWaveIn,
  seedResponsesIn,
  submitPortalResponse,
  submitVisitResponse,
} from './surveys.service.ts';
export { defaultNeedItems, needsTemplate, satisfactionTemplate, servqualItems, templatesOf } from './templates.ts';

export const surveysModule: KewoModule = {
  name: 'surveys',
  routes: [surveyRoutes, portalSurveyRoutes, analyticsRoutes, annualReportRoutes],
  errors: surveyErrors,
};
