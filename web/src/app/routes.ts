import type { ConsoleRoute } from './page-module.ts';
import { consoleRoutes } from './page-modules.ts';

// The route a location belongs to: exact match, else the longest path prefix ("/admin/users/12").
export function findRoute(pathname: string, routes: readonly ConsoleRoute[] = consoleRoutes): ConsoleRoute | undefined {
  const exact = routes.find((route) => route.path === pathname);
  if (exact) return exact;
  return routes
    .filter((route) => route.path !== '/' && pathname.startsWith(`${route.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
