import type { ReactNode } from 'react';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { accessibleRoutes } from '../access.ts';
import { type ConsoleRoute, isInMenuOf, type MenuGroup, type MenuLabelKey } from '../page-module.ts';

// A page of the side menu (its key is the page's path), or a group of pages (key `group:<name>`).
export type MenuItem = { key: string; icon: ReactNode; label: string; children?: MenuItem[] };

// Side-menu entries for this user, in route-table order; a group appears where its first
// visible route is, and disappears when the user can open none of its routes.
export function buildMenuItems(
  routes: readonly ConsoleRoute[],
  groups: readonly MenuGroup[],
  user: Pick<CurrentUser, 'role'>,
  translate: (key: MenuLabelKey) => string,
): MenuItem[] {
  const items: MenuItem[] = [];
  const groupItems = new Map<string, MenuItem[]>();
  for (const route of accessibleRoutes(user, routes)) {
    if (!isInMenuOf(route, user.role)) continue;
    const item: MenuItem = { key: route.path, icon: route.icon, label: translate(route.labelKey) };
    const group = route.group ? groups.find((candidate) => candidate.key === route.group) : undefined;
    if (!group) {
      items.push(item);
      continue;
    }
    let children = groupItems.get(group.key);
    if (!children) {
      children = [];
      groupItems.set(group.key, children);
      items.push({ key: `group:${group.key}`, icon: group.icon, label: translate(group.labelKey), children });
    }
    children.push(item);
  }
  return items;
}
