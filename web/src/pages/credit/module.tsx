import {
  AuditOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  SafetyCertificateOutlined,
  SlidersOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 零售客户信用 (issue 22), as the server's routes declare access (credit.routes.ts): every staff
// role reads the distribution, a store's credit and the runs within its data scope (a customer
// manager's figures cover their stores); the marketing centre and the administrator edit the
// models, run, approve and publish; the inspectors and the administrator record violations and
// decide appeals. Buttons ask the server (useCan).
const modelWriters = ['admin', 'marketing'] as const;
const inspectors = ['admin', 'inspector'] as const;
const reviewers = ['admin', 'marketing', 'inspector'] as const;

export const creditModule: PageModule = {
  menuGroups: [{ key: 'credit', labelKey: 'menu.creditGroup', icon: <SafetyCertificateOutlined />, order: 540 }],
  routes: [
    {
      path: '/credit',
      labelKey: 'menu.creditDistribution',
      icon: <BarChartOutlined />,
      access: staffRoles,
      order: 540,
      group: 'credit',
      page: lazy(() => import('./Distribution.tsx').then((module) => ({ default: module.CreditDistributionPage }))),
    },
    {
      path: '/credit/models',
      labelKey: 'menu.creditModels',
      icon: <SlidersOutlined />,
      access: modelWriters,
      order: 541,
      group: 'credit',
      page: lazy(() => import('./Models.tsx').then((module) => ({ default: module.CreditModelsPage }))),
    },
    {
      path: '/credit/models/:id',
      labelKey: 'menu.creditModels',
      icon: <SlidersOutlined />,
      access: modelWriters,
      order: 542,
      group: 'credit',
      hideInMenu: true,
      page: lazy(() => import('./ModelEditor.tsx').then((module) => ({ default: module.CreditModelEditorPage }))),
    },
    {
      path: '/credit/runs',
      labelKey: 'menu.creditRuns',
      icon: <AuditOutlined />,
      access: modelWriters,
      order: 543,
      group: 'credit',
      page: lazy(() => import('./Runs.tsx').then((module) => ({ default: module.CreditRunsPage }))),
    },
    {
      path: '/credit/runs/:id',
      labelKey: 'menu.creditRuns',
      icon: <AuditOutlined />,
      access: modelWriters,
      order: 544,
      group: 'credit',
      hideInMenu: true,
      page: lazy(() => import('./RunDetail.tsx').then((module) => ({ default: module.CreditRunDetailPage }))),
    },
    {
      path: '/credit/violations',
      labelKey: 'menu.creditViolations',
      icon: <WarningOutlined />,
      access: reviewers,
      menuRoles: inspectors,
      order: 545,
      group: 'credit',
      page: lazy(() => import('./Violations.tsx').then((module) => ({ default: module.ViolationsPage }))),
    },
    {
      path: '/credit/appeals',
      labelKey: 'menu.creditAppeals',
      icon: <FileProtectOutlined />,
      access: reviewers,
      menuRoles: inspectors,
      order: 546,
      group: 'credit',
      page: lazy(() => import('./Appeals.tsx').then((module) => ({ default: module.AppealsPage }))),
    },
    {
      path: '/credit/appeals/:id',
      labelKey: 'menu.creditAppeals',
      icon: <FileProtectOutlined />,
      access: reviewers,
      order: 547,
      group: 'credit',
      hideInMenu: true,
      page: lazy(() => import('./AppealDetail.tsx').then((module) => ({ default: module.AppealDetailPage }))),
    },
  ],
  // The 360° view's 信用: level, score, the ledger with its sources, caps, indicators, history, appeal.
  customerTabs: [
    {
      key: 'credit',
      labelKey: 'customers.detail.tabs.credit',
      order: 310,
      component: lazyTab(() => import('./components/CustomerCredit.tsx').then((module) => module.CustomerCredit)),
    },
  ],
};
