import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';
import type { Role } from '../../shared/roles.ts';

export type UserScopeKind = 'org' | 'own' | 'customer';

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  orgUnitName: string | null;
  scope: { kind: UserScopeKind; orgUnitId?: number | null };
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export type UserList = { items: UserRow[]; total: number };

export type UserListQuery = {
  q?: string;
  role?: Role;
  orgUnitId?: number;
  limit: number;
  offset: number;
};

export type CreateUserRequest = {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  scopeKind: 'org' | 'own';
  password: string;
};

export type UpdateUserRequest = Partial<{
  displayName: string;
  role: Role;
  orgUnitId: number;
  scopeKind: 'org' | 'own';
  disabled: boolean;
}>;

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
