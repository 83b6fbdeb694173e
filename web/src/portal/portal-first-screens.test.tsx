import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLocale } from '../shared/i18n/i18n.ts';
import { callsTo, type StubReply, stubApi } from '../test/api-stub.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalProviders } from './PortalProviders.tsx';
import { PortalSessionGate } from './PortalSessionGate.tsx';
import { PortalHomePage } from './pages/PortalHomePage.tsx';
import { PortalLoginPage } from './pages/PortalLoginPage.tsx';

// The sign-in page and the home a store owner opens first: plain HTML (no antd), so what antd's
// Form, Alert and Modal did there is the portal's own and tested here.
const notSignedIn: StubReply = {
  status: 401,
  body: { status: 401, title: 'Unauthorized', detail: '请先登录。', code: 'UNAUTHENTICATED' },
};

const retailer = {
  id: 9,
  username: '350602100009',
  displayName: '红星名烟名酒',
  role: 'retailer',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: null,
  scope: { kind: 'org', orgUnitId: null, orgUnitName: null },
  mustChangePassword: false,
};

function renderPortal(initialEntry: string) {
  const router = createMemoryRouter(
    [
      { path: '/portal/login', element: <PortalLoginPage /> },
      {
        element: (
          <PortalSessionGate>
            <PortalLayout />
          </PortalSessionGate>
        ),
        children: [{ path: '/portal', element: <PortalHomePage /> }],
      },
    ],
    { initialEntries: [initialEntry] },
  );
  render(
    <PortalProviders>
      <RouterProvider router={router} />
    </PortalProviders>,
  );
  return router;
}

async function signIn(licenceNo: string, password: string) {
  fireEvent.change(await screen.findByLabelText('专卖许可证号'), { target: { value: licenceNo } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

beforeEach(async () => {
  await changeLocale('zh-CN');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe(PortalLoginPage.name, () => {
  it('asks for a 12-digit licence number and a password before asking the server', async () => {
    const api = stubApi({ 'GET /auth/me': notSignedIn });
    renderPortal('/portal/login');

    await signIn('35060', '');

    expect(await screen.findByText('请输入 12 位数字的许可证号')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(screen.getByLabelText('专卖许可证号').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(api, 'POST', '/portal/auth/login')).toHaveLength(0);
    // Corrected, the message goes as the store owner types.
    fireEvent.change(screen.getByLabelText('专卖许可证号'), { target: { value: '350602100009' } });
    expect(screen.queryByText('请输入 12 位数字的许可证号')).toBeNull();
  });

  it("shows the server's own words when the licence number or password is wrong", async () => {
    stubApi({
      'GET /auth/me': notSignedIn,
      'POST /portal/auth/login': {
        status: 401,
        body: { status: 401, title: 'Unauthorized', detail: '许可证号或密码错误。', code: 'INVALID_CREDENTIALS' },
      },
    });
    const router = renderPortal('/portal/login');

    await signIn('3506 0210 0009', 'wrong-password');

    expect((await screen.findByRole('alert')).textContent).toContain('许可证号或密码错误。');
    expect(router.state.location.pathname).toBe('/portal/login');
  });

  it('locks the button while the server asks to wait', async () => {
    stubApi({
      'GET /auth/me': notSignedIn,
      'POST /portal/auth/login': {
        status: 429,
        headers: { 'retry-after': '120' },
        body: { status: 429, title: 'Too Many Requests', detail: '', code: 'TOO_MANY_ATTEMPTS' },
      },
    });
    renderPortal('/portal/login');

    await signIn('350602100009', 'wrong-password');

    expect(await screen.findByText('尝试次数过多')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /登\s*录/ }).hasAttribute('disabled')).toBe(true));
  });

  it('signs in with the licence number without spaces and opens the home', async () => {
    let signedIn = false;
    const api = stubApi({
      'GET /auth/me': () => (signedIn ? { status: 200, body: retailer } : notSignedIn),
      'POST /portal/auth/login': () => {
        signedIn = true;
        return { status: 200, body: { user: retailer } };
      },
      'GET /notifications': { status: 200, body: { unread: 0, items: [] } },
    });
    const router = renderPortal('/portal/login');

    await signIn('3506 0210 0009', 'kewo-demo-2026');

    expect(await screen.findByText('红星名烟名酒')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/portal');
    const [, init] = callsTo(api, 'POST', '/portal/auth/login')[0];
    expect(JSON.parse(String(init?.body))).toEqual({ licenceNo: '350602100009', password: 'kewo-demo-2026' });
  });
});

describe(PortalHomePage.name, () => {
  it('asks before signing out, then goes to the sign-in page', async () => {
    const api = stubApi({
      'GET /auth/me': { status: 200, body: retailer },
      'GET /notifications': { status: 200, body: { unread: 2, items: [] } },
      'POST /auth/logout': { status: 204 },
    });
    const router = renderPortal('/portal');

    expect(await screen.findByText('3506 0210 0009')).toBeTruthy();
    expect(screen.getByRole('button', { name: '消息' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByText('确定退出登录吗？')).toBeTruthy();
    expect(callsTo(api, 'POST', '/auth/logout')).toHaveLength(0);

    const dialog = screen.getByRole('dialog');
    fireEvent.click(dialog.querySelector('.portal-button.is-primary') as HTMLElement);

    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/login'));
    expect(callsTo(api, 'POST', '/auth/logout')).toHaveLength(1);
  });

  it('speaks English when chosen', async () => {
    stubApi({
      'GET /auth/me': { status: 200, body: retailer },
      'GET /notifications': { status: 200, body: { unread: 0, items: [] } },
    });
    renderPortal('/portal');

    fireEvent.click(await screen.findByLabelText('English'));

    expect(await screen.findByRole('button', { name: 'Order now' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);
  });
});
