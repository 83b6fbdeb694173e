import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  applicationPageSchema,
  applicationSchema,
  decidedApplicationSchema,
  duePageSchema,
  inspectionCreatedSchema,
  inspectionDetailSchema,
  inspectionInputSchema,
  inspectionPageSchema,
  mapSchema,
  photoSchema,
  storePageSchema,
  storeTerminalSchema,
  summarySchema,
  tierInputSchema,
  tierListSchema,
  tierSchema,
} from '../../../../server/src/modules/terminals/terminals.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 终端建设 — tiers (/api/v1/terminals/…, /customers/:id/terminal): the terminals module's contract
// (terminals.contract.ts). The server's code lists are kept here at runtime for selects and tags,
// and checked against it.

export type Tier = Wire<typeof tierSchema>;
export type TierItem = Tier['items'][number];
export type TierInput = Body<typeof tierInputSchema>;
export type Application = Wire<typeof applicationSchema>;
export type DecidedApplication = Wire<typeof decidedApplicationSchema>;
export type Inspection = Wire<typeof inspectionPageSchema>['items'][number];
export type InspectionDetail = Wire<typeof inspectionDetailSchema>;
export type InspectionInput = Body<typeof inspectionInputSchema>;
export type InspectionCreated = Wire<typeof inspectionCreatedSchema>;
export type AwardedStore = Wire<typeof storePageSchema>['items'][number];
export type DuePage = Wire<typeof duePageSchema>;
export type TierMap = Wire<typeof mapSchema>;
export type TierSummary = Wire<typeof summarySchema>;
export type StoreTerminal = Wire<typeof storeTerminalSchema>;
export type Award = NonNullable<StoreTerminal['award']>;
export type Photo = Wire<typeof photoSchema>;

export const applicationStatuses = ['submitted', 'reviewed', 'approved', 'awarded', 'rejected'] as const;
export type ApplicationStatus = SameCodes<(typeof applicationStatuses)[number], Application['status']>;
export const inspectionOutcomes = [
  'awarded',
  'pending_approval',
  'renewed',
  'not_awarded',
  'downgraded',
  'removed',
] as const;
export type InspectionOutcome = SameCodes<(typeof inspectionOutcomes)[number], Inspection['outcome']>;
export const awardStatuses = ['active', 'replaced', 'downgraded', 'removed'] as const;
export type AwardStatus = SameCodes<(typeof awardStatuses)[number], Award['status']>;
export const tierItemCategories = ['fixtures', 'display', 'signage', 'digital', 'service'] as const;
export type TierItemCategory = SameCodes<(typeof tierItemCategories)[number], TierItem['category']>;

// The inspection needs this many photos (terminals.rules.ts minimumInspectionPhotos).
export const minimumInspectionPhotos = 3;

export const terminalKeys = {
  all: ['terminals'] as const,
  tiers: ['terminals', 'tiers'] as const,
  applications: (query: object) => ['terminals', 'applications', query] as const,
  inspections: (query: object) => ['terminals', 'inspections', query] as const,
  inspection: (id: number) => ['terminals', 'inspection', id] as const,
  stores: (query: object) => ['terminals', 'stores', query] as const,
  due: (query: object) => ['terminals', 'due', query] as const,
  map: (branchId?: number) => ['terminals', 'map', branchId ?? 'all'] as const,
  summary: ['terminals', 'summary'] as const,
  customer: (customerId: number) => ['terminals', 'customer', customerId] as const,
};

export function useTiers() {
  return useQuery({
    queryKey: terminalKeys.tiers,
    queryFn: ({ signal }) => api.get<Wire<typeof tierListSchema>>('/terminals/tiers', undefined, { signal }),
    staleTime: 60_000,
  });
}

export type PageQuery = { limit: number; offset: number };

export function useApplications(query: { status?: ApplicationStatus; customerId?: number } & PageQuery) {
  return useQuery({
    queryKey: terminalKeys.applications(query),
    queryFn: ({ signal }) => api.get<Wire<typeof applicationPageSchema>>('/terminals/applications', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspections(query: { tierId?: number; customerId?: number } & PageQuery) {
  return useQuery({
    queryKey: terminalKeys.inspections(query),
    queryFn: ({ signal }) => api.get<Wire<typeof inspectionPageSchema>>('/terminals/inspections', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: number | null) {
  return useQuery({
    queryKey: terminalKeys.inspection(id ?? 0),
    queryFn: ({ signal }) => api.get<InspectionDetail>(`/terminals/inspections/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
}

export function useTierStores(query: { tier?: number; branchId?: number } & PageQuery) {
  return useQuery({
    queryKey: terminalKeys.stores(query),
    queryFn: ({ signal }) => api.get<Wire<typeof storePageSchema>>('/terminals/stores', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReInspectionsDue(query: { withinDays: number; tier?: number } & PageQuery) {
  return useQuery({
    queryKey: terminalKeys.due(query),
    queryFn: ({ signal }) => api.get<DuePage>('/terminals/re-inspections-due', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTierMap() {
  return useQuery({
    queryKey: terminalKeys.map(),
    queryFn: ({ signal }) => api.get<TierMap>('/terminals/map', undefined, { signal }),
  });
}

export function useTierSummary() {
  return useQuery({
    queryKey: terminalKeys.summary,
    queryFn: ({ signal }) => api.get<TierSummary>('/terminals/summary', undefined, { signal }),
  });
}

export function useCustomerTerminal(customerId: number) {
  return useQuery({
    queryKey: terminalKeys.customer(customerId),
    queryFn: ({ signal }) => api.get<StoreTerminal>(`/customers/${customerId}/terminal`, undefined, { signal }),
    enabled: customerId > 0,
  });
}

export const photoUrl = (id: number) => buildUrl(`/terminals/photos/${id}`);

export const createTier = (input: TierInput) => api.post<Tier>('/terminals/tiers', input);
export const editTier = ({ id, input }: { id: number; input: TierInput }) =>
  api.put<Tier>(`/terminals/tiers/${id}`, input);
export const uploadTerminalPhoto = (file: File) => postFile<Photo>('/terminals/photos', file);
export const applyForTier = (input: { customerId: number; tierId: number; note?: string; photoIds?: number[] }) =>
  api.post<Application>('/terminals/applications', input);
export const reviewApplication = ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
  api.post<Application>(`/terminals/applications/${id}/review`, { approve, note });
export const approveApplication = ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
  api.post<DecidedApplication>(`/terminals/applications/${id}/approval`, { approve, note });
export const recordInspection = (input: InspectionInput) =>
  api.post<InspectionCreated>('/terminals/inspections', input);
