import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anySignedIn, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { actorOf, attachment, idParams } from '../../platform/http/route-helpers.ts';
import {
  articleFileSchema,
  articleInputSchema,
  articleListQuery,
  articleListSchema,
  articleSchema,
  categoryInputSchema,
  categoryListSchema,
  newsletterQuery,
  previewInputSchema,
  previewSchema,
  publishInputSchema,
  receiptsQuery,
  receiptsSchema,
  unreadListSchema,
  unreadQuery,
  worklistSchema,
} from './information.contract.ts';
import {
  articleAttachmentMaxBytes,
  articleImageRules,
  createArticle,
  createCategory,
  getArticle,
  getArticleFile,
  getCategories,
  getReceipts,
  getWorklist,
  listArticlesFor,
  listUnreadStores,
  previewArticle,
  publishArticle,
  updateArticle,
  updateCategory,
  uploadArticleFile,
  withdrawArticle,
  writeNewsletter,
} from './information.service.ts';

// 信息推送 in the console. Marketing (and admins) write: city-wide for any store, a branch's for its
// own stores only (403 ARTICLE_TARGET_OUTSIDE_SCOPE, nothing written); categories are the city's.
// Every staff member reads the articles they see and the receipts of their own stores.
const writers = allow('admin', 'marketing');
const cityWriters = cityWide(allow('admin', 'marketing'));
const tags = ['information'];
const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const informationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: articleAttachmentMaxBytes, files: 1 } });

  app.get(
    '/article-categories',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Article categories / 资讯栏目', response: { 200: categoryListSchema } },
    },
    async (request) => getCategories(context, actorOf(request)),
  );
  app.post(
    '/article-categories',
    {
      config: { access: cityWriters },
      schema: {
        tags,
        summary: 'Add a category / 新增栏目',
        description: 'City-wide marketing. A name already used → 409 ARTICLE_CATEGORY_EXISTS.',
        body: categoryInputSchema,
        response: { 201: categoryListSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCategory(context, actorOf(request), request.body)),
  );
  app.put(
    '/article-categories/:id',
    {
      config: { access: cityWriters },
      schema: {
        tags,
        summary: 'Rename, reorder or archive a category / 修改栏目',
        params: idParams,
        body: categoryInputSchema,
        response: { 200: categoryListSchema },
      },
    },
    async (request) => updateCategory(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/article-files/images',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Upload a cover or inline image / 上传图片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP (by its bytes), ≤ 5 MB. Cite it as coverFileId or in the body as <img src="{url}">.',
        response: { 201: articleFileSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, articleImageRules);
      return reply.code(201).send(await uploadArticleFile(context, actorOf(request), file, 'image'));
    },
  );
  app.post(
    '/article-files/attachments',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Upload an attachment / 上传附件',
        description:
          'multipart/form-data, field "file": PDF, Word, Excel or an image, ≤ 10 MB. Cite it in attachmentIds.',
        response: { 201: articleFileSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, { ...articleImageRules, maxBytes: articleAttachmentMaxBytes });
      return reply.code(201).send(await uploadArticleFile(context, actorOf(request), file, 'attachment'));
    },
  );
  app.get(
    '/article-files/:id',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'An article’s image or attachment',
        description: 'Staff: any of the company’s; a store: those of a published article delivered to it (else 404).',
        params: idParams,
      },
    },
    async (request, reply) =>
      sendFile(reply, await getArticleFile(context, actorOf(request), request.params.id), 86_400),
  );

  app.post(
    '/articles/preview',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Preview the sanitised body / 预览',
        description: 'The body as it will be stored and shown: scripts, handlers, styles and outside images removed.',
        body: previewInputSchema,
        response: { 200: previewSchema },
      },
    },
    async (request) => previewArticle(request.body.bodyHtml),
  );
  app.get(
    '/articles',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Articles / 资讯管理',
        description: 'Those written in your scope or above it, newest first, with read and acknowledged counts.',
        querystring: articleListQuery,
        response: { 200: articleListSchema },
      },
    },
    async (request) => listArticlesFor(context, actorOf(request), request.query),
  );
  app.get(
    '/articles/worklist',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Stores to remind / 重要资讯待确认客户',
        description:
          'Your stores (a manager: their own) with an important article not acknowledged 24 h after delivery — lines for the visit worklist.',
        response: { 200: worklistSchema },
      },
    },
    async (request) => getWorklist(context, actorOf(request)),
  );
  app.get(
    '/articles/newsletter',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'The month’s newsletter (.docx) / 信息小报',
        description: 'The articles published in the month (Beijing) that reached your stores, printable.',
        querystring: newsletterQuery,
      },
    },
    async (request, reply) => {
      const file = await writeNewsletter(context, actorOf(request), request.query.month);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );
  app.post(
    '/articles',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Write an article (a draft) / 新建资讯',
        description:
          'The body is sanitised; the target (a segment, or null for everyone) must be within your scope: a branch writes only for its own stores (403 ARTICLE_TARGET_OUTSIDE_SCOPE), and no store at all → 400 ARTICLE_TARGET_EMPTY.',
        body: articleInputSchema,
        response: { 201: articleSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createArticle(context, actorOf(request), request.body)),
  );
  app.get(
    '/articles/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'An article', params: idParams, response: { 200: articleSchema } },
    },
    async (request) => getArticle(context, actorOf(request), request.params.id, request.locale ?? 'zh-CN'),
  );
  app.put(
    '/articles/:id',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Change a draft or scheduled article / 修改资讯',
        description: 'Published or withdrawn → 409 ARTICLE_NOT_EDITABLE.',
        params: idParams,
        body: articleInputSchema,
        response: { 200: articleSchema },
      },
    },
    async (request) => updateArticle(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/articles/:id/publish',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Publish now or schedule / 发布',
        description:
          'No publishAt (or one already past): published now — one delivery row per targeted store. A later publishAt: scheduled, published by the publisher job when due.',
        params: idParams,
        body: publishInputSchema,
        response: { 200: articleSchema },
      },
    },
    async (request) => publishArticle(context, actorOf(request), request.params.id, request.body ?? {}),
  );
  app.post(
    '/articles/:id/withdraw',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Withdraw / 撤回',
        description: 'The stores no longer see it; its receipts stay.',
        params: idParams,
        response: { 200: articleSchema },
      },
    },
    async (request) => withdrawArticle(context, actorOf(request), request.params.id),
  );
  app.get(
    '/articles/:id/receipts',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Receipts by branch, manager, class or format / 阅读回执',
        description:
          'Targeted, read and acknowledged stores of your scope, from the delivery rows (a read a moment before is counted).',
        params: idParams,
        querystring: receiptsQuery,
        response: { 200: receiptsSchema },
      },
    },
    async (request) =>
      getReceipts(context, actorOf(request), request.params.id, request.query.groupBy, request.locale ?? 'zh-CN'),
  );
  app.get(
    '/articles/:id/unread',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Stores that have not read (or, if important, not acknowledged) / 未读客户',
        params: idParams,
        querystring: unreadQuery,
        response: { 200: unreadListSchema },
      },
    },
    async (request) => listUnreadStores(context, actorOf(request), request.params.id, request.query),
  );
};
