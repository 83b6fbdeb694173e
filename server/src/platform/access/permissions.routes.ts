import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/route-helpers.ts';
import type { RegisteredRoute } from './access-hooks.ts';
import { anySignedIn } from './access-rule.ts';
import { permittedOperations } from './permissions.rules.ts';

// The routes are those the app registered (access-hooks.ts collects them as they are added), read
// at request time, when every module has registered its own.
export const permissionRoutes: FastifyPluginAsyncZod<{ routes: readonly RegisteredRoute[] }> = async (
  app,
  { routes },
) => {
  app.get(
    '/auth/permissions',
    {
      config: { access: anySignedIn },
      schema: {
        tags: ['auth'],
        summary: 'What I may do / 我的操作权限',
        description:
          'Every non-public API operation the caller’s role (and, for a city-wide write, scope) is allowed, as "METHOD /api/v1/path/:param" exactly as the route is declared. Row-level rules (a manager’s own stores) still apply when the operation is called.',
        response: { 200: z.object({ operations: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { operations: permittedOperations(routes, actor) };
    },
  );
};
