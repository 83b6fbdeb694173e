import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import {
  customerProgrammesSchema,
  kpiDefinitionListSchema,
  kpiQuery,
  kpisSchema,
  newProgrammeBody,
  programmeListQuery,
  programmeListSchema,
  programmePatchBody,
  programmeSchema,
  storeListSchema,
  storesQuery,
  worklistQuery,
  worklistSchema,
} from './brand.contract.ts';
import {
  changeProgrammeStatus,
  createProgramme,
  editProgramme,
  getCustomerProgrammes,
  getKpis,
  getProgramme,
  getWorklist,
  listProgrammeStores,
  listProgrammeSummaries,
} from './brand.service.ts';
import { kpiDefinitions } from './brand-kpis.rules.ts';
import { kpisWorkbook } from './brand-kpis-workbook.ts';

// 品牌培育 for staff. The marketing centre (and admins) create and run programmes; every staff role
// reads them, and their figures cover the caller's data scope (a manager: their own stores). The
// worklist's "add to this week's plan" spans modules: workflows/plan-brand-visits.workflow.ts.
const editors = allow('admin', 'marketing');
const kpiGroupingHelp =
  'groupBy=none|branch|manager|class|format|grade|week; week rows are cumulative from the start to each week’s end (key: its Monday).';

export const brandRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/brand-programmes/kpi-definitions',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'What each KPI means / 指标口径',
        description: 'The versioned formula of each KPI, in zh-CN and English (also in docs/glossary.md).',
        response: { 200: kpiDefinitionListSchema },
      },
    },
    async () => ({ items: [...kpiDefinitions] }),
  );

  app.get(
    '/brand-programmes',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'Brand programmes / 品牌培育项目',
        querystring: programmeListQuery,
        response: { 200: programmeListSchema },
      },
    },
    async (request) => listProgrammeSummaries(context, actorOf(request), request.query),
  );

  app.post(
    '/brand-programmes',
    {
      config: { access: editors },
      schema: {
        tags: ['brand'],
        summary: 'Create a programme / 新建培育项目',
        description:
          'Admin and marketing. A draft: target products (known), a period (end not before start, ≤ 2 years), the target stores as a segment (the allocation’s vocabulary; it must match an active store) or a list of active stores (not both; neither: every store), goals as fractions 0–1 and a 存销比 band (min ≤ max), actions, an owner (default: you).',
        body: newProgrammeBody,
        response: { 201: programmeSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createProgramme(context, actorOf(request), request.body)),
  );

  app.get(
    '/brand-programmes/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'A programme / 培育项目',
        description: 'targetStores: the active target stores within your data scope.',
        params: idParams,
        response: { 200: programmeSchema },
      },
    },
    async (request) => getProgramme(context, actorOf(request), request.params.id),
  );

  app.patch(
    '/brand-programmes/:id',
    {
      config: { access: editors },
      schema: {
        tags: ['brand'],
        summary: 'Edit a programme / 修改培育项目',
        description: 'Draft or active only (closed → 409). The same checks as creating.',
        params: idParams,
        body: programmePatchBody,
        response: { 200: programmeSchema },
      },
    },
    async (request) => editProgramme(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/brand-programmes/:id/activate',
    {
      config: { access: editors },
      schema: {
        tags: ['brand'],
        summary: 'Start a programme / 启动',
        description: 'draft → active; otherwise 409.',
        params: idParams,
        response: { 200: programmeSchema },
      },
    },
    async (request) => changeProgrammeStatus(context, actorOf(request), request.params.id, 'activate'),
  );

  app.post(
    '/brand-programmes/:id/close',
    {
      config: { access: editors },
      schema: {
        tags: ['brand'],
        summary: 'Close a programme / 结束',
        description: 'active → closed; otherwise 409.',
        params: idParams,
        response: { 200: programmeSchema },
      },
    },
    async (request) => changeProgrammeStatus(context, actorOf(request), request.params.id, 'close'),
  );

  app.get(
    '/brand-programmes/:id/kpis',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'A programme’s KPIs / 培育指标',
        description: `Rates are fractions 0–1 (null when their denominator is 0), each with the counts it comes from; read live (an order placed a moment ago counts). Within your data scope. ${kpiGroupingHelp}`,
        params: idParams,
        querystring: kpiQuery,
        response: { 200: kpisSchema },
      },
    },
    async (request) =>
      getKpis(context, actorOf(request), request.params.id, request.query.groupBy, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/brand-programmes/:id/kpis.xlsx',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'A programme’s KPIs as .xlsx',
        description: 'The same rows as /kpis, and a sheet of the definitions.',
        params: idParams,
        querystring: kpiQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const locale = request.locale ?? 'zh-CN';
      const programme = await getProgramme(context, actor, request.params.id);
      const kpis = await getKpis(context, actor, request.params.id, request.query.groupBy, locale);
      const file = await kpisWorkbook(programme.name, request.query.groupBy, kpis.rows, kpis.definitions);
      return attachment(reply, `品牌培育指标-${programme.name}.xlsx`, xlsxContentType).send(file);
    },
  );

  app.get(
    '/brand-programmes/:id/stores',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'The stores behind a figure / 客户明细',
        description: `status=not_shelved|not_reordered|over_stock|out_of_stock|shelved; groupBy with groupKey narrows to a KPI row (week: as of that week’s end). Without a status each store shows its most pressing one. In licence order, a page at a time. ${kpiGroupingHelp}`,
        params: idParams,
        querystring: storesQuery,
        response: { 200: storeListSchema },
      },
    },
    async (request) =>
      listProgrammeStores(context, actorOf(request), request.params.id, request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/brand-worklist',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'Stores to work on / 培育工作清单',
        description:
          'The target stores of active programmes, within your data scope (a manager: their own), not shelved, not re-ordering, over-stocked or out of stock, with the reason and whether a visit is planned this week. At most 1,000 stores a programme.',
        querystring: worklistQuery,
        response: { 200: worklistSchema },
      },
    },
    async (request) => getWorklist(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/customers/:id/brand-programmes',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['brand'],
        summary: 'A store’s brand programmes / 客户的品牌培育',
        description:
          'Active programmes, and those closed within 90 days, that target the store: its own shelving, re-ordering and stock-to-sales, its flags, and the programme’s actions as a checklist.',
        params: idParams,
        response: { 200: customerProgrammesSchema },
      },
    },
    async (request) => getCustomerProgrammes(context, actorOf(request), request.params.id),
  );
};
