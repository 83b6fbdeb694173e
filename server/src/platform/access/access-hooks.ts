import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Authenticator } from '../auth/auth.service.ts';
import { DomainError } from '../errors/domain-error.ts';
import { pickLocale } from '../errors/error-catalogue.ts';
import { type AccessRule, isRoleAllowed, isScopeSufficient } from './access-rule.ts';
import '../http/fastify-augment.ts';

export const sessionCookieName = 'kewo_session';

export type RegisteredRoute = { method: string; url: string; hasAccessRule: boolean; access?: AccessRule };

// Every API route must declare its access rule. The list of routes seen is kept so a test
// can enumerate them, and a route without a rule is refused at run time too.
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('actor', undefined);
  app.decorateRequest('profile', undefined);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        hasAccessRule: route.config?.access !== undefined,
        access: route.config?.access,
      });
    }
  });

  // onRequest runs before the body is parsed: an anonymous caller gets 401, not a validation error.
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (!request.url.startsWith('/api/v1/')) return;
    const rule = request.routeOptions.config?.access;
    if (!rule) {
      // Unknown URLs fall through to the not-found handler; known routes without a rule are refused.
      if (request.routeOptions.url === undefined) return;
      throw new DomainError('FORBIDDEN');
    }
    if (rule.kind === 'public') return;
    const token = request.cookies[sessionCookieName];
    const authenticated = token ? await authenticator.authenticate(token, request.ip, request.id) : undefined;
    if (!authenticated) throw new DomainError('UNAUTHENTICATED');
    // A password someone else chose (an administrator's, a one-time one read out on the phone)
    // opens nothing but the way to replace it: the browser's redirect alone would not stop the API.
    if (authenticated.profile.mustChangePassword && !request.routeOptions.config?.allowedBeforePasswordChange) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!isRoleAllowed(rule, authenticated.actor.role)) throw new DomainError('FORBIDDEN');
    // A write to what the whole city company shares needs a city-wide scope, not a branch's.
    if (!isScopeSufficient(rule, authenticated.actor.scope)) throw new DomainError('CITY_WIDE_SCOPE_REQUIRED');
    request.actor = authenticated.actor;
    request.profile = authenticated.profile;
  });

  // A write may have changed a session, a user or an org unit: drop what the authenticator kept,
  // unless the route says it cannot have. (The database notifies every process of such a change,
  // but this process forgets at once, in onSend: before the client sees the answer, so its next
  // request cannot find a stale session.)
  app.addHook('onSend', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    if (request.routeOptions.config?.sessionsUnchanged) return;
    authenticator.forgetSessions();
  });
  return routes;
}
