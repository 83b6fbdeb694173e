import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { anyStaff } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import { complianceQuery, complianceSchema, repeatFailuresQuery, repeatFailuresSchema } from './compliance.contract.ts';
import { getCompliance, getRepeatFailures } from './compliance.service.ts';
import { customerPricesSchema, marginQuery, marginSchema } from './margin.contract.ts';
import { getMargin } from './margin.service.ts';
import { getCustomerPrices } from './prices-portal.service.ts';

// 零售毛利率, 明码标价 compliance and a store's prices (360°), for staff: every staff role reads them
// within their data scope (a manager: their own stores' figures).
export const marginRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/prices/margin',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Retail gross margin / 零售毛利率',
        description:
          'Σ (retail − wholesale) × cartons ÷ Σ retail × cartons over the cartons ordered (supply’s store_product_weeks), where retail is the store’s own observed pack price that week × 10, else its district’s mean, else the suggested price (sources: the shares of cartons valued each way). Weeks whose Monday lies in [Monday of from, to]; default the year to date. lastYear: the same weeks 52 weeks earlier. groupBy=none|branch|class|district|week. Ended weeks come from a roll-up refreshed hourly (storedWeeks), others are computed live (liveWeeks). Within your data scope.',
        querystring: marginQuery,
        response: { 200: marginSchema },
      },
    },
    async (request) => getMargin(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/prices/compliance',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Prices clearly marked / 明码标价',
        description:
          'The share of visits (the newest record of each) that found prices clearly marked, per branch, manager, class or week (groupBy, default branch; none: one row), from–to (Beijing days, default the last 13 weeks), and per row the stores whose latest two visits both failed. Within your data scope.',
        querystring: complianceQuery,
        response: { 200: complianceSchema },
      },
    },
    async (request) => getCompliance(context, actorOf(request), request.query, request.locale ?? 'zh-CN'),
  );

  app.get(
    '/prices/compliance/repeat-failures',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'Stores that failed twice in a row / 连续两次未明码标价',
        description:
          'Stores whose latest two visits within 180 days both found prices not clearly marked, newest first, at most 500; optionally of one branch or manager. Within your data scope.',
        querystring: repeatFailuresQuery,
        response: { 200: repeatFailuresSchema },
      },
    },
    async (request) => getRepeatFailures(context, actorOf(request), request.query),
  );

  app.get(
    '/customers/:id/prices',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['prices'],
        summary: 'A store’s prices (360°) / 客户价格',
        description:
          'The store’s latest 100 observations (visits, its own reports, inspections) of the last year, its own index per product over the last 4 weeks, and its margin by week over the last 13 weeks. 404 outside your data scope.',
        params: idParams,
        response: { 200: customerPricesSchema },
      },
    },
    async (request) => getCustomerPrices(context, actorOf(request), request.params.id, request.locale ?? 'zh-CN'),
  );
};
