import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { stubApi } from '../../test/api-stub.ts';
import { CustomersPage } from './index.tsx';

const manager: CurrentUser = {
  id: 5,
  username: 'manager01',
  displayName: '万强',
  role: 'manager',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 6, name: '市区营销部' },
  scope: { kind: 'own' },
  mustChangePassword: false,
  deploymentOperator: false,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

// The list's total counts every status it shows; beside it the page says which stores the other
// pages count (在营客户) and what else 客户档案 holds, from GET /customers/store-counts.
describe('CustomersPage store counts', () => {
  it('says how many stores are in business and what the whole of 客户档案 holds', async () => {
    stubApi({
      'GET /customers': { status: 200, body: { items: [], total: 120, nextCursor: null } },
      'GET /customers/store-counts': {
        status: 200,
        body: { active: 117, all: 120, byStatus: { active: 117, suspended: 2, closed: 1, cancelled: 0 } },
      },
      'GET /customers/reference': { status: 200, body: { districts: [], branches: [], managers: [], tags: [] } },
      'GET /customer-fields': { status: 200, body: { items: [] } },
    });
    const router = createMemoryRouter([{ path: '/customers', element: <CustomersPage /> }], {
      initialEntries: ['/customers'],
    });
    render(
      <AppProviders>
        <SignedInUserProvider user={manager}>
          <RouterProvider router={router} />
        </SignedInUserProvider>
      </AppProviders>,
    );
    expect(await screen.findByText('共 120 家客户')).toBeTruthy();
    const counts = await screen.findByTestId('store-counts');
    expect(counts.textContent).toBe('在营客户 117 户 · 全部档案 120 户（含暂停 2、歇业 1、注销 0 户）');
  });
});
