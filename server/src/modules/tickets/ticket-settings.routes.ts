import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  addCategory,
  getChannelKeys,
  getSlaPolicies,
  revokeChannelKey,
  setCalendar,
  setSlaPolicies,
} from './ticket-settings.service.ts';
import {
  businessCalendarSchema,
  categorySchema,
  channelKeyListSchema,
  newCategorySchema,
  slaPoliciesSchema,
  slaPolicyCellsSchema,
} from './tickets.contract.ts';

// The console's settings around tickets: SLA policies per category × priority and the
// business-hours calendar (the library's keepers edit; every staff member reads), new categories,
// and the inbound gateway's keys (admin).
const librarians = allow('admin', 'marketing', 'service');
const tags = ['tickets'];

export const ticketSettingsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/ticket-sla-policies',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'SLA targets per category and priority, and the business-hours calendar / 时限策略',
        response: { 200: slaPoliciesSchema },
      },
    },
    async (request) => getSlaPolicies(context, actorOf(request)),
  );

  app.put(
    '/ticket-sla-policies',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'Replace the SLA policies / 修改时限策略',
        description:
          'Every cell: whole minutes ≥ 1, resolution ≥ first response. Cells equal to the category targets scaled by priority are not stored. Tickets already filed keep their due times; new tickets take the policy in force when filed.',
        body: slaPolicyCellsSchema,
        response: { 200: slaPoliciesSchema },
      },
    },
    async (request) => setSlaPolicies(context, actorOf(request), request.body.cells),
  );

  app.put(
    '/ticket-calendar',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'The business-hours calendar / 修改工作时间与节假日',
        body: businessCalendarSchema,
        response: { 200: slaPoliciesSchema },
      },
    },
    async (request) => setCalendar(context, actorOf(request), request.body),
  );

  app.post(
    '/ticket-categories',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'Add a category to the complaint library / 新增分类',
        body: newCategorySchema,
        response: { 201: z.object({ code: z.string(), categories: z.array(categorySchema) }) },
      },
    },
    async (request, reply) => reply.code(201).send(await addCategory(context, actorOf(request), request.body)),
  );

  app.get(
    '/ticket-channel-keys',
    {
      config: { access: allow('admin') },
      schema: { tags, summary: 'Inbound gateway keys / 网关密钥', response: { 200: channelKeyListSchema } },
    },
    async (request) => getChannelKeys(context, actorOf(request)),
  );

  app.post(
    '/ticket-channel-keys/:id/revoke',
    {
      config: { access: cityWide(allow('admin')) },
      schema: {
        tags,
        summary: 'Revoke a gateway key / 停用网关密钥',
        params: idParams,
        response: { 200: channelKeyListSchema },
      },
    },
    async (request) => revokeChannelKey(context, actorOf(request), request.params.id),
  );
};
