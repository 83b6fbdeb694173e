import { vi } from 'vitest';

// The server, replaced for a page test: each route is "METHOD /path" (the path after /api/v1,
// without the query string) and answers with a status and a JSON body. A status of 400 or
// more is sent as problem+json, as the server does; 204 has no body; 0 is a network failure.
// Everything else in the page under test is real.

export type StubReply = { status: number; body?: unknown; headers?: Record<string, string> };
export type StubRoute = StubReply | ((init?: RequestInit) => StubReply);
export type StubRoutes = Record<string, StubRoute>;

// What the server answers a route the test did not declare.
const notFound: StubReply = {
  status: 404,
  body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND', detail: '' },
};

function pathOf(input: RequestInfo | URL): string {
  return String(input).replace('/api/v1', '').split('?')[0];
}

function respond(reply: StubReply): Response {
  if (reply.status === 0) throw new TypeError('Failed to fetch');
  if (reply.status === 204) return new Response(null, { status: 204, headers: reply.headers });
  const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(reply.body ?? null), {
    status: reply.status,
    headers: { 'content-type': contentType, ...reply.headers },
  });
}

// Replaces fetch until `vi.unstubAllGlobals()`; the returned mock records every call.
export function stubApi(routes: StubRoutes) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const route = routes[`${init?.method ?? 'GET'} ${pathOf(input)}`] ?? notFound;
    return respond(typeof route === 'function' ? route(init) : route);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export type ApiStub = ReturnType<typeof stubApi>;

// GET /auth/permissions as the server answers a user allowed `operations` (each the method and
// /api/v1 path of a route, as the server registered it): spread into the routes, e.g.
// stubApi({ ...grants('POST /api/v1/visits/plan/items/:id/drop'), … }).
export function grants(...operations: string[]): StubRoutes {
  return { 'GET /auth/permissions': { status: 200, body: { operations } } };
}

// Or add it to the server stubbed before (call after stubApi): the user may perform `operations`,
// as the server's access rules would answer for their role.
export function stubPermissions(operations: readonly string[]) {
  const server = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
    (init?.method ?? 'GET') === 'GET' && pathOf(input) === '/auth/permissions'
      ? respond({ status: 200, body: { operations } })
      : server(input, init),
  );
}

// The calls made to one route, e.g. callsTo(fetchMock, 'POST', '/portal/orders').
export function callsTo(fetchMock: ApiStub, method: string, path: string) {
  return fetchMock.mock.calls.filter(([input, init]) => (init?.method ?? 'GET') === method && pathOf(input) === path);
}

// The JSON body a recorded call sent.
export function sentBody(call: [RequestInfo | URL, RequestInit?] | undefined): unknown {
  const body = call?.[1]?.body;
  return body ? JSON.parse(String(body)) : undefined;
}
