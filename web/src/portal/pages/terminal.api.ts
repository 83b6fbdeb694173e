import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  applicationSchema,
  photoSchema,
  portalTerminalSchema,
} from '../../../../server/src/modules/terminals/terminals.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Wire } from '../../shared/wire.ts';

// 我的标杆店 (the terminals module's portal routes, /api/v1/portal/terminal…): the tier the store
// holds, its next re-inspection, its applications and inspections, and the tiers it may apply for.
// One open application at a time (409 otherwise).

export type PortalTerminal = Wire<typeof portalTerminalSchema>;
export type PortalTier = PortalTerminal['tiers'][number];
export type PortalApplication = Wire<typeof applicationSchema>;
export type TerminalPhoto = Wire<typeof photoSchema>;
export type NewTierApplication = { tierId: number; note?: string; photoIds?: number[] };

export const portalTerminalKeys = { all: ['portal', 'terminal'] as const };

export function usePortalTerminal() {
  return useQuery({
    queryKey: portalTerminalKeys.all,
    queryFn: ({ signal }) => api.get<PortalTerminal>('/portal/terminal', undefined, { signal }),
  });
}

export const uploadApplicationPhoto = (file: File) => postFile<TerminalPhoto>('/portal/terminals/photos', file);
export const portalPhotoUrl = (id: number) => buildUrl(`/portal/terminals/photos/${id}`);

export function useApplyForTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTierApplication) => api.post<PortalApplication>('/portal/terminals/applications', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalTerminalKeys.all }),
  });
}

// The tiers worth offering: in use, and above the one held (the server refuses the others).
export function tiersToApplyFor(terminal: PortalTerminal): PortalTier[] {
  const heldRank = terminal.tiers.find((tier) => tier.id === terminal.award?.tierId)?.rank ?? 0;
  return terminal.tiers.filter((tier) => tier.active && tier.rank > heldRank).sort((a, b) => a.rank - b.rank);
}
