import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { customerSchema } from '../../../server/src/modules/customers/customers.contract.ts';
import type {
  analysisSchema,
  assignmentRuleSchema,
  businessCalendarSchema,
  categorySchema,
  channelKeyCreatedSchema,
  channelKeyListSchema,
  channelKeySchema,
  confirmSchema,
  editCategorySchema,
  editTicketSchema,
  escalateSchema,
  newCategorySchema,
  portalReplySchema,
  portalTicketSchema,
  replySchema,
  serviceFailureSchema,
  slaPoliciesSchema,
  slaPolicyCellsSchema,
  staffTicketSchema,
  ticketCreatedSchema,
  ticketDetailSchema,
  ticketListSchema,
  transitionSchema,
  workloadSchema,
} from '../../../server/src/modules/tickets/tickets.contract.ts';
import { api } from './api-client.ts';
import type { Body, SameCodes, Wire } from './wire.ts';

// 投诉建议 (/api/v1/tickets…, /api/v1/portal/tickets…): shared by the console and the portal.

export const ticketTypes = ['complaint', 'suggestion', 'consultation', 'praise'] as const;
export type TicketType = SameCodes<(typeof ticketTypes)[number], TicketDetail['type']>;
export const ticketStatuses = ['new', 'assigned', 'in_progress', 'resolved', 'confirmed', 'closed'] as const;
export type TicketStatus = SameCodes<(typeof ticketStatuses)[number], TicketDetail['status']>;
export type SlaOutcome = TicketDetail['firstResponseSla'];
export type TicketJudgement = NonNullable<TicketDetail['judgement']>;

// The ticket contract, as the server declares it (tickets.contract.ts).
export type TicketCreated = Wire<typeof ticketCreatedSchema>;
export type TicketList = Wire<typeof ticketListSchema>;
export type TicketListItem = TicketList['items'][number];
export type TicketDetail = Wire<typeof ticketDetailSchema>;
export type TicketEvent = TicketDetail['events'][number];
export type TicketCategory = Wire<typeof categorySchema>;
export type ServiceFailure = Wire<typeof serviceFailureSchema>;
export type TicketAnalysis = Wire<typeof analysisSchema>;
export type Workload = Wire<typeof workloadSchema>;

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

// The list's filters as the page holds them; `mine` and `breached` travel as 'true' (ticketListQuery).
export type TicketListQuery = {
  // One store's tickets (its 360° view).
  customerId?: number;
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
      api.get<TicketList>(
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
    queryFn: ({ signal }) => api.get<TicketList>('/portal/tickets', { limit: 50 }, { signal }),
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

export const fileTicket = (body: Body<typeof portalTicketSchema>) => api.post<TicketCreated>('/portal/tickets', body);
export const replyToTicket = (id: number, body: Body<typeof replySchema>) =>
  api.post<TicketDetail>(`/tickets/${id}/replies`, body);
export const portalReply = (id: number, body: string) =>
  api.post<TicketDetail>(`/portal/tickets/${id}/replies`, { body } satisfies Body<typeof portalReplySchema>);
export const transitionTicket = (id: number, body: Body<typeof transitionSchema>) =>
  api.post<TicketDetail>(`/tickets/${id}/transitions`, body);
export const escalateTicket = (id: number, note: string) =>
  api.post<TicketDetail>(`/tickets/${id}/escalate`, { note } satisfies Body<typeof escalateSchema>);
export const editTicket = (id: number, body: Body<typeof editTicketSchema>) =>
  api.patch<TicketDetail>(`/tickets/${id}`, body);
export const confirmTicket = (id: number, body: Body<typeof confirmSchema>) =>
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

// The server answers a rule as the row it keeps (its response declares `target` a plain string);
// the values are those assignmentRuleSchema accepted, so the web reads them as that schema's.
export type AssignmentRuleInput = Body<typeof assignmentRuleSchema>;
export type AssignmentRule = Wire<typeof assignmentRuleSchema> & { id: number; position: number };

export function useAssignmentRules() {
  return useQuery({
    queryKey: ['ticket-assignment-rules'],
    queryFn: ({ signal }) => api.get<AssignmentRule[]>('/ticket-assignment-rules', undefined, { signal }),
  });
}

// ── Staff entry of a phone or visit ticket ──

// The fields of a customer (GET /customers) the store search shows.
export type StoreHit = Pick<Wire<typeof customerSchema>, 'id' | 'licenceNo' | 'name' | 'owner' | 'branchName'>;

export function useStoreSearch(q: string) {
  return useQuery({
    queryKey: ['tickets', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 10 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = SameCodes<(typeof ticketPriorities)[number], TicketDetail['priority']>;

export type StaffTicketInput = Body<typeof staffTicketSchema>;

export const fileStaffTicket = (body: StaffTicketInput) => api.post<TicketCreated>('/tickets', body);

// ── SLA policies per category × priority, the calendar, the library editor, gateway keys ──

export type SlaPolicies = Wire<typeof slaPoliciesSchema>;
export type PolicyTargets = SlaPolicies['categories'][number]['targets'][TicketPriority];
export type BusinessCalendar = Body<typeof businessCalendarSchema>;
export type PolicyCell = Body<typeof slaPolicyCellsSchema>['cells'][number];

export const slaPolicyKey = ['ticket-sla-policies'] as const;
export function useSlaPolicies() {
  return useQuery({
    queryKey: slaPolicyKey,
    queryFn: ({ signal }) => api.get<SlaPolicies>('/ticket-sla-policies', undefined, { signal }),
  });
}
export const saveSlaPolicies = (cells: PolicyCell[]) => api.put<SlaPolicies>('/ticket-sla-policies', { cells });
export const saveCalendar = (calendar: BusinessCalendar) => api.put<SlaPolicies>('/ticket-calendar', calendar);
export const editCategory = (code: string, body: Body<typeof editCategorySchema>) =>
  api.patch<TicketCategory[]>(`/ticket-categories/${code}`, body);
// The answer is declared inline by the route: the new category's code and the whole list.
export const addCategory = (body: Body<typeof newCategorySchema>) =>
  api.post<{ code: string; categories: TicketCategory[] }>('/ticket-categories', body);
export const saveAssignmentRules = (rules: AssignmentRuleInput[]) =>
  api.put<AssignmentRule[]>('/ticket-assignment-rules', { rules });

export type ChannelKey = Wire<typeof channelKeyListSchema>[number];
export function useChannelKeys() {
  return useQuery({
    queryKey: ['ticket-channel-keys'],
    queryFn: ({ signal }) => api.get<ChannelKey[]>('/ticket-channel-keys', undefined, { signal }),
  });
}
export const issueChannelKey = (channel: string) =>
  api.post<Wire<typeof channelKeyCreatedSchema>>('/ticket-channel-keys', {
    channel,
  } satisfies Body<typeof channelKeySchema>);
export const revokeChannelKey = (id: number) => api.post<ChannelKey[]>(`/ticket-channel-keys/${id}/revoke`, {});
