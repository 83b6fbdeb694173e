import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { reassignResultSchema, reassignSchema } from '../modules/customers/index.ts';
import { allow } from '../platform/access/access-rule.ts';
import { actorOf } from '../platform/http/route-helpers.ts';
import { reassignCustomers } from './reassign-customers.workflow.ts';

// The routes of processes that span modules. They live here, above the modules, so that no
// module imports a workflow: modules know nothing of each other's use cases.
export const workflowRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    '/customers/reassign',
    {
      config: { access: allow('admin', 'marketing') },
      schema: {
        tags: ['customers'],
        summary: 'Reassign customers to a manager / 调整客户经理（可批量）',
        description:
          "Admin and marketing. Up to 1,000 customers at once, all or nothing: if any id is unknown or outside your scope, nothing changes (404). Each moved customer is audited with before and after. The stores' tickets and the visits still planned for them move to the new manager with them.",
        body: reassignSchema,
        response: { 200: reassignResultSchema },
      },
    },
    async (request) => reassignCustomers(context, actorOf(request), request.body),
  );
};
