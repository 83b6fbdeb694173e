import type {
  customFieldListSchema,
  customFieldSchema,
} from '../../../server/src/modules/customers/custom-fields.contract.ts';
import { api } from './api-client.ts';
import type { SameCodes, Wire } from './wire.ts';

// 自定义字段, as GET /api/v1/customer-fields answers (ordered by position): the administration
// page edits them, the customer pages show and filter by them.
export const customFieldKinds = ['text', 'number', 'date', 'select', 'multiselect'] as const;
export type CustomField = Wire<typeof customFieldSchema>;
export type CustomFieldKind = SameCodes<(typeof customFieldKinds)[number], CustomField['kind']>;

export const customFieldsQueryKey = ['customer-fields'] as const;

export function fetchCustomFields() {
  return api.get<Wire<typeof customFieldListSchema>>('/customer-fields');
}
