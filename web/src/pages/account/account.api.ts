import { useQuery } from '@tanstack/react-query';
import type { sessionRowSchema } from '../../../../server/src/platform/auth/auth.routes.ts';
import { api } from '../../shared/api-client.ts';
import type { Wire } from '../../shared/wire.ts';

export type SessionRow = Wire<typeof sessionRowSchema>;

export const sessionsQueryKey = ['auth', 'sessions'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: () => api.get<{ items: SessionRow[] }>('/auth/sessions'),
    select: (data) => data.items,
  });
}

export function revokeSession(id: string) {
  return api.delete(`/auth/sessions/${encodeURIComponent(id)}`);
}
