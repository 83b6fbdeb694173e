import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide, publicAccess } from '../../platform/access/access-rule.ts';
import { idParam, singleLineText } from '../../platform/http/input-bounds.ts';
import { actorOf, idParams, offsetPaging } from '../../platform/http/route-helpers.ts';
import { roles } from '../../platform/identity/identity.schema.ts';
import {
  firstAdminSchema,
  newOrgUnitSchema,
  newStaffSchema,
  newTenantSchema,
  organisationOverviewSchema,
  orgUnitChangesSchema,
  orgUnitSchema,
  setupStatusSchema,
  staffChangesSchema,
  staffDirectoryQuery,
  staffDirectorySchema,
  staffListItemSchema,
  staffSchema,
  tenantListSchema,
} from './organisation.contract.ts';
import {
  createOrgUnit,
  createStaff,
  createTenantAsOperator,
  editOrgUnit,
  editStaff,
  getOrganisationOverview,
  getStaff,
  isSetupNeeded,
  listCities,
  listOrgUnits,
  listStaff,
  listStaffDirectory,
  listTenantsAsOperator,
  resetStaffPassword,
  revokeStaffSessions,
  setUpFirstAdmin,
} from './organisation.service.ts';

const adminOnly = allow('admin');

export const organisationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/setup',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['setup'],
        summary: 'Is the one-time setup still needed? / 是否需要初始化',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ((await isSetupNeeded(context)) ? { needed: true, cities: listCities() } : { needed: false }),
  );

  app.post(
    '/setup',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['setup'],
        summary: 'Create the first city company and administrator / 初始化',
        description: 'Works only while the database has no user; afterwards 409.',
        body: firstAdminSchema,
        response: { 201: z.object({ tenantId: z.number(), userId: z.number() }) },
      },
    },
    async (request, reply) => {
      const result = await setUpFirstAdmin(context, request.body, request.locale);
      return reply.code(201).send({ tenantId: result.tenant.id, userId: result.userId });
    },
  );

  app.get(
    '/tenants',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: "The deployment's city companies / 市公司",
        description:
          'For the deployment operator only: a city-wide administrator of the company named by KEWO_OPERATOR_TENANT (others: 403 DEPLOYMENT_OPERATOR_ONLY).',
        response: { 200: tenantListSchema },
      },
    },
    async (request) => {
      const tenants = await listTenantsAsOperator(context, actorOf(request));
      return {
        items: tenants.map(({ id, code, name, province }) => ({ id, code, name, province })),
        cities: listCities(),
      };
    },
  );

  app.post(
    '/tenants',
    {
      config: { access: cityWide(adminOnly) },
      schema: {
        tags: ['organisation'],
        summary: 'Add a city company / 新增市公司',
        description:
          "For the deployment operator only (403 DEPLOYMENT_OPERATOR_ONLY). Creates the company with its districts, root org unit and first administrator, who changes the password at first sign-in; a code in use or a city that has its company → 409. Audited in the operator's company.",
        body: newTenantSchema,
        response: { 201: z.object({ tenantId: z.number(), code: z.string(), username: z.string() }) },
      },
    },
    async (request, reply) => {
      const { tenantCode, ...rest } = request.body;
      const created = await createTenantAsOperator(context, actorOf(request), { ...rest, tenantCode }, request.locale);
      return reply
        .code(201)
        .send({ tenantId: created.tenant.id, code: created.tenant.code, username: created.username });
    },
  );

  app.get(
    '/org-units',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['organisation'],
        summary: 'Org units in my scope / 组织机构',
        response: { 200: z.object({ items: z.array(orgUnitSchema) }) },
      },
    },
    async (request) => ({ items: await listOrgUnits(context, actorOf(request)) }),
  );

  app.post(
    '/org-units',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Create an org unit / 新建机构',
        body: newOrgUnitSchema,
        response: { 201: orgUnitSchema },
      },
    },
    async (request, reply) => {
      const unit = await createOrgUnit(context, actorOf(request), request.body, request.locale);
      return reply.code(201).send(unit);
    },
  );

  app.patch(
    '/org-units/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Rename or recode an org unit / 修改机构',
        params: idParams,
        body: orgUnitChangesSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => editOrgUnit(context, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/organisation/overview',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'The console home’s figures / 首页概览',
        description:
          'What the console’s home shows an administrator in one request: staff accounts and org units in the caller’s data scope, and the staff by role (counted as GET /users and GET /org-units would). → 401 UNAUTHENTICATED, 403 FORBIDDEN (not an administrator).',
        response: { 200: organisationOverviewSchema },
      },
    },
    async (request) => getOrganisationOverview(context, actorOf(request)),
  );

  app.get(
    '/users',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Staff accounts / 用户列表',
        querystring: z.strictObject({
          q: singleLineText(50, { trim: true }).optional(),
          role: z.enum(roles).optional(),
          orgUnitId: idParam.optional(),
          ...offsetPaging,
        }),
        response: { 200: z.object({ items: z.array(staffListItemSchema), total: z.number() }) },
      },
    },
    async (request) => listStaff(context, actorOf(request), request.query),
  );

  app.get(
    '/users/directory',
    {
      config: { access: anyStaff },
      schema: {
        tags: ['organisation'],
        summary: 'Staff directory / 员工名录',
        description:
          'Enabled staff the caller’s data scope sees (an own-scope manager: only themselves), for naming an owner: id, name, role and org unit only. Filter by role and by a name or username fragment (q); at most `limit` (≤ 100) in natural username order.',
        querystring: staffDirectoryQuery,
        response: { 200: staffDirectorySchema },
      },
    },
    async (request) => listStaffDirectory(context, actorOf(request), request.query),
  );

  app.post(
    '/users',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Create a staff account / 新建用户',
        description: 'The user must change the password at first sign-in.',
        body: newStaffSchema,
        response: { 201: staffSchema },
      },
    },
    async (request, reply) => {
      const user = await createStaff(context, actorOf(request), request.body, request.locale);
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'One staff account / 用户详情',
        params: idParams,
        response: { 200: staffSchema },
      },
    },
    async (request) => getStaff(context, actorOf(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Edit a staff account / 修改用户',
        description: 'Changing role, scope or org unit, or disabling, signs the user out everywhere.',
        params: idParams,
        body: staffChangesSchema,
        response: { 200: staffSchema },
      },
    },
    async (request) => editStaff(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['organisation'],
        summary: 'Reset a password / 重置密码',
        params: idParams,
        body: z.strictObject({ newPassword: singleLineText(128, { min: 1 }) }),
      },
    },
    async (request, reply) => {
      await resetStaffPassword(context, actorOf(request), request.params.id, request.body.newPassword, request.locale);
      return reply.code(204).send();
    },
  );

  app.post(
    '/users/:id/revoke-sessions',
    {
      config: { access: adminOnly },
      schema: { tags: ['organisation'], summary: 'Sign a user out everywhere / 强制下线', params: idParams },
    },
    async (request, reply) => {
      await revokeStaffSessions(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
