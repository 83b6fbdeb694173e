import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';
import type { PortalCredit } from '../../shared/credit.ts';

// GET /api/v1/portal/credit: the store's level, score, ledger, indicators, history, latest appeal
// and how to raise the score. Apart from the rest of credit.api.ts, which the home does not need.
export const portalCreditKeys = {
  all: ['portal', 'credit'] as const,
  appeals: ['portal', 'credit', 'appeals'] as const,
};

export function usePortalCredit(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: portalCreditKeys.all,
    queryFn: ({ signal }) => api.get<PortalCredit>('/portal/credit', undefined, { signal }),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}
