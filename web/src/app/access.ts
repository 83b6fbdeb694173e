import type { Role } from '../shared/roles.ts';

// What a route (or any guarded thing) declares: the roles allowed to use it.
export type AccessRule = { readonly access: readonly Role[] };

type Subject = { readonly role: Role } | null | undefined;

// The one place that decides whether a signed-in user may open a page. Pure, so the
// rules are tested as a table (access.test.ts) without rendering anything.
export function canAccess(user: Subject, rule: AccessRule): boolean {
  if (!user) return false;
  return rule.access.includes(user.role);
}

export function accessibleRoutes<T extends AccessRule>(user: Subject, routes: readonly T[]): T[] {
  return routes.filter((route) => canAccess(user, route));
}
