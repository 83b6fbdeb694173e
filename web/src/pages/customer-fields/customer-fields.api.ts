import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';
import {
  type CustomField,
  type CustomFieldKind,
  customFieldKinds,
  customFieldsQueryKey,
  fetchCustomFields,
} from '../../shared/custom-fields.ts';

export { type CustomField, type CustomFieldKind, customFieldKinds, customFieldsQueryKey };

export type NewCustomFieldRequest = {
  key: string;
  label: string;
  kind: CustomFieldKind;
  options?: string[];
  required?: boolean;
};

export type CustomFieldChanges = Partial<{
  label: string;
  options: string[];
  required: boolean;
  position: number;
  active: boolean;
}>;

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
