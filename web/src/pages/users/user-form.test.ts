import { describe, expect, it } from 'vitest';
import { changedFields, defaultScopeKind, type UserFormValues, valuesOf } from './user-form.ts';
import type { UserRow } from './users.api.ts';

const manager: UserRow = {
  id: 12,
  username: 'manager01',
  displayName: '陈志明',
  role: 'manager',
  orgUnitId: 2,
  orgUnitName: '芗城区营销部',
  scope: { kind: 'own' },
  disabled: false,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-03-01T08:00:00Z',
  updatedAt: '2026-03-01T08:00:00Z',
};

describe(changedFields.name, () => {
  const before = valuesOf(manager);
  const edit = (changes: Partial<UserFormValues>) => changedFields(before, { ...before, ...changes });

  it('sends nothing when nothing changed (no empty audit entry)', () => {
    expect(edit({})).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(edit({ disabled: true })).toEqual({ disabled: true });
    expect(edit({ role: 'service', scopeKind: 'org' })).toEqual({ role: 'service', scopeKind: 'org' });
    expect(edit({ orgUnitId: 3 })).toEqual({ orgUnitId: 3 });
  });

  it('ignores whitespace around the name', () => {
    expect(edit({ displayName: ' 陈志明 ' })).toEqual({});
    expect(edit({ displayName: ' 陈志强 ' })).toEqual({ displayName: '陈志强' });
  });
});

describe(defaultScopeKind.name, () => {
  it.each([
    ['manager', 'own'],
    ['admin', 'org'],
    ['marketing', 'org'],
    ['service', 'org'],
    ['inspector', 'org'],
  ] as const)('%s → %s', (role, expected) => {
    expect(defaultScopeKind(role)).toBe(expected);
  });
});
