import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf } from '../../platform/http/route-helpers.ts';
import {
  draftBody,
  portalSurveyListSchema,
  portalSurveySchema,
  responseBody,
  responseResultSchema,
  waveIdParams,
} from './surveys.contract.ts';
import { getPortalSurvey, getPortalSurveys, savePortalDraft, submitPortalResponse } from './surveys.service.ts';

// 问卷调查 in the retailer portal: the waves sent to the signed-in store, answered on the phone,
// resumable (a draft per wave), one answer per wave (a second → 409 ALREADY_ANSWERED, never replaced).
const retailer = allow('retailer');

export const portalSurveyRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/portal/surveys',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My surveys / 我的问卷',
        description: 'The waves sent to your store (open first), with answered.',
        response: { 200: portalSurveyListSchema },
      },
    },
    async (request) => getPortalSurveys(context, actorOf(request)),
  );

  app.get(
    '/portal/surveys/:waveId',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'A survey / 问卷',
        description:
          'survey: the SurveyJS JSON; draft: the saved answers in progress; response: your submitted answers. A wave not sent to you → 404.',
        params: waveIdParams,
        response: { 200: portalSurveySchema },
      },
    },
    async (request) => getPortalSurvey(context, actorOf(request), request.params.waveId),
  );

  app.post(
    '/portal/surveys/:waveId/responses',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Submit my answers / 提交答卷',
        description:
          '{data} (SurveyJS result JSON) → 201 {id, submittedAt}. Again → 409 ALREADY_ANSWERED (an answer is never replaced). A closed wave → 409; one not sent to you → 403; answers failing the questionnaire (a required one missing, a rating out of range, an unknown choice) → 400. Nothing is written on a refusal; counted in the results at once.',
        params: waveIdParams,
        body: responseBody,
        response: { 201: responseResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await submitPortalResponse(context, actorOf(request), request.params.waveId, request.body.data)),
  );

  app.put(
    '/portal/surveys/:waveId/draft',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Save my answers in progress / 保存草稿',
        description: '{data, page} → 204; resumed by GET /portal/surveys/:waveId. Closed → 409; answered → 409.',
        params: waveIdParams,
        body: draftBody,
      },
    },
    async (request, reply) => {
      await savePortalDraft(context, actorOf(request), request.params.waveId, request.body);
      return reply.code(204).send();
    },
  );
};
