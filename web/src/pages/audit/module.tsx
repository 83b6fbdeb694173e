import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const auditModule: PageModule = {
  routes: [
    {
      path: '/admin/audit',
      labelKey: 'menu.audit',
      icon: <AuditOutlined />,
      // Inspectors (督察考评) review who changed what; the API allows both.
      access: ['admin', 'inspector'],
      order: 820,
      group: 'admin',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.AuditPage }))),
    },
  ],
};
