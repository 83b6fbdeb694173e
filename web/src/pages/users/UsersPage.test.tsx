import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { grants, stubApi } from '../../test/api-stub.ts';
import { UsersPage } from './index.tsx';
import type { UserListRow } from './users.api.ts';

configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const admin: CurrentUser = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

function manager(id: number, username: string, extra: Partial<UserListRow>): UserListRow {
  return {
    id,
    username,
    displayName: `客户经理 ${username}`,
    role: 'manager',
    orgUnitId: 3,
    orgUnitName: '芗城营销部',
    scope: { kind: 'own' },
    disabled: false,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2026-01-05T01:00:00.000Z',
    updatedAt: '2026-01-05T01:00:00.000Z',
    hasActiveSession: false,
    ...extra,
  };
}

// As the server sends them: in natural order.
const rows = [
  manager(12, 'manager2', { lastLoginAt: '2026-12-01T01:00:00.000Z', hasActiveSession: true }),
  manager(20, 'manager10', { lastLoginAt: '2026-11-20T01:00:00.000Z', hasActiveSession: false }),
  manager(110, 'manager100', {}),
];

function renderUsers() {
  stubApi({
    ...grants(
      'POST /api/v1/users',
      'PATCH /api/v1/users/:id',
      'POST /api/v1/users/:id/password',
      'POST /api/v1/users/:id/revoke-sessions',
    ),
    'GET /users': { status: 200, body: { items: rows, total: rows.length } },
    'GET /org-units': { status: 200, body: { items: [] } },
  });
  const router = createMemoryRouter([{ path: '/users', element: <UsersPage /> }], { initialEntries: ['/users'] });
  render(
    <AppProviders>
      <SignedInUserProvider user={admin}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
}

const rowOf = (username: string) => {
  const row = screen.getByText(username).closest('tr');
  if (!row) throw new Error(`no row for ${username}`);
  return row;
};

describe('UsersPage', () => {
  it('keeps the order the server gives (natural: manager2, manager10, manager100)', async () => {
    renderUsers();
    await screen.findByText('manager100');
    const usernames = screen
      .getAllByText(/^manager\d+$/)
      .map((element) => element.textContent)
      .filter((text) => text !== null);
    expect(usernames).toEqual(['manager2', 'manager10', 'manager100']);
  });

  it('offers 强制下线 only for a user with a session to end', async () => {
    renderUsers();
    await screen.findByText('manager100');
    expect(await within(rowOf('manager2')).findByRole('button', { name: '强制下线' })).toBeTruthy();
    // Signed in once, signed out since.
    expect(within(rowOf('manager10')).queryByRole('button', { name: '强制下线' })).toBeNull();
    // Never signed in.
    expect(within(rowOf('manager100')).queryByRole('button', { name: '强制下线' })).toBeNull();
    expect(within(rowOf('manager100')).getByText('从未登录')).toBeTruthy();
  });
});
