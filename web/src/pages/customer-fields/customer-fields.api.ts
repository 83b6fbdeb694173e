import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client.ts';

export const customFieldKinds = ['text', 'number', 'date', 'select', 'multiselect'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

// 自定义字段, as GET /api/v1/customer-fields answers (ordered by position).
export type CustomField = {
  id: number;
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: string[];
  required: boolean;
  position: number;
  active: boolean;
};

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

export const customFieldsQueryKey = ['customer-fields'] as const;

export function useCustomFields() {
  return useQuery({
    queryKey: customFieldsQueryKey,
    queryFn: () => api.get<{ items: CustomField[] }>('/customer-fields'),
    select: (data) => data.items,
  });
}

export function createCustomField(request: NewCustomFieldRequest) {
  return api.post<CustomField>('/customer-fields', request);
}

export function updateCustomField(id: number, changes: CustomFieldChanges) {
  return api.patch<CustomField>(`/customer-fields/${id}`, changes);
}
