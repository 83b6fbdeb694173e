import {
  ClusterOutlined,
  ExperimentOutlined,
  FundOutlined,
  PieChartOutlined,
  SlidersOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 客户分类 (classification): every staff role reads (the API narrows a manager to own stores);
// the pages offer a change only when the API allows it (useCan).
export const classificationModule: PageModule = {
  menuGroups: [{ key: 'classification', labelKey: 'menu.classificationGroup', icon: <ClusterOutlined />, order: 500 }],
  routes: [
    {
      path: '/classification',
      labelKey: 'menu.classification',
      icon: <PieChartOutlined />,
      access: staffRoles,
      order: 500,
      group: 'classification',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.DistributionPage }))),
    },
    {
      path: '/classification/rule-sets',
      labelKey: 'menu.classificationRuleSets',
      icon: <SlidersOutlined />,
      access: staffRoles,
      // The centres' work; others read the rules from the distribution page's link.
      menuRoles: ['admin', 'marketing'],
      order: 510,
      group: 'classification',
      page: lazy(() => import('./RuleSets.tsx').then((module) => ({ default: module.RuleSetsPage }))),
    },
    {
      path: '/classification/runs',
      labelKey: 'menu.classificationRuns',
      icon: <FundOutlined />,
      access: staffRoles,
      // The centres' work; a manager reviews a pending run's proposals from the distribution page's link.
      menuRoles: ['admin', 'marketing'],
      order: 520,
      group: 'classification',
      page: lazy(() => import('./Runs.tsx').then((module) => ({ default: module.RunsPage }))),
    },
    {
      path: '/classification/spot-checks',
      labelKey: 'menu.classificationSpotChecks',
      icon: <ExperimentOutlined />,
      access: staffRoles,
      // 督察考评 assesses the sampled stores.
      menuRoles: ['admin', 'marketing', 'inspector'],
      order: 530,
      group: 'classification',
      page: lazy(() => import('./SpotChecks.tsx').then((module) => ({ default: module.SpotChecksPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'classification',
      labelKey: 'customers.detail.tabs.classification',
      order: 300,
      component: lazyTab(() =>
        import('./components/CustomerClassification.tsx').then((module) => module.CustomerClassification),
      ),
    },
  ],
};
