import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sessionCookieName } from '../access/access-hooks.ts';
import { anySignedIn, publicAccess } from '../access/access-rule.ts';
import { DomainError } from '../errors/domain-error.ts';
import { singleLineText } from '../http/input-bounds.ts';
import { actorOf } from '../http/route-helpers.ts';
import { changeOwnPassword, listOwnSessions, revokeOwnSession, signIn, signOut } from './auth.service.ts';

// One of the caller's signed-in sessions (GET /api/v1/auth/sessions).
export const sessionRowSchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

const profileSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  tenant: z.object({ id: z.number(), name: z.string() }),
  orgUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  scope: z.union([
    z.object({ kind: z.literal('org'), orgUnitId: z.number().nullable(), orgUnitName: z.string().nullable() }),
    z.object({ kind: z.literal('own') }),
    z.object({ kind: z.literal('customer'), customerId: z.number().nullable() }),
  ]),
  mustChangePassword: z.boolean(),
  deploymentOperator: z
    .boolean()
    .describe(
      'a city-wide administrator of the company that operates the deployment (KEWO_OPERATOR_TENANT): manages the city companies',
    ),
});

const password = singleLineText(256, { min: 1 });

const credentials = z.strictObject({
  username: singleLineText(64, { trim: true, min: 1 }),
  password,
});

const retailerCredentials = z.strictObject({
  licenceNo: singleLineText(32, { trim: true, min: 1 }).describe('专卖许可证号 (tobacco retail licence number)'),
  password,
});

export const authRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: context.config.KEWO_COOKIE_SECURE,
  };

  function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date) {
    reply.setCookie(sessionCookieName, token, { ...cookieOptions, expires: expiresAt });
  }

  app.post(
    '/auth/login',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (staff) / 员工登录',
        description:
          'Sets an httpOnly session cookie. A wrong username or password, or a disabled account → 401. After 10 failed attempts for an account within 15 minutes (100 per address), answers 429 until the window passes.',
        body: credentials,
        response: { 200: z.object({ user: profileSchema }) },
      },
    },
    async (request, reply) => {
      const result = await signIn(context, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        audience: 'staff',
      });
      setSessionCookie(reply, result.token, result.expiresAt);
      return { user: result.profile };
    },
  );

  app.post(
    '/portal/auth/login',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (retailer, by licence number) / 零售客户登录',
        description:
          'Sets an httpOnly session cookie. A wrong licence number or password, or a store no longer served → 401. Failed attempts are limited as for staff (429).',
        body: retailerCredentials,
        response: { 200: z.object({ user: profileSchema }) },
      },
    },
    async (request, reply) => {
      const result = await signIn(context, {
        username: request.body.licenceNo,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        audience: 'retailer',
      });
      setSessionCookie(reply, result.token, result.expiresAt);
      return { user: result.profile };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: anySignedIn, allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: 'Sign out / 退出登录' },
    },
    async (request, reply) => {
      await signOut(context, actorOf(request));
      reply.clearCookie(sessionCookieName, cookieOptions);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: anySignedIn, allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: 'The signed-in user / 当前用户', response: { 200: profileSchema } },
    },
    async (request) => {
      if (!request.profile) throw new DomainError('UNAUTHENTICATED');
      return request.profile;
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: anySignedIn, allowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change my password / 修改密码',
        description: 'Signs out every other session of the user.',
        body: z.strictObject({ currentPassword: password, newPassword: password }),
      },
    },
    async (request, reply) => {
      await changeOwnPassword(context, actorOf(request), request.body, request.locale);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { access: anySignedIn },
      schema: {
        tags: ['auth'],
        summary: 'My active sessions / 我的登录会话',
        response: {
          200: z.object({ items: z.array(sessionRowSchema) }),
        },
      },
    },
    async (request) => ({ items: await listOwnSessions(context, actorOf(request)) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { access: anySignedIn },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of my sessions / 注销会话',
        params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
      },
    },
    async (request, reply) => {
      await revokeOwnSession(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
