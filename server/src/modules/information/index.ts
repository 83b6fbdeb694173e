// The information module: 信息推送 (C11) — articles in editable categories with sanitised rich text,
// cover and attachments, targeted at a segment or everyone, published now or when due; a delivery
// row per targeted store with its read and acknowledged times; receipts, reminders (portal, worklist,
// an outbound notice), the portal's feed and the monthly newsletter (信息小报).
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { informationErrors } from './information.errors.ts';
import { articlePublisherJob, articleReminderJob } from './information.jobs.ts';
import { informationRoutes } from './information.routes.ts';
import { portalArticleRoutes } from './portal-articles.routes.ts';

export { sanitiseArticleHtml } from './article-html.ts';
export { defaultCategories } from './information.rules.ts';
// Tables for other modules' reads and the demo's set-based seed (writes go through the service).
export { articleCategories, articleDeliveries, articles } from './information.schema.ts';
// 客我互动率: the stores that read or acknowledged an article in a period.
export { interactingStoresSql } from './interacting-stores.ts';

export const informationModule: KewoModule = {
  name: 'information',
  routes: [informationRoutes, portalArticleRoutes],
  jobs: [articlePublisherJob, articleReminderJob],
  errors: informationErrors,
};
