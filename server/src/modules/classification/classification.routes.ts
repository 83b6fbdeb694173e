import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import {
  assessResultSchema,
  assessSchema,
  computedRunSchema,
  customerClassificationSchema,
  distributionQuery,
  distributionReportSchema,
  newRunSchema,
  newSpotCheckSchema,
  overrideSchema,
  previewSchema,
  proposalPageSchema,
  proposalQuery,
  proposalSchema,
  ruleSetInputSchema,
  ruleSetListSchema,
  ruleSetSchema,
  runCustomerParams,
  runDetailSchema,
  runListSchema,
  spotCheckListSchema,
  spotCheckReportSchema,
  spotCheckSchema,
} from './classification.contract.ts';
import {
  assessSpotCheck,
  computeRun,
  createSpotCheck,
  getCustomerClassification,
  getDistribution,
  getRuleSetView,
  getRunDetail,
  getSpotCheckReport,
  listRuleSetViews,
  listRunProposals,
  listRunViews,
  listSpotCheckViews,
  overrideProposal,
  previewRuleSet,
  saveRuleSet,
} from './classification.service.ts';
import { spotCheckWorkbook } from './spot-check-workbook.ts';

// 客户分类. The marketing centre (and admins) edit rule sets, compute and approve runs and set the
// special class; customer managers propose overrides for their own stores; inspectors (and the
// centre) draw and assess spot-checks; every staff role reads within its data scope.
const centre = allow('admin', 'marketing');
const reviewers = allow('admin', 'marketing', 'manager');
const inspectors = allow('admin', 'marketing', 'inspector');
const tags = ['classification'];

export const classificationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/classification/distribution',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Current classes: counts and shares / 分类分布',
        description:
          "Counts and shares (percent of active stores) per class and demonstration sub-type in the caller's scope, overall, per branch and per district.",
        querystring: distributionQuery,
        response: { 200: distributionReportSchema },
      },
    },
    async (request) => getDistribution(context, actorOf(request), request.query),
  );

  app.get(
    '/classification/rule-sets',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Rule set versions / 分类规则', response: { 200: ruleSetListSchema } },
    },
    async (request) => listRuleSetViews(context, actorOf(request)),
  );

  app.get(
    '/classification/rule-sets/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'One rule set version', params: idParams, response: { 200: ruleSetSchema } },
    },
    async (request) => getRuleSetView(context, actorOf(request), request.params.id),
  );

  app.post(
    '/classification/rule-sets',
    {
      config: { access: cityWide(centre) },
      schema: {
        tags,
        summary: 'Save a rule set as a new version / 保存分类规则',
        description:
          'Weights must add up to 100 over known indicators; thresholds must cover 0–100 without overlap or gap (400 CLASSIFICATION_RULE_SET_INVALID names the conflict).',
        body: ruleSetInputSchema,
        response: { 201: ruleSetSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await saveRuleSet(context, actorOf(request), request.body)),
  );

  app.post(
    '/classification/rule-sets/preview',
    {
      config: { access: cityWide(centre) },
      schema: {
        tags,
        summary: 'Preview the distribution of a rule set / 预览分布',
        description: 'Classifies every active store with the rule set without saving anything.',
        body: ruleSetInputSchema,
        response: { 200: previewSchema },
      },
    },
    async (request) => previewRuleSet(context, actorOf(request), request.body),
  );

  app.get(
    '/classification/runs',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Classification runs / 分类测算', response: { 200: runListSchema } },
    },
    async (request) => listRunViews(context, actorOf(request)),
  );

  app.post(
    '/classification/runs',
    {
      config: { access: cityWide(centre) },
      schema: {
        tags,
        summary: 'Run a rule set on every store / 分类测算',
        description: 'Proposes a class for every active store (special stores stay special), with its explanation.',
        body: newRunSchema,
        response: { 201: computedRunSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await computeRun(context, actorOf(request), request.body)),
  );

  app.get(
    '/classification/runs/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A run with its distribution and its diff per branch / 差异矩阵',
        params: idParams,
        response: { 200: runDetailSchema },
      },
    },
    async (request) => getRunDetail(context, actorOf(request), request.params.id),
  );

  app.get(
    '/classification/runs/:id/proposals',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: "A run's proposals with their explanations",
        params: idParams,
        querystring: proposalQuery,
        response: { 200: proposalPageSchema },
      },
    },
    async (request) => listRunProposals(context, actorOf(request), request.params.id, request.query),
  );

  app.put(
    '/classification/runs/:id/proposals/:customerId/override',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Propose another class for a store, with a reason / 调整建议',
        description:
          'Managers for their own stores, the centre for any. Latest unapplied run only (409). class null clears the override. The special class is set by hand, not here.',
        params: runCustomerParams,
        body: overrideSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request) =>
      overrideProposal(context, actorOf(request), request.params.id, request.params.customerId, request.body),
  );

  // Approving a run and setting a class by hand change the stores' class, which is customers':
  // their routes are the workflows' (workflows/workflow.routes.ts), under the same paths.

  app.get(
    '/customers/:id/classification',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A store’s class, why, and history (360° view) / 客户分类',
        params: idParams,
        response: { 200: customerClassificationSchema },
      },
    },
    async (request) => getCustomerClassification(context, actorOf(request), request.params.id),
  );

  app.get(
    '/classification/spot-checks',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Spot-checks / 抽查', response: { 200: spotCheckListSchema } },
    },
    async (request) => listSpotCheckViews(context, actorOf(request)),
  );

  app.post(
    '/classification/spot-checks',
    {
      config: { access: cityWide(inspectors) },
      schema: {
        tags,
        summary: 'Draw a stratified sample / 抽样',
        description: 'Stratified by class and branch; the seed is stored so the sample can be drawn again.',
        body: newSpotCheckSchema,
        response: { 201: spotCheckSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createSpotCheck(context, actorOf(request), request.body)),
  );

  app.get(
    '/classification/spot-checks/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Spot-check report', params: idParams, response: { 200: spotCheckReportSchema } },
    },
    async (request) => getSpotCheckReport(context, actorOf(request), request.params.id),
  );

  app.get(
    '/classification/spot-checks/:id/export',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Spot-check report as .xlsx', params: idParams },
    },
    async (request, reply) => {
      const report = await getSpotCheckReport(context, actorOf(request), request.params.id);
      const file = await spotCheckWorkbook(report, request.locale);
      return attachment(reply, `分类抽查-${report.id}.xlsx`, xlsxContentType).send(file);
    },
  );

  app.put(
    '/classification/spot-checks/:id/items/:customerId',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Re-assess a sampled store / 复核',
        params: runCustomerParams,
        body: assessSchema,
        response: { 200: assessResultSchema },
      },
    },
    async (request) =>
      assessSpotCheck(context, actorOf(request), request.params.id, request.params.customerId, request.body),
  );
};
