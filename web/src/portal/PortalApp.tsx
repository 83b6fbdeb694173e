import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { PortalLoginPage } from './pages/PortalLoginPage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { portalTabs } from './portal-routes.tsx';
import { PortalSessionGate } from './PortalSessionGate.tsx';

const router = createBrowserRouter([
  { path: '/portal/login', element: <PortalLoginPage /> },
  {
    element: (
      <PortalSessionGate>
        <PortalLayout />
      </PortalSessionGate>
    ),
    children: [
      ...portalTabs.map((tab) => ({ path: tab.path, element: <tab.page /> })),
      { path: '*', element: <Navigate to="/portal" replace /> },
    ],
  },
]);

// Phone-first: larger text and touch targets than the console.
const portalTheme = {
  token: { colorPrimary: '#b8232f', fontSize: 16, borderRadius: 10, controlHeight: 44, controlHeightLG: 52 },
};

export function PortalApp() {
  return (
    <AppProviders theme={portalTheme}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
