import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of the organisation: city companies, org units and staff
// (platform/audit/audit-catalogue.ts explains the declaration).
export const organisationAudit = {
  entities: {
    tenant: ['create'],
    org_unit: ['create', 'update'],
    user: ['create', 'update', 'reset_password', 'revoke_sessions'],
  },
  // The first administrator (初始化) and the operator's console command that adds a city company.
  systemActors: ['setup', 'console'],
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    organisation: typeof organisationAudit;
  }
}
