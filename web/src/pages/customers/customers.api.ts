import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  customerChangesSchema,
  customerPageSchema,
  customerSchema,
  historyPageSchema,
  newCustomerSchema,
  portalPasswordSchema,
  reassignResultSchema,
  reassignSchema,
  statusChangeSchema,
  storeCountsSchema,
} from '../../../../server/src/modules/customers/customers.contract.ts';
import { api, buildUrl, type Query } from '../../shared/api-client.ts';
import {
  type CustomField,
  type CustomFieldKind,
  customFieldsQueryKey,
  fetchCustomFields,
} from '../../shared/custom-fields.ts';
import type { CustomerSort, CustomerStatus } from '../../shared/customer-codes.ts';
import type { Body, Wire } from '../../shared/wire.ts';

export type { CustomField, CustomFieldKind };

// The customer contract, as the server declares it (customers.contract.ts).
export type Customer = Wire<typeof customerSchema>;
export type CustomFieldValue = Customer['customFields'][string];

// A broad search's total is the database's estimate (more than 5,000 matches): shown as 约.
export type CustomerPage = Wire<typeof customerPageSchema>;
export { type CustomerReference, useCustomerReference } from '../../shared/customer-reference.ts';
export type CustomerHistoryPage = Wire<typeof historyPageSchema>;
export type CustomerHistoryEntry = CustomerHistoryPage['items'][number];

export type NewCustomerRequest = Body<typeof newCustomerSchema>;
export type CustomerChanges = Body<typeof customerChangesSchema>;
export type StatusChange = Body<typeof statusChangeSchema>;
export type ReassignRequest = Body<typeof reassignSchema>;
export type ReassignResult = Wire<typeof reassignResultSchema>;
export type PortalPassword = Wire<typeof portalPasswordSchema>;

export const customersQueryKey = ['customers'] as const;

// 在营客户 and 全部档案 in my scope: the list says which stores its total holds.
export type StoreCounts = Wire<typeof storeCountsSchema>;

export function useStoreCounts() {
  return useQuery({
    queryKey: [...customersQueryKey, 'store-counts'],
    queryFn: ({ signal }) => api.get<StoreCounts>('/customers/store-counts', undefined, { signal }),
  });
}

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
  return api.post<Customer>(`/customers/${id}/status`, { status, reason } satisfies StatusChange);
}

export function issuePortalPassword(id: number) {
  return api.post<PortalPassword>(`/customers/${id}/portal-password`);
}

export function reassignCustomers(customerIds: number[], managerId: number) {
  return api.post<ReassignResult>('/customers/reassign', { customerIds, managerId } satisfies ReassignRequest);
}

// The export takes the list's filters, except that `format` there is the file's (xlsx, csv):
// the 业态 filter travels as businessFormat.
export function customerExportUrl(fileFormat: 'xlsx' | 'csv', filters: Query): string {
  const { format: businessFormat, ...rest } = filters;
  return buildUrl('/customers/export', { ...rest, businessFormat, format: fileFormat });
}

export type { CustomerSort };
