import type { Role as ServerRole } from '../../../server/src/platform/identity/identity.schema.ts';
import type { SameCodes } from './wire.ts';

// The server's role list (server/src/platform/identity/identity.schema.ts), kept here at runtime
// and checked against it.
export const roles = ['admin', 'marketing', 'service', 'inspector', 'manager', 'retailer'] as const;
export type Role = SameCodes<(typeof roles)[number], ServerRole>;

// Everyone who works in the staff console; retailers use the portal.
export const staffRoles = ['admin', 'marketing', 'service', 'inspector', 'manager'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly Role[]).includes(role);
}
