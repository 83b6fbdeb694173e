import { describe, expect, it } from 'vitest';
import type { Role } from '../identity/identity.schema.ts';
import type { RegisteredRoute } from './access-hooks.ts';
import { allow, anyStaff, cityWide, publicAccess } from './access-rule.ts';
import type { DataScope } from './data-scope.ts';
import { permittedOperations } from './permissions.rules.ts';

const route = (method: string, url: string, access: RegisteredRoute['access']): RegisteredRoute => ({
  method,
  url,
  hasAccessRule: access !== undefined,
  access,
});

const routes: RegisteredRoute[] = [
  route('GET', '/api/v1/tickets/:id', anyStaff),
  route('POST', '/api/v1/tickets/:id/escalate', allow('admin', 'service')),
  route('POST', '/api/v1/products', cityWide(allow('admin', 'marketing'))),
  route('POST', '/api/v1/auth/login', publicAccess),
  route('GET', '/api/v1/undeclared', undefined),
  route('GET', '/api/openapi.json', allow('admin')),
  // Fastify may report one route twice (a trailing slash ignored): it is one operation.
  route('GET', '/api/v1/tickets/:id', anyStaff),
];

const city: DataScope = { kind: 'org', orgUnitId: 1, orgPath: '/1/', orgUnitName: '漳州市烟草公司' };
const branch: DataScope = { kind: 'org', orgUnitId: 4, orgPath: '/1/4/', orgUnitName: '龙海营销部' };
const own: DataScope = { kind: 'own', userId: 9 };
const store: DataScope = { kind: 'customer', customerId: 7 };

describe(permittedOperations.name, () => {
  it.each([
    [
      'a service agent may read and escalate',
      'service',
      city,
      ['GET /api/v1/tickets/:id', 'POST /api/v1/tickets/:id/escalate'],
    ],
    ['an inspector may only read', 'inspector', city, ['GET /api/v1/tickets/:id']],
    [
      'a city-wide marketer may change the catalogue',
      'marketing',
      city,
      ['GET /api/v1/tickets/:id', 'POST /api/v1/products'],
    ],
    ['a branch marketer may not change what the city shares', 'marketing', branch, ['GET /api/v1/tickets/:id']],
    ['a manager on their own stores may not either', 'manager', own, ['GET /api/v1/tickets/:id']],
    ['a retailer gets no staff operation, and no public one is listed', 'retailer', store, []],
  ] as const)('%s', (_name, role: Role, scope, expected) => {
    expect(permittedOperations(routes, { role, scope })).toEqual(expected);
  });
});
