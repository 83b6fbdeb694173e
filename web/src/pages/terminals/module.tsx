import {
  AuditOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 终端建设 (issue 23) — tiers. Every staff role reads the benchmark stores, applications and
// inspections within its data scope; the buttons (review, approve, apply, edit a standard) are
// asked of the server (useCan). The inspection page is for those who inspect. The assets and
// contests folders put their pages in this menu group.
export const terminalsModule: PageModule = {
  menuGroups: [{ key: 'terminals', labelKey: 'menu.terminalsGroup', icon: <ShopOutlined />, order: 670 }],
  routes: [
    {
      path: '/terminal-stores',
      labelKey: 'menu.terminalStores',
      icon: <ShopOutlined />,
      access: staffRoles,
      order: 670,
      group: 'terminals',
      page: lazy(() => import('./StoresPage.tsx').then((module) => ({ default: module.StoresPage }))),
    },
    {
      path: '/terminal-applications',
      labelKey: 'menu.terminalApplications',
      icon: <FileDoneOutlined />,
      access: staffRoles,
      order: 672,
      group: 'terminals',
      page: lazy(() => import('./ApplicationsPage.tsx').then((module) => ({ default: module.ApplicationsPage }))),
    },
    {
      path: '/terminal-inspections',
      labelKey: 'menu.terminalInspections',
      icon: <AuditOutlined />,
      access: staffRoles,
      order: 674,
      group: 'terminals',
      page: lazy(() => import('./InspectionsPage.tsx').then((module) => ({ default: module.InspectionsPage }))),
    },
    {
      path: '/terminal-inspections/new',
      labelKey: 'menu.terminalInspections',
      icon: <AuditOutlined />,
      access: ['admin', 'manager', 'inspector'],
      order: 675,
      group: 'terminals',
      hideInMenu: true,
      page: lazy(() => import('./InspectionFormPage.tsx').then((module) => ({ default: module.InspectionFormPage }))),
    },
    {
      path: '/terminal-map',
      labelKey: 'menu.terminalMap',
      icon: <EnvironmentOutlined />,
      access: staffRoles,
      order: 676,
      group: 'terminals',
      page: lazy(() => import('./MapPage.tsx').then((module) => ({ default: module.MapPage }))),
    },
    {
      path: '/terminal-tiers',
      labelKey: 'menu.terminalTiers',
      icon: <SafetyCertificateOutlined />,
      access: staffRoles,
      order: 678,
      group: 'terminals',
      page: lazy(() => import('./TiersPage.tsx').then((module) => ({ default: module.TiersPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'terminal',
      labelKey: 'customers.detail.tabs.terminal',
      order: 475,
      component: lazyTab(() => import('./components/CustomerTerminal.tsx').then((module) => module.CustomerTerminal)),
    },
  ],
};
