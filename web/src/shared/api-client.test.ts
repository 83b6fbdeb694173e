import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { portalPasswordPath } from '../portal/portal-routes.tsx';
import {
  ApiError,
  apiRequest,
  buildUrl,
  loginPathFor,
  passwordChangePathFor,
  setPasswordChangeRequiredHandler,
  setUnauthorizedHandler,
} from './api-client.ts';
import { setActiveLocale } from './i18n/locale.ts';

// fetch is the boundary of the web app: it is the one thing these tests replace.
const fetchMock = vi.fn<typeof fetch>();

function problemResponse(status: number, body: object, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

const unauthorizedHandler = vi.fn();
const passwordChangeRequiredHandler = vi.fn();

beforeEach(() => {
  fetchMock.mockReset();
  unauthorizedHandler.mockReset();
  passwordChangeRequiredHandler.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setUnauthorizedHandler(unauthorizedHandler);
  setPasswordChangeRequiredHandler(passwordChangeRequiredHandler);
  setActiveLocale('zh-CN');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(apiRequest.name, () => {
  it('sends JSON with the session cookie and the UI language', async () => {
    fetchMock.mockResolvedValue(Response.json({ id: 7 }, { status: 201 }));
    setActiveLocale('en');

    const result = await apiRequest<{ id: number }>('/users', { method: 'POST', body: { username: 'li.lei' } });

    expect(result).toEqual({ id: 7 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/users');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"username":"li.lei"}');
    const headers = init?.headers as Record<string, string>;
    expect(headers['Accept-Language']).toBe('en');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends extra headers such as Idempotency-Key, without letting them replace the language', async () => {
    fetchMock.mockResolvedValue(Response.json({ orderId: 1 }, { status: 201 }));

    await apiRequest('/portal/orders', {
      method: 'POST',
      body: { lines: [] },
      headers: { 'Idempotency-Key': 'k-1', 'Accept-Language': 'xx' },
    });

    const headers = fetchMock.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe('k-1');
    expect(headers['Accept-Language']).toBe('zh-CN');
  });

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the whole problem+json', async () => {
    const problem = {
      type: 'https://kewo.dev/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: '请求内容有误：字段 username 不能为空',
      code: 'VALIDATION_FAILED',
      field: 'username',
      errors: [{ field: 'username', message: '字段 username 不能为空' }],
    };
    fetchMock.mockResolvedValue(problemResponse(400, problem));

    const error = await apiRequest('/users', { method: 'POST', body: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.problem).toEqual(problem);
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_FAILED');
    expect(apiError.message).toBe(problem.detail);
    expect(unauthorizedHandler).not.toHaveBeenCalled();
  });

  it('sends the user to sign in when the session is gone (401)', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(401, { status: 401, title: 'Unauthorized', detail: '请先登录。', code: 'UNAUTHENTICATED' }),
    );

    await expect(apiRequest('/users')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(unauthorizedHandler).toHaveBeenCalledOnce();
  });

  it('leaves a 401 to the caller when asked to (a wrong password is not an expired session)', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(401, {
        status: 401,
        title: 'Unauthorized',
        detail: '用户名或密码错误。',
        code: 'INVALID_CREDENTIALS',
      }),
    );

    await expect(
      apiRequest('/auth/login', {
        method: 'POST',
        body: { username: 'a', password: 'b' },
        redirectOnUnauthorized: false,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', problem: { detail: '用户名或密码错误。' } });
    expect(unauthorizedHandler).not.toHaveBeenCalled();
  });

  it('takes a session on an initial password to the change form when the server refuses it (403)', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(403, {
        status: 403,
        title: '无权限',
        detail: '您正在使用他人设置的初始密码，请先修改密码。',
        code: 'PASSWORD_CHANGE_REQUIRED',
      }),
    );

    await expect(apiRequest('/notifications')).rejects.toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(passwordChangeRequiredHandler).toHaveBeenCalledOnce();
    expect(unauthorizedHandler).not.toHaveBeenCalled();
  });

  it('leaves any other 403 to the page', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(403, { status: 403, title: '无权限', detail: '您没有执行此操作的权限。', code: 'FORBIDDEN' }),
    );

    await expect(apiRequest('/users')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(passwordChangeRequiredHandler).not.toHaveBeenCalled();
  });

  it('reads Retry-After on 429 so the sign-in form can count down', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(
        429,
        { status: 429, title: 'Too Many Requests', detail: '登录失败次数过多', code: 'TOO_MANY_ATTEMPTS' },
        { 'retry-after': '90' },
      ),
    );

    const error = (await apiRequest('/auth/login', { method: 'POST', body: {}, redirectOnUnauthorized: false }).catch(
      (caught: unknown) => caught,
    )) as ApiError;

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(90);
  });

  it('still throws an ApiError when a proxy answers with HTML', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad Gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );

    await expect(apiRequest('/health')).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      problem: { title: 'Bad Gateway', detail: '' },
    });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = (await apiRequest('/health').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
    expect(error.code).toBe('NETWORK_ERROR');
  });
});

describe(buildUrl.name, () => {
  it('drops empty query values and encodes the rest', () => {
    expect(
      buildUrl('/users', { q: '张 三', role: undefined, orgUnitId: null, limit: 20, offset: 0, disabled: '' }),
    ).toBe('/api/v1/users?q=%E5%BC%A0+%E4%B8%89&limit=20&offset=0');
  });
});

describe(loginPathFor.name, () => {
  it.each([
    ['/admin/users', '?page=2', '/login?redirect=%2Fadmin%2Fusers%3Fpage%3D2'],
    ['/', '', '/login'],
    ['/login', '', null],
    ['/setup', '', null],
    ['/portal', '', '/portal/login'],
    ['/portal/mine', '', '/portal/login?redirect=%2Fportal%2Fmine'],
    ['/portal/login', '', null],
  ])('%s%s → %s', (pathname, search, expected) => {
    expect(loginPathFor(pathname, search)).toBe(expected);
  });
});

describe(passwordChangePathFor.name, () => {
  it.each([
    ['/customers', '/account'],
    ['/', '/account'],
    ['/account', null],
    ['/portal', portalPasswordPath],
    ['/portal/orders', portalPasswordPath],
    [portalPasswordPath, null],
  ])('%s → %s', (pathname, expected) => {
    expect(passwordChangePathFor(pathname)).toBe(expected);
  });
});
