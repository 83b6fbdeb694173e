import type {
  staffListItemSchema,
  staffSchema,
} from '../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from './api-client.ts';
import type { Role } from './roles.ts';
import type { Wire } from './wire.ts';

// The staff list (GET /users): the users page, the home page's counts and the audit trail's actor
// picker read it.

export type UserScopeKind = 'org' | 'own' | 'customer';

// The staff contract, as the server declares it (organisation.contract.ts). Its answer declares
// the role and the scope's kind as plain strings; they are the identity module's codes, which the
// web narrows them to.
type StaffWire = Wire<typeof staffSchema>;
export type UserRow = Omit<StaffWire, 'role' | 'scope'> & {
  role: Role;
  scope: StaffWire['scope'] & { kind: UserScopeKind };
};

// A row of the list also says whether the user is signed in anywhere now.
export type UserListRow = UserRow & Pick<Wire<typeof staffListItemSchema>, 'hasActiveSession'>;
export type UserList = { items: UserListRow[]; total: number };

export type UserListQuery = {
  q?: string;
  role?: Role;
  orgUnitId?: number;
  limit: number;
  offset: number;
};

export const usersQueryKey = ['users'] as const;

export function fetchUsers(query: UserListQuery) {
  return api.get<UserList>('/users', query);
}
