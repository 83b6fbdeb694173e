import { api } from './api-client.ts';

// 自定义字段, as GET /api/v1/customer-fields answers (ordered by position): the administration
// page edits them, the customer pages show and filter by them.
export const customFieldKinds = ['text', 'number', 'date', 'select', 'multiselect'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

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

export const customFieldsQueryKey = ['customer-fields'] as const;

export function fetchCustomFields() {
  return api.get<{ items: CustomField[] }>('/customer-fields');
}
