import type { portalArticlesMessages } from './pages/articles.messages.ts';
import type { portalConsumerFeedbackMessages } from './pages/consumer-feedback.messages.ts';
import type { portalMineMessages } from './pages/mine.messages.ts';
import type { portalOrderMessages } from './pages/order.messages.ts';
import type { portalServicesMessages } from './pages/services.messages.ts';
import type { portalSurveysMessages } from './pages/surveys.messages.ts';
import type { portalTicketsMessages } from './pages/tickets.messages.ts';

// The portal pages' own messages (not the first screens': messages.ts), one file per feature,
// listed here once: app/messages.ts loads them with every folder's, which the first antd page
// fetches (antd-page.tsx, loadEveryMessage). web/vite.config.ts puts their Chinese in one chunk
// with the console pages' (page-messages); each English is a chunk of its own.
export const loadPortalPageMessages = () =>
  Promise.all([
    import('./pages/articles.messages.ts').then((module) => module.portalArticlesMessages),
    import('./pages/consumer-feedback.messages.ts').then((module) => module.portalConsumerFeedbackMessages),
    import('./pages/mine.messages.ts').then((module) => module.portalMineMessages),
    import('./pages/order.messages.ts').then((module) => module.portalOrderMessages),
    import('./pages/services.messages.ts').then((module) => module.portalServicesMessages),
    import('./pages/surveys.messages.ts').then((module) => module.portalSurveysMessages),
    import('./pages/tickets.messages.ts').then((module) => module.portalTicketsMessages),
  ]);

export type PortalPageMessages =
  | typeof portalArticlesMessages
  | typeof portalConsumerFeedbackMessages
  | typeof portalMineMessages
  | typeof portalOrderMessages
  | typeof portalServicesMessages
  | typeof portalSurveysMessages
  | typeof portalTicketsMessages;
