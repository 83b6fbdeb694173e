import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, idempotencyKeyOf, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { getCustomerPurchaseTrend, listCustomerOrders } from './customer-orders.service.ts';
import {
  createCycle,
  explainStoreQuotas,
  getCycleDemand,
  getCycleDetail,
  getOnlineOrderingRate,
  listOrderCycles,
  previewCycle,
  publishCycle,
  setCycleProducts,
} from './cycles.service.ts';
import { demandWorkbook } from './demand-workbook.ts';
import {
  computeGradeRun,
  getCustomerGrades,
  getGradeRunDetail,
  listGradeRunViews,
  publishGradeRun,
} from './grades.service.ts';
import { listOrdersWithLines, placeOrder } from './orders.service.ts';
import {
  customerGradesSchema,
  customerOrderListSchema,
  customerOrdersQuery,
  cycleDetailSchema,
  cycleListSchema,
  cycleProductsSchema,
  cycleSchema,
  cycleStoreParams,
  demandSchema,
  gradeRunDetailSchema,
  gradeRunListSchema,
  gradeRunSchema,
  newCycleSchema,
  newGradeRunSchema,
  onlineRateSchema,
  orderListSchema,
  orderResultSchema,
  phoneOrderSchema,
  previewSchema,
  publishResultSchema,
  purchaseTrendSchema,
  staffOrdersQuery,
  storeQuotasSchema,
} from './supply.contract.ts';

// 货源 for staff. The marketing centre (and admins) run cycles, allocations and grades; the
// service centre (and admins) enter phone orders; every staff role reads within its data scope
// (a manager's reports and quotas cover their own stores).
const planners = allow('admin', 'marketing');
const phoneOrderTakers = allow('admin', 'service');

export const supplyRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/supply/cycles',
    {
      config: { access: anyStaff },
      schema: { tags: ['supply'], summary: 'Order cycles / 订货周期', response: { 200: cycleListSchema } },
    },
    async (request) => listOrderCycles(context, actorOf(request)),
  );

  app.post(
    '/supply/cycles',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: 'Create an order cycle / 新建订货周期',
        description:
          'Admin and marketing. One cycle per week (weekStart is its Monday). orderDayOnly: each store orders on its order day from 08:00 to dailyCutoff (Beijing time); otherwise from opensAt to closesAt (default: the week). The cycle opens for ordering only when its allocation is published.',
        body: newCycleSchema,
        response: { 201: cycleSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCycle(context, actorOf(request), request.body)),
  );

  app.get(
    '/supply/cycles/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: 'An order cycle with its products and strategies',
        params: idParams,
        response: { 200: cycleDetailSchema },
      },
    },
    async (request) => getCycleDetail(context, actorOf(request), request.params.id),
  );

  app.put(
    '/supply/cycles/:id/products',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: "Set a draft cycle's products, supplies and allocation strategies / 投放策略",
        description:
          'Admin and marketing; draft cycles only (409 CYCLE_NOT_DRAFT). Replaces the whole list. supply: cartons available (null: not limited). Each strategy is checked (400 ALLOCATION_STRATEGY_INVALID names the problem).',
        params: idParams,
        body: cycleProductsSchema,
        response: { 200: cycleDetailSchema },
      },
    },
    async (request) => setCycleProducts(context, actorOf(request), request.params.id, request.body.products),
  );

  app.post(
    '/supply/cycles/:id/preview',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: 'Preview the allocation / 投放预览',
        description:
          'Computes every store’s quota without saving: per product, allocated vs supply, stores at 0, and the distribution.',
        params: idParams,
        response: { 200: previewSchema },
      },
    },
    async (request) => previewCycle(context, actorOf(request), request.params.id),
  );

  app.post(
    '/supply/cycles/:id/publish',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: 'Publish the allocation and open the cycle / 发布投放',
        params: idParams,
        response: { 200: publishResultSchema },
      },
    },
    async (request) => publishCycle(context, actorOf(request), request.params.id),
  );

  app.get(
    '/supply/cycles/:id/quotas/:customerId',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: "A store's quotas in a cycle, each explained / 客户可订量",
        params: cycleStoreParams,
        response: { 200: storeQuotasSchema },
      },
    },
    async (request) =>
      explainStoreQuotas(context, actorOf(request), request.params.id, request.params.customerId, request.locale),
  );

  app.get(
    '/supply/cycles/:id/demand',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: 'Demand per product: ordered vs quota vs supply / 需求汇总',
        params: idParams,
        response: { 200: demandSchema },
      },
    },
    async (request) => getCycleDemand(context, actorOf(request), request.params.id),
  );

  app.get(
    '/supply/cycles/:id/demand/export',
    {
      config: { access: anyStaff },
      schema: { tags: ['supply'], summary: 'Demand per product as .xlsx', params: idParams },
    },
    async (request, reply) => {
      const demand = await getCycleDemand(context, actorOf(request), request.params.id);
      const file = await demandWorkbook(demand, request.locale);
      return attachment(reply, `需求汇总-${demand.cycleCode}.xlsx`, xlsxContentType).send(file);
    },
  );

  app.get(
    '/supply/cycles/:id/online-rate',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: 'Online-ordering rate per branch / 网上订货率',
        params: idParams,
        response: { 200: onlineRateSchema },
      },
    },
    async (request) => getOnlineOrderingRate(context, actorOf(request), request.params.id),
  );

  app.post(
    '/supply/orders',
    {
      config: { access: phoneOrderTakers, sessionsUnchanged: true },
      schema: {
        tags: ['supply'],
        summary: 'Enter a phone order for a store / 电话订货',
        description:
          'Service centre and admin. Same rules as the portal: the store’s window, its quotas (409 QUOTA_EXCEEDED), Idempotency-Key. The channel is recorded as phone.',
        body: phoneOrderSchema,
        response: { 201: orderResultSchema },
      },
    },
    async (request, reply) => {
      const result = await placeOrder(context, actorOf(request), {
        customerId: request.body.customerId,
        lines: request.body.lines,
        channel: 'phone',
        idempotencyKey: idempotencyKeyOf(request),
      });
      return reply.code(result.status).send(result.body);
    },
  );

  app.get(
    '/supply/orders',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: 'Orders in my scope / 订单',
        querystring: staffOrdersQuery,
        response: { 200: orderListSchema },
      },
    },
    async (request) => listOrdersWithLines(context, actorOf(request), request.query),
  );

  app.get(
    '/supply/grade-runs',
    {
      config: { access: anyStaff },
      schema: { tags: ['supply'], summary: 'Grade runs / 档位测算', response: { 200: gradeRunListSchema } },
    },
    async (request) => listGradeRunViews(context, actorOf(request)),
  );

  app.post(
    '/supply/grade-runs',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: 'Compute every store’s grade from the last 13 weeks / 计算档位',
        description:
          'Admin and marketing. Weights of purchase amount and quantity sum to 100. The run is a draft until published; it takes effect on effectiveOn.',
        body: newGradeRunSchema,
        response: { 201: gradeRunDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await computeGradeRun(context, actorOf(request), request.body)),
  );

  app.get(
    '/supply/grade-runs/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: 'A grade run with its distribution over grades 1–30',
        params: idParams,
        response: { 200: gradeRunDetailSchema },
      },
    },
    async (request) => getGradeRunDetail(context, actorOf(request), request.params.id),
  );

  app.post(
    '/supply/grade-runs/:id/publish',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['supply'],
        summary: 'Publish a grade run / 发布档位',
        description: 'Only the newest run, once (409 GRADE_RUN_NOT_LATEST / GRADE_RUN_NOT_DRAFT).',
        params: idParams,
        response: { 200: gradeRunSchema },
      },
    },
    async (request) => publishGradeRun(context, actorOf(request), request.params.id),
  );

  app.get(
    '/customers/:id/grades',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: "A store's grade history / 档位历史",
        params: idParams,
        response: { 200: customerGradesSchema },
      },
    },
    async (request) => getCustomerGrades(context, actorOf(request), request.params.id),
  );

  app.get(
    '/customers/:id/orders',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: "A store's orders, newest cycle first / 客户订单",
        description:
          'Every staff role within its data scope (404 outside it). Each order with its cycle week, lines, cartons, amount, status and channel; limit 1–100, offset.',
        params: idParams,
        querystring: customerOrdersQuery,
        response: { 200: customerOrderListSchema },
      },
    },
    async (request) => listCustomerOrders(context, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/customers/:id/purchase-trend',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['supply'],
        summary: "A store's purchases per week over the last 13 weeks / 近13周订货趋势",
        description:
          'Every staff role within its data scope (404 outside it). Cartons and yuan of submitted orders per cycle week, from the Monday 12 weeks before the current week to the current week; weeks without orders are left out.',
        params: idParams,
        response: { 200: purchaseTrendSchema },
      },
    },
    async (request) => getCustomerPurchaseTrend(context, actorOf(request), request.params.id),
  );
};
