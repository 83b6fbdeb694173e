import { isStaffRole, type StaffRole } from '../../shared/roles.ts';
import type { UpdateUserRequest, UserRow } from './users.api.ts';

export type UserFormValues = {
  username: string;
  displayName: string;
  role: StaffRole;
  orgUnitId: number | null;
  scopeKind: 'org' | 'own';
  password: string;
  disabled: boolean;
};

export const userFormFields = ['username', 'displayName', 'role', 'orgUnitId', 'scopeKind', 'password', 'disabled'];

// Only customer managers work on "their own customers"; everyone else sees an org unit.
export function defaultScopeKind(role: StaffRole): 'org' | 'own' {
  return role === 'manager' ? 'own' : 'org';
}

// The fields of an edit that actually changed, so the audit trail records only those.
export function changedFields(before: UserFormValues, after: UserFormValues): UpdateUserRequest {
  const changes: UpdateUserRequest = {};
  if (after.displayName.trim() !== before.displayName) changes.displayName = after.displayName.trim();
  if (after.role !== before.role) changes.role = after.role;
  if (after.orgUnitId !== null && after.orgUnitId !== before.orgUnitId) changes.orgUnitId = after.orgUnitId;
  if (after.scopeKind !== before.scopeKind) changes.scopeKind = after.scopeKind;
  if (after.disabled !== before.disabled) changes.disabled = after.disabled;
  return changes;
}

// The form's starting values for an existing user.
export function valuesOf(user: UserRow): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    role: isStaffRole(user.role) ? user.role : 'manager',
    orgUnitId: user.orgUnitId,
    scopeKind: user.scope.kind === 'own' ? 'own' : 'org',
    password: '',
    disabled: user.disabled,
  };
}
