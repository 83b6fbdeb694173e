import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  codeParams,
  customerResponsesSchema,
  needItemBody,
  needItemListSchema,
  needItemSchema,
  questionnaireCreateBody,
  questionnaireListSchema,
  questionnairePatchBody,
  questionnaireSchema,
  remindResultSchema,
  responseResultSchema,
  samplePreviewBody,
  strataPreviewSchema,
  templateListSchema,
  uuidParams,
  visitResponseBody,
  waveCreateBody,
  waveListSchema,
  waveSchema,
  waveWeightsBody,
} from './surveys.contract.ts';
import {
  closeWave,
  copyQuestionnaire,
  createQuestionnaire,
  createWave,
  editNeedItem,
  editQuestionnaire,
  getCustomerSurveyResponses,
  getNeedItems,
  getQuestionnaire,
  getQuestionnaires,
  getTemplates,
  getWave,
  getWaves,
  openWave,
  previewSample,
  remindWave,
  setWaveWeights,
  submitVisitResponse,
} from './surveys.service.ts';

// 需求调研、满意度 for staff. Marketing and admins (city-wide) keep the need items, the
// questionnaires and the waves; every staff role reads them, a manager's figures covering their own
// stores; managers (and marketing, admins) answer for a store of their scope during a visit.
const marketing = cityWide(allow('admin', 'marketing'));
const marketingReads = allow('admin', 'marketing');
const visitAnswerers = allow('admin', 'marketing', 'manager');

export const surveyRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const locale = (request: { locale?: 'zh-CN' | 'en' }) => request.locale ?? 'zh-CN';

  app.get(
    '/surveys/need-items',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Need items / 需求项',
        description:
          'The tenant’s need items (seeded with the defaults the first time), each with its area, responsible department and the service-menu item answering it.',
        response: { 200: needItemListSchema },
      },
    },
    async (request) => getNeedItems(context, actorOf(request)),
  );

  app.put(
    '/surveys/need-items/:code',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Edit a need item / 修改需求项',
        description:
          'Label, department, service item (null: none), order, active. Unknown code → 404; unknown service item → 400.',
        params: codeParams,
        body: needItemBody,
        response: { 200: needItemSchema },
      },
    },
    async (request) => editNeedItem(context, actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/surveys/templates',
    {
      config: { access: marketingReads },
      schema: {
        tags: ['surveys'],
        summary: 'Questionnaire templates / 问卷模板',
        description:
          'The needs questionnaire (from the need items) and the SERVQUAL satisfaction survey (22 items, 5- or 7-point), as SurveyJS JSON.',
        response: { 200: templateListSchema },
      },
    },
    async (request) => getTemplates(context, actorOf(request)),
  );

  app.get(
    '/surveys/questionnaires',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Questionnaires / 问卷',
        description: 'locked: a wave using it has a response (its questions can no longer change; copy it).',
        response: { 200: questionnaireListSchema },
      },
    },
    async (request) => getQuestionnaires(context, actorOf(request)),
  );

  app.post(
    '/surveys/questionnaires',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'New questionnaire / 新建问卷',
        description:
          '{templateKind: needs|satisfaction|satisfaction7, title?} or {title, kind, definition} (SurveyJS JSON; one the form library cannot load → 400 SURVEY_JSON_INVALID).',
        body: questionnaireCreateBody,
        response: { 201: questionnaireSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createQuestionnaire(context, actorOf(request), request.body)),
  );

  app.get(
    '/surveys/questionnaires/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'A questionnaire / 问卷详情',
        params: uuidParams,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => getQuestionnaire(context, actorOf(request), request.params.id),
  );

  app.patch(
    '/surveys/questionnaires/:id',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Edit a questionnaire / 修改问卷',
        description:
          'title, definition. A new definition of a questionnaire with answers → 409 QUESTIONNAIRE_LOCKED (copy it instead).',
        params: uuidParams,
        body: questionnairePatchBody,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => editQuestionnaire(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/surveys/questionnaires/:id/copy',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Copy to a new version / 复制为新版本',
        description: 'version + 1, copiedFrom the original; editable.',
        params: uuidParams,
        response: { 201: questionnaireSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await copyQuestionnaire(context, actorOf(request), request.params.id)),
  );

  app.post(
    '/surveys/waves/sample-preview',
    {
      // Part of sending a wave, which is city-wide: a branch's marketer would otherwise count another branch's stores.
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Sample preview / 抽样预览',
        description:
          'n0 = z²·0.25/e², n = n0/(1+(n0−1)/N) rounded up; allocated to strata branch × class × urban/rural in proportion (largest remainder). 25,000 stores at ±3 % / 95 % → 1,024; ±5 % → 379. A sampleSize larger than the population → 400.',
        body: samplePreviewBody,
        response: { 200: strataPreviewSchema },
      },
    },
    async (request) => previewSample(context, actorOf(request), request.body, locale(request)),
  );

  app.get(
    '/surveys/waves',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Survey waves / 调查批次',
        description: 'sent and responses within your data scope (a manager: their stores).',
        response: { 200: waveListSchema },
      },
    },
    async (request) => getWaves(context, actorOf(request)),
  );

  app.post(
    '/surveys/waves',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'New wave / 新建调查批次',
        description:
          'A draft; its stores are resolved when it opens. target: {kind: segment, segment} or {kind: sample, segment, marginOfError, confidence, seed?, sampleSize?}.',
        body: waveCreateBody,
        response: { 201: waveSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWave(context, actorOf(request), request.body, locale(request))),
  );

  app.get(
    '/surveys/waves/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'A wave / 调查批次详情',
        description: 'With the live response rate per stratum (branch · class · urban/rural), within your data scope.',
        params: uuidParams,
        response: { 200: waveSchema },
      },
    },
    async (request) => getWave(context, actorOf(request), request.params.id, locale(request)),
  );

  app.post(
    '/surveys/waves/:id/open',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Open (send) a wave / 发布',
        description:
          'Resolves the stores (the segment, or the stratified sample drawn from the seed), records them with their strata and notifies the stores’ portal users. Not a draft → 409; a segment without stores → 400.',
        params: uuidParams,
        response: { 200: waveSchema },
      },
    },
    async (request) => openWave(context, actorOf(request), request.params.id, locale(request)),
  );

  app.post(
    '/surveys/waves/:id/close',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Close a wave / 结束',
        params: uuidParams,
        response: { 200: waveSchema },
      },
    },
    async (request) => closeWave(context, actorOf(request), request.params.id, locale(request)),
  );

  app.post(
    '/surveys/waves/:id/remind',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Remind non-responders / 催答',
        description: 'Notifies the portal users of the stores that have not answered; reminded: how many stores.',
        params: uuidParams,
        response: { 200: remindResultSchema },
      },
    },
    async (request) => remindWave(context, actorOf(request), request.params.id),
  );

  app.put(
    '/surveys/waves/:id/weights',
    {
      config: { access: marketing },
      schema: {
        tags: ['surveys'],
        summary: 'Satisfaction-index weights / 满意度指数权重',
        description:
          'The five SERVQUAL dimensions’ weights, whole numbers 1–100; the index = Σ (wᵢ ÷ Σ w) × dimension mean, recomputed at once (results, trend, annual report). Equal weights are the default. Not a satisfaction wave → 409. Audited.',
        params: uuidParams,
        body: waveWeightsBody,
        response: { 200: waveSchema },
      },
    },
    async (request) => setWaveWeights(context, actorOf(request), request.params.id, request.body, locale(request)),
  );

  app.post(
    '/surveys/waves/:id/responses',
    {
      config: { access: visitAnswerers },
      schema: {
        tags: ['surveys'],
        summary: 'Answer for a store during a visit / 走访代答',
        description:
          '{customerId, data} → 201 (channel visit). A store outside your scope → 403; a wave not sent to it → 403; closed → 409; answered already → 409 ALREADY_ANSWERED; invalid answers → 400.',
        params: uuidParams,
        body: visitResponseBody,
        response: { 201: responseResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await submitVisitResponse(
            context,
            actorOf(request),
            request.params.id,
            request.body.customerId,
            request.body.data,
          ),
        ),
  );

  app.get(
    '/customers/:id/survey-responses',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'A store’s survey answers / 客户问卷答卷',
        description:
          'For the 360° view, newest first; each answer as {title, value} in words. A store outside your scope → 404.',
        params: idParams,
        response: { 200: customerResponsesSchema },
      },
    },
    async (request) => getCustomerSurveyResponses(context, actorOf(request), request.params.id),
  );
};
