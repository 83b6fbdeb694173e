import { describe, expect, it } from 'vitest';
import { diffAuditValues, isSameJson } from './json-diff.ts';

describe(diffAuditValues.name, () => {
  it('marks only the fields an update changed', () => {
    const rows = diffAuditValues(
      { displayName: '张三', role: 'manager', disabled: false },
      { displayName: '张三', role: 'service', disabled: false },
    );
    expect(rows.filter((row) => row.isChanged).map((row) => row.key)).toEqual(['role']);
    expect(rows.map((row) => row.key)).toEqual(['displayName', 'role', 'disabled']);
  });

  it('treats every field of a create as changed (nothing before)', () => {
    const rows = diffAuditValues(null, { name: '城区营销部', code: 'B01' });
    expect(rows.every((row) => row.isChanged && !row.isInBefore && row.isInAfter)).toBe(true);
  });

  it('notices fields that appear or disappear', () => {
    const rows = diffAuditValues({ a: 1, gone: true }, { a: 1, added: null });
    expect(rows.map((row) => [row.key, row.isChanged])).toEqual([
      ['a', false],
      ['gone', true],
      ['added', true],
    ]);
  });

  it('compares nested values by content, not by identity or key order', () => {
    const rows = diffAuditValues({ scope: { kind: 'org', orgUnitId: 3 } }, { scope: { orgUnitId: 3, kind: 'org' } });
    expect(rows[0].isChanged).toBe(false);
  });
});

describe(isSameJson.name, () => {
  it.each([
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: undefined }, {}, false],
    [null, null, true],
    ['1', 1, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(isSameJson(a, b)).toBe(expected);
  });
});
