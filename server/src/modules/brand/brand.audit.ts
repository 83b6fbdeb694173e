import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of brand programmes and the worklist's visit planning
// (platform/audit/audit-catalogue.ts explains the declaration).
export const brandAudit = {
  entities: {
    brand_programme: ['create', 'update', 'activate', 'close'],
    brand_worklist: ['plan_visits'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    brand: typeof brandAudit;
  }
}
