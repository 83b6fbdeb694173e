import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { actorOf, idempotencyKeyOf, idParams } from '../../platform/http/route-helpers.ts';
import { cancelOrder, changeOrder, getPortalCycle, listOrdersWithLines, placeOrder } from './orders.service.ts';
import {
  orderListSchema,
  orderResultSchema,
  placeOrderSchema,
  portalCycleSchema,
  portalOrdersQuery,
} from './supply.contract.ts';

// 网上订货 in the retailer portal: the signed-in store's cycle, its orders, and changes until the
// cutoff. The store is always the caller's own (its data scope); an order of another store is 404.
const retailer = allow('retailer');
// Placing, changing and cancelling write orders and quotas only: the order day's requests keep the
// sessions the authenticator read (see createAuthenticator).
const orderWrite = { access: retailer, sessionsUnchanged: true } as const;

export const portalOrderRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/portal/cycle',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: "This cycle's products with my quotas / 本期货源",
        description:
          'The signed-in retailer. window: when this store may order (its order day until the cutoff, or the whole cycle). quota and remaining are null for unlimited products. 404 NO_OPEN_CYCLE when no cycle is published.',
        response: { 200: portalCycleSchema },
      },
    },
    async (request) => getPortalCycle(context, actorOf(request)),
  );

  app.post(
    '/portal/orders',
    {
      config: orderWrite,
      schema: {
        tags: ['portal'],
        summary: 'Place an order / 提交订单',
        description:
          'Header Idempotency-Key (recommended): the same key and body again returns the first result (same orderId); the same key with another body → 422 IDEMPOTENCY_KEY_REUSED. A line over the remaining quota → 409 QUOTA_EXCEEDED naming the product, and nothing is written. Outside the window → 409 ORDER_WINDOW_CLOSED.',
        body: placeOrderSchema,
        response: { 201: orderResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await placeOrder(context, actor, {
        customerId: retailerStoreOf(actor),
        lines: request.body.lines,
        channel: 'online',
        idempotencyKey: idempotencyKeyOf(request),
      });
      return reply.code(result.status).send(result.body);
    },
  );

  app.get(
    '/portal/orders',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My orders, newest first / 我的订单',
        querystring: portalOrdersQuery,
        response: { 200: orderListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return listOrdersWithLines(context, actor, {
        cycleId: request.query.cycleId,
        customerId: retailerStoreOf(actor),
      });
    },
  );

  app.put(
    '/portal/orders/:id',
    {
      config: orderWrite,
      schema: {
        tags: ['portal'],
        summary: 'Change an order until the cutoff / 修改订单',
        description:
          'Replaces the lines; quotas are checked on the difference. 409 ORDER_WINDOW_CLOSED after the cutoff.',
        params: idParams,
        body: placeOrderSchema,
        response: { 200: orderResultSchema },
      },
    },
    async (request) => changeOrder(context, actorOf(request), request.params.id, request.body.lines),
  );

  app.delete(
    '/portal/orders/:id',
    {
      config: orderWrite,
      schema: {
        tags: ['portal'],
        summary: 'Cancel an order until the cutoff / 取消订单',
        params: idParams,
      },
    },
    async (request, reply) => {
      await cancelOrder(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
