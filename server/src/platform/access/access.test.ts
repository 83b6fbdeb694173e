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

  // The writes that change what the whole city company shares: a branch-scoped account is refused
  // them (city-wide-scope.test.ts). A route added to or dropped from this list is a decision to review.
  it('declares which writes need a city-wide scope', () => {
    const declared = t.app.registeredRoutes
      .filter((route) => route.access?.kind === 'roles' && route.access.cityWide)
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(declared).toEqual(
      [
        'POST /api/v1/customer-fields',
        'PATCH /api/v1/customer-fields/:id',
        'POST /api/v1/products',
        'PATCH /api/v1/products/:id',
        'POST /api/v1/products/import',
        'PUT /api/v1/ticket-sla-policies',
        'PUT /api/v1/ticket-calendar',
        'POST /api/v1/ticket-categories',
        'PATCH /api/v1/ticket-categories/:code',
        'PUT /api/v1/ticket-assignment-rules',
        'PUT /api/v1/service-failures',
        'POST /api/v1/ticket-channel-keys',
        'POST /api/v1/ticket-channel-keys/:id/revoke',
        'POST /api/v1/supply/cycles',
        'PUT /api/v1/supply/cycles/:id/products',
        'POST /api/v1/supply/cycles/:id/preview',
        'POST /api/v1/supply/cycles/:id/publish',
        'POST /api/v1/supply/grade-runs',
        'POST /api/v1/supply/grade-runs/:id/publish',
        'POST /api/v1/classification/rule-sets',
        'POST /api/v1/classification/rule-sets/preview',
        'POST /api/v1/classification/runs',
        'POST /api/v1/classification/spot-checks',
        'PUT /api/v1/visits/standards',
        'PATCH /api/v1/services/items/:id',
        'PUT /api/v1/surveys/need-items/:code',
        'POST /api/v1/surveys/questionnaires',
        'PATCH /api/v1/surveys/questionnaires/:id',
        'POST /api/v1/surveys/questionnaires/:id/copy',
        'POST /api/v1/surveys/waves',
        'POST /api/v1/surveys/waves/sample-preview',
        'POST /api/v1/surveys/waves/:id/open',
        'POST /api/v1/surveys/waves/:id/close',
        'POST /api/v1/surveys/waves/:id/remind',
        'PUT /api/v1/surveys/waves/:id/weights',
        'POST /api/v1/prices/warning-rules',
        'PATCH /api/v1/prices/warning-rules/:id',
        'DELETE /api/v1/prices/warning-rules/:id',
        'POST /api/v1/prices/warnings/evaluate',
        'POST /api/v1/tenants',
        'POST /api/v1/credit/models',
        'PUT /api/v1/credit/models/:id',
        'POST /api/v1/credit/models/:id/approve',
        'POST /api/v1/credit/models/preview',
        'POST /api/v1/credit/runs',
        'POST /api/v1/credit/runs/:id/publish',
        'POST /api/v1/contests',
        'POST /api/v1/contests/:id/publish',
        'POST /api/v1/article-categories',
        'PUT /api/v1/article-categories/:id',
        'POST /api/v1/terminals/tiers',
        'PUT /api/v1/terminals/tiers/:id',
        'POST /api/v1/terminals/applications/:id/approval',
      ].sort(),
    );
    // Reads are never city-wide only: a branch sees its part of every list.
    const cityWideReads = t.app.registeredRoutes.filter(
      (route) => route.method === 'GET' && route.access?.kind === 'roles' && route.access.cityWide,
    );
    expect(cityWideReads).toEqual([]);
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
