import type { Role } from '../identity/identity.schema.ts';
import { staffRoles } from '../identity/identity.schema.ts';
import { type DataScope, isCityWideScope } from './data-scope.ts';

// Every route declares who may call it. A route without a rule fails a test (access.test.ts)
// and is refused at run time, so forgetting is loud.
// A rule may also ask for a city-wide scope (cityWide): see cityWide() below.
export type AccessRule = { kind: 'public' } | RolesRule;
export type RolesRule = { kind: 'roles'; roles: readonly Role[]; cityWide?: true };

export const publicAccess: AccessRule = { kind: 'public' };

export function allow(...roles: Role[]): RolesRule {
  return { kind: 'roles', roles };
}

// A write that changes what the whole city company shares — a setting (the SLA policies, the
// service menu, a custom field), the catalogue, or a run over every store (a cycle, a grade or
// classification run) — needs, beyond the role, a city-wide scope: an 'org' scope at the tenant's
// root org unit. Staff scoped to a branch are refused with 403 CITY_WIDE_SCOPE_REQUIRED.
export function cityWide(rule: RolesRule): RolesRule {
  return { ...rule, cityWide: true };
}

export const anyStaff: RolesRule = allow(...staffRoles);
export const anySignedIn: RolesRule = allow(...staffRoles, 'retailer');

export function isRoleAllowed(rule: AccessRule, role: Role | undefined): boolean {
  if (rule.kind === 'public') return true;
  return role !== undefined && rule.roles.includes(role);
}

export function isScopeSufficient(rule: AccessRule, scope: DataScope): boolean {
  return rule.kind === 'public' || rule.cityWide !== true || isCityWideScope(scope);
}
