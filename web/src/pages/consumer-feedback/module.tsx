import { BarChartOutlined, CommentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

// 消费者意见 (issue 24): the queue (answer, categorise) and the month by product and topic, in the
// 信息服务 group. The service centre, marketing and managers read and answer within their data
// scope; the buttons are asked of the server (ActionButton).
const readers = ['admin', 'marketing', 'service', 'manager'] as const;

export const consumerFeedbackModule: PageModule = {
  routes: [
    {
      path: '/consumer-feedback',
      labelKey: 'menu.consumerFeedback',
      icon: <CommentOutlined />,
      access: readers,
      order: 706,
      group: 'information',
      page: lazy(() => import('./FeedbackQueuePage.tsx').then((module) => ({ default: module.FeedbackQueuePage }))),
    },
    {
      path: '/consumer-feedback/summary',
      labelKey: 'menu.consumerFeedbackSummary',
      icon: <BarChartOutlined />,
      access: readers,
      order: 707,
      group: 'information',
      page: lazy(() => import('./FeedbackSummaryPage.tsx').then((module) => ({ default: module.FeedbackSummaryPage }))),
    },
  ],
};
