import { ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const customerFieldsModule: PageModule = {
  routes: [
    {
      path: '/admin/customer-fields',
      labelKey: 'menu.customerFields',
      icon: <ProfileOutlined />,
      access: ['admin'],
      order: 860,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.CustomerFieldsPage }))),
    },
  ],
};
