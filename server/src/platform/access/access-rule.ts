import type { Role } from '../identity/identity.schema.ts';
import { staffRoles } from '../identity/identity.schema.ts';

// Every route declares who may call it. A route without a rule fails a test (access.test.ts)
// and is refused at run time, so forgetting is loud.
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const publicAccess: AccessRule = { kind: 'public' };

export function allow(...roles: Role[]): AccessRule {
  return { kind: 'roles', roles };
}

export const anyStaff: AccessRule = allow(...staffRoles);
export const anySignedIn: AccessRule = allow(...staffRoles, 'retailer');

export function isRoleAllowed(rule: AccessRule, role: Role | undefined): boolean {
  if (rule.kind === 'public') return true;
  return role !== undefined && rule.roles.includes(role);
}
