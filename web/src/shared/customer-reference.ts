import { useQuery } from '@tanstack/react-query';
import type { customerReferenceSchema } from '../../../server/src/modules/customers/customers.contract.ts';
import { api } from './api-client.ts';
import type { Wire } from './wire.ts';

export type CustomerReference = Wire<typeof customerReferenceSchema>;

// What the caller's scope can filter by — districts, branches, the managers — for the customer
// pages and every page that picks a manager; changes rarely. Under the customers' query key, so a
// change to customers refreshes it.
export function useCustomerReference() {
  return useQuery({
    queryKey: ['customers', 'reference'],
    queryFn: () => api.get<CustomerReference>('/customers/reference'),
    staleTime: 5 * 60_000,
  });
}
