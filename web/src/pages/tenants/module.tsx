import { BankOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const tenantsModule: PageModule = {
  routes: [
    {
      path: '/admin/tenants',
      labelKey: 'menu.tenants',
      icon: <BankOutlined />,
      access: ['admin'],
      order: 840,
      operatorOnly: true,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.TenantsPage }))),
    },
  ],
};
