import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import type { CurrentUser } from '../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';

// A customer manager (own stores), as the 360° view's tabs are tested.
export const testManager: CurrentUser = {
  id: 5,
  username: 'manager01',
  displayName: '客户经理 陈',
  role: 'manager',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 3, name: '芗城分公司' },
  scope: { kind: 'own' },
  mustChangePassword: false,
  deploymentOperator: false,
};

// Renders one tab of store 280's 360° view (a module's customerTabs entry) on its own.
export function renderCustomerTab(tab: ReactElement, tabKey: string, user: CurrentUser = testManager) {
  const router = createMemoryRouter([{ path: '/customers/:id', element: tab }], {
    initialEntries: [`/customers/280?tab=${tabKey}`],
  });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
}
