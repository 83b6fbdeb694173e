import { describe, expect, it } from 'vitest';
import { consoleRoutes, menuGroups } from '../routes.tsx';
import { buildMenuItems } from './menu-items.tsx';

const translate = (key: string) => key;

describe(buildMenuItems.name, () => {
  it('shows an administrator the dashboard, the customers, the supply group, visits, services and administration', () => {
    const items = buildMenuItems(consoleRoutes, menuGroups, { role: 'admin' }, translate);
    expect(items.map((item) => item?.key)).toEqual([
      '/',
      '/customers',
      '/products',
      'group:supply',
      '/visits',
      '/services',
      'group:admin',
    ]);
    const supply = items[3] as { children: { key: string }[] };
    expect(supply.children.map((child) => child.key)).toEqual([
      '/supply/cycles',
      '/supply/phone-orders',
      '/supply/grades',
    ]);
    const group = items[6] as { children: { key: string }[] };
    expect(group.children.map((child) => child.key)).toEqual([
      '/admin/users',
      '/admin/org-units',
      '/admin/audit',
      '/admin/customer-fields',
    ]);
  });

  it('drops a group whose routes the user cannot open', () => {
    const items = buildMenuItems(consoleRoutes, menuGroups, { role: 'manager' }, translate);
    expect(items.map((item) => item?.key)).toEqual([
      '/',
      '/customers',
      '/products',
      'group:supply',
      '/visits',
      '/services',
    ]);
  });

  it('leaves routes marked hideInMenu out (the account page is in the user menu)', () => {
    const keys = JSON.stringify(
      buildMenuItems(consoleRoutes, menuGroups, { role: 'admin' }, translate).map((item) => item?.key),
    );
    expect(keys).not.toContain('/account');
    expect(keys).not.toContain('/customers/import'); // linked from the customer list
  });
});
