import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { anySignedIn } from '../access/access-rule.ts';
import { actorOf } from '../http/route-helpers.ts';
import { getNotifications, readAllNotifications } from './notifications.service.ts';

// The notification bell of the console and the portal: every signed-in user has one.

export const notificationListSchema = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      ticketId: z.number().nullable(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
});

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/notifications',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'My notifications / 我的消息',
        response: { 200: notificationListSchema },
      },
    },
    async (request) => getNotifications(context, actorOf(request)),
  );
  app.post(
    '/notifications/read',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'Mark all read / 全部已读',
        response: { 200: notificationListSchema },
      },
    },
    async (request) => readAllNotifications(context, actorOf(request)),
  );
};
