import { createBrowserRouter, RouterProvider } from 'react-router';
import { LoginPage } from '../pages/login/index.tsx';
import { SetupPage } from '../pages/setup/index.tsx';
import { AppProviders } from '../shared/AppProviders.tsx';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { NotFoundPage, RoutePage } from './RoutePage.tsx';
import { consoleRoutes } from './routes.tsx';
import { StaffSessionGate } from './StaffSessionGate.tsx';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    element: (
      <StaffSessionGate>
        <ConsoleLayout />
      </StaffSessionGate>
    ),
    children: [
      ...consoleRoutes.map((route) => ({ path: route.path, element: <RoutePage route={route} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
