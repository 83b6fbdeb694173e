import { everyMinutes } from '../../platform/jobs/cadence.rules.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { publishDueArticles, sendArticleReminders } from './information.service.ts';

// The publisher publishes scheduled articles when due; the reminder sends each store an important
// article it has not acknowledged 24 h on a short notice through the outbound gateway, once.
export const articlePublisherJob: Job = {
  name: 'information.publisher',
  description: 'Publishes scheduled articles when their time comes (信息推送定时发布)',
  cadence: everyMinutes(1),
  run: publishDueArticles,
};

export const articleReminderJob: Job = {
  name: 'information.reminders',
  description: 'Reminds stores of important articles not acknowledged after 24 h (重要资讯提醒)',
  cadence: everyMinutes(15),
  run: sendArticleReminders,
};
