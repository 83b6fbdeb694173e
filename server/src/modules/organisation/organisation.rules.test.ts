import { describe, expect, it } from 'vitest';
import { canPlaceOrgUnit, childPath, isScopeAllowed } from './organisation.rules.ts';

describe(canPlaceOrgUnit.name, () => {
  it.each([
    ['city', null, true],
    ['branch', null, false],
    ['branch', 'city', true],
    ['department', 'city', true],
    ['department', 'branch', true],
    ['branch', 'branch', false],
    ['city', 'city', false],
    ['department', 'department', false],
  ] as const)('%s under %s → %s', (kind, parent, expected) => {
    expect(canPlaceOrgUnit(kind, parent)).toBe(expected);
  });
});

describe(isScopeAllowed.name, () => {
  it.each([
    ['admin', 'org', true],
    ['admin', 'own', false],
    ['manager', 'own', true],
    ['manager', 'org', true],
    ['manager', 'customer', false],
    ['retailer', 'customer', true],
    ['retailer', 'org', false],
    ['inspector', 'own', false],
  ] as const)('%s with %s scope → %s', (role, scope, expected) => {
    expect(isScopeAllowed(role, scope)).toBe(expected);
  });
});

describe(childPath.name, () => {
  it('appends the id and a closing slash so prefixes never match a longer id', () => {
    expect(childPath('/1/', 4)).toBe('/1/4/');
  });
});
