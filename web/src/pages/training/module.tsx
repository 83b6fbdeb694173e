import { BarChartOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 培训 (issue 24), in the 信息服务 group (declared by pages/information): every staff role reads the
// city company's sessions and its branch's, and the sign-ups of the stores in its scope; the
// organisers (marketing, admin — a branch's for its own) create and edit; a session's staff trainer
// shows the check-in code and marks attendance. Buttons ask the server (ActionButton, useCan).
export const trainingModule: PageModule = {
  routes: [
    {
      path: '/trainings',
      labelKey: 'menu.training',
      icon: <ReadOutlined />,
      access: staffRoles,
      order: 710,
      group: 'information',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.SessionsPage }))),
    },
    {
      path: '/trainings/:id',
      labelKey: 'menu.training',
      icon: <ReadOutlined />,
      access: staffRoles,
      order: 711,
      group: 'information',
      hideInMenu: true,
      page: lazy(() => import('./SessionPage.tsx').then((module) => ({ default: module.SessionPage }))),
    },
    {
      path: '/training-trainers',
      labelKey: 'menu.trainingTrainers',
      icon: <TeamOutlined />,
      access: staffRoles,
      order: 712,
      group: 'information',
      page: lazy(() => import('./TrainersPage.tsx').then((module) => ({ default: module.TrainersPage }))),
    },
    {
      path: '/training-kpis',
      labelKey: 'menu.trainingKpis',
      icon: <BarChartOutlined />,
      access: staffRoles,
      order: 713,
      group: 'information',
      page: lazy(() => import('./KpiPage.tsx').then((module) => ({ default: module.KpiPage }))),
    },
  ],
};
