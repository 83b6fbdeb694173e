import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import { changeLocale } from '../../shared/i18n/i18n.ts';
import { callsTo, type StubReply, stubApi } from '../../test/api-stub.ts';
import { LoginPage } from './index.tsx';

function renderLogin(initialEntry = '/login') {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <p>setup page</p> },
      { path: '/admin/users', element: <p>users page</p> },
      { path: '/', element: <p>home page</p> },
    ],
    { initialEntries: [initialEntry] },
  );
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

const notSignedIn: StubReply = {
  status: 401,
  body: { status: 401, title: 'Unauthorized', detail: '请先登录。', code: 'UNAUTHENTICATED' },
};

const adminUser = {
  id: 1,
  username: 'admin',
  displayName: '王管理',
  role: 'admin',
  tenant: { id: 1, name: '示例市烟草公司' },
  orgUnit: { id: 1, name: '示例市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '示例市烟草公司' },
  mustChangePassword: false,
};

beforeEach(async () => {
  await changeLocale('zh-CN');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it("shows the server's own words when the password is wrong", async () => {
    stubApi({
      'GET /auth/me': notSignedIn,
      'GET /setup': { status: 200, body: { needed: false } },
      'POST /auth/login': {
        status: 401,
        body: { status: 401, title: 'Unauthorized', detail: '用户名或密码错误。', code: 'INVALID_CREDENTIALS' },
      },
    });
    const router = renderLogin();

    await submit('admin', 'wrong-password');

    expect(await screen.findByText('用户名或密码错误。')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('explains a rate limit instead of a generic failure', async () => {
    stubApi({
      'GET /auth/me': notSignedIn,
      'GET /setup': { status: 200, body: { needed: false } },
      'POST /auth/login': {
        status: 429,
        headers: { 'retry-after': '120' },
        body: {
          status: 429,
          title: 'Too Many Requests',
          detail: '登录失败次数过多，请在 2 分钟后再试。',
          code: 'TOO_MANY_ATTEMPTS',
        },
      },
    });
    renderLogin();

    await submit('admin', 'wrong-password');

    expect(await screen.findByText('尝试次数过多')).toBeTruthy();
    expect(screen.getByText(/登录失败次数过多/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /登\s*录/ }).hasAttribute('disabled')).toBe(true));
  });

  it('goes on to the page the user asked for after signing in', async () => {
    const fetchMock = stubApi({
      'GET /auth/me': notSignedIn,
      'GET /setup': { status: 200, body: { needed: false } },
      'POST /auth/login': { status: 200, body: { user: adminUser } },
    });
    const router = renderLogin('/login?redirect=%2Fadmin%2Fusers');

    await submit(' admin ', 'kewo-demo-2026');

    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'));
    const loginCall = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(loginCall?.[1]?.body))).toEqual({ username: 'admin', password: 'kewo-demo-2026' });
  });

  it('offers the one-time setup on an empty system', async () => {
    stubApi({ 'GET /auth/me': notSignedIn, 'GET /setup': { status: 200, body: { needed: true } } });
    renderLogin();

    expect(await screen.findByText('系统尚未初始化，还没有任何用户。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /初始化系统/ }).getAttribute('href')).toBe('/setup');
  });

  it('ignores a redirect to another site', async () => {
    stubApi({
      'GET /auth/me': notSignedIn,
      'GET /setup': { status: 200, body: { needed: false } },
      'POST /auth/login': { status: 200, body: { user: adminUser } },
    });
    const router = renderLogin('/login?redirect=%2F%2Fevil.example');

    await submit('admin', 'kewo-demo-2026');

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('asks for a username and a password before asking the server, and says no more once given', async () => {
    const api = stubApi({ 'GET /auth/me': notSignedIn, 'GET /setup': { status: 200, body: { needed: false } } });
    renderLogin();

    await submit('  ', '');

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(screen.getByLabelText('用户名').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(api, 'POST', '/auth/login')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'admin' } });
    expect(screen.queryByText('请输入用户名')).toBeNull();
  });
});
