import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConsoleProviders } from './ConsoleProviders.tsx';
import { PageSpinner } from './PageSpinner.tsx';
import { consoleRoutes, publicRoutes } from './page-modules.ts';
import { NotFoundPage, RoutePage, WithEveryMessage } from './RoutePage.tsx';
import { StaffSessionGate } from './StaffSessionGate.tsx';

// The layout (side menu, header, notifications) is a chunk of its own: the sign-in page does not
// need it. A visit to a console page starts fetching it while the session is being checked.
const loadConsoleLayout = () => import('./layout/ConsoleLayout.tsx');
const ConsoleLayout = lazy(() => loadConsoleLayout().then((module) => ({ default: module.ConsoleLayout })));
if (!publicRoutes.some((route) => route.path === window.location.pathname)) void loadConsoleLayout();

const router = createBrowserRouter([
  ...publicRoutes.map(({ path, page: Page }) => ({
    path,
    element: (
      <Suspense fallback={<PageSpinner />}>
        {/* Setup's page uses other folders' messages. */}
        <WithEveryMessage>
          <Page />
        </WithEveryMessage>
      </Suspense>
    ),
  })),
  {
    element: (
      <StaffSessionGate>
        <Suspense fallback={<PageSpinner />}>
          <ConsoleLayout />
        </Suspense>
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
    <ConsoleProviders>
      <RouterProvider router={router} />
    </ConsoleProviders>
  );
}
