import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  allocationDraftSchema,
  evaluateBody,
  evaluateResultSchema,
  heatQuery,
  heatSchema,
  indexQuery,
  indexSchema,
  inspectionBody,
  observationListQuery,
  observationListSchema,
  observationSchema,
  reviewBody,
  ruleBody,
  ruleListSchema,
  rulePatchBody,
  ruleSchema,
  trendQuery,
  trendSchema,
  warningListQuery,
  warningListSchema,
  warningPatchBody,
  warningSchema,
} from './prices.contract.ts';
import {
  allocationDraftOf,
  changeWarningStatus,
  createWarningRule,
  editWarningRule,
  evaluateWarnings,
  getHeat,
  getIndex,
  getTrend,
  getWarning,
  getWarnings,
  listObservations,
  listWarningRules,
  recordInspection,
  removeWarningRule,
  reviewObservation,
} from './prices.service.ts';

// 价格监管 for staff. Inspectors (and marketing, admins) enter market checks (明察暗访) and review
// flagged reports; every staff role reads the index within their data scope (a manager: their own
// stores); marketing and admins keep the warning rules (city-wide) and handle the warnings.
const inspectors = allow('admin', 'marketing', 'inspector');
const marketing = allow('admin', 'marketing');
const warningReaders = allow('admin', 'marketing', 'inspector');
const indexHelp =
  'Within your data scope. groupBy=none|branch|district|format|urban_rural|brand|price_class|product; narrowed by productId, brand or priceClass. One product: index = mean ÷ suggested × 100 (meanPackPrice, suggestedPackPrice in yuan a pack). Several products: index = sales-weighted (weights: cartons ordered in the 13 weeks ending with the week), simpleIndex the plain mean of the products’ indices; weighting says which applied. No counted observation: index null. Read live: a report posted a moment ago counts.';

export const priceRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    '/prices/observations',
    {
      config: { access: inspectors },
      schema: {
        tags: ['prices'],
        summary: 'Record a market check / 明察暗访录入',
        description:
          'A store in your scope (customerId) or a store-less market point (marketPoint + districtCode, branchId optional). packPrice in yuan (> 0, 2 decimals). A carton price typed as a pack price → 400 PRICE_LOOKS_LIKE_CARTON; outside 30–300 % of the suggested → 409 PRICE_CONFIRMATION_REQUIRED unless confirm: true (then kept, flagged, not counted). More than 20 a day per store and product → 429.',
        body: inspectionBody,
        response: { 201: observationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await recordInspection(context, actorOf(request), request.body)),
  );

  app.get(
    '/prices/observations',
    {
      config: { access: inspectors },
      schema: {
        tags: ['prices'],
        summary: 'Price observations / 价格采集记录',
        description:
          'Every source — visits’ observations (source visit, id the visit’s), retailers’ reports and market checks (id the report’s) — within your scope, newest first, paged (total). Filtered on the server as an index figure is keyed: productId, brand, priceClass, branchId (or none), districtCode, format, urbanRural, week (ISO, Beijing time), source, customerId; from/to narrow further. Without week or from: the last 13 weeks. counted=true: only what the index counts (flagged reports and outliers left out), so a figure’s drill-down lists exactly its observations. flagged=true: reports awaiting review (visits are never flagged).',
        querystring: observationListQuery,
        response: { 200: observationListSchema },
      },
    },
    async (request) => listObservations(context, actorOf(request), request.query),
  );

  app.patch(
    '/prices/observations/:id',
    {
      config: { access: inspectors },
      schema: {
        tags: ['prices'],
        summary: 'Review a report / 复核',
        description: 'flagged: false counts it in the index; true keeps it out.',
        params: idParams,
        body: reviewBody,
        response: { 200: observationSchema },
      },
    },
    async (request) => reviewObservation(context, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/prices/index',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Price index / 价格指数',
        description: `A week’s index (week=YYYY-Www, default this week). ${indexHelp}`,
        querystring: indexQuery,
        response: { 200: indexSchema },
      },
    },
    async (request) => getIndex(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/prices/trend',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Index trend / 指数走势',
        description:
          'The index per week of one product or one brand, from–to (ISO weeks, ≤ 60; default the 13 weeks to this one), optionally in a district or a branch; every week present, null where nothing counted. Weights: the 13 weeks ending with `to`.',
        querystring: trendQuery,
        response: { 200: trendSchema },
      },
    },
    async (request) => getTrend(context, actorOf(request), request.query),
  );

  app.get(
    '/prices/heat',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Index by district × brand / 区县×品牌指数热力表',
        description:
          'A week’s index per district and brand (cells), and each district’s and brand’s own. Within your scope.',
        querystring: heatQuery,
        response: { 200: heatSchema },
      },
    },
    async (request) => getHeat(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/prices/warning-rules',
    {
      config: { access: warningReaders },
      schema: {
        tags: ['prices'],
        summary: 'Warning rules / 预警规则',
        description:
          'Per product > per price class > default > built-in (yellow outside 95–105, red outside 90–110, a drop of more than 5 points, ≥ 5 observations).',
        response: { 200: ruleListSchema },
      },
    },
    async (request) => listWarningRules(context, actorOf(request)),
  );

  app.post(
    '/prices/warning-rules',
    {
      config: { access: cityWide(marketing) },
      schema: {
        tags: ['prices'],
        summary: 'Add a warning rule / 新增预警规则',
        description:
          'Each floor below its ceiling and the red band containing the yellow (400 PRICE_RULE_BANDS_INVALID); one rule per target (409).',
        body: ruleBody,
        response: { 201: ruleSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createWarningRule(context, actorOf(request), request.body)),
  );

  app.patch(
    '/prices/warning-rules/:id',
    {
      config: { access: cityWide(marketing) },
      schema: {
        tags: ['prices'],
        summary: 'Edit a warning rule / 修改预警规则',
        params: idParams,
        body: rulePatchBody,
        response: { 200: ruleSchema },
      },
    },
    async (request) => editWarningRule(context, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/prices/warning-rules/:id',
    {
      config: { access: cityWide(marketing) },
      schema: { tags: ['prices'], summary: 'Remove a warning rule / 删除预警规则', params: idParams },
    },
    async (request, reply) => {
      await removeWarningRule(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/prices/warnings',
    {
      config: { access: warningReaders },
      schema: {
        tags: ['prices'],
        summary: 'Price warnings / 价格预警',
        description:
          'Newest week first, within your scope (a branch’s warnings to its staff; the city’s and districts’ to city-wide staff). A dip over several weeks is one warning (firstWeek … week, weeks).',
        querystring: warningListQuery,
        response: { 200: warningListSchema },
      },
    },
    async (request) => getWarnings(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.post(
    '/prices/warnings/evaluate',
    {
      config: { access: cityWide(marketing) },
      schema: {
        tags: ['prices'],
        summary: 'Evaluate now / 立即评估',
        description:
          'Judges a week (default the last complete one) for every product and region, as the daily job does.',
        body: evaluateBody,
        response: { 200: evaluateResultSchema },
      },
    },
    async (request) => evaluateWarnings(context, actorOf(request), request.body ?? {}),
  );

  app.get(
    '/prices/warnings/:id',
    {
      config: { access: warningReaders },
      schema: {
        tags: ['prices'],
        summary: 'A price warning / 预警详情',
        params: idParams,
        response: { 200: warningSchema },
      },
    },
    async (request) => getWarning(context, actorOf(request), request.params.id, request.locale ?? 'zh-CN'),
  );

  app.patch(
    '/prices/warnings/:id',
    {
      config: { access: marketing },
      schema: {
        tags: ['prices'],
        summary: 'Handle a warning / 处置预警',
        description:
          'status acknowledged | action_taken (note required: the action) | closed; forward only (409 otherwise). The owner defaults to you.',
        params: idParams,
        body: warningPatchBody,
        response: { 200: warningSchema },
      },
    },
    async (request) =>
      changeWarningStatus(context, actorOf(request), request.params.id, request.body, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/prices/warnings/:id/allocation',
    {
      config: { access: marketing },
      schema: {
        tags: ['prices'],
        summary: 'Open the next allocation from a warning / 限点限量',
        description:
          'The next cycle whose allocation can be set (the earliest draft from this week on; none: cycle null and createWeekStart, the Monday of the cycle to create), the product and the warning’s region as a segment (districtCodes or branchIds; the city: {}), to open the allocation page with that region preselected for a reduced quota.',
        params: idParams,
        response: { 200: allocationDraftSchema },
      },
    },
    async (request) => allocationDraftOf(context, actorOf(request), request.params.id, request.locale ?? 'zh-CN'),
  );
};
