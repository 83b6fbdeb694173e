import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../shared/api-client.ts';

// The staff supply API (issue 4's design, /api/v1/supply/…). Money in yuan, quantities in cartons (条).

export const customerClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export type CustomerClass = (typeof customerClasses)[number];

// 信用等级 (C12); credit lands later, so levels are free keys with these as the usual ones.
export const creditLevels = ['AAA', 'AA', 'A', 'B', 'C'] as const;

export type Eligibility = {
  classes?: CustomerClass[];
  formats?: string[];
  districtCodes?: string[];
  urbanRural?: ('urban' | 'rural')[];
  gradeMin?: number;
  gradeMax?: number;
};

export type GradeTableRow = { fromGrade: number; toGrade: number; qty: number };

export type AllocationBase =
  | { kind: 'grade_table'; table: GradeTableRow[] }
  | { kind: 'proportional' }
  | { kind: 'unlimited' };

export type AllocationStrategy = {
  base: AllocationBase;
  classMultipliers?: Partial<Record<CustomerClass, number>>;
  creditMultipliers?: Record<string, number>;
  eligibility?: Eligibility;
  cap?: number;
};

export type CycleStatus = 'draft' | 'published' | 'closed';

export type CycleSummary = {
  id: number;
  code: string;
  weekStart: string;
  opensAt: string;
  closesAt: string;
  orderDayOnly: boolean;
  dailyCutoff: string;
  status: CycleStatus;
  productCount: number;
  publishedAt: string | null;
};

export type CycleProductOutcome = { allocated: number; eligibleStores: number; storesAtZero: number; scale: number };

export type CycleProduct = {
  productId: number;
  code: string;
  name: string;
  brand: string;
  priceClass: number;
  wholesalePrice?: number;
  supply: number | null;
  strategy: AllocationStrategy;
  outcome: CycleProductOutcome | null;
};

export type CycleDetail = CycleSummary & { products: CycleProduct[] };

export type NewCycleRequest = {
  weekStart: string;
  opensAt?: string;
  closesAt?: string;
  orderDayOnly: boolean;
  dailyCutoff: string;
};

export type CycleProductsRequest = {
  products: { productId: number; supply: number | null; strategy: AllocationStrategy }[];
};

export type QuotaBucket = { quota: number; stores: number };

export type PreviewProduct = {
  productId: number;
  code?: string;
  name: string;
  unlimited?: boolean;
  supply: number | null;
  allocated: number;
  eligibleStores: number;
  storesAtZero: number;
  scale: number;
  distribution: QuotaBucket[];
};

export type CyclePreview = {
  products: PreviewProduct[];
  totals: { supply: number | null; allocated: number };
};

// One product of a store's allocation; quota null (or -1) = unlimited.
export type StoreQuota = {
  productId: number;
  name: string;
  code?: string;
  wholesalePrice?: number;
  quota: number | null;
  ordered: number;
  remaining?: number | null;
  explanation: string;
};

// inCycle false: the store got no quotas in this cycle (it was not active when it was published).
export type StoreQuotas = { cycleId?: number; customerId?: number; inCycle?: boolean; items: StoreQuota[] };

export type DemandItem = {
  productId: number;
  code: string;
  name: string;
  brand?: string;
  supply: number | null;
  quotaTotal: number | null; // null: unlimited
  ordered: number;
  storesOrdered: number;
  storesAtCap: number;
};

export type OnlineRateRow = {
  branchId: number | null;
  branchName: string;
  stores: number;
  storesOrdered: number;
  storesOnline: number;
  storeRate: number | null;
  qty: number;
  qtyOnline: number;
  volumeRate: number | null;
};

export type OnlineRate = { byBranch: OnlineRateRow[]; total: Omit<OnlineRateRow, 'branchId' | 'branchName'> };

export type OrderLineRequest = { productId: number; qty: number };

export type OrderLine = {
  productId: number;
  code: string;
  name: string;
  qty: number;
  unitPrice: number;
  amount: number;
};

export type OrderResult = { orderId: number; lines: OrderLine[]; total: number };

export type StaffOrder = {
  orderId: number;
  cycleId: number;
  cycleCode?: string;
  customerId?: number;
  customerName?: string;
  licenceNo?: string;
  quantity?: number;
  channel: 'online' | 'phone' | 'visit';
  status: 'submitted' | 'cancelled';
  total: number;
  lines: OrderLine[];
  createdAt: string;
  updatedAt?: string;
};

export type GradeWeights = { amount: number; quantity: number };

export type GradeRun = {
  id: number;
  periodFrom: string;
  periodTo: string;
  weights: GradeWeights;
  effectiveOn: string;
  status: 'draft' | 'published';
  storeCount?: number;
  createdAt: string;
  publishedAt: string | null;
};

export type GradeCount = { grade: number; count: number };

export type GradeRunDetail = GradeRun & { distribution: GradeCount[] };

export type CustomerGrade = {
  runId: number;
  grade: number;
  score: number;
  amount: number;
  quantity: number;
  periodFrom?: string;
  periodTo?: string;
  effectiveOn: string;
};

export type Product = {
  id: number;
  code: string;
  brand: string;
  name: string;
  priceClass: number;
  wholesalePrice: number;
  retailPrice: number;
  status: 'active' | 'discontinued';
  isNew: boolean;
};

export type CustomerHit = { id: number; licenceNo: string; name: string; owner: string; branchName: string };

export const supplyQueryKey = ['supply'] as const;

// 订货周期
export function useCycles() {
  return useQuery({
    queryKey: [...supplyQueryKey, 'cycles'],
    queryFn: ({ signal }) => api.get<{ items: CycleSummary[] }>('/supply/cycles', undefined, { signal }),
  });
}

export function useCycle(id: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'cycle', id],
    queryFn: ({ signal }) => api.get<CycleDetail>(`/supply/cycles/${id}`, undefined, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function createCycle(request: NewCycleRequest) {
  return api.post<CycleSummary>('/supply/cycles', request);
}

export function saveCycleProducts(cycleId: number, request: CycleProductsRequest) {
  return api.put<CycleDetail>(`/supply/cycles/${cycleId}/products`, request);
}

export function previewCycle(cycleId: number) {
  return api.post<CyclePreview>(`/supply/cycles/${cycleId}/preview`);
}

export function publishCycle(cycleId: number) {
  return api.post<CycleDetail>(`/supply/cycles/${cycleId}/publish`);
}

export function useInvalidateSupply() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supplyQueryKey });
}

export function useDemand(cycleId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'demand', cycleId],
    queryFn: ({ signal }) =>
      api.get<{ items: DemandItem[] }>(`/supply/cycles/${cycleId}/demand`, undefined, { signal }),
  });
}

export function demandExportUrl(cycleId: number): string {
  return buildUrl(`/supply/cycles/${cycleId}/demand/export`);
}

export function useOnlineRate(cycleId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'online-rate', cycleId],
    queryFn: ({ signal }) => api.get<OnlineRate>(`/supply/cycles/${cycleId}/online-rate`, undefined, { signal }),
  });
}

// 电话订货
export function useStoreQuotas(cycleId: number | undefined, customerId: number | undefined) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'quotas', cycleId, customerId],
    queryFn: ({ signal }) =>
      api.get<StoreQuotas>(`/supply/cycles/${cycleId}/quotas/${customerId}`, undefined, { signal }),
    enabled: Boolean(cycleId && customerId),
  });
}

export function useStoreOrders(cycleId: number | undefined, customerId: number | undefined) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'orders', cycleId, customerId],
    queryFn: ({ signal }) => api.get<{ items: StaffOrder[] }>('/supply/orders', { cycleId, customerId }, { signal }),
    enabled: Boolean(cycleId && customerId),
  });
}

export function submitPhoneOrder(customerId: number, lines: OrderLineRequest[], idempotencyKey: string) {
  return api.post<OrderResult>(
    '/supply/orders',
    { customerId, lines },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
}

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'customer-search', q],
    queryFn: ({ signal }) => api.get<{ items: CustomerHit[] }>('/customers', { q, limit: 10 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

// 档位
export function useGradeRuns() {
  return useQuery({
    queryKey: [...supplyQueryKey, 'grade-runs'],
    queryFn: ({ signal }) => api.get<{ items: GradeRun[] }>('/supply/grade-runs', undefined, { signal }),
  });
}

export function useGradeRun(id: number | undefined) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'grade-run', id],
    queryFn: ({ signal }) => api.get<GradeRunDetail>(`/supply/grade-runs/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function computeGradeRun(request: { weights: GradeWeights; effectiveOn: string }) {
  return api.post<GradeRunDetail>('/supply/grade-runs', request);
}

export function publishGradeRun(id: number) {
  return api.post<GradeRun>(`/supply/grade-runs/${id}/publish`);
}

export function useCustomerGrades(customerId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'customer-grades', customerId],
    queryFn: ({ signal }) =>
      api.get<{ items: CustomerGrade[] }>(`/customers/${customerId}/grades`, undefined, { signal }),
  });
}

// 卷烟 products, for adding to a cycle.
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ['products', 'search', q],
    queryFn: ({ signal }) => api.get<{ items: Product[] }>('/products', { q, status: 'active', limit: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplyMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const invalidate = useInvalidateSupply();
  return useMutation({ mutationFn: run, onSuccess: () => invalidate() });
}
