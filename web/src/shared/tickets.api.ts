import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

// 投诉建议 (/api/v1/tickets…, /api/v1/portal/tickets…): shared by the console and the portal.

export const ticketTypes = ['complaint', 'suggestion', 'consultation', 'praise'] as const;
export type TicketType = (typeof ticketTypes)[number];
export const ticketStatuses = ['new', 'assigned', 'in_progress', 'resolved', 'confirmed', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export type SlaOutcome = 'pending' | 'met' | 'breached';

export type TicketCreated = { id: number; status: TicketStatus; firstResponseDueAt: string; resolutionDueAt: string };

export type TicketListItem = {
  id: number;
  type: TicketType;
  channel: string;
  status: TicketStatus;
  priority: string;
  storeName: string;
  licenceNo: string;
  categoryName: string;
  assigneeName: string | null;
  description: string;
  createdAt: string;
  firstResponseDueAt: string;
  firstResponseSla: SlaOutcome;
  resolutionDueAt: string;
  resolutionSla: SlaOutcome;
  escalated: boolean;
  rating: number | null;
};

export type TicketEvent = {
  id: number;
  at: string;
  kind: string;
  author: string;
  actorName: string;
  fromStatus: string | null;
  toStatus: string | null;
  body: string;
  visibleToCustomer: boolean;
};

export type TicketDetail = Omit<TicketListItem, 'assigneeName'> & {
  description: string;
  customerId: number;
  storePhone: string | null;
  branchName: string;
  categoryCode: string;
  categoryGroup: string;
  assigneeId: number | null;
  assigneeName: string | null;
  firstRespondedAt: string | null;
  waitingOnCustomer: boolean;
  resolvedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  failure: { code: string; name: string; prevention: string; control: string; remedy: string } | null;
  allowedTransitions: TicketStatus[];
  events: TicketEvent[];
  attachments: { id: number; fileName: string; contentType: string; size: number; createdAt: string }[];
};

export type TicketCategory = {
  code: string;
  groupCode: 'service' | 'product' | 'monopoly' | 'other';
  name: string;
  position: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  businessHours: boolean;
  active: boolean;
};

export type ServiceFailure = {
  code: string;
  name: string;
  prevention: string;
  control: string;
  remedy: string;
  active: boolean;
  occurrences: number;
};

export type TicketAnalysis = {
  from: string;
  to: string;
  total: number;
  byType: { key: string; label: string; count: number }[];
  byCategory: { key: string; label: string; group: string; count: number }[];
  byBranch: { key: string; label: string; count: number; per1000Stores: number }[];
  byWeek: { week: string; count: number }[];
  hotSpots: { district: string; category: string; count: number }[];
  slaByHandler: {
    handlerId: number | null;
    handler: string;
    team: string;
    tickets: number;
    firstResponseMet: number;
    firstResponseDecided: number;
    resolutionMet: number;
    resolutionDecided: number;
  }[];
  handlingHours: { median: number | null; p90: number | null };
  satisfaction: { rated: number; average: number | null; satisfiedShare: number | null };
  per1000Stores: number;
};

export type Workload = { handlerId: number; handler: string; open: number; breached: number; overdue: number }[];

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: object) => ['tickets', 'list', query] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  portalList: ['tickets', 'portal'] as const,
  portalDetail: (id: number) => ['tickets', 'portal', id] as const,
};

export function useTicketCategories() {
  return useQuery({
    queryKey: ['ticket-categories'],
    queryFn: ({ signal }) => api.get<TicketCategory[]>('/ticket-categories', undefined, { signal }),
    staleTime: 300_000,
  });
}

export type TicketListQuery = {
  status?: TicketStatus;
  mine?: boolean;
  breached?: boolean;
  limit: number;
  offset: number;
};

export function useTickets(query: TicketListQuery) {
  return useQuery({
    queryKey: ticketKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: TicketListItem[] }>(
        '/tickets',
        { ...query, mine: query.mine ? 'true' : undefined, breached: query.breached ? 'true' : undefined },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: number, portal = false) {
  return useQuery({
    queryKey: portal ? ticketKeys.portalDetail(id) : ticketKeys.detail(id),
    queryFn: ({ signal }) => api.get<TicketDetail>(`${portal ? '/portal' : ''}/tickets/${id}`, undefined, { signal }),
  });
}

export function usePortalTickets() {
  return useQuery({
    queryKey: ticketKeys.portalList,
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: TicketListItem[] }>('/portal/tickets', { limit: 50 }, { signal }),
  });
}

export function useServiceFailures() {
  return useQuery({
    queryKey: ['service-failures'],
    queryFn: ({ signal }) => api.get<ServiceFailure[]>('/service-failures', undefined, { signal }),
  });
}

export function useTicketAnalysis(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['tickets', 'analysis', range],
    queryFn: ({ signal }) => api.get<TicketAnalysis>('/tickets-analysis', range, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkload() {
  return useQuery({
    queryKey: ['tickets', 'workload'],
    queryFn: ({ signal }) => api.get<Workload>('/tickets-workload', undefined, { signal }),
  });
}

export const fileTicket = (body: { type: TicketType; categoryCode?: string; description: string }) =>
  api.post<TicketCreated>('/portal/tickets', body);
export const replyToTicket = (
  id: number,
  body: { body: string; visibleToCustomer: boolean; awaitCustomer?: boolean },
) => api.post<TicketDetail>(`/tickets/${id}/replies`, body);
export const portalReply = (id: number, body: string) =>
  api.post<TicketDetail>(`/portal/tickets/${id}/replies`, { body });
export const transitionTicket = (id: number, body: { to: TicketStatus; note: string; assigneeId?: number }) =>
  api.post<TicketDetail>(`/tickets/${id}/transitions`, body);
export const escalateTicket = (id: number, note: string) => api.post<TicketDetail>(`/tickets/${id}/escalate`, { note });
export const editTicket = (
  id: number,
  body: { failureCode?: string | null; categoryCode?: string; priority?: string },
) => api.patch<TicketDetail>(`/tickets/${id}`, body);
export const confirmTicket = (id: number, body: { accepted: boolean; rating: number; comment?: string }) =>
  api.post<TicketDetail>(`/portal/tickets/${id}/confirm`, body);

// Photos go as multipart, which the JSON client does not send.
export async function uploadTicketPhoto(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`/api/v1/tickets/${id}/attachments`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `HTTP ${response.status}`);
  }
}

export type AssignmentRule = {
  id: number;
  position: number;
  groupCode: string | null;
  categoryCode: string | null;
  target: 'customer_manager' | 'service_centre' | 'user';
  userId: number | null;
};

export function useAssignmentRules() {
  return useQuery({
    queryKey: ['ticket-assignment-rules'],
    queryFn: ({ signal }) => api.get<AssignmentRule[]>('/ticket-assignment-rules', undefined, { signal }),
  });
}

// ── Staff entry of a phone or visit ticket ──

export type StoreHit = { id: number; licenceNo: string; name: string; owner: string; branchName: string };

export function useStoreSearch(q: string) {
  return useQuery({
    queryKey: ['tickets', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 10 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export type StaffTicketInput = {
  customerId: number;
  type: TicketType;
  channel: 'phone' | 'visit';
  categoryCode?: string;
  priority?: TicketPriority;
  description: string;
};

export const fileStaffTicket = (body: StaffTicketInput) => api.post<TicketCreated>('/tickets', body);

// ── SLA policies per category × priority, the calendar, the library editor, gateway keys ──

export type PolicyTargets = { firstResponseMinutes: number; resolutionMinutes: number; custom: boolean };
export type BusinessCalendar = {
  weekdays: number[];
  opens: string;
  closes: string;
  holidays: string[];
  extraWorkdays: string[];
};
export type SlaPolicies = {
  categories: {
    code: string;
    groupCode: TicketCategory['groupCode'];
    name: string;
    active: boolean;
    businessHours: boolean;
    targets: Record<TicketPriority, PolicyTargets>;
  }[];
  calendar: BusinessCalendar;
};
export type PolicyCell = {
  categoryCode: string;
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
};

export const slaPolicyKey = ['ticket-sla-policies'] as const;
export function useSlaPolicies() {
  return useQuery({
    queryKey: slaPolicyKey,
    queryFn: ({ signal }) => api.get<SlaPolicies>('/ticket-sla-policies', undefined, { signal }),
  });
}
export const saveSlaPolicies = (cells: PolicyCell[]) => api.put<SlaPolicies>('/ticket-sla-policies', { cells });
export const saveCalendar = (calendar: BusinessCalendar) => api.put<SlaPolicies>('/ticket-calendar', calendar);
export const editCategory = (
  code: string,
  body: Partial<
    Pick<TicketCategory, 'name' | 'active' | 'businessHours' | 'firstResponseMinutes' | 'resolutionMinutes'>
  >,
) => api.patch<TicketCategory[]>(`/ticket-categories/${code}`, body);
export const addCategory = (body: { groupCode: TicketCategory['groupCode']; name: string }) =>
  api.post<{ code: string; categories: TicketCategory[] }>('/ticket-categories', body);
export const saveAssignmentRules = (rules: Omit<AssignmentRule, 'id' | 'position'>[]) =>
  api.put<AssignmentRule[]>('/ticket-assignment-rules', { rules });

export type ChannelKey = {
  id: number;
  channel: string;
  fingerprint: string;
  createdAt: string;
  revokedAt: string | null;
};
export function useChannelKeys() {
  return useQuery({
    queryKey: ['ticket-channel-keys'],
    queryFn: ({ signal }) => api.get<ChannelKey[]>('/ticket-channel-keys', undefined, { signal }),
  });
}
export const issueChannelKey = (channel: string) =>
  api.post<{ id: number; channel: string; key: string }>('/ticket-channel-keys', { channel });
export const revokeChannelKey = (id: number) => api.post<ChannelKey[]>(`/ticket-channel-keys/${id}/revoke`, {});
