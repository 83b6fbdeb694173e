import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  applyCustomFieldChanges,
  type CustomFieldDefinition,
  checkCustomFieldDefinition,
  formatCustomFieldCell,
  parseCustomFieldCell,
  parseCustomFieldFilter,
  removedOptions,
} from './custom-field.rules.ts';

function field(kind: CustomFieldDefinition['kind'], extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition {
  const options = kind === 'select' || kind === 'multiselect' ? ['社区', '学校', '商业街'] : [];
  return { key: kind, label: `字段${kind}`, kind, options, required: false, active: true, ...extra };
}

function errorOf(action: () => unknown): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe(checkCustomFieldDefinition.name, () => {
  it('accepts a choice field and trims its options', () => {
    expect(
      checkCustomFieldDefinition({
        key: 'area_type',
        label: ' 商圈类型 ',
        kind: 'select',
        options: [' 社区 ', '学校'],
      }),
    ).toEqual({ key: 'area_type', label: '商圈类型', kind: 'select', options: ['社区', '学校'] });
  });

  it.each([
    [{ key: 'Area', label: '商圈', kind: 'text', options: [] }, 'CUSTOM_FIELD_KEY_INVALID', 'key'],
    [{ key: '1area', label: '商圈', kind: 'text', options: [] }, 'CUSTOM_FIELD_KEY_INVALID', 'key'],
    [{ key: 'a'.repeat(31), label: '商圈', kind: 'text', options: [] }, 'CUSTOM_FIELD_KEY_INVALID', 'key'],
    [{ key: 'area', label: '  ', kind: 'text', options: [] }, 'CUSTOM_FIELD_LABEL_INVALID', 'label'],
    [{ key: 'area', label: '商'.repeat(21), kind: 'text', options: [] }, 'CUSTOM_FIELD_LABEL_INVALID', 'label'],
    [{ key: 'area', label: '商圈', kind: 'number', options: ['1'] }, 'CUSTOM_FIELD_OPTIONS_NOT_ALLOWED', 'options'],
    [{ key: 'area', label: '商圈', kind: 'select', options: [] }, 'CUSTOM_FIELD_OPTIONS_INVALID', 'options'],
    [
      { key: 'area', label: '商圈', kind: 'multiselect', options: ['社区', '社区'] },
      'CUSTOM_FIELD_OPTION_DUPLICATE',
      'options',
    ],
    [{ key: 'area', label: '商圈', kind: 'select', options: ['社区、学校'] }, 'CUSTOM_FIELD_OPTION_INVALID', 'options'],
    [{ key: 'area', label: '商圈', kind: 'select', options: [''] }, 'CUSTOM_FIELD_OPTION_INVALID', 'options'],
  ] as const)('refuses %o with %s on %s', (input, code, fieldName) => {
    const error = errorOf(() => checkCustomFieldDefinition(input));
    expect(error?.code).toBe(code);
    expect(error?.field).toBe(fieldName);
  });
});

describe(removedOptions.name, () => {
  it('lists the options an edit drops, not the ones it adds or renames in place', () => {
    expect(removedOptions(['社区', '学校'], ['社区', '商业街'])).toEqual(['学校']);
    expect(removedOptions(['社区'], ['社区', '学校'])).toEqual([]);
  });
});

describe(applyCustomFieldChanges.name, () => {
  const fields = [
    field('text'),
    field('number', { required: true }),
    field('date'),
    field('select'),
    field('multiselect'),
    field('text', { key: 'retired', active: false }),
  ];

  it('stores each kind in its JSON shape, multi-select choices in the definition order', () => {
    expect(
      applyCustomFieldChanges(
        fields,
        {},
        { text: ' 临街 ', number: 36.5, date: '2026-02-28', select: '学校', multiselect: ['商业街', '社区'] },
        { checkRequired: true },
      ),
    ).toEqual({ text: '临街', number: 36.5, date: '2026-02-28', select: '学校', multiselect: ['社区', '商业街'] });
  });

  it('merges into the current values; null and empty clear a key; inactive fields keep theirs', () => {
    expect(
      applyCustomFieldChanges(
        fields,
        { text: '旧', number: 1, retired: '保留' },
        { text: null, select: '社区', multiselect: [] },
        { checkRequired: true },
      ),
    ).toEqual({ number: 1, select: '社区', retired: '保留' });
  });

  it.each([
    [{ unknown: 'x' }, 'CUSTOM_FIELD_UNKNOWN', 'customFields.unknown'],
    [{ retired: 'x' }, 'CUSTOM_FIELD_UNKNOWN', 'customFields.retired'],
    [{ number: '12' }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.number'],
    [{ number: Number.POSITIVE_INFINITY }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.number'],
    [{ date: '2026-02-30' }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.date'],
    [{ date: '2026/02/01' }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.date'],
    [{ text: 12 }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.text'],
    [{ text: '长'.repeat(201) }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.text'],
    [{ select: '医院' }, 'CUSTOM_FIELD_OPTION_UNKNOWN', 'customFields.select'],
    [{ multiselect: ['社区', '医院'] }, 'CUSTOM_FIELD_OPTION_UNKNOWN', 'customFields.multiselect'],
    [{ multiselect: '社区' }, 'CUSTOM_FIELD_VALUE_INVALID', 'customFields.multiselect'],
    [{ number: null }, 'CUSTOM_FIELD_REQUIRED', 'customFields.number'],
  ])('refuses %o with %s naming %s', (changes, code, fieldName) => {
    const error = errorOf(() => applyCustomFieldChanges(fields, { number: 3 }, changes, { checkRequired: true }));
    expect(error?.code).toBe(code);
    expect(error?.field).toBe(fieldName);
  });

  it('leaves a missing required value alone when required is not checked', () => {
    expect(applyCustomFieldChanges(fields, {}, { text: '有' }, { checkRequired: false })).toEqual({ text: '有' });
  });
});

describe(parseCustomFieldCell.name, () => {
  it.each([
    [field('text'), '  临街 ', '临街'],
    [field('text'), '', undefined],
    [field('number'), '1,234.5', 1234.5],
    [field('number'), '-3', -3],
    [field('number'), '.5', 0.5],
    [field('date'), '2026/3/7', '2026-03-07'],
    [field('date'), '2026-03-07', '2026-03-07'],
    [field('select'), '学校', '学校'],
    [field('multiselect'), '商业街、社区', ['社区', '商业街']],
    [field('multiselect'), '学校, 社区；', ['社区', '学校']],
  ] as const)('reads %o from "%s"', (definition, text, value) => {
    expect(parseCustomFieldCell(definition, text)).toEqual({ value });
  });

  it.each([
    [field('number'), '12元'],
    [field('number'), '1e5'],
    [field('date'), '2026-13-01'],
    [field('date'), '明天'],
    [field('select'), '医院'],
    [field('multiselect'), '社区、医院'],
  ] as const)('reports %o "%s" as an error without throwing', (definition, text) => {
    expect(parseCustomFieldCell(definition, text)).toHaveProperty('error.code');
  });

  it('reads back what formatCustomFieldCell writes, for every kind', () => {
    const values = {
      text: '临街 A',
      number: 1234.25,
      date: '2026-01-31',
      select: '学校',
      multiselect: ['社区', '学校'],
    };
    for (const [kind, value] of Object.entries(values)) {
      const definition = field(kind as CustomFieldDefinition['kind']);
      expect(parseCustomFieldCell(definition, formatCustomFieldCell(definition, value))).toEqual({ value });
    }
    expect(formatCustomFieldCell(field('text'), undefined)).toBe('');
  });
});

describe(parseCustomFieldFilter.name, () => {
  it.each([
    [field('select'), '学校', { key: 'select', match: 'equals', value: '学校' }],
    [field('multiselect'), '社区', { key: 'multiselect', match: 'has', value: '社区' }],
    [field('text'), '临街', { key: 'text', match: 'contains', value: '临街' }],
    [field('number'), '20..50', { key: 'number', match: 'range', kind: 'number', from: 20, to: 50 }],
    [field('number'), '20..', { key: 'number', match: 'range', kind: 'number', from: 20, to: undefined }],
    [field('number'), '30', { key: 'number', match: 'range', kind: 'number', from: 30, to: 30 }],
    [field('date'), '..2026-6-30', { key: 'date', match: 'range', kind: 'date', from: undefined, to: '2026-06-30' }],
  ] as const)('reads %o "%s"', (definition, text, filter) => {
    expect(parseCustomFieldFilter(definition, text)).toEqual(filter);
  });

  it.each([
    [field('number'), 'abc'],
    [field('number'), '..'],
    [field('date'), '2026-02-30..'],
    [field('text'), '  '],
  ] as const)('refuses %o "%s" naming the cf parameter', (definition, text) => {
    const error = errorOf(() => parseCustomFieldFilter(definition, text));
    expect(error?.code).toBe('CUSTOM_FIELD_FILTER_INVALID');
    expect(error?.field).toBe(`cf.${definition.key}`);
  });
});
