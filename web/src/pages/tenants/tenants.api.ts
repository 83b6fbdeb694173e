import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  newTenantSchema,
  tenantListSchema,
} from '../../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

export type TenantList = Wire<typeof tenantListSchema>;
export type NewTenant = Body<typeof newTenantSchema>;

const tenantsQueryKey = ['tenants'] as const;

export const useTenants = () => useQuery({ queryKey: tenantsQueryKey, queryFn: () => api.get<TenantList>('/tenants') });

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NewTenant) =>
      api.post<{ tenantId: number; code: string; username: string }>('/tenants', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsQueryKey }),
  });
}
