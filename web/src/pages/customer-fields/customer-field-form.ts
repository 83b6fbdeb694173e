import type { CustomField, CustomFieldChanges, CustomFieldKind, NewCustomFieldRequest } from './customer-fields.api.ts';

// The server's rules for a definition (custom-field.rules.ts), checked before sending so the
// form points at the field at once; the server checks again and its errors land on the same fields.
export const customFieldKeyPattern = /^[a-z][a-z0-9_]{0,29}$/;
export const customFieldLimits = { label: 20, options: 50, option: 30 } as const;
// A multi-select cell separates options with these, so an option cannot contain them.
const optionSeparators = /[、,，;；]/;

export type CustomFieldFormValues = {
  key: string;
  label: string;
  kind: CustomFieldKind;
  options: string[];
  required: boolean;
  active: boolean;
};

export const customFieldFormFields = ['key', 'label', 'kind', 'options', 'required', 'active'];

export function hasOptions(kind: CustomFieldKind | undefined): boolean {
  return kind === 'select' || kind === 'multiselect';
}

export type KeyProblem = 'required' | 'pattern';
export type LabelProblem = 'required' | 'tooLong';
export type OptionsProblem =
  | { problem: 'required' }
  | { problem: 'tooMany'; max: number }
  | { problem: 'invalid'; option: string; max: number }
  | { problem: 'duplicate'; option: string };

export function checkFieldKey(key: string | undefined): KeyProblem | null {
  const value = (key ?? '').trim();
  if (value === '') return 'required';
  return customFieldKeyPattern.test(value) ? null : 'pattern';
}

export function checkFieldLabel(label: string | undefined): LabelProblem | null {
  const value = (label ?? '').trim();
  if (value === '') return 'required';
  // Characters as the server counts them (UTF-16 length; Chinese labels are one unit each).
  return value.length > customFieldLimits.label ? 'tooLong' : null;
}

// Options matter only for choice kinds: at least one, each short, without separators, no repeats.
export function checkFieldOptions(kind: CustomFieldKind | undefined, options: readonly string[] | undefined) {
  if (!hasOptions(kind)) return null;
  const values = (options ?? []).map((option) => option.trim());
  if (values.length === 0) return { problem: 'required' } satisfies OptionsProblem;
  if (values.length > customFieldLimits.options) {
    return { problem: 'tooMany', max: customFieldLimits.options } satisfies OptionsProblem;
  }
  for (const option of values) {
    if (option === '' || option.length > customFieldLimits.option || optionSeparators.test(option)) {
      return { problem: 'invalid', option, max: customFieldLimits.option } satisfies OptionsProblem;
    }
  }
  const duplicate = values.find((option, index) => values.indexOf(option) !== index);
  if (duplicate !== undefined) return { problem: 'duplicate', option: duplicate } satisfies OptionsProblem;
  return null;
}

// The request for a new field: trimmed, options only for choice kinds.
export function toNewFieldRequest(values: CustomFieldFormValues): NewCustomFieldRequest {
  return {
    key: values.key.trim(),
    label: values.label.trim(),
    kind: values.kind,
    ...(hasOptions(values.kind) ? { options: values.options.map((option) => option.trim()) } : {}),
    required: values.required,
  };
}

// Only what an edit changed, so the audit trail records only that (key and kind are fixed).
export function changedFieldValues(field: CustomField, values: CustomFieldFormValues): CustomFieldChanges {
  const changes: CustomFieldChanges = {};
  const label = values.label.trim();
  if (label !== field.label) changes.label = label;
  if (hasOptions(field.kind)) {
    const options = values.options.map((option) => option.trim());
    if (options.length !== field.options.length || options.some((option, index) => option !== field.options[index])) {
      changes.options = options;
    }
  }
  if (values.required !== field.required) changes.required = values.required;
  if (values.active !== field.active) changes.active = values.active;
  return changes;
}

export function valuesOfField(field: CustomField): CustomFieldFormValues {
  return {
    key: field.key,
    label: field.label,
    kind: field.kind,
    options: [...field.options],
    required: field.required,
    active: field.active,
  };
}

// Moving a field one step up or down: the list in its new order numbered 0, 1, 2 …, and the
// positions to send — only those that change (equal or gapped positions get tidied on the way).
export function movePositions(
  fields: readonly Pick<CustomField, 'id' | 'position'>[],
  id: number,
  direction: 'up' | 'down',
): { id: number; position: number }[] {
  const order = [...fields].sort((a, b) => a.position - b.position || a.id - b.id);
  const index = order.findIndex((field) => field.id === id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= order.length) return [];
  [order[index], order[target]] = [order[target], order[index]];
  return order
    .map((field, position) => ({ id: field.id, position, before: field.position }))
    .filter((entry) => entry.position !== entry.before)
    .map(({ id: fieldId, position }) => ({ id: fieldId, position }));
}
