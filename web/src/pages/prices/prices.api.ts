import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  complianceSchema,
  repeatFailuresSchema,
  ComplianceGrouping as ServerComplianceGrouping,
} from '../../../../server/src/modules/prices/compliance.contract.ts';
import type {
  customerPricesSchema,
  MarginGrouping,
  marginSchema,
} from '../../../../server/src/modules/prices/margin.contract.ts';
import type {
  allocationDraftSchema,
  heatSchema,
  indexSchema,
  inspectionBody,
  observationListQuery,
  observationListSchema,
  observationSchema,
  ruleBody,
  ruleListSchema,
  rulePatchBody,
  ruleSchema,
  IndexGrouping as ServerIndexGrouping,
  trendSchema,
  warningListSchema,
  warningPatchBody,
  warningSchema,
} from '../../../../server/src/modules/prices/prices.contract.ts';
import type { productSchema } from '../../../../server/src/modules/products/products.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';
import { shiftWeek } from './prices-format.ts';

// 价格监管 (/api/v1/prices/…, /customers/:id/prices): the prices module's contract. Money in yuan
// a pack (2 decimals), indexes in points (100 = at the suggested price), margins fractions 0–1.

// The groupings the index page offers (the server has more: format, urban_rural, brand…).
export const indexGroupings = ['none', 'branch', 'district'] as const;
export type IndexGrouping = (typeof indexGroupings)[number] & ServerIndexGrouping;

export const warningStatuses = ['new', 'acknowledged', 'action_taken', 'closed'] as const;
export type WarningStatus = SameCodes<(typeof warningStatuses)[number], Warning['status']>;
export type WarningLevel = Warning['level'];

export const marginGroupings = ['branch', 'class', 'district', 'week'] as const;
export type MarginGroupBy = SameCodes<'none' | (typeof marginGroupings)[number], MarginGrouping>;

export const complianceGroupings = ['branch', 'manager', 'class', 'week'] as const;
export type ComplianceGrouping = SameCodes<'none' | (typeof complianceGroupings)[number], ServerComplianceGrouping>;

export type Product = Wire<typeof productSchema>;

// ── 价格指数 ─────────────────────────────────────────────────────────────────────────────────

// What the index is of: one product, a brand, a price class or the whole city.
export type IndexSubject =
  | { kind: 'product'; productId: number }
  | { kind: 'brand'; brand: string }
  | { kind: 'priceClass'; priceClass: number }
  | { kind: 'city' };

export type IndexAnswer = Wire<typeof indexSchema>;
export type IndexRow = IndexAnswer['rows'][number];
export type TrendAnswer = Wire<typeof trendSchema>;
export type TrendPoint = TrendAnswer['points'][number];
export type HeatAnswer = Wire<typeof heatSchema>;
export type Observation = Wire<typeof observationSchema>;
// GET /prices/observations's filters (observationListQuery), as the page sends them.
export type ObservationsQuery = Pick<
  Body<typeof observationListQuery>,
  'source' | 'districtCode' | 'flagged' | 'from' | 'to' | 'week' | 'counted' | 'brand' | 'format' | 'urbanRural'
> & {
  productId?: number;
  priceClass?: number;
  customerId?: number;
  branchId?: number | 'none';
  limit?: number;
  offset?: number;
};

function subjectParams(subject: IndexSubject) {
  if (subject.kind === 'product') return { productId: subject.productId };
  if (subject.kind === 'brand') return { brand: subject.brand };
  if (subject.kind === 'priceClass') return { priceClass: subject.priceClass };
  return {};
}

export const pricesKeys = {
  all: ['prices'] as const,
  index: (subject: IndexSubject, week: string, groupBy: IndexGrouping) =>
    ['prices', 'index', subject, week, groupBy] as const,
  trend: (subject: IndexSubject, week: string) => ['prices', 'trend', subject, week] as const,
  heat: (week: string) => ['prices', 'heat', week] as const,
  observations: (query: object) => ['prices', 'observations', query] as const,
  warnings: (status?: WarningStatus) => ['prices', 'warnings', status ?? 'all'] as const,
  warning: (id: number) => ['prices', 'warning', id] as const,
  rules: ['prices', 'rules'] as const,
  margin: (query: object) => ['prices', 'margin', query] as const,
  compliance: (query: object) => ['prices', 'compliance', query] as const,
  customer: (customerId: number) => ['prices', 'customer', customerId] as const,
};

const isReady = (subject: IndexSubject) =>
  subject.kind === 'city' ||
  (subject.kind === 'product' && subject.productId > 0) ||
  (subject.kind === 'brand' && subject.brand !== '') ||
  (subject.kind === 'priceClass' && subject.priceClass > 0);

// Without a week: the server's current week (its answer says which: week, currentWeek).
export function usePriceIndex(subject: IndexSubject, week: string | undefined, groupBy: IndexGrouping) {
  return useQuery({
    queryKey: pricesKeys.index(subject, week ?? 'current', groupBy),
    queryFn: ({ signal }) =>
      api.get<IndexAnswer>('/prices/index', { ...subjectParams(subject), week, groupBy }, { signal }),
    enabled: isReady(subject),
    placeholderData: keepPreviousData,
  });
}

// The trend is drawn for a product or a brand (the server's trend takes one of the two).
export function usePriceTrend(subject: IndexSubject, week: string | undefined) {
  const target = subject.kind === 'product' || subject.kind === 'brand' ? subjectParams(subject) : null;
  return useQuery({
    queryKey: pricesKeys.trend(subject, week ?? ''),
    queryFn: ({ signal }) =>
      api.get<TrendAnswer>(
        '/prices/trend',
        { ...target, from: shiftWeek(week as string, -12), to: week as string },
        { signal },
      ),
    enabled: target !== null && isReady(subject) && week !== undefined,
  });
}

// This week's index by district and brand (the heat table).
export function useHeat(week: string | undefined) {
  return useQuery({
    queryKey: pricesKeys.heat(week ?? ''),
    queryFn: ({ signal }) => api.get<HeatAnswer>('/prices/heat', { week }, { signal }),
    enabled: week !== undefined,
  });
}

export function useObservations(query: ObservationsQuery | null) {
  return useQuery({
    placeholderData: keepPreviousData,
    queryKey: pricesKeys.observations(query ?? {}),
    queryFn: ({ signal }) =>
      api.get<Wire<typeof observationListSchema>>('/prices/observations', query ?? undefined, { signal }),
    enabled: query !== null,
  });
}

// ── 价格预警 ─────────────────────────────────────────────────────────────────────────────────

export type Warning = Wire<typeof warningSchema>;
export type WarningPatch = Body<typeof warningPatchBody>;
export type WarningTransition = WarningPatch['status'];

export function useWarnings(status?: WarningStatus) {
  return useQuery({
    queryKey: pricesKeys.warnings(status),
    queryFn: ({ signal }) => api.get<Wire<typeof warningListSchema>>('/prices/warnings', { status }, { signal }),
  });
}

export function useWarning(id: number) {
  return useQuery({
    queryKey: pricesKeys.warning(id),
    queryFn: ({ signal }) => api.get<Warning>(`/prices/warnings/${id}`, undefined, { signal }),
    enabled: id > 0,
  });
}

export const patchWarning = ({ id, patch }: { id: number; patch: WarningPatch }) =>
  api.patch<Warning>(`/prices/warnings/${id}`, patch);

// The next cycle's allocation for the warning's product, its region as a segment to reduce.
export type AllocationDraft = Wire<typeof allocationDraftSchema>;

export const fetchAllocationDraft = (id: number) => api.get<AllocationDraft>(`/prices/warnings/${id}/allocation`);

// ── 预警规则 ─────────────────────────────────────────────────────────────────────────────────

export type WarningRule = Wire<typeof ruleSchema>;
export type WarningRuleInput = Body<typeof ruleBody>;
export type WarningRulePatch = Body<typeof rulePatchBody>;

export function useWarningRules() {
  return useQuery({
    queryKey: pricesKeys.rules,
    queryFn: ({ signal }) => api.get<Wire<typeof ruleListSchema>>('/prices/warning-rules', undefined, { signal }),
  });
}

export const createRule = (input: WarningRuleInput) => api.post<WarningRule>('/prices/warning-rules', input);
export const updateRule = ({ id, patch }: { id: number; patch: WarningRulePatch }) =>
  api.patch<WarningRule>(`/prices/warning-rules/${id}`, patch);
export const deleteRule = (id: number) => api.delete(`/prices/warning-rules/${id}`);

// ── 市场检查 ─────────────────────────────────────────────────────────────────────────────────

export type MarketCheckInput = Body<typeof inspectionBody>;

export const createMarketCheck = (input: MarketCheckInput) => api.post<Observation>('/prices/observations', input);

// ── 明码标价 and 零售毛利 ─────────────────────────────────────────────────────────────────────

export type ComplianceAnswer = Wire<typeof complianceSchema>;
export type ComplianceRow = ComplianceAnswer['rows'][number];
export type RepeatFailure = Wire<typeof repeatFailuresSchema>['items'][number];

export function useCompliance(query: { groupBy: ComplianceGrouping; from?: string; to?: string }) {
  return useQuery({
    queryKey: pricesKeys.compliance(query),
    queryFn: ({ signal }) => api.get<ComplianceAnswer>('/prices/compliance', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

// Stores whose latest two visits both found prices not clearly marked.
export function useRepeatFailures() {
  return useQuery({
    queryKey: [...pricesKeys.all, 'repeat-failures'],
    queryFn: ({ signal }) =>
      api.get<Wire<typeof repeatFailuresSchema>>('/prices/compliance/repeat-failures', undefined, { signal }),
  });
}

export type MarginAnswer = Wire<typeof marginSchema>;
export type MarginRow = MarginAnswer['rows'][number];

export function useMargin(query: { groupBy: MarginGroupBy; from?: string; to?: string }) {
  return useQuery({
    queryKey: pricesKeys.margin(query),
    queryFn: ({ signal }) => api.get<MarginAnswer>('/prices/margin', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

// ── 360° ─────────────────────────────────────────────────────────────────────────────────────

export type CustomerPrices = Wire<typeof customerPricesSchema>;

export function useCustomerPrices(customerId: number) {
  return useQuery({
    queryKey: pricesKeys.customer(customerId),
    queryFn: ({ signal }) => api.get<CustomerPrices>(`/customers/${customerId}/prices`, undefined, { signal }),
  });
}

// ── Pickers ──────────────────────────────────────────────────────────────────────────────────

// The catalogue's products on sale (the index's and the checks' product picker).
export function useActiveProducts() {
  return useQuery({
    queryKey: ['products', 'prices-picker'],
    queryFn: () => api.get<{ items: Product[] }>('/products', { status: 'active', limit: 500 }),
    staleTime: 600_000,
  });
}

export type StoreHit = { id: number; licenceNo: string; name: string; branchName: string | null };

export function useStoreSearch(q: string) {
  return useQuery({
    queryKey: ['prices', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

// Every prices query is refreshed after a change.
export function usePricesMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: pricesKeys.all }),
  });
}
