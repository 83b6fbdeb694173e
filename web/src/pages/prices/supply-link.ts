import type { AllocationDraft } from './prices.api.ts';

// The factor the region's quota is multiplied by when the server's suggestion is unusable.
export const defaultReduceFactor = 0.8;

// 调整下期投放: the supply page's address that opens the next cycle's strategy of the warning's
// product with its region preselected for a reduced quota (the server's factor: 0.5 red, 0.7
// yellow), under a banner
// naming the warning. The address is supply's (pages/supply reads product, reduceDistricts,
// reduceBranches, factor and from); supply is reached by its route, not its code.
// Null when there is no draft cycle to set (the caller offers to create one).
export function allocationLink(draft: AllocationDraft): string | null {
  if (!draft.cycle) return null;
  const factor = draft.factor > 0 && draft.factor <= 10 ? draft.factor : defaultReduceFactor;
  const params = new URLSearchParams({ product: String(draft.product.id) });
  if (draft.segment.districtCodes?.length) params.set('reduceDistricts', draft.segment.districtCodes.join(','));
  if (draft.segment.branchIds?.length) params.set('reduceBranches', draft.segment.branchIds.join(','));
  params.set('factor', String(factor));
  params.set('from', `warning:${draft.warningId}`);
  return `/supply/cycles/${draft.cycle.id}?${params.toString()}`;
}
