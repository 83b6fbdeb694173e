import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

// 走访 and 菜单式服务 (/api/v1/visits/…, /api/v1/services/…).

export type PlanItem = {
  id: number;
  customerId: number;
  customerName: string;
  classCode: string | null;
  managerId: number;
  date: string;
  status: 'planned' | 'done' | 'dropped';
  source: 'generated' | 'added';
  visitId: number | null;
};
export type Plan = { month: string; managerId: number | null; workingDays: string[]; items: PlanItem[] };
export type RouteStop = {
  sequence: number;
  planItemId: number;
  customerId: number;
  customerName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  status: PlanItem['status'];
  legKm: number | null;
  planSequence: number | null;
};
export type DailyRoute = { date: string; kmBefore: number; kmAfter: number; stops: RouteStop[]; unplaced: number };
export type VisitFlag = 'no_position' | 'short' | 'far';
export type VisitSummary = {
  id: number;
  customerId: number;
  customerName: string;
  managerName: string;
  checkInAt: string;
  checkOutAt: string;
  durationSeconds: number;
  imageScore: number;
  correctsVisitId: number | null;
  isSuperseded: boolean;
  servicesDelivered: number[];
  flags: VisitFlag[];
};
export type ReportRow = {
  key: string;
  label: string;
  stores: number;
  planned: number;
  done: number;
  completionRate: number | null;
  storesVisited: number;
  coverageRate: number | null;
  visits: number;
  flagged: number;
};
export type ServiceItem = {
  id: number;
  code: string;
  category: 'brand' | 'guidance' | 'image' | 'information' | 'convenience';
  name: string;
  standard: string;
  frequency: string;
  performedBy: string;
  entitledClasses: string[];
  active: boolean;
};
export type MethodScore = {
  itemId: number;
  code: string;
  name: string;
  category: ServiceItem['category'];
  ratings: number;
  effectiveness: number | null;
  pertinence: number | null;
  economy: number | null;
  overall: number | null;
  isFlaggedForRetirement: boolean;
};
export type ServiceRequest = {
  id: number;
  customerId: number;
  customerName: string;
  itemId: number;
  itemName: string;
  note: string;
  status: 'open' | 'fulfilled' | 'cancelled';
  requestedAt: string;
};
export type Product = { id: number; code: string; name: string; retailPriceFen: number };

export type VisitInput = {
  customerId: number;
  planItemId?: number;
  checkInAt: string;
  checkOutAt: string;
  checkInPosition: { latitude: number; longitude: number } | null;
  checkOutPosition: { latitude: number; longitude: number } | null;
  checklist: { displayStandard: boolean; pricesMarked: boolean; targetBrandsOnShelf: boolean; issues: string };
  stockCounts: Array<{ productId: number; cartons: number }>;
  prices: Array<{ productId: number; packPriceFen: number }>;
  servicesDelivered: number[];
  requestsFulfilled: number[];
  photoIds: number[];
};

export const usePlan = (month: string) =>
  useQuery({ queryKey: ['visits', 'plan', month], queryFn: () => api.get<Plan>('/visits/plan', { month }) });
export const useRoute = (date: string) =>
  useQuery({ queryKey: ['visits', 'route', date], queryFn: () => api.get<DailyRoute>('/visits/route', { date }) });
export const useVisits = (month: string) =>
  useQuery({
    queryKey: ['visits', 'list', month],
    queryFn: () => api.get<{ items: VisitSummary[]; total: number }>('/visits', { month, limit: 100 }),
  });
export const useReport = (month: string, groupBy: string) =>
  useQuery({
    queryKey: ['visits', 'report', month, groupBy],
    queryFn: () => api.get<{ rows: ReportRow[] }>('/visits/report', { month, groupBy }),
  });
export const useServiceItems = () =>
  useQuery({ queryKey: ['services', 'items'], queryFn: () => api.get<{ items: ServiceItem[] }>('/services/items') });
export const useMethodRanking = () =>
  useQuery({
    queryKey: ['services', 'methods'],
    queryFn: () => api.get<{ threshold: number; items: MethodScore[] }>('/services/methods'),
  });
export const useServiceRequests = (customerId?: number) =>
  useQuery({
    queryKey: ['services', 'requests', customerId],
    queryFn: () => api.get<{ items: ServiceRequest[] }>('/services/requests', { customerId, status: 'open' }),
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

export const generatePlan = (input: { month: string; replace?: boolean }) =>
  api.post<{ items: number }>('/visits/plans/generate', input);
export const movePlanItem = (input: { id: number; date: string; reason: string }) =>
  api.post(`/visits/plan/items/${input.id}/move`, { date: input.date, reason: input.reason });
export const dropPlanItem = (input: { id: number; reason: string }) =>
  api.post(`/visits/plan/items/${input.id}/drop`, { reason: input.reason });
export const submitVisit = (input: VisitInput) =>
  api.post<{ id: number; warnings: VisitFlag[]; checkInDistanceM: number | null }>('/visits', input);
export const correctVisit = (input: {
  id: number;
  body: Omit<VisitInput, 'customerId' | 'planItemId'> & { reason: string };
}) => api.post<{ id: number }>(`/visits/${input.id}/corrections`, input.body);
export const editServiceItem = (input: { id: number; changes: Partial<ServiceItem> }) =>
  api.patch<ServiceItem>(`/services/items/${input.id}`, input.changes);

export async function uploadPhoto(file: File): Promise<{ id: number }> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/v1/visits/photos', { method: 'POST', body: form, credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ?? response.statusText);
  return body;
}

// ── The 360° view's 走访 tab ────────────────────────────────────────────────────────────────────

export type VisitDetail = {
  id: number;
  customerId: number;
  customerName: string;
  managerId: number;
  planItemId: number | null;
  correctsVisitId: number | null;
  correctionReason: string | null;
  correctedBy: number[];
  checkInAt: string;
  checkOutAt: string;
  checkInLatitude: number | null;
  checkInLongitude: number | null;
  checkInDistanceM: number | null;
  checklist: { displayStandard: boolean; pricesMarked: boolean; targetBrandsOnShelf: boolean; issues: string };
  imageScore: number;
  servicesDelivered: number[];
  requestsFulfilled: number[];
  stockCounts: Array<{ productId: number; name: string; cartons: number }>;
  prices: Array<{ productId: number; name: string; packPriceFen: number }>;
  photoIds: number[];
  flags: VisitFlag[];
  submittedAt: string;
};

export const useCustomerVisits = (customerId: number, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['visits', 'list', 'customer', customerId, page, pageSize],
    queryFn: () =>
      api.get<{ items: VisitSummary[]; total: number }>('/visits', {
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

export type VisitStandards = { demonstration: number; growth: number; ordinary: number; special: number };
export type StoreOverride = {
  customerId: number;
  customerName: string;
  licenceNo: string;
  classCode: string | null;
  classStandard: number;
  visitsPerMonth: number;
  reason: string;
  updatedAt: string;
};

export const useStandards = () =>
  useQuery({ queryKey: ['visits', 'standards'], queryFn: () => api.get<VisitStandards>('/visits/standards') });
export const useStoreOverrides = () =>
  useQuery({
    queryKey: ['visits', 'standards', 'stores'],
    queryFn: () => api.get<{ items: StoreOverride[] }>('/visits/standards/stores'),
  });
export const saveStandards = (input: VisitStandards) => api.put<VisitStandards>('/visits/standards', input);
export const saveStoreOverride = (input: { customerId: number; visitsPerMonth: number; reason: string }) =>
  api.put(`/visits/standards/stores/${input.customerId}`, {
    visitsPerMonth: input.visitsPerMonth,
    reason: input.reason,
  });
export const removeStoreOverride = (customerId: number) => api.delete(`/visits/standards/stores/${customerId}`);
