import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import {
  answerInputSchema,
  categoriseInputSchema,
  feedbackCreatedSchema,
  feedbackItemSchema,
  feedbackPageSchema,
  feedbackQuery,
  photoSchema,
  portalFeedbackInputSchema,
  portalFeedbackPageSchema,
  portalFeedbackQuery,
  productChoicesSchema,
  summaryQuery,
  summarySchema,
} from './consumer-feedback.contract.ts';
import {
  answerFeedback,
  categoriseFeedback,
  getFeedback,
  getFeedbackPhoto,
  listFeedbackQueue,
  listProducts,
  listStoreFeedback,
  relayFeedback,
  summariseMonth,
  summaryWorkbook,
  uploadFeedbackPhoto,
} from './consumer-feedback.service.ts';

// 消费者意见. The service centre, marketing and managers read the queue, answer and categorise
// within their data scope (a branch's staff: the branch's stores; a manager: own stores); the
// summary is read in scope too. A store relays feedback and reads its own items and answers.
const readers = allow('admin', 'marketing', 'service', 'manager');
const answerers = allow('admin', 'marketing', 'service', 'manager');
const retailer = allow('retailer');
const tags = ['consumer-feedback'];
const portalTags = ['portal'];

export const feedbackPhotoRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'CONSUMER_FEEDBACK_PHOTO_MISSING',
  notImage: 'CONSUMER_FEEDBACK_PHOTO_INVALID',
};

export const consumerFeedbackRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/consumer-feedback',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The consumer-feedback queue / 消费者意见队列',
        description:
          'In the caller’s data scope; unanswered first, the earliest due first. overdue=true: unanswered past the response due time (the item’s ticket’s first-response clock).',
        querystring: feedbackQuery,
        response: { 200: feedbackPageSchema },
      },
    },
    async (request) => {
      const { overdue, ...filters } = request.query;
      return listFeedbackQueue(context, actorOf(request), { ...filters, overdue: overdue === 'true' });
    },
  );

  app.get(
    '/consumer-feedback/summary',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The month by product and topic / 消费者意见月度汇总',
        querystring: summaryQuery,
        response: { 200: summarySchema },
      },
    },
    async (request) => summariseMonth(context, actorOf(request), request.query.month),
  );

  app.get(
    '/consumer-feedback/summary/export',
    {
      config: { access: readers },
      schema: { tags, summary: 'The month’s summary as .xlsx / 导出月度汇总', querystring: summaryQuery },
    },
    async (request, reply) => {
      const summary = await summariseMonth(context, actorOf(request), request.query.month);
      const buffer = await summaryWorkbook(summary);
      return attachment(reply, `消费者意见-${summary.month}.xlsx`, xlsxContentType).send(buffer);
    },
  );

  app.get(
    '/consumer-feedback/:id',
    {
      config: { access: readers },
      schema: { tags, summary: 'One item / 消费者意见', params: idParams, response: { 200: feedbackItemSchema } },
    },
    async (request) => getFeedback(context, actorOf(request), request.params.id),
  );

  app.get(
    '/consumer-feedback/:id/photo',
    {
      config: { access: readers },
      schema: { tags, summary: 'The item’s photo', params: idParams },
    },
    async (request, reply) =>
      sendFile(reply, await getFeedbackPhoto(context, actorOf(request), request.params.id), 3600),
  );

  app.post(
    '/consumer-feedback/:id/answer',
    {
      config: { access: answerers },
      schema: {
        tags,
        summary: 'Answer the store / 答复门店',
        description:
          'The store sees the answer in the portal; the item’s ticket gets it as a visible reply and is resolved (its clocks stop). → 409 CONSUMER_FEEDBACK_ALREADY_ANSWERED, 400 CONSUMER_FEEDBACK_TEXT_TOO_LONG.',
        params: idParams,
        body: answerInputSchema,
        response: { 200: feedbackItemSchema },
      },
    },
    async (request) => answerFeedback(context, actorOf(request), request.params.id, request.body.answer),
  );

  app.put(
    '/consumer-feedback/:id/category',
    {
      config: { access: answerers },
      schema: {
        tags,
        summary: 'Categorise: topic and product / 归类',
        params: idParams,
        body: categoriseInputSchema,
        response: { 200: feedbackItemSchema },
      },
    },
    async (request) => categoriseFeedback(context, actorOf(request), request.params.id, request.body),
  );
};

export const portalConsumerFeedbackRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  await app.register(fastifyMultipart, { limits: { fileSize: feedbackPhotoRules.maxBytes, files: 1 } });

  app.post(
    '/portal/consumer-feedback',
    {
      config: { access: retailer },
      schema: {
        tags: portalTags,
        summary: 'Relay what a consumer said / 反馈消费者意见',
        description:
          'Files a ticket on the complaints’ SLA clock; responseDueAt is its first-response due time. → 400 CONSUMER_FEEDBACK_TEXT_TOO_LONG (over 2,000 characters), 400 CONSUMER_FEEDBACK_PRODUCT_UNKNOWN, 400 CONSUMER_FEEDBACK_PHOTO_UNKNOWN; nothing is written.',
        body: portalFeedbackInputSchema,
        response: { 201: feedbackCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await relayFeedback(context, actorOf(request), request.body)),
  );

  app.post(
    '/portal/consumer-feedback/photos',
    {
      config: { access: retailer },
      schema: {
        tags: portalTags,
        summary: 'Upload a photo for consumer feedback / 上传照片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP (checked by its bytes), ≤ 5 MB → else 400 CONSUMER_FEEDBACK_PHOTO_INVALID, 413 PHOTO_TOO_LARGE, 400 CONSUMER_FEEDBACK_PHOTO_MISSING. Cite its id as photoId.',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, feedbackPhotoRules);
      const contentType = checkImage(file.bytes, feedbackPhotoRules);
      return reply.code(201).send(await uploadFeedbackPhoto(context, actorOf(request), { ...file, contentType }));
    },
  );

  app.get(
    '/portal/consumer-feedback',
    {
      config: { access: retailer },
      schema: {
        tags: portalTags,
        summary: 'My relayed feedback and its answers / 我的消费者意见',
        querystring: portalFeedbackQuery,
        response: { 200: portalFeedbackPageSchema },
      },
    },
    async (request) => listStoreFeedback(context, actorOf(request), request.query),
  );

  app.get(
    '/portal/consumer-feedback/products',
    {
      config: { access: retailer },
      schema: {
        tags: portalTags,
        summary: 'The products a store may name / 可选卷烟规格',
        response: { 200: productChoicesSchema },
      },
    },
    async (request) => listProducts(context, actorOf(request)),
  );

  app.get(
    '/portal/consumer-feedback/:id/photo',
    {
      config: { access: retailer },
      schema: { tags: portalTags, summary: 'The photo of one of my items', params: idParams },
    },
    async (request, reply) =>
      sendFile(reply, await getFeedbackPhoto(context, actorOf(request), request.params.id), 3600),
  );
};
