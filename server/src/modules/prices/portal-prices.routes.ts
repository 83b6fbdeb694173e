import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf } from '../../platform/http/route-helpers.ts';
import { portalPriceBody, portalPriceResultSchema } from './prices.contract.ts';
import { reportPortalPrice } from './prices.service.ts';

// 门店自报价格 in the retailer portal: the signed-in store reports the price it sells a product at.
const retailer = allow('retailer');

export const portalPriceRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    '/portal/prices',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Report my price / 上报零售价',
        description:
          '{productId, packPrice} (yuan a pack, > 0, at most 2 decimals) → 201 {id, observedAt}. Your own store only (customerId, if sent, must be yours: 403). Unknown or discontinued product → 400. A carton price typed as a pack price → 400; outside 30–300 % of the suggested retail price → 409 asking for confirm: true (then kept, flagged for review). More than 20 reports of a product a day → 429. Counted in the index at once.',
        body: portalPriceBody,
        response: { 201: portalPriceResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await reportPortalPrice(context, actorOf(request), request.body)),
  );
};
