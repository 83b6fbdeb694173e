import {
  BarChartOutlined,
  FormOutlined,
  SendOutlined,
  SolutionOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 需求调研、满意度 (issue 21), as the server's routes declare access (surveys.routes.ts): the
// marketing centre and the administrator write the need items, questionnaires and waves; every
// staff role reads the waves and their results within its data scope (a customer manager's
// figures cover their stores). Buttons ask the server (useCan).
const writers = ['admin', 'marketing'] as const;

export const surveysModule: PageModule = {
  menuGroups: [{ key: 'surveys', labelKey: 'menu.surveysGroup', icon: <SolutionOutlined />, order: 590 }],
  routes: [
    {
      path: '/surveys/questionnaires',
      labelKey: 'menu.surveysQuestionnaires',
      icon: <FormOutlined />,
      access: writers,
      order: 590,
      group: 'surveys',
      page: lazy(() => import('./Questionnaires.tsx').then((module) => ({ default: module.QuestionnairesPage }))),
    },
    {
      path: '/surveys/questionnaires/:id',
      labelKey: 'menu.surveysQuestionnaires',
      icon: <FormOutlined />,
      access: writers,
      order: 591,
      group: 'surveys',
      hideInMenu: true,
      page: lazy(() =>
        import('./QuestionnaireEditor.tsx').then((module) => ({ default: module.QuestionnaireEditorPage })),
      ),
    },
    {
      path: '/surveys/waves',
      labelKey: 'menu.surveysWaves',
      icon: <SendOutlined />,
      access: staffRoles,
      menuRoles: writers,
      order: 592,
      group: 'surveys',
      page: lazy(() => import('./Waves.tsx').then((module) => ({ default: module.WavesPage }))),
    },
    {
      path: '/surveys/waves/:id',
      labelKey: 'menu.surveysWaves',
      icon: <SendOutlined />,
      access: staffRoles,
      order: 593,
      group: 'surveys',
      hideInMenu: true,
      page: lazy(() => import('./WaveDetail.tsx').then((module) => ({ default: module.WaveDetailPage }))),
    },
    {
      path: '/surveys/results',
      labelKey: 'menu.surveysResults',
      icon: <BarChartOutlined />,
      access: staffRoles,
      order: 594,
      group: 'surveys',
      page: lazy(() => import('./Results.tsx').then((module) => ({ default: module.SurveyResultsPage }))),
    },
    {
      path: '/surveys/need-items',
      labelKey: 'menu.surveysNeedItems',
      icon: <UnorderedListOutlined />,
      access: writers,
      order: 595,
      group: 'surveys',
      page: lazy(() => import('./NeedItems.tsx').then((module) => ({ default: module.NeedItemsPage }))),
    },
  ],
  // The 360° view's 问卷调研: the store's answers, and its open questionnaires to answer for it.
  customerTabs: [
    {
      key: 'surveys',
      labelKey: 'customers.detail.tabs.surveys',
      order: 490,
      component: lazyTab(() => import('./components/CustomerSurveys.tsx').then((module) => module.CustomerSurveys)),
    },
  ],
  // The visit form's section: the store's open questionnaires, answered there (channel 'visit').
  visitFormSections: [
    {
      key: 'surveys',
      order: 200,
      component: lazy(() =>
        import('./components/VisitSurveys.tsx').then((module) => ({ default: module.VisitSurveys })),
      ),
    },
  ],
};
