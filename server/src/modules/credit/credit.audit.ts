import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of credit: models, runs, violations and appeals (with the
// re-scoring an accepted appeal causes).
export const creditAudit = {
  entities: {
    credit_model: ['create', 'update', 'approve'],
    credit_run: ['compute', 'publish', 'correct'],
    credit_violation: ['create', 'import', 'void'],
    credit_appeal: ['create', 'upload', 'decide'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    credit: typeof creditAudit;
  }
}
