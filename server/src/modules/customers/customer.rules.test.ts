import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { districtsOfCity } from './administrative-divisions.ts';
import { canChangeStatus, checkLicenceNo, checkStatusChange, fieldsNotEditableBy } from './customer.rules.ts';
import { isPinyinQuery } from './customer-pinyin.ts';
import { searchShapeOf } from './customer-search.rules.ts';

const zhangzhou = new Set(districtsOfCity('3506').map((district) => district.code));

function errorOf(action: () => unknown): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe(checkLicenceNo.name, () => {
  it.each([
    ['350604100023', '350604'],
    ['350602000001', '350602'],
    ['350629999999', '350629'],
  ])('accepts %s and reads district %s from it', (licenceNo, district) => {
    expect(checkLicenceNo(licenceNo, zhangzhou)).toBe(district);
  });

  it.each([
    ['35060410002', 'LICENCE_NO_INVALID'], // 11 digits
    ['3506041000234', 'LICENCE_NO_INVALID'], // 13 digits
    ['35060410002A', 'LICENCE_NO_INVALID'],
    ['３５０６０４１０００２３', 'LICENCE_NO_INVALID'], // full-width digits
    ['', 'LICENCE_NO_INVALID'],
    ['350606100023', 'LICENCE_DISTRICT_UNKNOWN'], // not a Zhangzhou district
    ['350201100023', 'LICENCE_DISTRICT_UNKNOWN'], // 厦门 思明区: another city
  ])('refuses %s with %s, naming the licenceNo field', (licenceNo, code) => {
    const error = errorOf(() => checkLicenceNo(licenceNo, zhangzhou));
    expect(error?.code).toBe(code);
    expect(error?.field).toBe('licenceNo');
  });
});

describe(canChangeStatus.name, () => {
  it.each([
    ['active', 'suspended', true],
    ['active', 'closed', true],
    ['active', 'cancelled', true],
    ['active', 'active', false],
    ['suspended', 'active', true],
    ['suspended', 'closed', true],
    ['closed', 'active', true],
    ['closed', 'suspended', false],
    ['cancelled', 'active', false],
    ['cancelled', 'suspended', false],
    ['cancelled', 'closed', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canChangeStatus(from, to)).toBe(expected);
  });
});

describe(checkStatusChange.name, () => {
  it.each([
    ['active', 'suspended', '', 'STATUS_REASON_REQUIRED', 'reason'],
    ['active', 'suspended', '  x ', 'STATUS_REASON_REQUIRED', 'reason'],
    ['cancelled', 'active', '重新办证', 'CUSTOMER_STATUS_TRANSITION_NOT_ALLOWED', 'status'],
    ['active', 'suspended', '店主住院，暂停营业两个月', undefined, undefined],
  ] as const)('%s → %s with reason %j: %s', (from, to, reason, code, field) => {
    const error = errorOf(() => checkStatusChange(from, to, reason));
    expect(error?.code).toBe(code);
    expect(error?.field).toBe(field);
  });
});

describe(fieldsNotEditableBy.name, () => {
  it.each([
    ['admin', ['name', 'format', 'phone'], []],
    ['marketing', ['name', 'tags'], []],
    ['service', ['phone', 'owner', 'address'], []],
    ['service', ['phone', 'format'], ['format']],
    ['manager', ['phone'], ['phone']],
    ['inspector', ['name'], ['name']],
  ] as const)('%s changing %j may not change %j', (role, fields, expected) => {
    expect(fieldsNotEditableBy(role, fields)).toEqual(expected);
  });
});

describe(isPinyinQuery.name, () => {
  it.each([
    ['hxbl', true],
    ['HengXing', true],
    ['龙海', false],
    ['3506', false],
    ['hx bl', false],
  ])('%s → %s', (query, expected) => {
    expect(isPinyinQuery(query)).toBe(expected);
  });
});

describe(searchShapeOf.name, () => {
  it.each([
    ['350604', 'number'],
    ['13805961234', 'number'],
    ['0596-6543210', 'number'],
    ['hxbl', 'letters'],
    ['KTV', 'letters'],
    ['龙海', 'text'],
    ['胜利路1', 'text'],
    ['-1', 'text'],
    ['h x', 'text'],
  ] as const)('%s is answered as %s', (query, shape) => {
    expect(searchShapeOf(query)).toBe(shape);
  });
});
