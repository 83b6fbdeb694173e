import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { customerSchema } from '../../../../server/src/modules/customers/customers.contract.ts';
import type { productSchema } from '../../../../server/src/modules/products/products.contract.ts';
import type {
  customerGradesSchema,
  customerOrderListSchema,
  cycleDetailSchema,
  cycleListSchema,
  cycleProductsSchema,
  cycleSchema,
  demandSchema,
  gradeRunDetailSchema,
  gradeRunListSchema,
  gradeRunSchema,
  newCycleSchema,
  newGradeRunSchema,
  onlineRateSchema,
  orderListSchema,
  orderResultSchema,
  orderViewSchema,
  phoneOrderSchema,
  previewSchema,
  publishResultSchema,
  purchaseTrendSchema,
  settlementImportResultSchema,
  settlementResultSchema,
  settlementSchema,
  storeQuotasSchema,
  strategySchema,
} from '../../../../server/src/modules/supply/supply.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import { postFile } from '../../shared/post-file.ts';
import { type ImportRowError, importRowErrorsOf } from '../../shared/spreadsheet-import.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// The staff supply API (/api/v1/supply/…). Money in yuan, quantities in cartons (条).

export const customerClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export type CustomerClass = SameCodes<
  (typeof customerClasses)[number],
  keyof NonNullable<AllocationStrategy['classMultipliers']>
>;

// 信用等级 (C12); credit lands later, so levels are free keys with these as the usual ones.
export const creditLevels = ['AAA', 'AA', 'A', 'B', 'C'] as const;

// The supply contract, as the server declares it (supply.contract.ts).
export type AllocationStrategy = Body<typeof strategySchema>;
export type AllocationBase = AllocationStrategy['base'];
export type GradeTableRow = Extract<AllocationBase, { kind: 'grade_table' }>['table'][number];
// 限点: a segment (客户范围), the vocabulary brand programmes share (server: supply/segment.rules.ts).
export type Eligibility = NonNullable<AllocationStrategy['eligibility']>;

export type CycleSummary = Wire<typeof cycleSchema>;
export type CycleStatus = CycleSummary['status'];
type CycleDetailWire = Wire<typeof cycleDetailSchema>;
// The server declares a product's strategy `any` in its answer; it is the strategy it accepted
// (strategySchema), so the web reads it as that.
export type CycleProduct = Omit<CycleDetailWire['products'][number], 'strategy'> & { strategy: AllocationStrategy };
export type CycleProductOutcome = NonNullable<CycleProduct['outcome']>;
export type CycleDetail = Omit<CycleDetailWire, 'products'> & { products: CycleProduct[] };

export type NewCycleRequest = Body<typeof newCycleSchema>;
export type CycleProductsRequest = Body<typeof cycleProductsSchema>;

export type CyclePreview = Wire<typeof previewSchema>;
export type PreviewProduct = CyclePreview['products'][number];
export type QuotaBucket = PreviewProduct['distribution'][number];
export type PublishResult = Wire<typeof publishResultSchema>;

// One product of a store's allocation; quota null = unlimited.
// inCycle false: the store got no quotas in this cycle (it was not active when it was published).
export type StoreQuotas = Wire<typeof storeQuotasSchema>;
export type StoreQuota = StoreQuotas['items'][number];

export type Demand = Wire<typeof demandSchema>;
export type DemandItem = Demand['items'][number];

export type OnlineRate = Wire<typeof onlineRateSchema>;
export type OnlineRateRow = OnlineRate['byBranch'][number];

export type OrderLineRequest = Body<typeof phoneOrderSchema>['lines'][number];
export type OrderResult = Wire<typeof orderResultSchema>;
export type OrderLine = OrderResult['lines'][number];
export type StaffOrder = Wire<typeof orderViewSchema>;

export type GradeRun = Wire<typeof gradeRunSchema>;
export type GradeWeights = GradeRun['weights'];
export type GradeRunDetail = Wire<typeof gradeRunDetailSchema>;
export type GradeCount = GradeRunDetail['distribution'][number];
export type CustomerGrade = Wire<typeof customerGradesSchema>['items'][number];

// 卷烟 products (GET /products) and stores (GET /customers), as their modules declare them.
export type Product = Wire<typeof productSchema>;
export type CustomerHit = Pick<Wire<typeof customerSchema>, 'id' | 'licenceNo' | 'name' | 'owner' | 'branchName'>;

export const supplyQueryKey = ['supply'] as const;

// 订货周期
export function useCycles() {
  return useQuery({
    queryKey: [...supplyQueryKey, 'cycles'],
    queryFn: ({ signal }) => api.get<Wire<typeof cycleListSchema>>('/supply/cycles', undefined, { signal }),
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
  return api.post<PublishResult>(`/supply/cycles/${cycleId}/publish`);
}

export function useInvalidateSupply() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supplyQueryKey });
}

export function useDemand(cycleId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'demand', cycleId],
    queryFn: ({ signal }) => api.get<Demand>(`/supply/cycles/${cycleId}/demand`, undefined, { signal }),
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
    queryFn: ({ signal }) =>
      api.get<Wire<typeof orderListSchema>>('/supply/orders', { cycleId, customerId }, { signal }),
    enabled: Boolean(cycleId && customerId),
  });
}

export function submitPhoneOrder(customerId: number, lines: OrderLineRequest[], idempotencyKey: string) {
  return api.post<OrderResult>('/supply/orders', { customerId, lines } satisfies Body<typeof phoneOrderSchema>, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
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
    queryFn: ({ signal }) => api.get<Wire<typeof gradeRunListSchema>>('/supply/grade-runs', undefined, { signal }),
  });
}

export function useGradeRun(id: number | undefined) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'grade-run', id],
    queryFn: ({ signal }) => api.get<GradeRunDetail>(`/supply/grade-runs/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export function computeGradeRun(request: Body<typeof newGradeRunSchema>) {
  return api.post<GradeRunDetail>('/supply/grade-runs', request);
}

export function publishGradeRun(id: number) {
  return api.post<GradeRun>(`/supply/grade-runs/${id}/publish`);
}

export function useCustomerGrades(customerId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'customer-grades', customerId],
    queryFn: ({ signal }) =>
      api.get<Wire<typeof customerGradesSchema>>(`/customers/${customerId}/grades`, undefined, { signal }),
  });
}

// The 360° view's 订货 tab: the store's orders, a page at a time, and its 13-week trend.
export type CustomerOrder = Wire<typeof customerOrderListSchema>['items'][number];
export type PurchaseTrend = Wire<typeof purchaseTrendSchema>;

export function useCustomerOrders(customerId: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'customer-orders', customerId, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Wire<typeof customerOrderListSchema>>(
        `/customers/${customerId}/orders`,
        { limit: pageSize, offset: (page - 1) * pageSize },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerPurchaseTrend(customerId: number) {
  return useQuery({
    queryKey: [...supplyQueryKey, 'customer-purchase-trend', customerId],
    queryFn: ({ signal }) => api.get<PurchaseTrend>(`/customers/${customerId}/purchase-trend`, undefined, { signal }),
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

// ── Settlements (结算) ─────────────────────────────────────────────────────────────────────────

export type SettlementRequest = Body<typeof settlementSchema>;
export type SettlementStatus = SettlementRequest['status'];
export type SettlementResult = Wire<typeof settlementResultSchema>;
export type SettlementImportResult = Wire<typeof settlementImportResultSchema>;

export function setOrderSettlement(orderId: number, request: SettlementRequest) {
  return api.put<SettlementResult>(`/orders/${orderId}/settlement`, request);
}

// The settlement system's file: all rows or none; a 422 lists every bad cell.
export const uploadSettlementImport = (file: File) =>
  postFile<SettlementImportResult>('/orders/settlements/import', file);

// The first 20 bad cells of a refused import (shown as a list under the button).
export const settlementImportErrorsOf = (error: unknown): ImportRowError[] =>
  importRowErrorsOf(error)?.errors.slice(0, 20) ?? [];
