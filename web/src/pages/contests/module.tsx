import { CameraOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 陈列创意大赛 (issue 23), in the 终端建设 group (declared by pages/terminals): every staff role
// reads the contests (any of them may be named a judge); the marketing centre and the
// administrator (city-wide) organise and publish; managers, marketing and the administrator enter
// a store in their scope. Buttons ask the server (useCan), as contests.routes.ts declares.
export const contestsModule: PageModule = {
  routes: [
    {
      path: '/contests',
      labelKey: 'menu.contests',
      icon: <CameraOutlined />,
      access: staffRoles,
      order: 684,
      group: 'terminals',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.ContestsPage }))),
    },
    {
      path: '/contests/:id',
      labelKey: 'menu.contests',
      icon: <CameraOutlined />,
      access: staffRoles,
      order: 685,
      group: 'terminals',
      hideInMenu: true,
      page: lazy(() => import('./ContestDetail.tsx').then((module) => ({ default: module.ContestDetailPage }))),
    },
  ],
};
