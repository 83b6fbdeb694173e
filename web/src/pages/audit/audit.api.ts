import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { auditEntrySchema, auditPageSchema } from '../../../../server/src/platform/audit/audit.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Wire } from '../../shared/wire.ts';

export type AuditEntry = Wire<typeof auditEntrySchema>;

export type AuditPage = Wire<typeof auditPageSchema>;

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
