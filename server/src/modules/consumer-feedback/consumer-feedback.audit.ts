import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of consumer feedback: relayed (create), its photo uploaded,
// categorised (update) and answered (reply). The ticket behind it is audited by the tickets module.
export const consumerFeedbackAudit = {
  entities: {
    consumer_feedback: ['create', 'upload', 'update', 'reply'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    consumerFeedback: typeof consumerFeedbackAudit;
  }
}
