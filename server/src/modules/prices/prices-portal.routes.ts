import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf } from '../../platform/http/route-helpers.ts';
import { portalMarginQuery, portalMarginSchema, suggestedPricesSchema } from './margin.contract.ts';
import { getPortalMargin, getSuggestedPrices } from './prices-portal.service.ts';

// The retailer's own margin and the suggested prices of what it buys, in the portal: the signed-in
// retailer's store only (its data scope).
const retailer = allow('retailer');

export const pricesPortalRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/portal/prices/margin',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My gross margin / 我的毛利率',
        description:
          'by=week (default; with last year’s same weeks) or brand, over the weeks from–to (default the last 13). Retail is my own observed price that week, else my district’s mean, else the suggested price (sources).',
        querystring: portalMarginQuery,
        response: { 200: portalMarginSchema },
      },
    },
    async (request) => getPortalMargin(context, actorOf(request), request.query),
  );

  app.get(
    '/portal/prices/suggested',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Suggested retail prices of what I buy / 建议零售价',
        description:
          'The products I ordered in the last 13 weeks, most cartons first: wholesale and suggested retail prices (carton, pack), the margin at the suggested price, and my latest observed price.',
        response: { 200: suggestedPricesSchema },
      },
    },
    async (request) => getSuggestedPrices(context, actorOf(request)),
  );
};
