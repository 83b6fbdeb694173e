import { CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const customerImportModule: PageModule = {
  routes: [
    {
      path: '/customers/import',
      labelKey: 'menu.customerImport',
      icon: <CloudUploadOutlined />,
      // The customer list links here; the API allows the same roles.
      access: ['admin', 'marketing'],
      order: 850,
      hideInMenu: true,
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.CustomerImportPage }))),
    },
  ],
};
