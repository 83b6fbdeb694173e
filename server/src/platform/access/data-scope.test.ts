import { describe, expect, it } from 'vitest';
import { type DataScope, isOrgPathInScope } from './data-scope.ts';

const city: DataScope = { kind: 'org', orgUnitId: 1, orgPath: '/1/', orgUnitName: '市公司' };
const branch: DataScope = { kind: 'org', orgUnitId: 4, orgPath: '/1/4/', orgUnitName: '龙海营销部' };
const own: DataScope = { kind: 'own', userId: 9 };

describe(isOrgPathInScope.name, () => {
  it.each([
    [city, '/1/', true],
    [city, '/1/4/', true],
    [branch, '/1/4/', true],
    [branch, '/1/4/12/', true],
    [branch, '/1/', false],
    [branch, '/1/5/', false],
    // "/1/4" must not match "/1/40/": paths end with a slash for this reason.
    [branch, '/1/40/', false],
    [own, '/1/4/', false],
  ] as const)('scope %o sees %s: %s', (scope, path, expected) => {
    expect(isOrgPathInScope(scope, path)).toBe(expected);
  });
});
