import type { FormInstance } from 'antd';
import type { CustomerFormat, OrderChannel, UrbanRural } from '../../shared/customer-codes.ts';
import { fieldErrorsOf } from '../../shared/error-message.ts';
import type { StaffRole } from '../../shared/roles.ts';
import type {
  Customer,
  CustomerChanges,
  CustomerReference,
  CustomField,
  CustomFieldValue,
  NewCustomerRequest,
} from './customers.api.ts';

// The same limits as the server (customers.contract.ts), so most mistakes are caught while typing.
export const licenceNoPattern = /^\d{12}$/;
export const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const maxLengths = { name: 60, owner: 30, address: 200, tag: 20 } as const;
export const maxTags = 20;

export type CustomFieldFormValue = string | number | string[] | null | undefined;

export type CustomerFormValues = {
  licenceNo: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  urbanRural?: UrbanRural;
  format?: CustomerFormat;
  orderDay?: number;
  orderChannel?: OrderChannel;
  managerId?: number;
  latitude: number | null;
  longitude: number | null;
  licenceValidUntil: string | null;
  tags: string[];
  customFields: Record<string, CustomFieldFormValue>;
};

// The service centre keeps contact details current; the rest is the marketing centre's.
export const contactFields = ['owner', 'phone', 'address'] as const;

export function canEditField(role: StaffRole, field: string): boolean {
  if (role === 'admin' || role === 'marketing') return true;
  if (role === 'service') return (contactFields as readonly string[]).includes(field);
  return false;
}

export type LicenceDistrict =
  | { state: 'incomplete' }
  | { state: 'known'; code: string; name: string }
  | { state: 'unknown'; code: string };

// The first 6 digits of a licence number are the store's district (GB/T 2260).
export function districtOfLicence(licenceNo: string, districts: CustomerReference['districts']): LicenceDistrict {
  const value = licenceNo.trim();
  if (!licenceNoPattern.test(value)) return { state: 'incomplete' };
  const code = value.slice(0, 6);
  const district = districts.find((entry) => entry.code === code);
  return district ? { state: 'known', code, name: district.name } : { state: 'unknown', code };
}

export function emptyFormValues(): CustomerFormValues {
  return {
    licenceNo: '',
    name: '',
    owner: '',
    phone: '',
    address: '',
    urbanRural: 'urban',
    orderChannel: 'online',
    latitude: null,
    longitude: null,
    licenceValidUntil: null,
    tags: [],
    customFields: {},
  };
}

export function formValuesOf(customer: Customer): CustomerFormValues {
  return {
    licenceNo: customer.licenceNo,
    name: customer.name,
    owner: customer.owner,
    phone: customer.phone,
    address: customer.address,
    urbanRural: customer.urbanRural,
    format: customer.format,
    orderDay: customer.orderDay,
    orderChannel: customer.orderChannel,
    managerId: customer.managerId,
    latitude: customer.latitude,
    longitude: customer.longitude,
    licenceValidUntil: customer.licenceValidUntil,
    tags: [...customer.tags],
    customFields: { ...(customer.customFields ?? {}) },
  };
}

// A custom field's form value as the API stores it; null when empty.
export function customFieldValue(field: CustomField, value: CustomFieldFormValue): CustomFieldValue | null {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'multiselect': {
      const options = (Array.isArray(value) ? value : [value]).map((option) => String(option).trim()).filter(Boolean);
      return options.length > 0 ? options : null;
    }
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      const text = String(value).trim();
      return text === '' || !Number.isFinite(Number(text)) ? null : Number(text);
    }
    default: {
      const text = String(value).trim();
      return text === '' ? null : text;
    }
  }
}

function customFieldValues(fields: readonly CustomField[], values: CustomerFormValues['customFields']) {
  const result: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const value = customFieldValue(field, values[field.key]);
    if (value !== null) result[field.key] = value;
  }
  return result;
}

function trimmedTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

export function toNewCustomerRequest(values: CustomerFormValues, fields: readonly CustomField[]): NewCustomerRequest {
  if (!values.urbanRural || !values.format || !values.orderDay || !values.orderChannel || !values.managerId)
    throw new Error('the form requires urbanRural, format, orderDay, orderChannel and managerId');
  const customFields = customFieldValues(fields, values.customFields);
  return {
    licenceNo: values.licenceNo.trim(),
    name: values.name.trim(),
    owner: values.owner.trim(),
    phone: values.phone.trim(),
    address: values.address.trim(),
    urbanRural: values.urbanRural,
    format: values.format,
    orderDay: values.orderDay,
    orderChannel: values.orderChannel,
    managerId: values.managerId,
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    licenceValidUntil: values.licenceValidUntil || null,
    tags: trimmedTags(values.tags),
    ...(fields.length > 0 ? { customFields } : {}),
  };
}

function isSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

// What an edit changed, as a PATCH body: only changed fields (the audit trail records exactly
// those), and only fields the role may edit. A cleared custom field is sent as null.
export function customerChanges(
  customer: Customer,
  values: CustomerFormValues,
  fields: readonly CustomField[],
  role: StaffRole,
): CustomerChanges {
  const changes: CustomerChanges = {};
  const next = {
    name: values.name.trim(),
    owner: values.owner.trim(),
    phone: values.phone.trim(),
    address: values.address.trim(),
    urbanRural: values.urbanRural,
    format: values.format,
    orderDay: values.orderDay,
    orderChannel: values.orderChannel,
    latitude: values.latitude ?? null,
    longitude: values.longitude ?? null,
    licenceValidUntil: values.licenceValidUntil || null,
    tags: trimmedTags(values.tags),
  };
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || !canEditField(role, key)) continue;
    if (!isSame(customer[key as keyof typeof next], value)) Object.assign(changes, { [key]: value });
  }
  if (canEditField(role, 'customFields')) {
    const current = customer.customFields ?? {};
    const changed: Record<string, CustomFieldValue | null> = {};
    for (const field of fields) {
      const value = customFieldValue(field, values.customFields[field.key]);
      if (!isSame(current[field.key], value)) changed[field.key] = value;
    }
    if (Object.keys(changed).length > 0) changes.customFields = changed;
  }
  return changes;
}

// Where a server field error belongs in the form: `customFields.<key>` (or `cf.<key>`) is the
// nested custom-field input; anything else is a top-level field.
export function formPathOf(field: string): string | [string, string] {
  const match = /^(?:customFields\.|cf\.)([a-z][a-z0-9_]*)$/.exec(field);
  return match ? ['customFields', match[1]] : field;
}

// Puts problem+json field errors under the matching inputs. False when none belongs to the form.
export function applyCustomerFieldErrors(
  form: FormInstance,
  error: unknown,
  isFormField: (path: string | [string, string]) => boolean,
): boolean {
  const fields = fieldErrorsOf(error)
    .map((entry) => ({ name: formPathOf(entry.name), errors: entry.errors }))
    .filter((entry) => isFormField(entry.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
