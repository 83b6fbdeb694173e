import { ContainerOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

export const productsModule: PageModule = {
  routes: [
    {
      path: '/products',
      labelKey: 'menu.products',
      icon: <ContainerOutlined />,
      access: staffRoles, // everyone reads the catalogue; the page offers editing to admin and marketing
      order: 300,
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.ProductsPage }))),
    },
  ],
};
