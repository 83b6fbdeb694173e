import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Operation } from '../../../../server/src/platform/access/permissions.rules.ts';
import { api } from '../api-client.ts';
import { useSignedInUser } from './SignedInUser.tsx';

export type { Operation };

// The API operations the signed-in user may perform, as the server's access rules say
// (GET /auth/permissions): the web offers an action only when its operation is listed, so a
// button is never shown that the server would refuse for the role. Asked once per session;
// the key carries the user, and signing out clears the cache.
export const permissionsQueryKey = (userId: number) => ['auth', 'permissions', userId] as const;

export function permissionsQuery(userId: number) {
  return {
    queryKey: permissionsQueryKey(userId),
    queryFn: async () => new Set((await api.get<{ operations: string[] }>('/auth/permissions')).operations),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  };
}

// can('POST /api/v1/tickets/:id/escalate'): false until the answer is in (nothing is offered that
// might be refused), and false for a user who must first change their password.
export function useCan(): (operation: Operation) => boolean {
  const user = useSignedInUser();
  const { data } = useQuery({ ...permissionsQuery(user.id), enabled: !user.mustChangePassword });
  return useCallback((operation: Operation) => data?.has(operation) === true, [data]);
}
