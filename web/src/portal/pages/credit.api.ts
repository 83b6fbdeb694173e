import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { appealCreatedSchema, photoSchema } from '../../../../server/src/modules/credit/credit.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { LedgerItem, PortalCredit, StoreAppeal } from '../../shared/credit.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Wire } from '../../shared/wire.ts';
import { portalCreditKeys } from './credit-query.ts';

// 我的信用 (the credit module's portal routes, /api/v1/portal/credit): the store's level and score in
// force, its ledger, indicators, history and appeal. One open appeal per store (409 otherwise).
// Types only from the console's credit folder: nothing of it reaches the portal's bundle.

export type { LedgerItem, PortalCredit, StoreAppeal };
export type NewAppeal = { reason: string; itemKey?: string; photoIds?: number[] };
export type AppealPhoto = Wire<typeof photoSchema>;
export type AppealCreated = Wire<typeof appealCreatedSchema>;

export { portalCreditKeys, usePortalCredit } from './credit-query.ts';

export function usePortalAppeals() {
  return useQuery({
    queryKey: portalCreditKeys.appeals,
    queryFn: ({ signal }) => api.get<{ items: StoreAppeal[] }>('/portal/credit/appeals', undefined, { signal }),
  });
}

// A photo for an appeal, uploaded before the appeal is filed: its id goes with the appeal.
export const uploadAppealPhoto = (file: File) => postFile<AppealPhoto>('/portal/credit/photos', file);

export function useFileAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (appeal: NewAppeal) => api.post<AppealCreated>('/portal/credit/appeals', appeal),
    onSuccess: () => void client.invalidateQueries({ queryKey: portalCreditKeys.all }),
  });
}

// What an appeal names as its disputed item: the item's key ("late_payment:order:812").
export function itemKeyOf(item: LedgerItem): string {
  return item.key;
}
