import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalSessionGate } from './PortalSessionGate.tsx';
import { PortalLoginPage } from './pages/PortalLoginPage.tsx';
import { PortalPasswordPage } from './pages/PortalPasswordPage.tsx';
import { portalPasswordPath, portalSubPages, portalTabs } from './portal-routes.tsx';

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
      ...portalSubPages.map((sub) => ({ path: sub.path, element: <sub.page /> })),
      { path: portalPasswordPath, element: <PortalPasswordPage /> },
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
