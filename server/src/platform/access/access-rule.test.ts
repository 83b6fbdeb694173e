import { describe, expect, it } from 'vitest';
import { allow, cityWide, isScopeSufficient, publicAccess } from './access-rule.ts';
import { type DataScope, isCityWideScope } from './data-scope.ts';

const city: DataScope = { kind: 'org', orgUnitId: 1, orgPath: '/1/', orgUnitName: '漳州市烟草公司' };
const system: DataScope = { kind: 'org', orgUnitId: 0, orgPath: '/', orgUnitName: '' };
const branch: DataScope = { kind: 'org', orgUnitId: 4, orgPath: '/1/4/', orgUnitName: '龙海营销部' };
const department: DataScope = { kind: 'org', orgUnitId: 12, orgPath: '/1/4/12/', orgUnitName: '专卖科' };
const own: DataScope = { kind: 'own', userId: 9 };
const retailer: DataScope = { kind: 'customer', customerId: 7 };

describe(isCityWideScope.name, () => {
  it.each([
    ['the city company (root org unit)', city, true],
    ['the system actor', system, true],
    ['a county branch', branch, false],
    ['a department below a branch', department, false],
    ['a manager’s own stores', own, false],
    ['a retailer’s store', retailer, false],
  ] as const)('%s: %s', (_name, scope, expected) => {
    expect(isCityWideScope(scope)).toBe(expected);
  });
});

describe(isScopeSufficient.name, () => {
  const settings = cityWide(allow('admin', 'marketing'));
  const scopedWrite = allow('admin', 'marketing');
  it.each([
    ['a city-wide write from the city company', settings, city, true],
    ['a city-wide write from a branch', settings, branch, false],
    ['a city-wide write from a manager’s own stores', settings, own, false],
    ['a scoped write from a branch', scopedWrite, branch, true],
    ['a scoped write from a manager’s own stores', scopedWrite, own, true],
    ['a public route from a retailer', publicAccess, retailer, true],
  ] as const)('%s: %s', (_name, rule, scope, expected) => {
    expect(isScopeSufficient(rule, scope)).toBe(expected);
  });

  it('keeps the roles of the rule it makes city-wide', () => {
    expect(settings).toEqual({ kind: 'roles', roles: ['admin', 'marketing'], cityWide: true });
  });
});
