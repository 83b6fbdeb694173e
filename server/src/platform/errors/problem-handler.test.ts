import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('problem+json errors', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    cookie = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_JSON', title: '请求无效' });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('accepts JSON only, so a cross-site form cannot post', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"username":"admin","password":"kewo-demo-2026"}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over 1 MiB with 413 and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ parentId: 1, kind: 'department', name: 'x'.repeat(1_100_000), code: 'big' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });

  it('speaks English when asked', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie, 'accept-language': 'en' },
      payload: { username: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ title: 'Bad request', field: 'username' });
    expect(response.json().detail).toMatch(/^The request is not valid: username must be at least 3 characters/);
  });

  it('carries every RFC 9457 member', async () => {
    const response = await t.app.inject({ url: '/api/v1/users/abc', headers: { cookie } });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json())).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'field']),
    );
    expect(response.json().field).toBe('id');
  });

  it('reports health with the database kind and version', async () => {
    const response = await t.app.inject({ url: '/api/v1/health' });
    expect(response.json()).toEqual({ status: 'ok', db: 'pglite', version: expect.any(String) });
  });

  it('compresses large responses', async () => {
    const response = await t.app.inject({
      url: '/api/v1/users?limit=200',
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('publishes an OpenAPI document covering the API', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}']));
  });
});
