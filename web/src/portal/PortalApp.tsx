import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, type RouteObject, useRoutes } from 'react-router';
import { PortalProviders } from './PortalProviders.tsx';
import { PortalSessionGate } from './PortalSessionGate.tsx';
import { PortalSpinner } from './PortalStatus.tsx';
import { PortalPasswordPage, portalPasswordPath, portalSubPages, portalTabs } from './portal-routes.tsx';

// The shell and every page are chunks of their own, so the sign-in page a store owner opens on a
// phone downloads only what it shows. The sign-in page, the shell and the home are plain HTML;
// the other pages bring antd when opened (antd-page.tsx), and scripts/bundle-budget.ts keeps
// the first screens light. A visit to a signed-in page fetches the layout while the session is
// being checked.
const loadPortalLayout = () => import('./PortalLayout.tsx');
const PortalLayout = lazy(() => loadPortalLayout().then((module) => ({ default: module.PortalLayout })));
const PortalLoginPage = lazy(() =>
  import('./pages/PortalLoginPage.tsx').then((module) => ({ default: module.PortalLoginPage })),
);
if (window.location.pathname !== '/portal/login') void loadPortalLayout();

const withSpinner = (Page: ComponentType) => (
  <Suspense fallback={<PortalSpinner />}>
    <Page />
  </Suspense>
);

// Declarative routing (BrowserRouter, useRoutes): the data router (createBrowserRouter) is ~16 KiB
// gzip more in the vendor chunk, and no page uses loaders or actions (app/App.tsx does the same).
const routes: RouteObject[] = [
  { path: '/portal/login', element: withSpinner(PortalLoginPage) },
  {
    element: (
      <PortalSessionGate>
        <Suspense fallback={<PortalSpinner />}>
          <PortalLayout />
        </Suspense>
      </PortalSessionGate>
    ),
    children: [
      ...portalTabs.map((tab) => ({ path: tab.path, element: withSpinner(tab.page) })),
      ...portalSubPages.map((sub) => ({ path: sub.path, element: withSpinner(sub.page) })),
      { path: portalPasswordPath, element: withSpinner(PortalPasswordPage) },
      { path: '*', element: <Navigate to="/portal" replace /> },
    ],
  },
];

function PortalRoutes() {
  return useRoutes(routes);
}

export function PortalApp() {
  return (
    <PortalProviders>
      <BrowserRouter>
        <PortalRoutes />
      </BrowserRouter>
    </PortalProviders>
  );
}
