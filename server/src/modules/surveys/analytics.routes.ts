import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { anyStaff } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, xlsxContentType } from '../../platform/http/route-helpers.ts';
import {
  gapsQuery,
  gapsSchema,
  needsSummariesSchema,
  needsSummaryQuery,
  needsSummarySchema,
  resultsQuery,
  resultsSchema,
  trendQuery,
  trendSchema,
  waveParams,
} from './analytics.contract.ts';
import { getAllNeedsSummaries, getGaps, getNeedsSummary, getResults, getTrend } from './analytics.service.ts';
import { needsSummaryWorkbook } from './needs-summary-workbook.ts';

// The surveys' analytics for staff: every staff role reads them, each within their data scope (a
// customer manager: the answers of their own stores). Read live — a response posted a moment ago
// counts.
const segmentHelp =
  'Segments: format (业态), class (客户分类), group (城镇/乡村 × 订货方式, e.g. rural-phone), region (the branch).';

export const analyticsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/surveys/waves/:id/results',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'A wave’s results / 调查结果',
        description: `Responses and response rate, the satisfaction index 0–100 (indexFormula: Σ normalised weight × dimension mean of scored perception answers; 5 levels 100/80/60/30/0, 7 levels linear), NPS (promoters 9–10 − detractors 0–6, −100…100), overall satisfaction and per SERVQUAL dimension the mean expectation, perception and gap (means of the items’ means, on the rating scale). satisfactionIndex/nps null without such answers. by: the index and NPS per segment too. Within your data scope. ${segmentHelp}`,
        params: waveParams,
        querystring: resultsQuery,
        response: { 200: resultsSchema },
      },
    },
    async (request) =>
      getResults(context, actorOf(request), request.params.id, request.query.by, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/surveys/waves/:id/needs-summary',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Needs summary / 服务需求识别汇总表',
        description: `Per need item: chosen, share of respondents and mean urgency rank, overall and in each cell of the pivot rows × cols (cols optional), n in every cell, cells under 30 flagged small, cells ≥ 10 points above the overall share with p < 0.05 (two-proportion z-test) highlighted; most chosen first. Within your data scope. ${segmentHelp}`,
        params: waveParams,
        querystring: needsSummaryQuery,
        response: { 200: needsSummarySchema },
      },
    },
    async (request) =>
      getNeedsSummary(context, actorOf(request), request.params.id, request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/surveys/waves/:id/needs-summaries',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Needs summary by the four segmentations / 汇总表（四种分组）',
        description: `The needs summary by format, class, group and region at once (each as /needs-summary?rows=…, uncrossed), read in one scan of the respondents and their answers. Within your data scope. ${segmentHelp}`,
        params: waveParams,
        response: { 200: needsSummariesSchema },
      },
    },
    async (request) => getAllNeedsSummaries(context, actorOf(request), request.params.id, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/surveys/waves/:id/needs-summary.xlsx',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Needs summary as .xlsx',
        description:
          'The same figures as /needs-summary, small cells grey, highlighted cells yellow, and a sheet of the highlighted differences.',
        params: waveParams,
        querystring: needsSummaryQuery,
      },
    },
    async (request, reply) => {
      const summary = await getNeedsSummary(context, actorOf(request), request.params.id, request.query, 'zh-CN');
      const file = await needsSummaryWorkbook(summary);
      return attachment(reply, `服务需求识别汇总表-${summary.title}.xlsx`, xlsxContentType).send(file);
    },
  );

  app.get(
    '/surveys/waves/:id/gaps',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Service quality gaps / 服务质量差距分析',
        description: `Per SERVQUAL item (weakest first) and dimension: mean expectation, mean perception and the gap (perception − expectation) over the responses answering both, with a 95 % confidence interval of the paired differences (t for n ≤ 30, else z). by: the same per segment. Within your data scope. ${segmentHelp}`,
        params: waveParams,
        querystring: gapsQuery,
        response: { 200: gapsSchema },
      },
    },
    async (request) =>
      getGaps(context, actorOf(request), request.params.id, request.query.by, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/surveys/trend',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['surveys'],
        summary: 'Satisfaction trend / 满意度趋势',
        description:
          'The satisfaction waves that have opened (the newest `limit`, oldest first): satisfaction index, NPS and responses within your data scope, and the target line (85).',
        querystring: trendQuery,
        response: { 200: trendSchema },
      },
    },
    async (request) => getTrend(context, actorOf(request), request.query.limit),
  );
};
