import { describe, expect, it } from 'vitest';
import { consoleRoutes, menuGroups } from '../page-modules.ts';
import { buildMenuItems } from './menu-items.tsx';

const translate = (key: string) => key;

describe(buildMenuItems.name, () => {
  it('shows an administrator the dashboard, the customers, the supply, classification and tickets groups, visits, services and administration', () => {
    const items = buildMenuItems(consoleRoutes, menuGroups, { role: 'admin' }, translate);
    expect(items.map((item) => item?.key)).toEqual([
      '/',
      '/customers',
      '/products',
      'group:supply',
      'group:classification',
      'group:tickets',
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
    const classification = items[4] as { children: { key: string }[] };
    expect(classification.children.map((child) => child.key)).toEqual([
      '/classification',
      '/classification/rule-sets',
      '/classification/runs',
      '/classification/spot-checks',
    ]);
    const tickets = items[5] as { children: { key: string }[] };
    expect(tickets.children.map((child) => child.key)).toEqual([
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/sla',
      '/tickets/channel-keys',
    ]);
    const group = items[8] as { children: { key: string }[] };
    expect(group.children.map((child) => child.key)).toEqual([
      '/admin/users',
      '/admin/org-units',
      '/admin/audit',
      '/admin/jobs',
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
      'group:classification',
      'group:tickets',
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
