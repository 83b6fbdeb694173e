// The consumer-feedback module: 消费者意见 (C11 item 4) — a store relays what a consumer said
// about a product (price, quality, availability, packaging, other), the service desk answers it
// on the complaints module's SLA clock (each item files a ticket: one clock), and marketing reads
// the month by product and topic.
import type { KewoModule, ModuleRoutes } from '../../platform/modules/kewo-module.ts';
import { consumerFeedbackErrors } from './consumer-feedback.errors.ts';
import { consumerFeedbackRoutes, portalConsumerFeedbackRoutes } from './consumer-feedback.routes.ts';

// 客我互动率: the stores that relayed feedback in [from, to), one column customer_id.
export { interactingStoresSql } from './consumer-feedback.repository.ts';
export { type FeedbackTopic, feedbackTopicNames, feedbackTopics, ticketCategoryOf } from './consumer-feedback.rules.ts';
export { consumerFeedback } from './consumer-feedback.schema.ts';

export const consumerFeedbackModule: KewoModule = {
  name: 'consumer-feedback',
  routes: [
    (async (app, { context }) => {
      await app.register(consumerFeedbackRoutes, { context });
      await app.register(portalConsumerFeedbackRoutes, { context });
    }) satisfies ModuleRoutes,
  ],
  errors: consumerFeedbackErrors,
};
