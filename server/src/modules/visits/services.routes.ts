import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  editServiceItem,
  getPortalMenu,
  listRequests,
  listServiceCatalogue,
  rankMethods,
  rateServiceMethod,
  requestService,
} from './services.service.ts';
import {
  methodRankingSchema,
  newRequestBody,
  portalMenuSchema,
  ratingBody,
  requestsQuery,
  serviceItemListSchema,
  serviceItemPatch,
  serviceItemSchema,
  serviceRequestListSchema,
} from './visits.contract.ts';

// 菜单式服务: the marketing centre keeps the menu; staff read it, the requests in their scope and
// the 服务方式库 ranking, and rate delivered methods; a retailer sees its own menu and requests.
const menuEditors = allow('admin', 'marketing');
const retailer = allow('retailer');
const created = z.object({ id: z.number() });

export const serviceRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/services/items',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['services'],
        summary: 'The service menu / 服务菜单',
        description:
          '5 categories, 24 items by default (seeded on first use), each with its standard and entitled classes.',
        response: { 200: serviceItemListSchema },
      },
    },
    async (request) => listServiceCatalogue(context, actorOf(request)),
  );

  app.patch(
    '/services/items/:id',
    {
      config: { access: cityWide(menuEditors) },
      schema: {
        tags: ['services'],
        summary: 'Edit a service item / 编辑服务项目',
        params: idParams,
        body: serviceItemPatch,
        response: { 200: serviceItemSchema },
      },
    },
    async (request) => editServiceItem(context, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/services/requests',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['services'],
        summary: "Retailers' service requests / 服务需求",
        querystring: requestsQuery,
        response: { 200: serviceRequestListSchema },
      },
    },
    async (request) => listRequests(context, actorOf(request), request.query),
  );

  app.get(
    '/services/methods',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['services'],
        summary: 'Service-method ranking / 服务方式库',
        description:
          'Average ratings on 有效性、针对性、经济性 and overall, best first; with 3 or more ratings and an overall below the threshold, a method is flagged for retirement.',
        response: { 200: methodRankingSchema },
      },
    },
    async (request) => rankMethods(context, actorOf(request)),
  );

  app.post(
    '/services/ratings',
    {
      config: { access: allow('admin', 'marketing', 'service', 'inspector', 'manager') },
      schema: {
        tags: ['services'],
        summary: 'Rate a delivered service method / 服务方式评价',
        body: ratingBody,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.code(201).send(await rateServiceMethod(context, actorOf(request), request.body)),
  );

  app.get(
    '/portal/services',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My service menu / 我的服务菜单',
        description: 'The items the signed-in store’s class is entitled to. A store not yet classified: 普通客户.',
        response: { 200: portalMenuSchema },
      },
    },
    async (request) => getPortalMenu(context, actorOf(request)),
  );

  app.post(
    '/portal/services/requests',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Request a service / 申请服务',
        description:
          '409 SERVICE_ITEM_NOT_ENTITLED for an item outside my class; 409 SERVICE_REQUEST_OPEN when one is open.',
        body: newRequestBody,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.code(201).send(await requestService(context, actorOf(request), request.body)),
  );

  app.get(
    '/portal/services/requests',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My service requests / 我的服务申请',
        response: { 200: serviceRequestListSchema },
      },
    },
    async (request) => listRequests(context, actorOf(request), {}),
  );
};
