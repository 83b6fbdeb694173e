import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  portalArticleSchema,
  portalFeedQuery,
  portalFeedSchema,
  portalRemindersSchema,
} from './information.contract.ts';
import { getPortalArticle, listPortalFeed, listPortalReminders, markArticle } from './information.service.ts';

// 信息推送 in the portal: the store's feed (unread first), reminders, an article, read, acknowledge.
const retailer = allow('retailer');
const tags = ['portal'];

export const portalArticleRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/portal/articles',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'News feed / 资讯',
        description:
          'The articles delivered to my store, unread first then newest; 20 a page, nextCursor for the next.',
        querystring: portalFeedQuery,
        response: { 200: portalFeedSchema },
      },
    },
    async (request) => listPortalFeed(context, actorOf(request), request.query),
  );
  app.get(
    '/portal/articles/reminders',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Important articles to confirm / 待确认的重要资讯',
        description: 'Important articles not acknowledged 24 h after delivery.',
        response: { 200: portalRemindersSchema },
      },
    },
    async (request) => listPortalReminders(context, actorOf(request)),
  );
  app.get(
    '/portal/articles/:id',
    {
      config: { access: retailer },
      schema: { tags, summary: 'An article', params: idParams, response: { 200: portalArticleSchema } },
    },
    async (request) => getPortalArticle(context, actorOf(request), request.params.id),
  );
  app.post(
    '/portal/articles/:id/read',
    {
      config: { access: retailer },
      schema: { tags, summary: 'Mark read / 已读', description: 'Idempotent.', params: idParams },
    },
    async (request, reply) => {
      await markArticle(context, actorOf(request), request.params.id, 'read');
      return reply.code(204).send();
    },
  );
  app.post(
    '/portal/articles/:id/acknowledge',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Acknowledge / 确认已知悉',
        description: 'Reads it too. Idempotent.',
        params: idParams,
      },
    },
    async (request, reply) => {
      await markArticle(context, actorOf(request), request.params.id, 'acknowledge');
      return reply.code(204).send();
    },
  );
};
