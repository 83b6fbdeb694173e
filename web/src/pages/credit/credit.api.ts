import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  distributionSchema,
  modelInputSchema,
  modelListSchema,
  modelSchema,
  previewSchema,
  runSchema,
  runStorePageSchema,
  staffAppealPageSchema,
  staffAppealSchema,
  violationInputSchema,
  violationPageSchema,
} from '../../../../server/src/modules/credit/credit.contract.ts';
import { api, buildUrl, type Query } from '../../shared/api-client.ts';
import { type AppealStatus, type CreditLevel, type CustomerCredit, creditLevels } from '../../shared/credit.ts';
import { postFile } from '../../shared/post-file.ts';
import type { Body, Wire } from '../../shared/wire.ts';

export * from '../../shared/credit.ts';

// 信用 (issue 22, /api/v1/credit/…): the credit module's contract (credit.contract.ts). Shares are
// percentages 0–100; scores have one decimal; months are 'YYYY-MM', days 'YYYY-MM-DD'.

export const modelStatuses = ['draft', 'approved', 'retired'] as const;
export type ModelStatus = (typeof modelStatuses)[number];

export const runStatuses = ['computing', 'computed', 'published', 'discarded'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const violationTypes = ['illegal_purchase', 'out_of_scope', 'price', 'counterfeit', 'other'] as const;
export type ViolationType = (typeof violationTypes)[number];
export const violationSeverities = ['minor', 'major', 'severe'] as const;
export type ViolationSeverity = (typeof violationSeverities)[number];

// The rules that cap a level (credit.rules.ts capRuleKeys).
export const capRules = ['severe_violation_12m', 'malicious_complaint_12m'] as const;
export type CapRule = (typeof capRules)[number];

export type CreditModel = Wire<typeof modelSchema>;
export type CreditModelList = Wire<typeof modelListSchema>;
export type CreditDefinition = Body<typeof modelInputSchema>['definition'];
export type Band = CreditDefinition['bands'][number];
export type LedgerRule = CreditDefinition['rules'][number];
export type LevelCap = CreditDefinition['caps'][number];
export type IndicatorRule = CreditDefinition['indicators'][number];

export type LevelDistribution = Wire<typeof previewSchema>;
export type LevelCount = LevelDistribution['levels'][number];

export type Distribution = Wire<typeof distributionSchema>;
export type DistributionGroup = NonNullable<Distribution['groups']>[number];
export type DistributionGrouping = 'branch' | 'class';

export type CreditRun = Wire<typeof runSchema>;
export type RunSummary = NonNullable<CreditRun['summary']>;
export type BranchDiff = RunSummary['branches'][number];
export type Mover = RunSummary['movers'][number];
export type ShareAlert = RunSummary['alerts'][number];
export type RunStorePage = Wire<typeof runStorePageSchema>;
export type RunStore = RunStorePage['items'][number];
export type RunStoreQuery = {
  level?: CreditLevel;
  branchId?: number;
  moved?: 'up' | 'down';
  page?: number;
  pageSize?: number;
};

export type Appeal = Wire<typeof staffAppealSchema>;
export type AppealPage = Wire<typeof staffAppealPageSchema>;
export type AppealListItem = AppealPage['items'][number];

export type ViolationPage = Wire<typeof violationPageSchema>;
export type Violation = ViolationPage['items'][number];
export type NewViolation = Body<typeof violationInputSchema>;
export type ViolationImportResult = { rows: number; created: number };

// ── Queries ───────────────────────────────────────────────────────────────────────────────────
export const creditKeys = {
  all: ['credit'] as const,
  models: ['credit', 'models'] as const,
  model: (id: number) => ['credit', 'models', id] as const,
  runs: ['credit', 'runs'] as const,
  run: (id: number) => ['credit', 'runs', id] as const,
  runStores: (id: number, query: RunStoreQuery) => ['credit', 'runs', id, 'stores', query] as const,
  distribution: (by?: DistributionGrouping) => ['credit', 'distribution', by ?? 'none'] as const,
  violations: (query: Query) => ['credit', 'violations', query] as const,
  appeals: (status?: AppealStatus) => ['credit', 'appeals', status ?? 'all'] as const,
  appeal: (id: number) => ['credit', 'appeal', id] as const,
  customer: (id: number) => ['credit', 'customer', id] as const,
};

export function useCreditModels() {
  return useQuery({
    queryKey: creditKeys.models,
    queryFn: ({ signal }) => api.get<CreditModelList>('/credit/models', undefined, { signal }),
  });
}

export function useCreditModel(id: number) {
  return useQuery({
    queryKey: creditKeys.model(id),
    queryFn: ({ signal }) => api.get<CreditModel>(`/credit/models/${id}`, undefined, { signal }),
    // The definition being edited lives in the form: a refetch must not reset it.
    refetchOnWindowFocus: false,
  });
}

export const createModel = (body: { name: string; definition: CreditDefinition }) =>
  api.post<CreditModel>('/credit/models', body);
export const saveModel = ({ id, ...body }: { id: number; name: string; definition: CreditDefinition }) =>
  api.put<CreditModel>(`/credit/models/${id}`, body);
export const approveModel = (id: number) => api.post<CreditModel>(`/credit/models/${id}/approve`);
export const previewModel = (definition: CreditDefinition) =>
  api.post<LevelDistribution>('/credit/models/preview', { definition });

export function useCreditRuns() {
  return useQuery({
    queryKey: creditKeys.runs,
    queryFn: ({ signal }) => api.get<{ items: CreditRun[] }>('/credit/runs', undefined, { signal }),
    // A computing run finishes in seconds: ask again until none is computing.
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === 'computing') ? 2000 : false),
  });
}

export function useCreditRun(id: number, enabled = true) {
  return useQuery({
    queryKey: creditKeys.run(id),
    queryFn: ({ signal }) => api.get<CreditRun>(`/credit/runs/${id}`, undefined, { signal }),
    enabled,
    refetchInterval: (query) => (query.state.data?.status === 'computing' ? 2000 : false),
  });
}

export function useRunStores(id: number, query: RunStoreQuery, enabled = true) {
  return useQuery({
    queryKey: creditKeys.runStores(id, query),
    queryFn: ({ signal }) =>
      api.get<RunStorePage>(`/credit/runs/${id}/stores`, query as Query, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const startRun = (body: { modelId: number; month: string }) => api.post<CreditRun>('/credit/runs', body);
export const publishRun = ({ id, effectiveFrom }: { id: number; effectiveFrom: string }) =>
  api.post<CreditRun>(`/credit/runs/${id}/publish`, { effectiveFrom });

export function useDistribution(by?: DistributionGrouping) {
  return useQuery({
    queryKey: creditKeys.distribution(by),
    queryFn: ({ signal }) => api.get<Distribution>('/credit/distribution', by ? { by } : undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useViolations(query: Query) {
  return useQuery({
    queryKey: creditKeys.violations(query),
    queryFn: ({ signal }) => api.get<ViolationPage>('/credit/violations', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const createViolation = (body: NewViolation) =>
  api.post<Omit<Violation, 'customerName' | 'licenceNo' | 'createdAt'>>('/credit/violations', body);
export const voidViolation = ({ id, reason }: { id: number; reason: string }) =>
  api.post<{ id: number; voidedAt: string; voidReason: string }>(`/credit/violations/${id}/void`, { reason });

// The xlsx of violation records: all rows or none; a 422 lists every bad cell.
export const uploadViolationImport = (file: File) => postFile<ViolationImportResult>('/credit/violations/import', file);
// Its template: the headers the import reads, a sample row and a sheet of instructions.
export const violationTemplateUrl = buildUrl('/credit/violations/import/template');

export function useAppeals(status?: AppealStatus) {
  return useQuery({
    queryKey: creditKeys.appeals(status),
    queryFn: ({ signal }) =>
      api.get<AppealPage>('/credit/appeals', { ...(status ? { status } : {}), pageSize: 200 }, { signal }),
  });
}

export function useAppeal(id: number) {
  return useQuery({
    queryKey: creditKeys.appeal(id),
    queryFn: ({ signal }) => api.get<Appeal>(`/credit/appeals/${id}`, undefined, { signal }),
  });
}

export const decideAppeal = ({ id, ...body }: { id: number; outcome: 'accepted' | 'rejected'; note: string }) =>
  api.post<unknown>(`/credit/appeals/${id}/decision`, body);

export function useCustomerCredit(customerId: number) {
  return useQuery({
    queryKey: creditKeys.customer(customerId),
    queryFn: ({ signal }) => api.get<CustomerCredit>(`/customers/${customerId}/credit`, undefined, { signal }),
  });
}

// A write that refreshes what the credit pages show.
export function useCreditMutation<Input, Output>(write: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void client.invalidateQueries({ queryKey: creditKeys.all }),
  });
}

// ── Pure helpers ──────────────────────────────────────────────────────────────────────────────
// The level counts in band order, a level with no store counting 0 (the server may leave it out).
export function levelsInOrder(levels: readonly LevelCount[]): (LevelCount & { level: CreditLevel })[] {
  return creditLevels.map((level) => ({
    ...(levels.find((entry) => entry.level === level) ?? { count: 0, share: 0 }),
    level,
  }));
}

// 'up' when a store's level rose (A → AA), 'down' when it fell, 'same' otherwise or when new.
export function levelMove(from: string | null, to: string): 'up' | 'down' | 'same' {
  if (!from) return 'same';
  const delta = creditLevels.indexOf(from as CreditLevel) - creditLevels.indexOf(to as CreditLevel);
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

// The bands of a model, checked as the server checks them: from the top level down, each lower
// bound below the one above it; the lowest band has no lower bound. Messages are keys of credit.models.bandErrors.
export function bandProblems(bands: readonly { min: number | null }[]): ('order' | 'lowest' | 'missing')[] {
  const problems = new Set<'order' | 'lowest' | 'missing'>();
  if (bands.length === 0) problems.add('missing');
  bands.forEach((band, index) => {
    const isLowest = index === bands.length - 1;
    if (isLowest && band.min !== null) problems.add('lowest');
    if (!isLowest && band.min === null) problems.add('missing');
    const above = bands[index - 1];
    if (above && above.min !== null && band.min !== null && band.min >= above.min) problems.add('order');
  });
  return [...problems];
}

// score = base + Σ items.points, with one decimal (the server stores numeric(6,1)).
export function ledgerTotal(base: number, items: readonly { points: number }[]): number {
  return Math.round((base + items.reduce((sum, item) => sum + item.points, 0)) * 10) / 10;
}
