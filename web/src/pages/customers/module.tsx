import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

export const customersModule: PageModule = {
  routes: [
    {
      path: '/customers',
      labelKey: 'menu.customers',
      icon: <ShopOutlined />,
      access: staffRoles, // the API narrows the list to the caller's data scope
      order: 200,
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.CustomersPage }))),
    },
    {
      path: '/customers/:id',
      labelKey: 'menu.customers',
      icon: <ShopOutlined />,
      access: staffRoles,
      order: 210,
      hideInMenu: true, // the 360° view, reached from the list; its tabs come from the page modules
      page: lazy(() => import('./CustomerDetail.tsx').then((module) => ({ default: module.CustomerDetailPage }))),
    },
  ],
};
