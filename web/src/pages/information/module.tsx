import { BellOutlined, NotificationOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 信息推送 (issue 24), in the 信息服务 group this folder declares (consumer feedback and training put
// their pages in it too). Every staff role reads the articles it sees and the receipts of its own
// stores; marketing and the administrator write (a branch for its own stores) — the buttons ask
// the server (useCan). The reminders page is the managers' worklist of stores to remind.
const loadEditor = () => import('./ArticleEditorPage.tsx').then((module) => ({ default: module.ArticleEditorPage }));

export const informationModule: PageModule = {
  menuGroups: [{ key: 'information', labelKey: 'menu.informationGroup', icon: <NotificationOutlined />, order: 690 }],
  routes: [
    {
      path: '/articles',
      labelKey: 'menu.articles',
      icon: <NotificationOutlined />,
      access: staffRoles,
      order: 701,
      group: 'information',
      page: lazy(() => import('./ArticlesPage.tsx').then((module) => ({ default: module.ArticlesPage }))),
    },
    {
      path: '/articles/new',
      labelKey: 'menu.articles',
      icon: <NotificationOutlined />,
      access: ['admin', 'marketing'],
      order: 702,
      group: 'information',
      hideInMenu: true,
      page: lazy(loadEditor),
    },
    {
      path: '/articles/:id/edit',
      labelKey: 'menu.articles',
      icon: <NotificationOutlined />,
      access: ['admin', 'marketing'],
      order: 702,
      group: 'information',
      hideInMenu: true,
      page: lazy(loadEditor),
    },
    {
      path: '/articles/:id',
      labelKey: 'menu.articles',
      icon: <NotificationOutlined />,
      access: staffRoles,
      order: 702,
      group: 'information',
      hideInMenu: true,
      page: lazy(() => import('./ArticleDetailPage.tsx').then((module) => ({ default: module.ArticleDetailPage }))),
    },
    {
      path: '/article-reminders',
      labelKey: 'menu.articleReminders',
      icon: <BellOutlined />,
      access: staffRoles,
      order: 703,
      group: 'information',
      page: lazy(() => import('./RemindersPage.tsx').then((module) => ({ default: module.RemindersPage }))),
    },
    {
      path: '/article-categories',
      labelKey: 'menu.articleCategories',
      icon: <TagsOutlined />,
      access: ['admin', 'marketing'],
      order: 705,
      group: 'information',
      page: lazy(() => import('./CategoriesPage.tsx').then((module) => ({ default: module.CategoriesPage }))),
    },
  ],
};
