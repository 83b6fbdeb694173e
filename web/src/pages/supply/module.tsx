import { CalendarOutlined, GoldOutlined, PhoneOutlined, RiseOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 货源投放 (supply): every staff role reads (the API narrows a manager to own stores);
// the pages offer a change only when the API allows it (useCan).
export const supplyModule: PageModule = {
  menuGroups: [{ key: 'supply', labelKey: 'menu.supplyGroup', icon: <GoldOutlined />, order: 400 }],
  routes: [
    {
      path: '/supply/cycles',
      labelKey: 'menu.supplyCycles',
      icon: <CalendarOutlined />,
      access: staffRoles,
      order: 400,
      group: 'supply',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.CyclesPage }))),
    },
    {
      path: '/supply/cycles/:id',
      labelKey: 'menu.supplyCycles',
      icon: <CalendarOutlined />,
      access: staffRoles,
      order: 410,
      group: 'supply',
      hideInMenu: true,
      page: lazy(() => import('./CycleDetail.tsx').then((module) => ({ default: module.CycleDetailPage }))),
    },
    {
      path: '/supply/phone-orders',
      labelKey: 'menu.phoneOrders',
      icon: <PhoneOutlined />,
      access: ['admin', 'service'],
      order: 420,
      group: 'supply',
      page: lazy(() => import('./PhoneOrders.tsx').then((module) => ({ default: module.PhoneOrdersPage }))),
    },
    {
      path: '/supply/grades',
      labelKey: 'menu.grades',
      icon: <RiseOutlined />,
      access: staffRoles,
      order: 430,
      group: 'supply',
      page: lazy(() => import('./Grades.tsx').then((module) => ({ default: module.GradesPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'orders',
      labelKey: 'customers.detail.tabs.orders',
      order: 150,
      component: lazyTab(() => import('./components/CustomerOrders.tsx').then((module) => module.CustomerOrders)),
    },
    {
      key: 'grades',
      labelKey: 'customers.detail.tabs.grades',
      order: 200,
      component: lazyTab(() => import('./components/CustomerGrades.tsx').then((module) => module.CustomerGrades)),
    },
  ],
};
