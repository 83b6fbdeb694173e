import type { portalArticlesMessages } from './articles.messages.ts';

export const en: (typeof portalArticlesMessages)['zh-CN'] = {
  portalArticles: {
    title: 'News',
    section: 'News and newsletters',
    entry: 'All news',
    search: 'Search news',
    empty: 'No news yet',
    noMatch: 'Nothing matches',
    more: 'Load more',
    unread: 'Unread',
    important: 'Important',
    acknowledged: 'Acknowledged',
    toAcknowledge: 'To confirm',
    acknowledge: 'I have read it',
    acknowledgedAt: 'You have acknowledged this article',
    acknowledgeHelp: 'This is an important article: read it, then confirm below.',
    attachments: 'Attachments',
    back: 'Back',
    notFoundTitle: 'Article not found',
    notFoundDetail: 'It may have been withdrawn, or was not sent to your store.',
  },
};
