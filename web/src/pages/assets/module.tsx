import { ContainerOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 资产台账 (issue 23): every staff role reads the fixtures within its data scope; marketing and the
// administrator keep the register (register, import, issue, transfer, return, write off) and the
// managers, inspectors and the centres audit — the pages ask the server which (useCan). The pages
// sit in 终端建设, the group the terminals folder declares. Not at /assets: the built web app's
// files are served from there, so /assets/41 would never reach the page.
export const assetsModule: PageModule = {
  routes: [
    {
      path: '/terminal-assets',
      labelKey: 'menu.assets',
      icon: <ContainerOutlined />,
      access: staffRoles,
      menuRoles: ['admin', 'marketing', 'manager', 'inspector'],
      order: 680,
      group: 'terminals',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.AssetRegisterPage }))),
    },
    {
      path: '/terminal-assets/:id',
      labelKey: 'menu.assets',
      icon: <ContainerOutlined />,
      access: staffRoles,
      order: 681,
      group: 'terminals',
      hideInMenu: true,
      page: lazy(() => import('./AssetDetail.tsx').then((module) => ({ default: module.AssetDetailPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'assets',
      labelKey: 'customers.detail.tabs.assets',
      order: 477,
      component: lazyTab(() => import('./components/CustomerAssets.tsx').then((module) => module.CustomerAssets)),
    },
  ],
  // The visit form's fixture check: the store's fixtures to confirm, saved as audits of the visit.
  visitFormSections: [
    {
      key: 'assets',
      order: 200,
      component: lazy(() =>
        import('./components/VisitAssetCheck.tsx').then((module) => ({ default: module.VisitAssetCheck })),
      ),
    },
  ],
};
