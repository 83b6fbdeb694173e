import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  customerProgrammesSchema,
  kpiDefinitionSchema,
  kpiRowSchema,
  kpisSchema,
  newProgrammeBody,
  programmeListSchema,
  programmePatchBody,
  programmeSchema,
  KpiGrouping as ServerKpiGrouping,
  storeListSchema,
  worklistPlanResultSchema,
  worklistSchema,
} from '../../../../server/src/modules/brand/brand.contract.ts';
import type { productSchema } from '../../../../server/src/modules/products/products.contract.ts';
import type { segmentSchema } from '../../../../server/src/modules/supply/supply.contract.ts';
import type { serviceItemListSchema } from '../../../../server/src/modules/visits/visits.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 品牌培育 (/api/v1/brand-programmes…, /brand-worklist, /customers/:id/brand-programmes): the
// brand module's contract (brand.contract.ts). Rates are fractions 0–1, null when their
// denominator is 0.

// The server's code lists, kept here at runtime for the selects and checked against the contract.
export const programmeStatuses = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = SameCodes<(typeof programmeStatuses)[number], Programme['status']>;
export const storeStatuses = ['not_shelved', 'not_reordered', 'over_stock', 'out_of_stock', 'shelved'] as const;
export type StoreStatus = SameCodes<(typeof storeStatuses)[number], StoreRow['status']>;
export const worklistStatuses = ['not_shelved', 'not_reordered', 'over_stock', 'out_of_stock'] as const;
export type WorklistStatus = SameCodes<(typeof worklistStatuses)[number], WorklistItem['status']>;
export const actionKinds = ['classroom', 'display', 'service'] as const;
export type ActionKind = SameCodes<(typeof actionKinds)[number], ProgrammeAction['kind']>;
export const kpiNames = [
  'shelvingRate',
  'shelvingRateObserved',
  'sellThroughRate',
  'repeatRate',
  'quotaFill',
  'fullLineRate',
  'stockToSalesRatio',
] as const;
export type KpiName = SameCodes<(typeof kpiNames)[number], KpiDefinition['kpi']>;

// The groupings the detail page offers (besides none and week).
export const kpiGroupings = ['branch', 'manager', 'class', 'format', 'grade'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];
export type KpiGroupBy = SameCodes<'none' | 'week' | KpiGrouping, ServerKpiGrouping>;

// 客户范围, the vocabulary the allocation's 限点 uses (supply's segmentSchema).
export type Segment = Body<typeof segmentSchema>;

export type Programme = Wire<typeof programmeSchema>;
export type ProgrammeProduct = Programme['products'][number];
export type ProgrammeAction = Programme['actions'][number];
export type Goals = Programme['goals'];

// A row of the list. The list shows the products, the target stores and the current 上柜率 and
// 动销率 beside their goals: read from the row when the server sends them, otherwise from the
// programme's KPIs (ProgrammeFigures).
export type ProgrammeSummary = Wire<typeof programmeListSchema>['items'][number] & {
  products?: Pick<ProgrammeProduct, 'id' | 'name'>[];
  targetStores?: number;
  shelvingRate?: number | null;
  sellThroughRate?: number | null;
};

export type ProgrammeInput = Body<typeof newProgrammeBody>;
export type ProgrammePatch = Body<typeof programmePatchBody>;

export type KpiRow = Wire<typeof kpiRowSchema>;
export type KpiDefinition = Wire<typeof kpiDefinitionSchema>;
export type Kpis = Wire<typeof kpisSchema>;
export type StoreRow = Wire<typeof storeListSchema>['items'][number];
export type WorklistItem = Wire<typeof worklistSchema>['items'][number];
export type PlanResult = Wire<typeof worklistPlanResultSchema>;
// One programme as a store's 360° view and the visit form read it.
export type CustomerProgramme = Wire<typeof customerProgrammesSchema>['items'][number];

export type Product = Wire<typeof productSchema>;
export type ServiceItem = Wire<typeof serviceItemListSchema>['items'][number];

export const brandKeys = {
  all: ['brand'] as const,
  programmes: (status?: ProgrammeStatus) => ['brand', 'programmes', status ?? 'all'] as const,
  programme: (id: number) => ['brand', 'programme', id] as const,
  kpis: (id: number, groupBy: KpiGroupBy) => ['brand', 'kpis', id, groupBy] as const,
  stores: (id: number, query: object) => ['brand', 'stores', id, query] as const,
  worklist: (programmeId?: number) => ['brand', 'worklist', programmeId ?? 'all'] as const,
  customer: (customerId: number) => ['brand', 'customer', customerId] as const,
};

export function useProgrammes(status?: ProgrammeStatus) {
  return useQuery({
    queryKey: brandKeys.programmes(status),
    queryFn: ({ signal }) => api.get<{ items: ProgrammeSummary[] }>('/brand-programmes', { status }, { signal }),
  });
}

export function useProgramme(id: number) {
  return useQuery({
    queryKey: brandKeys.programme(id),
    queryFn: ({ signal }) => api.get<Programme>(`/brand-programmes/${id}`, undefined, { signal }),
    enabled: id > 0,
  });
}

export function useKpis(id: number, groupBy: KpiGroupBy) {
  return useQuery({
    queryKey: brandKeys.kpis(id, groupBy),
    queryFn: ({ signal }) => api.get<Kpis>(`/brand-programmes/${id}/kpis`, { groupBy }, { signal }),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

export type StoresQuery = {
  status: StoreStatus;
  groupBy?: KpiGrouping;
  groupKey?: string;
  limit?: number;
  offset?: number;
};

export function useProgrammeStores(id: number, query: StoresQuery | null) {
  return useQuery({
    queryKey: brandKeys.stores(id, query ?? {}),
    queryFn: ({ signal }) =>
      api.get<{ items: StoreRow[]; total: number }>(`/brand-programmes/${id}/stores`, query ?? undefined, { signal }),
    enabled: id > 0 && query !== null,
  });
}

export function kpisXlsxUrl(id: number, groupBy: KpiGroupBy): string {
  return buildUrl(`/brand-programmes/${id}/kpis.xlsx`, { groupBy });
}

export function useWorklist(programmeId?: number) {
  return useQuery({
    queryKey: brandKeys.worklist(programmeId),
    queryFn: ({ signal }) => api.get<{ items: WorklistItem[] }>('/brand-worklist', { programmeId }, { signal }),
  });
}

export function useCustomerProgrammes(customerId: number) {
  return useQuery({
    queryKey: brandKeys.customer(customerId),
    queryFn: ({ signal }) =>
      api.get<{ items: CustomerProgramme[] }>(`/customers/${customerId}/brand-programmes`, undefined, { signal }),
  });
}

// The target-product picker: the catalogue's products on sale (as the visit form's picker).
export function useActiveProducts() {
  return useQuery({
    queryKey: ['products', 'brand-picker'],
    queryFn: () => api.get<{ items: Product[] }>('/products', { status: 'active', limit: 500 }),
    staleTime: 600_000,
  });
}

// The service menu (菜单式服务) whose items an action may link to.
export function useServiceItems() {
  return useQuery({
    queryKey: ['services', 'items'],
    queryFn: () => api.get<Wire<typeof serviceItemListSchema>>('/services/items'),
    staleTime: 600_000,
  });
}

export type StoreHit = { id: number; licenceNo: string; name: string; branchName: string | null };

// The store picker of an explicit target list: GET /customers, by name or licence number.
export function useStoreSearch(q: string) {
  return useQuery({
    queryKey: ['brand', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const createProgramme = (input: ProgrammeInput) => api.post<Programme>('/brand-programmes', input);
export const updateProgramme = ({ id, input }: { id: number; input: ProgrammePatch }) =>
  api.patch<Programme>(`/brand-programmes/${id}`, input);
export const activateProgramme = (id: number) => api.post<Programme>(`/brand-programmes/${id}/activate`);
export const closeProgramme = (id: number) => api.post<Programme>(`/brand-programmes/${id}/close`);
export const planWorklist = (body: { customerIds: number[]; date?: string }) =>
  api.post<PlanResult>('/brand-worklist/plan', body);

// Every brand query is refreshed after a change (and the visit plan, which the worklist fills).
export function useBrandMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: brandKeys.all });
      void client.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}
