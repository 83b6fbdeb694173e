import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../shared/AppProviders.tsx';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { consoleRoutes, publicRoutes } from './page-modules.ts';
import { NotFoundPage, RoutePage } from './RoutePage.tsx';
import { StaffSessionGate } from './StaffSessionGate.tsx';

const router = createBrowserRouter([
  ...publicRoutes.map(({ path, page: Page }) => ({ path, element: <Page /> })),
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
