import type { AuditCatalogue } from '../platform/audit/audit-catalogue.ts';

// What the demo generator records: one row per kind of data it seeds
// (platform/audit/audit-catalogue.ts explains the declaration).
export const demoAudit = {
  entities: {
    customer: ['seed_demo'],
    product: ['seed_demo'],
    order: ['seed_demo'],
    visit: ['seed_demo'],
    ticket: ['seed_demo'],
    price_report: ['seed_demo'],
    terminal_award: ['seed_demo'],
    asset: ['seed_demo'],
    contest: ['seed_demo'],
    consumer_feedback: ['seed_demo'],
    article: ['seed_demo'],
    training_session: ['seed_demo'],
  },
  systemActors: ['demo'],
} as const satisfies AuditCatalogue;

declare module '../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    demo: typeof demoAudit;
  }
}
