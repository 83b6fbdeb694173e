import { describe, expect, it } from 'vitest';
import {
  type CustomFieldFormValues,
  changedFieldValues,
  checkFieldKey,
  checkFieldLabel,
  checkFieldOptions,
  movePositions,
  toNewFieldRequest,
  valuesOfField,
} from './customer-field-form.ts';
import type { CustomField } from './customer-fields.api.ts';

const businessArea: CustomField = {
  id: 3,
  key: 'business_area',
  label: '商圈类型',
  kind: 'select',
  options: ['社区', '商业街', '学校周边'],
  required: false,
  position: 0,
  active: true,
};

describe(checkFieldKey.name, () => {
  it.each([
    ['business_area', null],
    ['a', null],
    [`a${'b'.repeat(29)}`, null],
    [`a${'b'.repeat(30)}`, 'pattern'],
    ['', 'required'],
    ['   ', 'required'],
    [undefined, 'required'],
    ['Business', 'pattern'],
    ['1area', 'pattern'],
    ['_area', 'pattern'],
    ['area-type', 'pattern'],
    ['商圈', 'pattern'],
  ])('%j → %s', (key, expected) => {
    expect(checkFieldKey(key)).toBe(expected);
  });
});

describe(checkFieldLabel.name, () => {
  it.each([
    ['商圈类型', null],
    ['营'.repeat(20), null],
    ['营'.repeat(21), 'tooLong'],
    [`  ${'营'.repeat(20)}  `, null],
    ['', 'required'],
    ['  ', 'required'],
    [undefined, 'required'],
  ])('%j → %s', (label, expected) => {
    expect(checkFieldLabel(label)).toBe(expected);
  });
});

describe(checkFieldOptions.name, () => {
  it('ignores options for kinds without choices', () => {
    for (const kind of ['text', 'number', 'date'] as const) expect(checkFieldOptions(kind, [])).toBeNull();
  });

  it.each(['select', 'multiselect'] as const)('asks %s fields for at least one option', (kind) => {
    expect(checkFieldOptions(kind, [])).toEqual({ problem: 'required' });
    expect(checkFieldOptions(kind, undefined)).toEqual({ problem: 'required' });
    expect(checkFieldOptions(kind, ['社区'])).toBeNull();
  });

  it('refuses repeated options, even when they differ only in spaces', () => {
    expect(checkFieldOptions('select', ['社区', '商业街', ' 社区 '])).toEqual({ problem: 'duplicate', option: '社区' });
  });

  it('refuses empty, long and separator-holding options (a multi-select cell splits on 、,;)', () => {
    expect(checkFieldOptions('multiselect', ['社区', ' '])).toMatchObject({ problem: 'invalid', option: '' });
    expect(checkFieldOptions('multiselect', ['店'.repeat(31)])).toMatchObject({ problem: 'invalid', max: 30 });
    expect(checkFieldOptions('multiselect', ['店'.repeat(30)])).toBeNull();
    for (const option of ['社区、学校', '社区,学校', '社区，学校', '社区;学校', '社区；学校']) {
      expect(checkFieldOptions('multiselect', [option]), option).toMatchObject({ problem: 'invalid', option });
    }
  });

  it('allows at most 50 options', () => {
    const options = Array.from({ length: 51 }, (_, index) => `选项${index}`);
    expect(checkFieldOptions('select', options.slice(0, 50))).toBeNull();
    expect(checkFieldOptions('select', options)).toEqual({ problem: 'tooMany', max: 50 });
  });
});

describe(toNewFieldRequest.name, () => {
  const values: CustomFieldFormValues = {
    key: ' shop_area ',
    label: ' 营业面积 ',
    kind: 'number',
    options: ['leftover'],
    required: true,
    active: true,
  };

  it('trims, and sends options only for choice kinds', () => {
    expect(toNewFieldRequest(values)).toEqual({ key: 'shop_area', label: '营业面积', kind: 'number', required: true });
    expect(toNewFieldRequest({ ...values, kind: 'multiselect', options: [' 早 ', '晚'] })).toEqual({
      key: 'shop_area',
      label: '营业面积',
      kind: 'multiselect',
      options: ['早', '晚'],
      required: true,
    });
  });
});

describe(changedFieldValues.name, () => {
  const before = valuesOfField(businessArea);
  const edit = (changes: Partial<CustomFieldFormValues>) => changedFieldValues(businessArea, { ...before, ...changes });

  it('sends nothing when nothing changed (no empty audit entry)', () => {
    expect(edit({})).toEqual({});
    expect(edit({ label: ' 商圈类型 ', options: ['社区 ', '商业街', '学校周边'] })).toEqual({});
  });

  it('sends only what changed', () => {
    expect(edit({ label: '商圈' })).toEqual({ label: '商圈' });
    expect(edit({ required: true, active: false })).toEqual({ required: true, active: false });
    expect(edit({ options: ['社区', '商业街', '学校周边', '景区'] })).toEqual({
      options: ['社区', '商业街', '学校周边', '景区'],
    });
  });

  it('counts a new order of the options as a change', () => {
    expect(edit({ options: ['商业街', '社区', '学校周边'] })).toEqual({ options: ['商业街', '社区', '学校周边'] });
  });

  it('never sends options for a kind without choices', () => {
    const area: CustomField = { ...businessArea, kind: 'number', options: [] };
    expect(changedFieldValues(area, { ...valuesOfField(area), options: ['x'] })).toEqual({});
  });
});

describe(movePositions.name, () => {
  const fields = [
    { id: 1, position: 0 },
    { id: 2, position: 1 },
    { id: 3, position: 2 },
  ];

  it('swaps a field with its neighbour', () => {
    expect(movePositions(fields, 2, 'up')).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 1 },
    ]);
    expect(movePositions(fields, 2, 'down')).toEqual([
      { id: 3, position: 1 },
      { id: 2, position: 2 },
    ]);
  });

  it('does nothing past either end or for an unknown field', () => {
    expect(movePositions(fields, 1, 'up')).toEqual([]);
    expect(movePositions(fields, 3, 'down')).toEqual([]);
    expect(movePositions(fields, 9, 'up')).toEqual([]);
  });

  it('renumbers gapped or equal positions so the move always takes effect', () => {
    const tied = [
      { id: 7, position: 5 },
      { id: 4, position: 5 },
      { id: 9, position: 40 },
    ];
    // Order by position, then id: 4, 7, 9. Moving 9 up puts it before 7.
    expect(movePositions(tied, 9, 'up')).toEqual([
      { id: 4, position: 0 },
      { id: 9, position: 1 },
      { id: 7, position: 2 },
    ]);
  });
});
