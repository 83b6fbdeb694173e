import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Routes outside /api/v1 that are public by nature: the OpenAPI document and its viewer.
const publicOutsideApi = [/^\/api\/openapi\.json$/, /^\/api\/docs/];

describe('access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('every registered route declares who may call it', () => {
    const apiRoutes = t.app.registeredRoutes.filter((route) => route.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThan(10);
    const withoutRule = apiRoutes
      .filter((route) => !route.hasAccessRule)
      .map((route) => `${route.method} ${route.url}`);
    expect(withoutRule).toEqual([]);
    const others = t.app.registeredRoutes.filter((route) => !route.url.startsWith('/api/v1/'));
    const unexpected = others.filter((route) => !publicOutsideApi.some((pattern) => pattern.test(route.url)));
    expect(unexpected).toEqual([]);
  });

  it.each(['marketing', 'service', 'inspector', 'manager01'])(
    'GET /users is admin-only: %s gets 403',
    async (username) => {
      const cookie = await t.signIn(username);
      const response = await t.app.inject({ url: '/api/v1/users', headers: { cookie } });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    },
  );

  it('answers 401 before validating the body of a protected route', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', payload: { nonsense: true } });
    expect(response.statusCode).toBe(401);
  });

  it('answers an unknown API path with 404 problem+json', async () => {
    const response = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
