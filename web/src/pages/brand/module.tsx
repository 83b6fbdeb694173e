import { FlagOutlined, ScheduleOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 品牌培育 (issue 19): every staff role reads the programmes within its data scope (a customer
// manager's figures cover only their stores); marketing and the administrator edit them, which
// the pages ask of the server (useCan). The worklist is the managers' work; the centres that run
// the programmes find it in the menu too.
export const brandModule: PageModule = {
  menuGroups: [{ key: 'brand', labelKey: 'menu.brandGroup', icon: <TrophyOutlined />, order: 550 }],
  routes: [
    {
      path: '/brand-programmes',
      labelKey: 'menu.brandProgrammes',
      icon: <FlagOutlined />,
      access: staffRoles,
      order: 550,
      group: 'brand',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.BrandProgrammesPage }))),
    },
    {
      path: '/brand-worklist',
      labelKey: 'menu.brandWorklist',
      icon: <ScheduleOutlined />,
      access: staffRoles,
      menuRoles: ['admin', 'marketing', 'manager'],
      order: 560,
      group: 'brand',
      page: lazy(() => import('./Worklist.tsx').then((module) => ({ default: module.BrandWorklistPage }))),
    },
    {
      path: '/brand-programmes/:id',
      labelKey: 'menu.brandProgrammes',
      icon: <FlagOutlined />,
      access: staffRoles,
      order: 570,
      group: 'brand',
      hideInMenu: true,
      page: lazy(() => import('./ProgrammeDetail.tsx').then((module) => ({ default: module.ProgrammeDetailPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'brand',
      labelKey: 'customers.detail.tabs.brand',
      order: 470,
      component: lazyTab(() =>
        import('./components/CustomerBrandProgrammes.tsx').then((module) => module.CustomerBrandProgrammes),
      ),
    },
  ],
  // The visit form's checklist of the store's active programmes (pages/visits reads the slot).
  visitFormSections: [
    {
      key: 'brand',
      order: 100,
      component: lazy(() =>
        import('./components/VisitBrandChecklist.tsx').then((module) => ({ default: module.VisitBrandChecklist })),
      ),
    },
  ],
};
