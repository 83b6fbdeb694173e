import type { Role } from '../shared/roles.ts';

// What a route (or any guarded thing) declares: the roles allowed to use it, and whether only the
// deployment's operator may (the server's DEPLOYMENT_OPERATOR_ONLY).
export type AccessRule = { readonly access: readonly Role[]; readonly operatorOnly?: boolean };

type Subject = { readonly role: Role; readonly deploymentOperator?: boolean } | null | undefined;

// The one place that decides whether a signed-in user may open a page. Pure, so the
// rules are tested as a table (access.test.ts) without rendering anything.
export function canAccess(user: Subject, rule: AccessRule): boolean {
  if (!user) return false;
  return rule.access.includes(user.role) && (!rule.operatorOnly || user.deploymentOperator === true);
}

export function accessibleRoutes<T extends AccessRule>(user: Subject, routes: readonly T[]): T[] {
  return routes.filter((route) => canAccess(user, route));
}
