import { describe, expect, it } from 'vitest';
import { locales } from '../shared/i18n/locale.ts';
import { staffRoles } from '../shared/roles.ts';
import { loadAllMessages } from './messages.ts';
import { consoleRoutes, menuGroups } from './page-modules.ts';
import { findRoute } from './routes.ts';

const messagesByLocale = await loadAllMessages();

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('consoleRoutes', () => {
  it('gives every route at least one staff role', () => {
    for (const route of consoleRoutes) {
      expect(route.access.length, route.path).toBeGreaterThan(0);
      for (const role of route.access) expect(staffRoles, route.path).toContain(role);
    }
  });

  it.each(locales)('has a menu label for every route and group in %s', (locale) => {
    const keys = [...consoleRoutes.map((route) => route.labelKey), ...menuGroups.map((group) => group.labelKey)];
    for (const key of keys) {
      const label = lookup(messagesByLocale[locale], key);
      expect(typeof label === 'string' && label.length > 0, `${locale}: ${key}`).toBe(true);
    }
  });

  it('has unique, absolute paths and only known menu groups', () => {
    const paths = consoleRoutes.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path.startsWith('/')).toBe(true);
    const groupKeys = menuGroups.map((group) => group.key);
    for (const route of consoleRoutes) if (route.group) expect(groupKeys).toContain(route.group);
  });

  it('keeps /login and /setup out of the table: they need no session', () => {
    expect(consoleRoutes.map((route) => route.path)).not.toContain('/login');
    expect(consoleRoutes.map((route) => route.path)).not.toContain('/setup');
  });
});

describe(findRoute.name, () => {
  it.each([
    ['/', '/'],
    ['/admin/users', '/admin/users'],
    ['/admin/users/42', '/admin/users'],
    ['/admin/audit', '/admin/audit'],
    ['/customers/import', '/customers/import'],
    ['/admin/customer-fields', '/admin/customer-fields'],
    ['/nowhere', undefined],
    ['/admin', undefined],
  ])('%s belongs to %s', (pathname, expected) => {
    expect(findRoute(pathname)?.path).toBe(expected);
  });
});
