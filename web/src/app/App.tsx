import { Suspense } from 'react';
import { BrowserRouter, type RouteObject, useRoutes } from 'react-router';
import { ConsoleProviders } from './ConsoleProviders.tsx';
import { LazyAntdScope } from './LazyAntdScope.tsx';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { PageSpinner } from './PageSpinner.tsx';
import { consoleRoutes, publicRoutes } from './page-modules.ts';
import { NotFoundPage, RoutePage, WithEveryMessage } from './RoutePage.tsx';
import { StaffSessionGate } from './StaffSessionGate.tsx';

// The layout (side menu, header, notifications) and the home are part of the console's entry, in
// plain markup: the first screen of a signed-in visit is one script and its vendor chunks, without
// antd, which the other pages bring along (layout/ConsoleLayout.tsx, LazyAntdScope.tsx).

// Declarative routing (BrowserRouter, useRoutes), not the data router (createBrowserRouter): no
// page uses loaders or actions, and react-router's data router is ~16 KiB gzip in the vendor chunk
// both apps' first screens download (scripts/bundle-budget.ts).
const routes: RouteObject[] = [
  ...publicRoutes.map(({ path, page: Page }) => ({
    path,
    element: (
      <Suspense fallback={<PageSpinner />}>
        {path === '/login' ? (
          // Only sends the browser to the sign-in page (login.html, plain HTML).
          <Page />
        ) : (
          // Setup's page uses antd and other folders' messages.
          <LazyAntdScope>
            <WithEveryMessage>
              <Page />
            </WithEveryMessage>
          </LazyAntdScope>
        )}
      </Suspense>
    ),
  })),
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
];

function ConsoleRoutes() {
  return useRoutes(routes);
}

export function App() {
  return (
    <ConsoleProviders>
      <BrowserRouter>
        <ConsoleRoutes />
      </BrowserRouter>
    </ConsoleProviders>
  );
}
