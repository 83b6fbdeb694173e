import type { FieldError } from '../../../server/src/platform/errors/validation-messages.ts';
import { getActiveLocale } from './i18n/locale.ts';

// The API answers errors as RFC 9457 problem+json; `detail` is already in the user's language.
export type ProblemFieldError = FieldError;

// The server's problem (problem-handler.ts) with `code` widened to a string: the client also
// makes problems of its own (NETWORK_ERROR, HTTP_502 from a proxy) that are not catalogue codes.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: ProblemFieldError[];
};

export class ApiError extends Error {
  readonly problem: Problem;
  readonly status: number;
  readonly code: string;
  // Seconds from the Retry-After header (429), when the server sent one.
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export const apiBase = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  // Extra request headers, e.g. Idempotency-Key on an order submission.
  headers?: Record<string, string>;
  // Sign-in forms and the "who am I" probe handle 401 themselves.
  redirectOnUnauthorized?: boolean;
};

// Where to send someone whose session ended: the retailer portal has its own sign-in page.
// Returns null when already on a page that needs no session (no redirect loop).
export function loginPathFor(pathname: string, search = ''): string | null {
  const isPortal = pathname === '/portal' || pathname.startsWith('/portal/');
  const loginPath = isPortal ? '/portal/login' : '/login';
  const publicPaths = isPortal ? ['/portal/login'] : ['/login', '/setup'];
  if (publicPaths.includes(pathname)) return null;
  const isHome = pathname === (isPortal ? '/portal' : '/') || pathname === '/portal/';
  if (isHome && !search) return loginPath;
  return `${loginPath}?redirect=${encodeURIComponent(pathname + search)}`;
}

function redirectToLogin(): void {
  const target = loginPathFor(window.location.pathname, window.location.search);
  if (target) window.location.assign(target);
}

let unauthorizedHandler: () => void = redirectToLogin;

// Tests (and, later, embedding pages) can replace what happens on 401.
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

// The server answers 403 with this code to a session still on a password someone else set.
export const passwordChangeRequiredCode = 'PASSWORD_CHANGE_REQUIRED';

// Where such a session changes its password: the portal's own page, or the console's account
// page. Null when already there, so a request the page itself makes cannot loop.
export function passwordChangePathFor(pathname: string): string | null {
  const isPortal = pathname === '/portal' || pathname.startsWith('/portal/');
  const target = isPortal ? '/portal/mine/password' : '/account';
  return pathname === target ? null : target;
}

function redirectToPasswordChange(): void {
  const target = passwordChangePathFor(window.location.pathname);
  if (target) window.location.assign(target);
}

let passwordChangeRequiredHandler: () => void = redirectToPasswordChange;

// Tests can replace what happens when the server asks for the password to be changed first.
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  passwordChangeRequiredHandler = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const url = `${apiBase}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: '',
    code: `HTTP_${response.status}`,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem> | null;
    if (!body || typeof body !== 'object') return fallback;
    return {
      ...fallback,
      ...body,
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' ? body.code : fallback.code,
      detail: typeof body.detail === 'string' ? body.detail : '',
    };
  } catch {
    return fallback;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, redirectOnUnauthorized = true } = options;
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': getActiveLocale(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: 'NETWORK_ERROR' });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && redirectOnUnauthorized) unauthorizedHandler();
    // The session gates send such a user to the change form first; a request that still reaches
    // the server (a page open in another tab, a poll) takes them there too.
    if (response.status === 403 && problem.code === passwordChangeRequiredCode) passwordChangeRequiredHandler();
    throw new ApiError(problem, parseRetryAfter(response.headers.get('retry-after')));
  }

  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'method' | 'query'>) =>
    apiRequest<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
