import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/roles.ts';
import { accessibleRoutes } from '../access.ts';
import { consoleRoutes, menuGroups } from '../page-modules.ts';
import { buildMenuItems } from './menu-items.tsx';

const translate = (key: string) => key;

describe(buildMenuItems.name, () => {
  it('shows an administrator the dashboard, the customers, the supply, classification, credit, brand, prices, surveys and tickets and terminals groups, visits, services and administration', () => {
    const items = buildMenuItems(consoleRoutes, menuGroups, { role: 'admin' }, translate);
    expect(items.map((item) => item?.key)).toEqual([
      '/',
      '/customers',
      '/products',
      'group:supply',
      'group:classification',
      'group:credit',
      'group:brand',
      'group:prices',
      'group:surveys',
      'group:tickets',
      'group:terminals',
      '/visits',
      'group:information',
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
    const credit = items[5] as { children: { key: string }[] };
    expect(credit.children.map((child) => child.key)).toEqual([
      '/credit',
      '/credit/models',
      '/credit/runs',
      '/credit/violations',
      '/credit/appeals',
    ]);
    const surveys = items[8] as { children: { key: string }[] };
    expect(surveys.children.map((child) => child.key)).toEqual([
      '/surveys/questionnaires',
      '/surveys/waves',
      '/surveys/results',
      '/surveys/need-items',
    ]);
    const tickets = items[9] as { children: { key: string }[] };
    expect(tickets.children.map((child) => child.key)).toEqual([
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/sla',
      '/tickets/channel-keys',
    ]);
    const terminals = items[10] as { children: { key: string }[] };
    expect(terminals.children.map((child) => child.key)).toEqual([
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/contests',
    ]);
    const information = items[12] as { children: { key: string }[] };
    expect(information.children.map((child) => child.key)).toEqual([
      '/articles',
      '/article-reminders',
      '/article-categories',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
    ]);
    const group = items[14] as { children: { key: string }[] };
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
      'group:credit',
      'group:brand',
      'group:prices',
      'group:surveys',
      'group:tickets',
      'group:terminals',
      '/visits',
      'group:information',
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

  // Each role's menu is its work: the pages it acts on, and the lists it reads to do so.
  const menus: Record<StaffRole, string[]> = {
    admin: [
      '/',
      '/customers',
      '/products',
      '/supply/cycles',
      '/supply/phone-orders',
      '/supply/grades',
      '/classification',
      '/classification/rule-sets',
      '/classification/runs',
      '/classification/spot-checks',
      '/credit',
      '/credit/models',
      '/credit/runs',
      '/credit/violations',
      '/credit/appeals',
      '/brand-programmes',
      '/brand-worklist',
      '/prices/index',
      '/prices/warnings',
      '/prices/rules',
      '/prices/market-checks',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/questionnaires',
      '/surveys/waves',
      '/surveys/results',
      '/surveys/need-items',
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/sla',
      '/tickets/channel-keys',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/contests',
      '/visits',
      '/articles',
      '/article-reminders',
      '/article-categories',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
      '/services',
      '/admin/users',
      '/admin/org-units',
      '/admin/audit',
      '/admin/jobs',
      '/admin/customer-fields',
    ],
    // 营销中心: the catalogue, cycles and grades, classification, the complaint settings, services.
    marketing: [
      '/',
      '/customers',
      '/products',
      '/supply/cycles',
      '/supply/grades',
      '/classification',
      '/classification/rule-sets',
      '/classification/runs',
      '/classification/spot-checks',
      '/credit',
      '/credit/models',
      '/credit/runs',
      '/brand-programmes',
      '/brand-worklist',
      '/prices/index',
      '/prices/warnings',
      '/prices/rules',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/questionnaires',
      '/surveys/waves',
      '/surveys/results',
      '/surveys/need-items',
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/sla',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/contests',
      '/visits',
      '/articles',
      '/article-reminders',
      '/article-categories',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
      '/services',
    ],
    // 客服中心: tickets and their settings, phone orders.
    service: [
      '/',
      '/customers',
      '/products',
      '/supply/cycles',
      '/supply/phone-orders',
      '/supply/grades',
      '/classification',
      '/credit',
      '/brand-programmes',
      '/prices/index',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/results',
      '/tickets',
      '/tickets/analysis',
      '/tickets/library',
      '/tickets/sla',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/contests',
      '/visits',
      '/articles',
      '/article-reminders',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
      '/services',
    ],
    // 督察考评: spot checks, how tickets are handled, the audit log.
    inspector: [
      '/',
      '/customers',
      '/products',
      '/supply/cycles',
      '/supply/grades',
      '/classification',
      '/classification/spot-checks',
      '/credit',
      '/credit/violations',
      '/credit/appeals',
      '/brand-programmes',
      '/prices/index',
      '/prices/warnings',
      '/prices/market-checks',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/results',
      '/tickets',
      '/tickets/analysis',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/contests',
      '/visits',
      '/articles',
      '/article-reminders',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
      '/services',
      '/admin/audit',
    ],
    // 客户经理: their stores, their stores' supply and tickets, their route and visits.
    manager: [
      '/',
      '/customers',
      '/products',
      '/supply/cycles',
      '/supply/grades',
      '/classification',
      '/credit',
      '/brand-programmes',
      '/brand-worklist',
      '/prices/index',
      '/prices/compliance',
      '/prices/margin',
      '/surveys/results',
      '/tickets',
      '/tickets/analysis',
      '/terminal-stores',
      '/terminal-applications',
      '/terminal-inspections',
      '/terminal-map',
      '/terminal-tiers',
      '/terminal-assets',
      '/contests',
      '/visits',
      '/articles',
      '/article-reminders',
      '/consumer-feedback',
      '/consumer-feedback/summary',
      '/trainings',
      '/training-trainers',
      '/training-kpis',
      '/services',
    ],
  };
  const leavesOf = (role: StaffRole) =>
    buildMenuItems(consoleRoutes, menuGroups, { role }, translate).flatMap((item) =>
      item && 'children' in item && item.children ? item.children.map((child) => child?.key) : [item?.key],
    );

  it.each(Object.entries(menus))('offers %s its own work', (role, menu) => {
    expect(leavesOf(role as StaffRole)).toEqual(menu);
  });

  it("keeps the centres' settings out of a customer manager's menu, still reachable from a link", () => {
    const labels = buildMenuItems(consoleRoutes, menuGroups, { role: 'manager' }, translate).flatMap((item) =>
      item && 'children' in item && item.children
        ? item.children.map((child) => String(child && 'label' in child ? child.label : ''))
        : [],
    );
    for (const label of [
      'menu.classificationRuleSets', // 分类规则
      'menu.classificationRuns', // 分类测算
      'menu.classificationSpotChecks', // 分类抽查
      'menu.ticketSla', // 时限策略
      'menu.ticketLibrary', // 抱怨库
    ])
      expect(labels).not.toContain(label);
    // The distribution page links to the rules and the runs (where a manager reviews proposals).
    const reachable = accessibleRoutes({ role: 'manager' }, consoleRoutes).map((route) => route.path);
    expect(reachable).toEqual(expect.arrayContaining(['/classification/rule-sets', '/classification/runs']));
  });
});
