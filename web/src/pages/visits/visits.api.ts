import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { productSchema } from '../../../../server/src/modules/products/products.contract.ts';
import type {
  correctionBody,
  dropBody,
  generatePlanBody,
  generatePlanResult,
  methodRankingSchema,
  moveBody,
  newVisitBody,
  overrideBody,
  overrideListSchema,
  overrideSchema,
  photoCreatedSchema,
  planSchema,
  reportSchema,
  routeSchema,
  serviceItemListSchema,
  serviceItemPatch,
  serviceItemSchema,
  serviceRequestListSchema,
  serviceRequestSchema,
  standardsBody,
  standardsSchema,
  visitCreatedSchema,
  visitDetailSchema,
  visitListSchema,
} from '../../../../server/src/modules/visits/visits.contract.ts';
import { api } from '../../shared/api-client.ts';
import type { Body, Wire } from '../../shared/wire.ts';

// 走访 and 菜单式服务 (/api/v1/visits/…, /api/v1/services/…).

// The visit contract, as the server declares it (visits.contract.ts).
export type Plan = Wire<typeof planSchema>;
export type PlanItem = Plan['items'][number];
export type DailyRoute = Wire<typeof routeSchema>;
export type RouteStop = DailyRoute['stops'][number];
export type VisitList = Wire<typeof visitListSchema>;
export type VisitSummary = VisitList['items'][number];
export type VisitFlag = VisitSummary['flags'][number];
export type Report = Wire<typeof reportSchema>;
export type ReportRow = Report['rows'][number];
export type ServiceItem = Wire<typeof serviceItemSchema>;
export type ServiceItemChanges = Body<typeof serviceItemPatch>;
export type MethodRanking = Wire<typeof methodRankingSchema>;
export type MethodScore = MethodRanking['items'][number];
export type ServiceRequest = Wire<typeof serviceRequestSchema>;
// The fields of a product (GET /products) the visit form's stock and price rows use.
export type Product = Pick<Wire<typeof productSchema>, 'id' | 'code' | 'name' | 'retailPrice'>;

export type VisitInput = Body<typeof newVisitBody>;
export type VisitCorrection = Body<typeof correctionBody>;

// A month's plan: the signed-in manager's, or (for other roles) the named manager's — a city's
// plan is tens of thousands of visits, which no one reads on one page.
export const usePlan = (month: string, managerId?: number, enabled = true) =>
  useQuery({
    queryKey: ['visits', 'plan', month, managerId],
    queryFn: () => api.get<Plan>('/visits/plan', { month, managerId }),
    enabled,
  });
// A day's route: the signed-in manager's, or (for other roles) the named manager's.
export const useRoute = (date: string, managerId?: number, enabled = true) =>
  useQuery({
    queryKey: ['visits', 'route', date, managerId],
    queryFn: () => api.get<DailyRoute>('/visits/route', { date, managerId }),
    enabled,
  });
export const useVisits = (month: string) =>
  useQuery({
    queryKey: ['visits', 'list', month],
    queryFn: () => api.get<VisitList>('/visits', { month, limit: 100 }),
  });
export const useReport = (month: string, groupBy: string) =>
  useQuery({
    queryKey: ['visits', 'report', month, groupBy],
    queryFn: () => api.get<Report>('/visits/report', { month, groupBy }),
  });
export const useServiceItems = () =>
  useQuery({
    queryKey: ['services', 'items'],
    queryFn: () => api.get<Wire<typeof serviceItemListSchema>>('/services/items'),
  });
export const useMethodRanking = () =>
  useQuery({
    queryKey: ['services', 'methods'],
    queryFn: () => api.get<MethodRanking>('/services/methods'),
  });
export const useServiceRequests = (customerId?: number) =>
  useQuery({
    queryKey: ['services', 'requests', customerId],
    queryFn: () => api.get<Wire<typeof serviceRequestListSchema>>('/services/requests', { customerId, status: 'open' }),
  });
// The 360° view's 服务申请 tab: every request of the store, newest first, a page at a time.
export type ServiceRequestList = Wire<typeof serviceRequestListSchema>;
export const useCustomerServiceRequests = (customerId: number, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['services', 'requests', 'customer', customerId, page, pageSize],
    queryFn: () =>
      api.get<ServiceRequestList>('/services/requests', {
        customerId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: (previous) => previous,
  });
export const useProducts = () =>
  useQuery({
    queryKey: ['products', 'visit-picker'],
    queryFn: () => api.get<{ items: Product[] }>('/products', { limit: 200, status: 'active' }),
    staleTime: 600_000,
  });

export function useVisitsMutation<A, R>(run: (argument: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['visits'] });
      void client.invalidateQueries({ queryKey: ['services'] });
    },
  });
}

export const generatePlan = (input: Body<typeof generatePlanBody>) =>
  api.post<Wire<typeof generatePlanResult>>('/visits/plans/generate', input);
export const movePlanItem = (input: { id: number } & Body<typeof moveBody>) =>
  api.post(`/visits/plan/items/${input.id}/move`, { date: input.date, reason: input.reason });
export const dropPlanItem = (input: { id: number } & Body<typeof dropBody>) =>
  api.post(`/visits/plan/items/${input.id}/drop`, { reason: input.reason });
export const submitVisit = (input: VisitInput) => api.post<Wire<typeof visitCreatedSchema>>('/visits', input);
export const correctVisit = (input: { id: number; body: VisitCorrection }) =>
  api.post<Wire<typeof visitCreatedSchema>>(`/visits/${input.id}/corrections`, input.body);
export const editServiceItem = (input: { id: number; changes: ServiceItemChanges }) =>
  api.patch<ServiceItem>(`/services/items/${input.id}`, input.changes);

export async function uploadPhoto(file: File): Promise<Wire<typeof photoCreatedSchema>> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/v1/visits/photos', { method: 'POST', body: form, credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ?? response.statusText);
  return body;
}

// ── The 360° view's 走访 tab ────────────────────────────────────────────────────────────────────

export type VisitDetail = Wire<typeof visitDetailSchema>;

export const useCustomerVisits = (customerId: number, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['visits', 'list', 'customer', customerId, page, pageSize],
    queryFn: () =>
      api.get<VisitList>('/visits', {
        customerId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: (previous) => previous,
  });
export const useCustomerPlan = (customerId: number, month: string) =>
  useQuery({
    queryKey: ['visits', 'plan', 'customer', customerId, month],
    queryFn: () => api.get<Plan>('/visits/plan', { customerId, month }),
  });
export const useVisitDetail = (id: number | null) =>
  useQuery({
    queryKey: ['visits', 'detail', id],
    queryFn: () => api.get<VisitDetail>(`/visits/${id}`),
    enabled: id !== null,
  });
export const photoUrl = (id: number) => `/api/v1/visits/photos/${id}`;

// ── Standards ───────────────────────────────────────────────────────────────────────────────────

export type VisitStandards = Wire<typeof standardsSchema>;
export type StoreOverride = Wire<typeof overrideListSchema>['items'][number];

export const useStandards = () =>
  useQuery({ queryKey: ['visits', 'standards'], queryFn: () => api.get<VisitStandards>('/visits/standards') });
export const useStoreOverrides = () =>
  useQuery({
    queryKey: ['visits', 'standards', 'stores'],
    queryFn: () => api.get<Wire<typeof overrideListSchema>>('/visits/standards/stores'),
  });
export const saveStandards = (input: Body<typeof standardsBody>) => api.put<VisitStandards>('/visits/standards', input);
export const saveStoreOverride = (input: { customerId: number } & Body<typeof overrideBody>) =>
  api.put<Wire<typeof overrideSchema>>(`/visits/standards/stores/${input.customerId}`, {
    visitsPerMonth: input.visitsPerMonth,
    reason: input.reason,
  });
export const removeStoreOverride = (customerId: number) =>
  api.delete<Wire<typeof overrideSchema>>(`/visits/standards/stores/${customerId}`);
