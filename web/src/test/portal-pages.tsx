import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PortalAntdScope } from '../portal/PortalAntdScope.tsx';
import { AppProviders } from '../shared/AppProviders.tsx';
import type { CurrentUser } from '../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../shared/auth/SignedInUser.tsx';

// Portal pages as the portal serves them to a signed-in store: each page in the antd scope the
// portal's lazy pages bring (portal/antd-page.tsx); a home card (`card: true`) without it, as the
// home draws it. Opened at `path`; the router comes back for tests that follow navigation.
export function renderPortalPages(
  pages: readonly { path: string; element: ReactElement; card?: boolean }[],
  path: string,
  user: CurrentUser,
) {
  const router = createMemoryRouter(
    pages.map(({ path, element, card }) => ({
      path,
      element: card ? element : <PortalAntdScope>{element}</PortalAntdScope>,
    })),
    { initialEntries: [path] },
  );
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}
