import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  newStaffSchema,
  staffChangesSchema,
  staffSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Role } from '../../shared/roles.ts';
import type { Body, Wire } from '../../shared/wire.ts';

export type UserScopeKind = 'org' | 'own' | 'customer';

// The staff contract, as the server declares it (organisation.contract.ts). Its answer declares
// the role and the scope's kind as plain strings; they are the identity module's codes, which the
// web narrows them to.
type StaffWire = Wire<typeof staffSchema>;
export type UserRow = Omit<StaffWire, 'role' | 'scope'> & {
  role: Role;
  scope: StaffWire['scope'] & { kind: UserScopeKind };
};

export type UserList = { items: UserRow[]; total: number };

export type UserListQuery = {
  q?: string;
  role?: Role;
  orgUnitId?: number;
  limit: number;
  offset: number;
};

export type CreateUserRequest = Body<typeof newStaffSchema>;
export type UpdateUserRequest = Body<typeof staffChangesSchema>;

export const usersQueryKey = ['users'] as const;

export function fetchUsers(query: UserListQuery) {
  return api.get<UserList>('/users', query);
}

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: [...usersQueryKey, query],
    queryFn: () => fetchUsers(query),
    placeholderData: keepPreviousData,
  });
}

export function createUser(request: CreateUserRequest) {
  return api.post<UserRow>('/users', request);
}

export function updateUser(id: number, request: UpdateUserRequest) {
  return api.patch<UserRow>(`/users/${id}`, request);
}

export function resetUserPassword(id: number, newPassword: string) {
  return api.post<void>(`/users/${id}/password`, { newPassword });
}

export function revokeUserSessions(id: number) {
  return api.post<void>(`/users/${id}/revoke-sessions`);
}
