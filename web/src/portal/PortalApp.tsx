import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { FullPageSpin } from '../shared/FullPageStatus.tsx';
import { PortalSessionGate } from './PortalSessionGate.tsx';
import { portalPasswordPath, portalSubPages, portalTabs } from './portal-routes.tsx';

// The shell and every page are chunks of their own, so the sign-in page a store owner opens on a
// phone downloads only what it shows. A visit to a signed-in page starts fetching the layout
// while the session is being checked.
const loadPortalLayout = () => import('./PortalLayout.tsx');
const PortalLayout = lazy(() => loadPortalLayout().then((module) => ({ default: module.PortalLayout })));
const PortalLoginPage = lazy(() =>
  import('./pages/PortalLoginPage.tsx').then((module) => ({ default: module.PortalLoginPage })),
);
const PortalPasswordPage = lazy(() =>
  import('./pages/PortalPasswordPage.tsx').then((module) => ({ default: module.PortalPasswordPage })),
);
if (window.location.pathname !== '/portal/login') void loadPortalLayout();

const withSpinner = (Page: ComponentType) => (
  <Suspense fallback={<FullPageSpin />}>
    <Page />
  </Suspense>
);

const router = createBrowserRouter([
  { path: '/portal/login', element: withSpinner(PortalLoginPage) },
  {
    element: (
      <PortalSessionGate>
        <Suspense fallback={<FullPageSpin />}>
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
]);

// Phone-first: larger text and touch targets than the console. Focused inputs stay neutral,
// so the brand red is not mistaken for a validation error.
const portalTheme = {
  token: { colorPrimary: '#b8232f', fontSize: 16, borderRadius: 10, controlHeight: 44, controlHeightLG: 52 },
  components: {
    Input: { activeBorderColor: '#595959', hoverBorderColor: '#8c8c8c', activeShadow: '0 0 0 2px rgba(0, 0, 0, 0.06)' },
  },
};

export function PortalApp() {
  return (
    <AppProviders theme={portalTheme}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
