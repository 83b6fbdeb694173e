import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { reportWorkbook } from './report-workbook.ts';
import { maxPhotoBytes, visitPhotoRules } from './visit.rules.ts';
import {
  addBody,
  adjustmentsQuery,
  adjustmentsSchema,
  correctionBody,
  dropBody,
  generatePlanBody,
  generatePlanResult,
  moveBody,
  newVisitBody,
  overrideBody,
  overrideListSchema,
  overrideParams,
  overrideSchema,
  photoCreatedSchema,
  planQuery,
  planSchema,
  reportQuery,
  reportSchema,
  routeQuery,
  routeSchema,
  standardsBody,
  standardsSchema,
  visitCreatedSchema,
  visitDetailSchema,
  visitListSchema,
  visitsQuery,
} from './visits.contract.ts';
import {
  addPlanItem,
  correctVisit,
  dropPlanItem,
  generatePlans,
  getAdjustments,
  getDailyRoute,
  getPlan,
  getPlanReport,
  getStandards,
  getStoreStandard,
  getVisitDetail,
  getVisitPhoto,
  listStoreStandards,
  listVisitRecords,
  movePlanItem,
  setStandards,
  setStoreStandard,
  submitVisit,
  uploadVisitPhoto,
} from './visits.service.ts';

// 走访 for staff. The marketing centre (and admins) set the standards and generate every plan;
// a customer manager generates and adjusts their own, routes their day and records visits.
// Everyone else reads within their data scope.
const planners = allow('admin', 'marketing');
const planAdjusters = allow('admin', 'marketing', 'manager');
const visitors = allow('manager');
const adjusted = z.object({ id: z.number(), adjustmentId: z.number() });

export const visitRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: maxPhotoBytes, files: 1 } });

  app.get(
    '/visits/standards',
    {
      config: { access: anyStaff },
      schema: { tags: ['visits'], summary: 'Visit standards by class / 走访标准', response: { 200: standardsSchema } },
    },
    async (request) => getStandards(context, actorOf(request)),
  );

  app.put(
    '/visits/standards',
    {
      config: { access: cityWide(planners) },
      schema: {
        tags: ['visits'],
        summary: 'Set the visit standards / 设置走访标准',
        description: 'Visits a month per class (0–8). Stores not yet classified follow 普通客户 (ordinary).',
        body: standardsBody,
        response: { 200: standardsSchema },
      },
    },
    async (request) => setStandards(context, actorOf(request), request.body),
  );

  app.get(
    '/visits/standards/stores',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'Stores with a standard of their own / 单店走访标准列表',
        description: 'Within the data scope, by store name (at most 1,000).',
        response: { 200: overrideListSchema },
      },
    },
    async (request) => listStoreStandards(context, actorOf(request)),
  );

  app.get(
    '/visits/standards/stores/:customerId',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: "A store's own standard / 单店走访标准",
        params: overrideParams,
        response: { 200: overrideSchema },
      },
    },
    async (request) => getStoreStandard(context, actorOf(request), request.params.customerId),
  );

  app.put(
    '/visits/standards/stores/:customerId',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: "Override a store's standard / 单店走访标准",
        params: overrideParams,
        body: overrideBody,
        response: { 200: overrideSchema },
      },
    },
    async (request) => setStoreStandard(context, actorOf(request), request.params.customerId, request.body),
  );

  app.delete(
    '/visits/standards/stores/:customerId',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: "Back to the class's standard",
        params: overrideParams,
        response: { 200: overrideSchema },
      },
    },
    async (request) => setStoreStandard(context, actorOf(request), request.params.customerId, null),
  );

  app.post(
    '/visits/plans/generate',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: 'Generate the monthly plan / 生成月计划',
        description:
          'From the standards: working days of the city company’s calendar only (weekends and holidays off, make-up working days on), visits spread over the month, never on the store’s order day when another day is free. Admin and marketing: every manager in scope, or managerId; a manager: their own. 409 VISIT_PLAN_EXISTS unless replace (then still-planned items are replaced; done and dropped stay).',
        body: generatePlanBody,
        response: { 201: generatePlanResult },
      },
    },
    async (request, reply) => reply.code(201).send(await generatePlans(context, actorOf(request), request.body)),
  );

  app.get(
    '/visits/plan',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'A monthly plan / 月计划',
        description:
          'items [{customerId, date, status}] of the month (default: this month, Beijing time). A manager sees their own; others within scope, one manager with managerId or all.',
        querystring: planQuery,
        response: { 200: planSchema },
      },
    },
    async (request) => getPlan(context, actorOf(request), request.query),
  );

  app.post(
    '/visits/plan/items',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: 'Add a visit to the plan / 周微调：增加',
        body: addBody,
        response: { 201: adjusted },
      },
    },
    async (request, reply) => reply.code(201).send(await addPlanItem(context, actorOf(request), request.body)),
  );

  app.post(
    '/visits/plan/items/:id/move',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: 'Move a planned visit / 周微调：调整日期',
        params: idParams,
        body: moveBody,
        response: { 200: adjusted },
      },
    },
    async (request) => movePlanItem(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/visits/plan/items/:id/drop',
    {
      config: { access: planAdjusters },
      schema: {
        tags: ['visits'],
        summary: 'Drop a planned visit / 周微调：取消',
        params: idParams,
        body: dropBody,
        response: { 200: adjusted },
      },
    },
    async (request) => dropPlanItem(context, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/visits/plan/adjustments',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'Adjustments of a month / 计划调整记录',
        querystring: adjustmentsQuery,
        response: { 200: adjustmentsSchema },
      },
    },
    async (request) => getAdjustments(context, actorOf(request), request.query),
  );

  app.get(
    '/visits/route',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: "A day's route / 今日路线",
        description:
          "The day's planned visits (default today, Beijing time) ordered by nearest neighbour then 2-opt on great-circle distance, from latitude/longitude when given. kmBefore: in plan order; kmAfter: in route order (never longer).",
        querystring: routeQuery,
        response: { 200: routeSchema },
      },
    },
    async (request) => getDailyRoute(context, actorOf(request), request.query),
  );

  app.post(
    '/visits/photos',
    {
      config: { access: visitors },
      schema: {
        tags: ['visits'],
        summary: 'Upload a visit photo / 上传走访照片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP (checked by its bytes), ≤ 5 MB. Attach it with photoIds when submitting the visit.',
        response: { 201: photoCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const photo = await receiveFile(request, visitPhotoRules);
      return reply.code(201).send(await uploadVisitPhoto(context, actor, photo));
    },
  );

  app.get(
    '/visits/photos/:id',
    {
      config: { access: anyStaff },
      schema: { tags: ['visits'], summary: 'A visit photo', params: idParams },
    },
    async (request, reply) => {
      const photo = await getVisitPhoto(context, actorOf(request), request.params.id);
      return sendFile(reply, photo, 86_400);
    },
  );

  app.post(
    '/visits',
    {
      config: { access: visitors },
      schema: {
        tags: ['visits'],
        summary: 'Submit a visit / 提交走访记录',
        description:
          'A customer manager, for a store in their scope (else 404). Check-in and check-out times and positions, the checklist, stock counts (cartons ≥ 0) and observed retail prices (fen a pack) of catalogue products, services delivered, requests fulfilled, photos uploaded before. Completes the named plan item, or the store’s earliest planned one this month. Submitted visits are append-only: correct one with POST /visits/:id/corrections. warnings: no_position, short (< 2 min), far (> 500 m from the store).',
        body: newVisitBody,
        response: { 201: visitCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await submitVisit(context, actorOf(request), request.body)),
  );

  app.get(
    '/visits',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'Submitted visits, newest first / 走访记录',
        description:
          'Within the data scope. Corrections are records of their own (correctsVisitId); a corrected record has isSuperseded. flagged=true: no position, shorter than 2 minutes or further than 500 m.',
        querystring: visitsQuery,
        response: { 200: visitListSchema },
      },
    },
    async (request) => listVisitRecords(context, actorOf(request), request.query),
  );

  app.get(
    '/visits/report',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'Plan completion and coverage / 走访完成情况',
        querystring: reportQuery,
        response: { 200: reportSchema },
      },
    },
    async (request) => getPlanReport(context, actorOf(request), request.query),
  );

  app.get(
    '/visits/report/export',
    {
      config: { access: anyStaff },
      schema: { tags: ['visits'], summary: 'Plan completion as .xlsx', querystring: reportQuery },
    },
    async (request, reply) => {
      const report = await getPlanReport(context, actorOf(request), request.query);
      const file = await reportWorkbook(report, request.locale ?? 'zh-CN');
      return attachment(reply, `走访完成情况-${report.month}.xlsx`, xlsxContentType).send(file);
    },
  );

  app.get(
    '/visits/:id',
    {
      config: { access: anyStaff },
      schema: { tags: ['visits'], summary: 'One visit record', params: idParams, response: { 200: visitDetailSchema } },
    },
    async (request) => getVisitDetail(context, actorOf(request), request.params.id),
  );

  app.post(
    '/visits/:id/corrections',
    {
      config: { access: visitors },
      schema: {
        tags: ['visits'],
        summary: 'Correct a visit / 更正走访记录',
        description:
          'A new record linked to the original (correctsVisitId) with a reason; the original stays as it was.',
        params: idParams,
        body: correctionBody,
        response: { 201: visitCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await correctVisit(context, actorOf(request), request.params.id, request.body)),
  );

  // 痕迹化: a submitted visit is never changed or deleted.
  for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/visits/:id',
      config: { access: anyStaff },
      schema: {
        tags: ['visits'],
        summary: 'Refused: submitted visits are append-only (405 VISIT_APPEND_ONLY)',
        params: idParams,
      },
      handler: async () => {
        throw new DomainError('VISIT_APPEND_ONLY');
      },
    });
  }
};
