import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  newStaffSchema,
  staffChangesSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import { fetchUsers, type UserListQuery, type UserRow, usersQueryKey } from '../../shared/users.api.ts';
import type { Body } from '../../shared/wire.ts';

export { type UserListRow, type UserRow, usersQueryKey } from '../../shared/users.api.ts';

export type CreateUserRequest = Body<typeof newStaffSchema>;
export type UpdateUserRequest = Body<typeof staffChangesSchema>;

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
