import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  customerChangesSchema,
  customerListQuery,
  customerPageSchema,
  customerReferenceSchema,
  customerSchema,
  historyPageSchema,
  historyQuery,
  newCustomerSchema,
  portalPasswordSchema,
  statusChangeSchema,
  storeCountsSchema,
} from './customers.contract.ts';
import {
  changeCustomerStatus,
  createCustomer,
  editCustomer,
  getCustomer,
  getCustomerHistory,
  getCustomerReference,
  getStoreCounts,
  issuePortalPassword,
  listCustomers,
} from './customers.service.ts';

// Who may do what with customer records (the data scope narrows every one of these further):
// every staff role reads (a manager only their own customers, a branch user only the branch's);
// a retailer reads its own record; the marketing centre and administrators create, edit, change
// status and reassign (that route is the reassign-customers workflow's, in workflows/); the service
// centre edits contact details (owner, phone, address) only.
const readers = anyStaff;
const readersAndRetailer = allow('admin', 'marketing', 'service', 'inspector', 'manager', 'retailer');
const editors = allow('admin', 'marketing');
const editorsAndService = allow('admin', 'marketing', 'service');

export const customerRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/customers',
    {
      config: { access: readers },
      schema: {
        tags: ['customers'],
        summary: 'Customers in my scope / 客户档案列表',
        description:
          'Any staff role, within its data scope (a manager sees own customers only). Keyset paging: pass nextCursor back as cursor. With q, results are ranked: exact licence number or phone, then licence prefix, then store name, then owner or address.',
        querystring: customerListQuery,
        response: { 200: customerPageSchema },
      },
    },
    async (request) => listCustomers(context, actorOf(request), request.query),
  );

  app.get(
    '/customers/reference',
    {
      config: { access: readers },
      schema: {
        tags: ['customers'],
        summary: 'What the customer list can be filtered by / 客户筛选选项',
        description:
          "Any staff role: the city's districts, the managers in your scope with their units, and the tags in use.",
        response: { 200: customerReferenceSchema },
      },
    },
    async (request) => getCustomerReference(context, actorOf(request)),
  );

  app.get(
    '/customers/store-counts',
    {
      config: { access: readers },
      schema: {
        tags: ['customers'],
        summary: 'Stores in my scope, in business and in all / 在营客户与全部档案户数',
        description:
          'Any staff role, within its data scope. `active` (在营客户) is the count every other page that counts stores shows (classification, grades, allocation, tickets per 1,000 stores); `all` and `byStatus` add the suspended, closed and cancelled records 客户档案 keeps.',
        response: { 200: storeCountsSchema },
      },
    },
    async (request) => getStoreCounts(context, actorOf(request)),
  );

  app.post(
    '/customers/:id/portal-password',
    {
      config: { access: editorsAndService },
      schema: {
        tags: ['customers'],
        summary: "Issue the store's portal password / 重置零售客户门户密码",
        description:
          "Admin, marketing and service, within their scope. Generates a one-time password for the store's portal account (username = licence number), signs out its sessions; the store must change it at its first sign-in. The password is in this response only.",
        params: idParams,
        response: { 200: portalPasswordSchema },
      },
    },
    async (request) => issuePortalPassword(context, actorOf(request), request.params.id),
  );

  app.post(
    '/customers',
    {
      config: { access: editors },
      schema: {
        tags: ['customers'],
        summary: 'Create a customer / 新建客户档案',
        description:
          'Admin and marketing. The licence number (12 digits) must start with a district code of the city; the district is taken from it. The store joins the branch of its customer manager.',
        body: newCustomerSchema,
        response: { 201: customerSchema },
      },
    },
    async (request, reply) => {
      const customer = await createCustomer(context, actorOf(request), request.body);
      return reply.code(201).send(customer);
    },
  );

  app.get(
    '/customers/:id',
    {
      config: { access: readersAndRetailer },
      schema: {
        tags: ['customers'],
        summary: 'One customer / 客户详情',
        description: 'Staff within their scope; a retailer its own store. Outside the scope: 404.',
        params: idParams,
        response: { 200: customerSchema },
      },
    },
    async (request) => getCustomer(context, actorOf(request), request.params.id),
  );

  app.get(
    '/customers/:id/history',
    {
      config: { access: readers },
      schema: {
        tags: ['customers'],
        summary: 'Change history of a customer / 客户变更记录',
        description:
          'Any staff role that can see the customer (404 otherwise). Newest first, each change with before and after.',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historyPageSchema },
      },
    },
    async (request) => getCustomerHistory(context, actorOf(request), request.params.id, request.query),
  );

  app.patch(
    '/customers/:id',
    {
      config: { access: editorsAndService },
      schema: {
        tags: ['customers'],
        summary: 'Edit a customer / 修改客户档案',
        description:
          'Admin and marketing edit every field here; the service centre only owner, phone and address (403 otherwise). Licence number, status and manager have their own operations.',
        params: idParams,
        body: customerChangesSchema,
        response: { 200: customerSchema },
      },
    },
    async (request) => editCustomer(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/customers/:id/status',
    {
      config: { access: editors },
      schema: {
        tags: ['customers'],
        summary: 'Change the status, with a reason / 变更客户状态',
        description:
          'Admin and marketing. 正常 ↔ 暂停, → 歇业, 歇业 → 正常; 注销 (cancelled) is final. The reason is required and kept in the audit trail.',
        params: idParams,
        body: statusChangeSchema,
        response: { 200: customerSchema },
      },
    },
    async (request) => changeCustomerStatus(context, actorOf(request), request.params.id, request.body),
  );
};
