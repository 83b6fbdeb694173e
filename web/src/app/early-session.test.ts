import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentUserQueryKey } from '../shared/auth/session.api.ts';
import { permissionsQueryKey } from '../shared/auth/use-can.ts';
import { seedSession, startSessionRequests } from './early-session.ts';

const admin = { id: 7, username: 'admin', role: 'admin', mustChangePassword: false };

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function stubFetch(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://kewo.test').pathname;
    const route = routes[path];
    if (!route) throw new Error(`unexpected ${path}`);
    return route();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early session requests', () => {
  it('asks for the user, then the permissions, and hands both to the cache', async () => {
    const fetchMock = stubFetch({
      '/api/v1/auth/me': () => answer(200, admin),
      '/api/v1/auth/permissions': () => answer(200, { operations: ['GET /api/v1/users'] }),
    });
    startSessionRequests();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const client = new QueryClient();
    seedSession(client);
    await vi.waitFor(() => expect(client.getQueryData(currentUserQueryKey)).toEqual(admin));
    await vi.waitFor(() =>
      expect(client.getQueryData(permissionsQueryKey(admin.id))).toEqual(new Set(['GET /api/v1/users'])),
    );
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('leaves a signed-out visitor as null, and asks for no permissions', async () => {
    const fetchMock = stubFetch({
      '/api/v1/auth/me': () => answer(401, { title: 'Unauthorized', status: 401 }),
    });
    startSessionRequests();
    const client = new QueryClient();
    seedSession(client);
    await vi.waitFor(() => expect(client.getQueryState(currentUserQueryKey)?.status).toBe('success'));
    expect(client.getQueryData(currentUserQueryKey)).toBeNull();
    expect(client.getQueryCache().findAll({ queryKey: ['auth', 'permissions'] })).toHaveLength(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks no permissions for a user who must first change their password', async () => {
    const fetchMock = stubFetch({ '/api/v1/auth/me': () => answer(200, { ...admin, mustChangePassword: true }) });
    startSessionRequests();
    const client = new QueryClient();
    seedSession(client);
    await vi.waitFor(() => expect(client.getQueryState(currentUserQueryKey)?.status).toBe('success'));
    expect(client.getQueryCache().findAll({ queryKey: ['auth', 'permissions'] })).toHaveLength(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('seeds once: a second client asks for itself', () => {
    stubFetch({
      '/api/v1/auth/me': () => answer(200, admin),
      '/api/v1/auth/permissions': () => answer(200, { operations: [] }),
    });
    startSessionRequests();
    seedSession(new QueryClient());
    const second = new QueryClient();
    seedSession(second);
    expect(second.getQueryCache().getAll()).toHaveLength(0);
  });
});
