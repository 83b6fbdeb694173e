import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const usersModule: PageModule = {
  routes: [
    {
      path: '/admin/users',
      labelKey: 'menu.users',
      icon: <TeamOutlined />,
      access: ['admin'],
      order: 800,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.UsersPage }))),
    },
  ],
};
