import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

// Written by hand: the server declares this answer inside audit.routes.ts and does not export it.
// Checked field by field against that schema.
export type AuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type AuditPage = { items: AuditEntry[]; nextCursor: number | null };

export type AuditFilters = {
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  from?: string;
  to?: string;
};

export function useAuditLog(filters: AuditFilters, limit: number, cursor: number | undefined) {
  const query = { ...filters, limit, cursor };
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<AuditPage>('/audit', query),
    placeholderData: keepPreviousData,
  });
}
