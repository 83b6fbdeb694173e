import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.ts';
import { accessibleRoutes, canAccess } from './access.ts';
import { consoleRoutes } from './page-modules.ts';

const routeAt = (path: string) => {
  const route = consoleRoutes.find((candidate) => candidate.path === path);
  if (!route) throw new Error(`no route ${path}`);
  return route;
};

describe(canAccess.name, () => {
  it.each<[Role | null, string, boolean]>([
    // The dashboard and one's own account: every staff role.
    ['admin', '/', true],
    ['marketing', '/', true],
    ['service', '/', true],
    ['inspector', '/', true],
    ['manager', '/', true],
    ['manager', '/account', true],
    ['inspector', '/account', true],
    // Administration: administrators; inspectors also read the audit trail.
    ['admin', '/admin/users', true],
    ['admin', '/admin/org-units', true],
    ['admin', '/admin/audit', true],
    ['marketing', '/admin/users', false],
    ['service', '/admin/org-units', false],
    ['inspector', '/admin/audit', true],
    ['manager', '/admin/users', false],
    // Retailers never use the staff console.
    ['retailer', '/', false],
    ['retailer', '/account', false],
    ['retailer', '/admin/users', false],
    // Nobody signed in: nothing.
    [null, '/', false],
    [null, '/admin/audit', false],
  ])('%s → %s: %s', (role, path, expected) => {
    expect(canAccess(role ? { role } : null, routeAt(path))).toBe(expected);
  });

  it('denies a route that lists no roles, whoever asks', () => {
    expect(canAccess({ role: 'admin' }, { access: [] })).toBe(false);
  });
});

describe(accessibleRoutes.name, () => {
  it('gives a customer manager the dashboard, customers, products, supply and classification reading, the credit distribution, brand, prices and survey results, tickets, terminals, visits, the service menu and the account page only', () => {
    expect(accessibleRoutes({ role: 'manager' }, consoleRoutes).map((route) => route.path)).toEqual([
      '/',
      '/customers',
      '/customers/:id',
      '/products',
      '/supply/cycles',
      '/supply/cycles/:id',
      '/supply/grades',
      '/classification',
      '/classification/rule-sets',
      '/classification/runs',
      '/classification/spot-checks',
      '/credit',
      '/brand-programmes',
      '/brand-worklist',
      '/brand-programmes/:id',
      '/prices/index',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/waves',
      '/surveys/waves/:id',
      '/surveys/results',
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/new',
      '/tickets/sla',
      '/tickets/:id',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-inspections/new',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/terminal-assets/:id',
      '/contests',
      '/contests/:id',
      '/visits',
      '/articles',
      '/articles/:id',
      '/article-reminders',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/trainings/:id',
      '/training-trainers',
      '/training-kpis',
      '/services',
      '/account',
    ]);
  });

  it('lets only the service centre and the administrator enter phone orders', () => {
    const canEnter = (role: 'admin' | 'marketing' | 'service' | 'inspector' | 'manager') =>
      accessibleRoutes({ role }, consoleRoutes).some((route) => route.path === '/supply/phone-orders');
    expect([
      canEnter('admin'),
      canEnter('service'),
      canEnter('marketing'),
      canEnter('inspector'),
      canEnter('manager'),
    ]).toEqual([true, true, false, false, false]);
  });

  it("gives an administrator every console route but the operator's", () => {
    const operatorOnly = consoleRoutes.filter((route) => route.operatorOnly);
    expect(operatorOnly.map((route) => route.path)).toEqual(['/admin/tenants']);
    expect(accessibleRoutes({ role: 'admin' }, consoleRoutes)).toHaveLength(consoleRoutes.length - 1);
    expect(accessibleRoutes({ role: 'admin', deploymentOperator: true }, consoleRoutes)).toHaveLength(
      consoleRoutes.length,
    );
    expect(accessibleRoutes({ role: 'marketing', deploymentOperator: true }, operatorOnly)).toEqual([]);
  });
});
