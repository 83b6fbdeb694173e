import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { retailerStoreOf } from '../../platform/access/actor.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import { confirmTicket } from './ticket-confirmation.service.ts';
import { createTicket } from './ticket-opening.service.ts';
import { getTicket, listTicketsFor } from './ticket-reading.service.ts';
import {
  confirmSchema,
  portalReplySchema,
  portalTicketSchema,
  ticketCreatedSchema,
  ticketDetailSchema,
  ticketListSchema,
} from './tickets.contract.ts';
import { replyToTicket } from './tickets.service.ts';

// 投诉建议 in the retailer portal: file, follow, answer, confirm or reject with a rating. The store
// is always the caller's own; another store's ticket is 404.
const retailer = allow('retailer');
const tags = ['portal'];

export const portalTicketRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    '/portal/tickets',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'File a complaint or suggestion / 提交投诉建议',
        body: portalTicketSchema,
        response: { 201: ticketCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await createTicket(context, actor, {
        ...request.body,
        customerId: retailerStoreOf(actor),
        channel: 'portal',
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/portal/tickets',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'My tickets / 我的投诉建议',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: ticketListSchema },
      },
    },
    async (request) => listTicketsFor(context, actorOf(request), request.query),
  );

  app.get(
    '/portal/tickets/:id',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'One of my tickets: progress and replies / 工单进度',
        params: idParams,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => getTicket(context, actorOf(request), request.params.id),
  );

  app.post(
    '/portal/tickets/:id/replies',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Answer the handler / 补充说明',
        description: 'Resumes the clocks if the handler was waiting for the customer.',
        params: idParams,
        body: portalReplySchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) =>
      replyToTicket(context, actorOf(request), request.params.id, { body: request.body.body, visibleToCustomer: true }),
  );

  app.post(
    '/portal/tickets/:id/confirm',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Confirm or reject the resolution, with a rating / 确认办结并评价',
        description:
          'accepted: true → confirmed; false → back in progress (reopened). rating 1–5 either way. Only a resolved ticket → else 409 TICKET_NOT_AWAITING_CONFIRMATION.',
        params: idParams,
        body: confirmSchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => confirmTicket(context, actorOf(request), request.params.id, request.body),
  );
};
