import type { Role } from '../identity/identity.schema.ts';
import type { RegisteredRoute } from './access-hooks.ts';
import { isRoleAllowed, isScopeSufficient } from './access-rule.ts';
import type { DataScope } from './data-scope.ts';

// An API operation as Fastify registered it: "POST /api/v1/tickets/:id/escalate".
export type Operation = `${string} /api/v1/${string}`;

export function operationOf(route: Pick<RegisteredRoute, 'method' | 'url'>): Operation {
  return `${route.method} ${route.url}` as Operation;
}

// The operations of the API a caller may perform, read from the access rule every route declares
// (so the web shows only what the server would allow: one declaration, not two lists). Public
// routes are left out; row-level rules (a manager's own stores) are the service's and stay there.
export function permittedOperations(
  routes: readonly RegisteredRoute[],
  caller: { role: Role; scope: DataScope },
): Operation[] {
  const permitted = new Set<Operation>();
  for (const route of routes) {
    if (!route.url.startsWith('/api/v1/') || route.access?.kind !== 'roles') continue;
    if (!isRoleAllowed(route.access, caller.role) || !isScopeSufficient(route.access, caller.scope)) continue;
    permitted.add(operationOf(route));
  }
  return [...permitted].sort();
}
