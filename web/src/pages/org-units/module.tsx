import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const orgUnitsModule: PageModule = {
  routes: [
    {
      path: '/admin/org-units',
      labelKey: 'menu.orgUnits',
      icon: <ApartmentOutlined />,
      access: ['admin'],
      order: 810,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.OrgUnitsPage }))),
    },
  ],
};
