import { useQueries, useQuery } from '@tanstack/react-query';
import { staffRoles } from '../../shared/roles.ts';
import { fetchUsers, usersQueryKey } from '../../shared/users.api.ts';

// Real counts only: `total` from the paged list endpoint, asking for a single row.
export function useUserTotal(isEnabled: boolean) {
  return useQuery({
    queryKey: [...usersQueryKey, 'total'],
    queryFn: () => fetchUsers({ limit: 1, offset: 0 }),
    select: (data) => data.total,
    enabled: isEnabled,
  });
}

export function useUserTotalsByRole(isEnabled: boolean) {
  return useQueries({
    queries: staffRoles.map((role) => ({
      queryKey: [...usersQueryKey, 'total', role],
      queryFn: () => fetchUsers({ role, limit: 1, offset: 0 }),
      select: (data: { total: number }) => data.total,
      enabled: isEnabled,
    })),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
      totals: staffRoles.map((role, index) => ({ role, total: results[index].data ?? 0 })),
    }),
  });
}
