import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

// Written by hand: the server declares this answer inside auth.routes.ts (GET /auth/sessions)
// and does not export it. Checked field by field against that schema.
export type SessionRow = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

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
