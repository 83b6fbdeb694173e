import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

export const homeModule: PageModule = {
  routes: [
    {
      path: '/',
      labelKey: 'menu.home',
      icon: <HomeOutlined />,
      access: staffRoles,
      order: 100,
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.HomePage }))),
    },
  ],
};
