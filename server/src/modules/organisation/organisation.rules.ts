import type { OrgUnitKind, Role, ScopeKind } from '../../platform/identity/identity.schema.ts';

// Which kind of unit may sit under which: the city company holds branches and departments;
// a county branch (营销部) holds departments; departments are leaves.
const allowedChildren: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  city: ['branch', 'department'],
  branch: ['department'],
  department: [],
};

export function canPlaceOrgUnit(kind: OrgUnitKind, parentKind: OrgUnitKind | null): boolean {
  if (parentKind === null) return kind === 'city';
  return allowedChildren[parentKind].includes(kind);
}

// Data scopes each role may hold. A customer manager works on own customers (or, as a branch
// head, on an org unit); retailers see only their store; everyone else sees an org subtree.
const allowedScopes: Record<Role, readonly ScopeKind[]> = {
  admin: ['org'],
  marketing: ['org'],
  service: ['org'],
  inspector: ['org'],
  manager: ['own', 'org'],
  retailer: ['customer'],
};

export function isScopeAllowed(role: Role, scopeKind: ScopeKind): boolean {
  return allowedScopes[role].includes(scopeKind);
}

export function childPath(parentPath: string, id: number): string {
  return `${parentPath}${id}/`;
}
