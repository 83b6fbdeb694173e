import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl, type Query } from '../../shared/api-client.ts';
import {
  type CustomField,
  type CustomFieldKind,
  customFieldsQueryKey,
  fetchCustomFields,
} from '../../shared/custom-fields.ts';
import type {
  CustomerClass,
  CustomerFormat,
  CustomerSort,
  CustomerStatus,
  DemoType,
  OrderChannel,
  UrbanRural,
} from './customer-codes.ts';

export type { CustomField, CustomFieldKind };

export type CustomFieldValue = string | number | string[];

export type Customer = {
  id: number;
  licenceNo: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  district: { code: string; name: string };
  urbanRural: UrbanRural;
  format: CustomerFormat;
  status: CustomerStatus;
  statusReason: string | null;
  managerId: number;
  managerName: string;
  branchId: number;
  branchName: string;
  orderDay: number;
  orderChannel: OrderChannel;
  latitude: number | null;
  longitude: number | null;
  licenceValidUntil: string | null;
  tags: string[];
  class: CustomerClass | null;
  demoType: DemoType | null;
  customFields?: Record<string, CustomFieldValue>;
  createdAt: string;
  updatedAt: string;
};

// A broad search's total is the database's estimate (more than 5,000 matches): shown as 约.
export type CustomerPage = { items: Customer[]; total: number; totalIsEstimate?: boolean; nextCursor: string | null };

export type CustomerReference = {
  districts: { code: string; name: string }[];
  branches: { id: number; name: string }[];
  managers: { id: number; name: string; username: string; branchId: number }[];
  tags: string[];
};

export type CustomerHistoryEntry = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
};

export type CustomerHistoryPage = { items: CustomerHistoryEntry[]; nextCursor: number | null };

type EditableFields = {
  name: string;
  owner: string;
  phone: string;
  address: string;
  urbanRural: UrbanRural;
  format: CustomerFormat;
  orderDay: number;
  orderChannel: OrderChannel;
  latitude: number | null;
  longitude: number | null;
  licenceValidUntil: string | null;
  tags: string[];
};

export type NewCustomerRequest = EditableFields & {
  licenceNo: string;
  managerId: number;
  customFields?: Record<string, CustomFieldValue>;
};

export type CustomerChanges = Partial<EditableFields> & { customFields?: Record<string, CustomFieldValue | null> };

export const customersQueryKey = ['customers'] as const;

export function useCustomers(query: Query) {
  return useQuery({
    queryKey: [...customersQueryKey, 'list', query],
    queryFn: ({ signal }) => api.get<CustomerPage>('/customers', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: [...customersQueryKey, 'one', id],
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${id}`, undefined, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCustomerHistory(id: number, limit: number, cursor: number | undefined) {
  const query = { limit, cursor };
  return useQuery({
    queryKey: [...customersQueryKey, 'history', id, query],
    queryFn: ({ signal }) => api.get<CustomerHistoryPage>(`/customers/${id}/history`, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

// What the caller's scope can filter by; changes rarely.
export function useCustomerReference() {
  return useQuery({
    queryKey: [...customersQueryKey, 'reference'],
    queryFn: () => api.get<CustomerReference>('/customers/reference'),
    staleTime: 5 * 60_000,
  });
}

export function useCustomerFields() {
  return useQuery({
    queryKey: customFieldsQueryKey,
    queryFn: fetchCustomFields,
    staleTime: 5 * 60_000,
    select: (data) => data.items.filter((field) => field.active).sort((a, b) => a.position - b.position),
  });
}

export function createCustomer(request: NewCustomerRequest) {
  return api.post<Customer>('/customers', request);
}

export function updateCustomer(id: number, changes: CustomerChanges) {
  return api.patch<Customer>(`/customers/${id}`, changes);
}

export function changeCustomerStatus(id: number, status: CustomerStatus, reason: string) {
  return api.post<Customer>(`/customers/${id}/status`, { status, reason });
}

export function issuePortalPassword(id: number) {
  return api.post<{ username: string; password: string }>(`/customers/${id}/portal-password`);
}

export function reassignCustomers(customerIds: number[], managerId: number) {
  return api.post<{ reassigned: number; unchanged: number }>('/customers/reassign', { customerIds, managerId });
}

// The export takes the list's filters, except that `format` there is the file's (xlsx, csv):
// the 业态 filter travels as businessFormat.
export function customerExportUrl(fileFormat: 'xlsx' | 'csv', filters: Query): string {
  const { format: businessFormat, ...rest } = filters;
  return buildUrl('/customers/export', { ...rest, businessFormat, format: fileFormat });
}

export type { CustomerSort };
