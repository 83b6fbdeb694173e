import { CustomerServiceOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';
import { readVisits } from './visits-access.ts';

// 走访 and 菜单式服务: a manager's route, visits and plan (phone-first); everyone else reads
// within scope, marketing edits the menu and generates plans.
export const visitsModule: PageModule = {
  routes: [
    {
      path: '/visits',
      labelKey: 'menu.visits',
      icon: <EnvironmentOutlined />,
      access: staffRoles,
      order: 700,
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.VisitsPage }))),
    },
    {
      path: '/services',
      labelKey: 'menu.services',
      icon: <CustomerServiceOutlined />,
      access: staffRoles,
      order: 750,
      page: lazy(() => import('./ServicesPage.tsx').then((module) => ({ default: module.ServicesPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'visits',
      labelKey: 'customers.detail.tabs.visits',
      order: 400,
      access: readVisits.access,
      component: lazyTab(() => import('./components/CustomerVisits.tsx').then((module) => module.CustomerVisits)),
    },
    {
      key: 'serviceRequests',
      labelKey: 'customers.detail.tabs.serviceRequests',
      order: 420,
      component: lazyTab(() =>
        import('./components/CustomerServiceRequests.tsx').then((module) => module.CustomerServiceRequests),
      ),
    },
  ],
};
