import { describe, expect, it } from 'vitest';
import {
  customerChanges,
  customFieldValue,
  districtOfLicence,
  formPathOf,
  formValuesOf,
  licenceNoPattern,
  phonePattern,
  toNewCustomerRequest,
} from './customer-form.ts';
import type { Customer, CustomField } from './customers.api.ts';

const field = (key: string, kind: CustomField['kind'], extra: Partial<CustomField> = {}): CustomField => ({
  id: 1,
  key,
  label: key,
  kind,
  options: [],
  required: false,
  position: 1,
  active: true,
  ...extra,
});

const fields = [field('area', 'number'), field('brands', 'multiselect', { options: ['中华', '七匹狼'] })];

const customer: Customer = {
  id: 7,
  licenceNo: '350602100001',
  name: '恒兴便利店',
  owner: '陈丽',
  phone: '13805961234',
  address: '芗城区胜利路 1 号',
  district: { code: '350602', name: '芗城区' },
  urbanRural: 'urban',
  format: 'convenience',
  status: 'active',
  statusReason: null,
  managerId: 12,
  managerName: '陈志明',
  branchId: 3,
  branchName: '芗城营销部',
  orderDay: 1,
  orderChannel: 'online',
  latitude: 24.51,
  longitude: 117.65,
  licenceValidUntil: '2027-01-01',
  tags: ['重点'],
  class: null,
  demoType: null,
  customFields: { area: 30 },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('validation patterns (same as the server)', () => {
  it.each([
    ['13805961234', true],
    ['0596-1234567', true],
    ['05961234567', true],
    ['010-12345678', true],
    ['12805961234', false],
    ['1380596123', false],
    ['596-1234567', false],
  ])('phone %s → %s', (phone, expected) => {
    expect(phonePattern.test(phone)).toBe(expected);
  });

  it.each([
    ['350602100001', true],
    ['35060210000', false],
    ['35060210000A', false],
  ])('licence %s → %s', (licenceNo, expected) => {
    expect(licenceNoPattern.test(licenceNo)).toBe(expected);
  });
});

describe(districtOfLicence.name, () => {
  const districts = [
    { code: '350602', name: '芗城区' },
    { code: '350604', name: '龙海区' },
  ];
  it.each([
    ['3506', { state: 'incomplete' }],
    ['350604000123', { state: 'known', code: '350604', name: '龙海区' }],
    ['110101000123', { state: 'unknown', code: '110101' }],
  ])('%s → %j', (licenceNo, expected) => {
    expect(districtOfLicence(licenceNo, districts)).toEqual(expected);
  });
});

describe(customFieldValue.name, () => {
  it.each([
    [field('note', 'text'), '  夜间营业 ', '夜间营业'],
    [field('note', 'text'), '   ', null],
    [field('area', 'number'), '12.5', 12.5],
    [field('area', 'number'), 'abc', null],
    [field('area', 'number'), 0, 0],
    [field('opened', 'date'), '2026-03-01', '2026-03-01'],
    [field('brands', 'multiselect'), [], null],
    [field('brands', 'multiselect'), ['中华'], ['中华']],
    [field('level', 'select'), undefined, null],
  ])('%j with %j → %j', (definition, value, expected) => {
    expect(customFieldValue(definition, value)).toEqual(expected);
  });
});

describe(toNewCustomerRequest.name, () => {
  it('trims text, drops empty custom fields and de-duplicates tags', () => {
    const values = {
      ...formValuesOf(customer),
      name: ' 新店 ',
      tags: ['夜市', ' 夜市 ', ''],
      customFields: { area: '', brands: ['中华'] },
    };
    const request = toNewCustomerRequest(values, fields);
    expect(request.name).toBe('新店');
    expect(request.tags).toEqual(['夜市']);
    expect(request.customFields).toEqual({ brands: ['中华'] });
    expect(request.managerId).toBe(12);
  });
});

describe(customerChanges.name, () => {
  const edit = (changes: Partial<ReturnType<typeof formValuesOf>>, role: 'marketing' | 'service' = 'marketing') =>
    customerChanges(customer, { ...formValuesOf(customer), ...changes }, fields, role);

  it('sends nothing when nothing changed', () => {
    expect(edit({})).toEqual({});
  });

  it('sends only the changed fields', () => {
    expect(edit({ phone: '0596-1234567', orderDay: 3 })).toEqual({ phone: '0596-1234567', orderDay: 3 });
  });

  it('clears a custom field with null and sets a new one', () => {
    expect(edit({ customFields: { area: null, brands: ['七匹狼'] } })).toEqual({
      customFields: { area: null, brands: ['七匹狼'] },
    });
  });

  it('lets the service centre send contact details only', () => {
    expect(edit({ phone: '0596-1234567', name: '改名', customFields: { area: 99 } }, 'service')).toEqual({
      phone: '0596-1234567',
    });
  });
});

describe(formPathOf.name, () => {
  it.each([
    ['phone', 'phone'],
    ['customFields.area', ['customFields', 'area']],
    ['cf.area', ['customFields', 'area']],
  ])('%s → %j', (name, expected) => {
    expect(formPathOf(name)).toEqual(expected);
  });
});
