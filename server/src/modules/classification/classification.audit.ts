import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of classification: rule sets, runs, proposals, class changes and
// spot checks (platform/audit/audit-catalogue.ts explains the declaration).
export const classificationAudit = {
  entities: {
    classification_rule_set: ['create'],
    classification_run: ['compute', 'approve'],
    class_proposal: ['override'],
    customer_class: ['switch'],
    customer: ['set_class'],
    spot_check: ['create'],
    spot_check_item: ['assess'],
  },
  // The nightly job that puts approved classes into effect.
  systemActors: ['class-switch'],
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    classification: typeof classificationAudit;
  }
}
