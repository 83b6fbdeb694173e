import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import { operationOf } from './permissions.rules.ts';

// GET /auth/permissions answers from the same access rules the API enforces: the web shows a
// button only for an operation listed here.
describe('GET /api/v1/auth/permissions', () => {
  let t: TestApp;
  const operationsOf = new Map<string, string[]>();
  beforeAll(async () => {
    t = await createTestApp('pglite', { customers: 40 });
    await addStaff(t, { username: 'xc-marketing', role: 'marketing', orgUnitId: t.city.branches[0].id });
    for (const username of ['admin', 'marketing', 'service', 'inspector', 'manager01', 'xc-marketing']) {
      const cookie = await t.signIn(username);
      const response = await t.app.inject({ url: '/api/v1/auth/permissions', headers: { cookie } });
      expect(response.statusCode, username).toBe(200);
      operationsOf.set(username, response.json().operations);
    }
  });
  afterAll(async () => t?.close());

  const ticketHandling = [
    'POST /api/v1/tickets/:id/transitions',
    'POST /api/v1/tickets/:id/escalate',
    'POST /api/v1/tickets/:id/replies',
    'PATCH /api/v1/tickets/:id',
  ];

  it.each([
    ['inspector', ticketHandling, false],
    ['service', ticketHandling, true],
    ['manager01', ticketHandling, true],
    ['inspector', ['POST /api/v1/visits/plan/items/:id/drop', 'POST /api/v1/visits/:id/corrections'], false],
    ['service', ['POST /api/v1/visits/plan/items/:id/drop', 'POST /api/v1/visits/plan/items'], false],
    ['manager01', ['POST /api/v1/visits/plan/items/:id/drop', 'POST /api/v1/visits/:id/corrections'], true],
    ['marketing', ['POST /api/v1/classification/runs', 'POST /api/v1/products', 'PUT /api/v1/visits/standards'], true],
    [
      'xc-marketing',
      ['POST /api/v1/classification/runs', 'POST /api/v1/products', 'PUT /api/v1/visits/standards'],
      false,
    ],
    ['admin', ['POST /api/v1/users', 'PATCH /api/v1/org-units/:id'], true],
    ['service', ['POST /api/v1/users', 'PATCH /api/v1/org-units/:id'], false],
  ] as const)('%s: %j allowed = %s', (username, operations, expected) => {
    const granted = operationsOf.get(username) ?? [];
    for (const operation of operations) expect(granted.includes(operation), operation).toBe(expected);
  });

  it('a branch marketer keeps the writes within its branch that are not city-wide', () => {
    const branch = operationsOf.get('xc-marketing') ?? [];
    expect(branch).toContain('POST /api/v1/visits/plans/generate');
    expect(branch).toContain('PATCH /api/v1/tickets/:id');
    expect(branch.length).toBeLessThan((operationsOf.get('marketing') ?? []).length);
  });

  it('lists only registered, non-public API routes, each once, and every staff role may read who it is', () => {
    const registered = new Set(
      t.app.registeredRoutes.filter((route) => route.access?.kind === 'roles').map(operationOf),
    );
    for (const [username, operations] of operationsOf) {
      expect(
        operations.filter((operation) => !registered.has(operation as never)),
        username,
      ).toEqual([]);
      expect(new Set(operations).size, username).toBe(operations.length);
      expect(operations, username).toContain('GET /api/v1/auth/me');
      expect(operations, username).toContain('GET /api/v1/auth/permissions');
      expect(
        operations.some((operation) => operation.includes('/auth/login')),
        username,
      ).toBe(false);
    }
  });

  it('answers a retailer with the portal’s operations and none of the console’s', async () => {
    const service = await t.signIn('service');
    const [store] = (await t.app.inject({ url: '/api/v1/customers?limit=1', headers: { cookie: service } })).json()
      .items;
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licenceNo, password: testPassword },
    });
    expect(signedIn.statusCode).toBe(200);
    const cookie = sessionCookieOf(signedIn);
    const response = await t.app.inject({ url: '/api/v1/auth/permissions', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const operations: string[] = response.json().operations;
    expect(operations).toContain('POST /api/v1/portal/orders');
    expect(operations).not.toContain('GET /api/v1/tickets');
  });

  it('answers an anonymous caller 401', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/permissions' });
    expect(response.statusCode).toBe(401);
  });
});
