import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../access/access-rule.ts';
import { idParam, instantParam, maxInteger, singleLineText } from '../http/input-bounds.ts';
import { actorOf } from '../http/route-helpers.ts';
import { auditPageSchema } from './audit.contract.ts';
import { searchAuditTrail } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/audit',
    {
      config: { access: allow('admin', 'inspector') },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail / 审计日志查询',
        description: "Newest first. Page with `cursor` = the previous page's `nextCursor`.",
        querystring: z.strictObject({
          entity: singleLineText(50).optional(),
          entityId: singleLineText(100).optional(),
          actorId: z.coerce.number().int().min(0).max(maxInteger).optional(),
          action: singleLineText(50).optional(),
          from: instantParam
            .optional()
            .describe('entries at or after: a date (YYYY-MM-DD, midnight UTC) or an instant'),
          to: instantParam.optional().describe('entries before: a date (YYYY-MM-DD, midnight UTC) or an instant'),
          cursor: idParam.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: auditPageSchema },
      },
    },
    async (request) => searchAuditTrail(context, actorOf(request), request.query),
  );
};
