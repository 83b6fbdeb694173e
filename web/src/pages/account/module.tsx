import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

export const accountModule: PageModule = {
  routes: [
    {
      path: '/account',
      labelKey: 'menu.account',
      icon: <UserOutlined />,
      access: staffRoles,
      order: 900,
      hideInMenu: true, // reached from the user menu in the header
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.AccountPage }))),
    },
  ],
};
