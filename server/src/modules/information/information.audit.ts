import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of 信息推送: articles (written, scheduled, published — by a person or
// the publisher job — and withdrawn), categories, uploaded files, a store's read and acknowledgement,
// and the reminders the job sends.
export const informationAudit = {
  entities: {
    article: ['create', 'update', 'publish', 'withdraw', 'remind'],
    article_category: ['create', 'update'],
    article_file: ['upload'],
    article_receipt: ['read', 'acknowledge'],
  },
  systemActors: ['article-publisher'],
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    information: typeof informationAudit;
  }
}
