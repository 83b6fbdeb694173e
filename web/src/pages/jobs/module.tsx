import { FieldTimeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const jobsModule: PageModule = {
  routes: [
    {
      path: '/admin/jobs',
      labelKey: 'menu.jobs',
      icon: <FieldTimeOutlined />,
      access: ['admin'],
      order: 830,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.JobsPage }))),
    },
  ],
};
