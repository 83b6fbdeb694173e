// Mirrors the server's role list (server/src/platform/identity/identity.schema.ts).
export const roles = ['admin', 'marketing', 'service', 'inspector', 'manager', 'retailer'] as const;
export type Role = (typeof roles)[number];

// Everyone who works in the staff console; retailers use the portal.
export const staffRoles = ['admin', 'marketing', 'service', 'inspector', 'manager'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly Role[]).includes(role);
}
