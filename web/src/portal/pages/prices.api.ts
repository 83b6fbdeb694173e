import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  portalMarginSchema,
  suggestedPricesSchema,
} from '../../../../server/src/modules/prices/margin.contract.ts';
import type {
  portalPriceBody,
  portalPriceResultSchema,
} from '../../../../server/src/modules/prices/prices.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// 报价格 and 我的毛利 (the prices module's portal routes): the signed-in store's own figures.
// Prices in yuan (2 decimals), margins fractions 0–1.

export type SuggestedPrice = Wire<typeof suggestedPricesSchema>['items'][number];
export type PortalMargin = Wire<typeof portalMarginSchema>;
export type PortalMarginRow = PortalMargin['rows'][number];
export type PriceReport = Body<typeof portalPriceBody>;

export const portalPriceKeys = {
  all: ['portal', 'prices'] as const,
  suggested: ['portal', 'prices', 'suggested'] as const,
  margin: (by: 'week' | 'brand') => ['portal', 'prices', 'margin', by] as const,
};

// What the store bought in the last 13 weeks, most cartons first, with their suggested prices.
export function useSuggestedPrices() {
  return useQuery({
    queryKey: portalPriceKeys.suggested,
    queryFn: ({ signal }) =>
      api.get<Wire<typeof suggestedPricesSchema>>('/portal/prices/suggested', undefined, { signal }),
    staleTime: 60_000,
  });
}

export function usePortalMargin(by: 'week' | 'brand') {
  return useQuery({
    queryKey: portalPriceKeys.margin(by),
    queryFn: ({ signal }) => api.get<PortalMargin>('/portal/prices/margin', { by }, { signal }),
  });
}

export function useReportPrice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (report: PriceReport) => api.post<Wire<typeof portalPriceResultSchema>>('/portal/prices', report),
    onSuccess: () => void client.invalidateQueries({ queryKey: portalPriceKeys.all }),
  });
}
