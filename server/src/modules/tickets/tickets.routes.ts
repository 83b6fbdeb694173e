import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anySignedIn, anyStaff, cityWide, publicAccess } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { idParam, singleLineText } from '../../platform/http/input-bounds.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { attachmentMaxBytes, ticketPhotoRules } from './attachment.rules.ts';
import { issueChannelKey, receiveInbound } from './inbound-gateway.service.ts';
import { analyseTickets, getWorkload } from './ticket-analysis.service.ts';
import { analysisWorkbook } from './ticket-analysis-workbook.ts';
import { addAttachment, readAttachment } from './ticket-attachments.service.ts';
import {
  editCategory,
  getAssignmentRules,
  getCategories,
  getServiceFailures,
  saveServiceFailure,
  setAssignmentRules,
} from './ticket-library.service.ts';
import { createTicket } from './ticket-opening.service.ts';
import { getTicket, listTicketsFor } from './ticket-reading.service.ts';
import { ticketSettingsRoutes } from './ticket-settings.routes.ts';
import {
  analysisQuery,
  analysisSchema,
  assignmentRulesSchema,
  categorySchema,
  channelKeyCreatedSchema,
  channelKeySchema,
  editCategorySchema,
  editTicketSchema,
  escalateSchema,
  inboundSchema,
  replySchema,
  serviceFailureInput,
  serviceFailureSchema,
  staffTicketSchema,
  ticketCreatedSchema,
  ticketDetailSchema,
  ticketListQuery,
  ticketListSchema,
  transitionSchema,
  workloadSchema,
} from './tickets.contract.ts';
import { editTicket, escalateTicket, replyToTicket, transitionTicket } from './tickets.service.ts';

// 投诉建议 in the console: the ticket list, one ticket, replies, transitions, escalation, the
// complaint library, assignment rules, service failures, analysis; plus the inbound gateway. The
// notification bell is the platform's (platform/notifications).
const handlers = allow('admin', 'marketing', 'service', 'manager');
const librarians = allow('admin', 'marketing', 'service');
const tags = ['tickets'];

export const attachmentParams = z.strictObject({
  id: idParam,
  attachmentId: idParam,
});

export const ticketRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: attachmentMaxBytes, files: 1 } });
  // SLA policies, the calendar, new categories, gateway keys.
  await ticketSettingsRoutes(app, { context });

  app.get(
    '/tickets',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Tickets, newest first / 投诉建议列表',
        querystring: ticketListQuery,
        response: { 200: ticketListSchema },
      },
    },
    async (request) =>
      listTicketsFor(context, actorOf(request), {
        ...request.query,
        mine: request.query.mine === 'true',
        breached: request.query.breached === 'true',
      }),
  );

  app.post(
    '/tickets',
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: 'File a ticket taken by phone or on a visit / 登记投诉建议',
        body: staffTicketSchema,
        response: { 201: ticketCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createTicket(context, actorOf(request), request.body)),
  );

  app.get(
    '/tickets/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'One ticket with its history and SLA clocks / 工单详情',
        params: idParams,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => getTicket(context, actorOf(request), request.params.id),
  );

  app.patch(
    '/tickets/:id',
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: 'Category, priority, linked service failure / 修改分类、优先级、服务失误',
        params: idParams,
        body: editTicketSchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => editTicket(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/tickets/:id/replies',
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: 'Reply (to the customer, or an internal note) / 回复',
        description:
          'The first reply with visibleToCustomer stops the first-response clock (met or breached, once). awaitCustomer pauses the clocks until the retailer answers.',
        params: idParams,
        body: replySchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => replyToTicket(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/tickets/:id/transitions',
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: 'Move the ticket / 流转',
        description:
          'to: assigned (with assigneeId: reassign), in_progress (from resolved/confirmed: reopen, within 7 days), resolved, closed. An illegal move → 409 TICKET_TRANSITION_INVALID naming the current state and the allowed ones. judgement (founded, unfounded, malicious: 投诉定性, read by credit) goes with to: closed only, else → 422 TICKET_JUDGEMENT_ONLY_ON_CLOSE.',
        params: idParams,
        body: transitionSchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => transitionTicket(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/tickets/:id/escalate',
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: 'Escalate to the branch head / 升级',
        params: idParams,
        body: escalateSchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => escalateTicket(context, actorOf(request), request.params.id, request.body.note),
  );

  app.post(
    '/tickets/:id/attachments',
    {
      config: { access: allow('admin', 'marketing', 'service', 'manager', 'retailer') },
      schema: {
        tags,
        summary: 'Attach a photo / 上传图片',
        description: 'multipart/form-data, field "file": JPEG, PNG or WebP (checked by content), ≤ 5 MB, ≤ 5 a ticket.',
        params: idParams,
        response: { 201: z.object({ id: z.number(), contentType: z.string(), size: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const image = await receiveFile(request, ticketPhotoRules);
      return reply.code(201).send(await addAttachment(context, actor, request.params.id, image));
    },
  );

  app.get(
    '/tickets/:id/attachments/:attachmentId',
    {
      config: { access: anySignedIn },
      schema: { tags, summary: 'A photo / 查看图片', params: attachmentParams },
    },
    async (request, reply) => {
      const file = await readAttachment(context, actorOf(request), request.params.id, request.params.attachmentId);
      return sendFile(reply, file, 3600);
    },
  );

  // ── The library ──
  app.get(
    '/ticket-categories',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'The complaint library with SLA targets / 客户抱怨库',
        response: { 200: z.array(categorySchema) },
      },
    },
    async (request) => getCategories(context, actorOf(request)),
  );

  app.patch(
    '/ticket-categories/:code',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'Edit a category and its SLA targets / 修改分类与时限',
        params: z.strictObject({ code: singleLineText(40) }),
        body: editCategorySchema,
        response: { 200: z.array(categorySchema) },
      },
    },
    async (request) => editCategory(context, actorOf(request), request.params.code, request.body),
  );

  const ruleRow = z.object({
    id: z.number(),
    position: z.number(),
    groupCode: z.string().nullable(),
    categoryCode: z.string().nullable(),
    target: z.string(),
    userId: z.number().nullable(),
  });
  app.get(
    '/ticket-assignment-rules',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Assignment rules / 分派规则', response: { 200: z.array(ruleRow) } },
    },
    async (request) => getAssignmentRules(context, actorOf(request)),
  );
  app.put(
    '/ticket-assignment-rules',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'Replace the assignment rules (first match wins) / 修改分派规则',
        body: assignmentRulesSchema,
        response: { 200: z.array(ruleRow) },
      },
    },
    async (request) => setAssignmentRules(context, actorOf(request), request.body.rules),
  );

  app.get(
    '/service-failures',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Service failures, most frequent first / 常见服务失误',
        response: { 200: z.array(serviceFailureSchema) },
      },
    },
    async (request) => getServiceFailures(context, actorOf(request)),
  );
  app.put(
    '/service-failures',
    {
      config: { access: cityWide(librarians) },
      schema: {
        tags,
        summary: 'Add or edit a service failure / 维护服务失误',
        body: serviceFailureInput,
        response: { 200: z.array(serviceFailureSchema) },
      },
    },
    async (request) => saveServiceFailure(context, actorOf(request), request.body),
  );

  app.get(
    '/tickets-workload',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Open tickets per handler / 处理人工作量', response: { 200: workloadSchema } },
    },
    async (request) => getWorkload(context, actorOf(request)),
  );

  app.get(
    '/tickets-analysis',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Analysis / 投诉分析',
        description: 'Default period: the last 365 days. Dates are Beijing days; to is exclusive.',
        querystring: analysisQuery,
        response: { 200: analysisSchema },
      },
    },
    async (request) => analyseTickets(context, actorOf(request), request.query),
  );

  app.get(
    '/tickets-analysis/export',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Analysis as .xlsx / 导出投诉分析', querystring: analysisQuery },
    },
    async (request, reply) => {
      const analysis = await analyseTickets(context, actorOf(request), request.query);
      const buffer = await analysisWorkbook(analysis);
      return attachment(reply, `投诉分析-${analysis.from}-${analysis.to}.xlsx`, xlsxContentType).send(buffer);
    },
  );

  // ── Inbound gateway ──
  app.post(
    '/ticket-channel-keys',
    {
      config: { access: cityWide(allow('admin')) },
      schema: {
        tags,
        summary: 'Issue an inbound gateway key / 发放网关密钥',
        description: 'The key is shown once; only its SHA-256 is stored.',
        body: channelKeySchema,
        response: { 201: channelKeyCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueChannelKey(context, actorOf(request), request.body.channel)),
  );

  app.post(
    '/tickets/inbound',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'A message from an SMS / WeChat gateway / 网关来件',
        description:
          'Header X-Gateway-Key: the channel key (a missing, unknown or revoked key → 401). Idempotent by messageId: the first call → 201 with the new ticket; the same messageId again → 200 with the same ticket.',
        body: inboundSchema,
        security: [],
        response: { 200: ticketCreatedSchema, 201: ticketCreatedSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['x-gateway-key'];
      const result = await receiveInbound(context, typeof key === 'string' ? key : undefined, request.body);
      return reply.code(result.created ? 201 : 200).send(result.ticket);
    },
  );
};
