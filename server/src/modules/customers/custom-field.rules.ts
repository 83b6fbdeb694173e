import { DomainError, type ErrorDetails } from '../../platform/errors/domain-error.ts';
import type { ErrorCode } from '../../platform/errors/error-catalogue.ts';

// 自定义字段: extra facts a city company keeps about its stores (e.g. 商圈类型, 营业面积). An
// administrator defines them; their values live in customers.custom_fields as { key: value }.
export const customFieldKinds = ['text', 'number', 'date', 'select', 'multiselect'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

export type CustomFieldValue = string | number | string[];
export type CustomFieldValues = Record<string, CustomFieldValue>;

export type CustomFieldDefinition = {
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: readonly string[];
  required: boolean;
  active: boolean;
};

export const customFieldKeyPattern = /^[a-z][a-z0-9_]{0,29}$/;
export const customFieldLimits = { label: 20, options: 50, option: 30, text: 200 } as const;

const maxNumber = 1e12;
const hasOptions = (kind: CustomFieldKind) => kind === 'select' || kind === 'multiselect';

// ---- Definitions ----

// A definition as an administrator may save it: a key for code and URLs, a Chinese label (the
// spreadsheet header too), and options exactly when the kind is a choice.
export function checkCustomFieldDefinition(input: {
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: readonly string[];
}): { key: string; label: string; kind: CustomFieldKind; options: string[] } {
  const key = input.key.trim();
  if (!customFieldKeyPattern.test(key)) throw new DomainError('CUSTOM_FIELD_KEY_INVALID', { key }, 'key');
  const label = input.label.trim();
  if (label.length === 0 || label.length > customFieldLimits.label) {
    throw new DomainError('CUSTOM_FIELD_LABEL_INVALID', { max: customFieldLimits.label }, 'label');
  }
  const options = input.options.map((option) => option.trim());
  if (!hasOptions(input.kind)) {
    if (options.length > 0) throw new DomainError('CUSTOM_FIELD_OPTIONS_NOT_ALLOWED', {}, 'options');
    return { key, label, kind: input.kind, options: [] };
  }
  if (options.length === 0 || options.length > customFieldLimits.options) {
    throw new DomainError('CUSTOM_FIELD_OPTIONS_INVALID', { max: customFieldLimits.options }, 'options');
  }
  for (const option of options) {
    // The separators of a multi-select cell cannot be part of an option.
    if (option.length === 0 || option.length > customFieldLimits.option || /[、,，;；]/.test(option)) {
      throw new DomainError('CUSTOM_FIELD_OPTION_INVALID', { option, max: customFieldLimits.option }, 'options');
    }
  }
  const duplicate = options.find((option, index) => options.indexOf(option) !== index);
  if (duplicate !== undefined) {
    throw new DomainError('CUSTOM_FIELD_OPTION_DUPLICATE', { option: duplicate }, 'options');
  }
  return { key, label, kind: input.kind, options };
}

// Options that stores still hold cannot disappear from under them.
export function removedOptions(before: readonly string[], after: readonly string[]): string[] {
  return before.filter((option) => !after.includes(option));
}

// ---- Values ----

type Invalid = { code: ErrorCode; details: ErrorDetails };

// One value, as JSON sent it: the type must match the kind; choices must be among the options.
// Returns the value to store, or undefined for "empty".
function normaliseValue(field: CustomFieldDefinition, value: unknown): { value?: CustomFieldValue } | Invalid {
  const invalid = (expected: string): Invalid => ({
    code: 'CUSTOM_FIELD_VALUE_INVALID',
    details: { label: field.label, expected },
  });
  if (value === null || value === undefined || value === '') return {};
  switch (field.kind) {
    case 'text': {
      if (typeof value !== 'string') return invalid('文本 text');
      const text = value.trim();
      if (text.length > customFieldLimits.text) return invalid(`≤ ${customFieldLimits.text}`);
      return text.length === 0 ? {} : { value: text };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > maxNumber) return invalid('123.45');
      return { value };
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) return invalid('2026-01-31');
      return { value };
    case 'select':
      if (typeof value !== 'string' || !field.options.includes(value)) return notAnOption(field, String(value));
      return { value };
    case 'multiselect': {
      if (!Array.isArray(value) || value.some((option) => typeof option !== 'string'))
        return invalid(JSON.stringify(field.options.slice(0, 2)));
      const unknown = value.find((option) => !field.options.includes(option));
      if (unknown !== undefined) return notAnOption(field, unknown);
      // Stored in the definition's order, each once, so equal choices compare equal.
      const chosen = field.options.filter((option) => value.includes(option));
      return chosen.length === 0 ? {} : { value: chosen };
    }
  }
}

function notAnOption(field: CustomFieldDefinition, value: string): Invalid {
  return {
    code: 'CUSTOM_FIELD_OPTION_UNKNOWN',
    details: { label: field.label, value, options: field.options.join('、') },
  };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

// The values a customer ends up with after a write: the current ones with the changes applied
// (null clears). Keys must be active fields; required fields must hold a value when `required`
// is checked (on create, and when an edit touches custom fields). Inactive fields keep their
// values untouched.
export function applyCustomFieldChanges(
  fields: readonly CustomFieldDefinition[],
  current: CustomFieldValues,
  changes: Record<string, unknown>,
  options: { checkRequired: boolean },
): CustomFieldValues {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const result: CustomFieldValues = { ...current };
  for (const [key, raw] of Object.entries(changes)) {
    const field = byKey.get(key);
    if (!field?.active) throw new DomainError('CUSTOM_FIELD_UNKNOWN', { key }, `customFields.${key}`);
    const outcome = normaliseValue(field, raw);
    if ('code' in outcome) throw new DomainError(outcome.code, outcome.details, `customFields.${key}`);
    if (outcome.value === undefined) delete result[key];
    else result[key] = outcome.value;
  }
  if (options.checkRequired) {
    const missing = fields.find((field) => field.active && field.required && result[field.key] === undefined);
    if (missing) {
      throw new DomainError('CUSTOM_FIELD_REQUIRED', { label: missing.label }, `customFields.${missing.key}`);
    }
  }
  return result;
}

// ---- Spreadsheet cells (import and export) ----

const multiSelectSeparators = /[、,，;；]/;

// A cell's text as the import reads it. Empty text is "no value" (a required field is the
// import's row check). Numbers may carry thousands separators; dates are YYYY-MM-DD or YYYY/M/D.
export function parseCustomFieldCell(
  field: CustomFieldDefinition,
  text: string,
): { value: CustomFieldValue | undefined } | { error: Invalid } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  let raw: unknown = trimmed;
  if (field.kind === 'number') {
    const plain = trimmed.replace(/[,，]/g, '');
    raw = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
  } else if (field.kind === 'date') {
    const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
    raw = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : trimmed;
  } else if (field.kind === 'multiselect') {
    raw = trimmed
      .split(multiSelectSeparators)
      .map((option) => option.trim())
      .filter((option) => option.length > 0);
  }
  const outcome = normaliseValue(field, raw);
  return 'code' in outcome ? { error: outcome } : { value: outcome.value };
}

// The cell text export writes; parseCustomFieldCell reads it back to the same value.
export function formatCustomFieldCell(field: CustomFieldDefinition, value: CustomFieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  if (field.kind === 'number' && typeof value === 'number') return String(value);
  return String(value);
}

// ---- List filters: ?cf.<key>=<value> ----

export type CustomFieldFilter =
  | { key: string; match: 'equals'; value: string }
  | { key: string; match: 'has'; value: string }
  | { key: string; match: 'contains'; value: string }
  | { key: string; match: 'range'; kind: 'number' | 'date'; from?: string | number; to?: string | number };

// select → the option; multiselect → holds the option; text → substring; number and date → the
// value, or a range "a..b" with either end open.
export function parseCustomFieldFilter(field: CustomFieldDefinition, text: string): CustomFieldFilter {
  const value = text.trim();
  const invalid = () =>
    new DomainError('CUSTOM_FIELD_FILTER_INVALID', { label: field.label, value: text }, `cf.${field.key}`);
  if (value === '') throw invalid();
  switch (field.kind) {
    case 'select':
      return { key: field.key, match: 'equals', value };
    case 'multiselect':
      return { key: field.key, match: 'has', value };
    case 'text':
      return { key: field.key, match: 'contains', value };
    case 'number':
    case 'date': {
      const [fromText, toText] = value.includes('..') ? value.split('..', 2) : [value, value];
      const read = (part: string) => {
        if (part.trim() === '') return undefined;
        const parsed = parseCustomFieldCell(field, part);
        if ('error' in parsed || parsed.value === undefined || Array.isArray(parsed.value)) throw invalid();
        return parsed.value;
      };
      const from = read(fromText);
      const to = read(toText);
      if (from === undefined && to === undefined) throw invalid();
      return { key: field.key, match: 'range', kind: field.kind, from, to };
    }
  }
}
