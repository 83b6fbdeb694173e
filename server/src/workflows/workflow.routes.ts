import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { worklistPlanBody, worklistPlanResultSchema } from '../modules/brand/index.ts';
import {
  approvedRunSchema,
  approveSchema,
  handClassResultSchema,
  handClassSchema,
} from '../modules/classification/index.ts';
import { reassignResultSchema, reassignSchema } from '../modules/customers/index.ts';
import { allow } from '../platform/access/access-rule.ts';
import { actorOf, idParams } from '../platform/http/route-helpers.ts';
import type { KewoModule } from '../platform/modules/kewo-module.ts';
import { approveClassification, classificationUpkeepJob } from './approve-classification.workflow.ts';
import { interactionRateRoutes } from './interaction-rate.workflow.ts';
import { planBrandVisits } from './plan-brand-visits.workflow.ts';
import { reassignCustomers } from './reassign-customers.workflow.ts';
import { setClassByHand } from './set-class-by-hand.workflow.ts';

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

  app.post(
    '/classification/runs/:id/approve',
    {
      config: { access: allow('admin', 'marketing') },
      schema: {
        tags: ['classification'],
        summary: 'Approve a run, whole or per branch / 审批生效',
        description:
          'Writes the classes (overrides included, special stores untouched) and the history, effective on the run’s date. Only the latest run; a run or branch already applied → 409.',
        params: idParams,
        body: approveSchema,
        response: { 200: approvedRunSchema },
      },
    },
    async (request) => approveClassification(context, actorOf(request), request.params.id, request.body.branchIds),
  );

  app.put(
    '/classification/customers/:id/class',
    {
      config: { access: allow('admin', 'marketing') },
      schema: {
        tags: ['classification'],
        summary: 'Set a store’s class by hand (特殊客户) with a reason',
        params: idParams,
        body: handClassSchema,
        response: { 200: handClassResultSchema },
      },
    },
    async (request) => setClassByHand(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/brand-worklist/plan',
    {
      config: { access: allow('admin', 'marketing', 'manager') },
      schema: {
        tags: ['brand'],
        summary: "Add worklist stores to this week's visit plan / 加入本周走访计划",
        description:
          "1–50 stores, each in your data scope (a manager: their own), else 404 and nothing is added. Planned in their managers' plans on `date` (a working day of this week, today or later; default: the next working day of this week); a store already planned that week is left as it is (alreadyPlanned).",
        body: worklistPlanBody,
        response: { 200: worklistPlanResultSchema },
      },
    },
    async (request) => planBrandVisits(context, actorOf(request), request.body),
  );
};

export const workflowsModule: KewoModule = {
  name: 'workflows',
  routes: [workflowRoutes, interactionRateRoutes],
  jobs: [classificationUpkeepJob],
};
