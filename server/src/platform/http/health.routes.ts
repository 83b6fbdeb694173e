import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { version } from '../../config.ts';
import { publicAccess } from '../access/access-rule.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/health',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check / 健康检查',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await context.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, db: context.dbKind, version };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, db: context.dbKind, version });
      }
    },
  );
};
