import { useQuery } from '@tanstack/react-query';
import type {
  customFieldChangesSchema,
  newCustomFieldSchema,
} from '../../../../server/src/modules/customers/custom-fields.contract.ts';
import { api } from '../../shared/api-client.ts';
import {
  type CustomField,
  type CustomFieldKind,
  customFieldKinds,
  customFieldsQueryKey,
  fetchCustomFields,
} from '../../shared/custom-fields.ts';
import type { Body } from '../../shared/wire.ts';

export { type CustomField, type CustomFieldKind, customFieldKinds, customFieldsQueryKey };

export type NewCustomFieldRequest = Body<typeof newCustomFieldSchema>;
export type CustomFieldChanges = Body<typeof customFieldChangesSchema>;

export function useCustomFields() {
  return useQuery({
    queryKey: customFieldsQueryKey,
    queryFn: fetchCustomFields,
    select: (data) => data.items,
  });
}

export function createCustomField(request: NewCustomFieldRequest) {
  return api.post<CustomField>('/customer-fields', request);
}

export function updateCustomField(id: number, changes: CustomFieldChanges) {
  return api.patch<CustomField>(`/customer-fields/${id}`, changes);
}
