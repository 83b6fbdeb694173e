import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of customer files and their custom fields
// (platform/audit/audit-catalogue.ts explains the declaration).
export const customersAudit = {
  entities: {
    customer: ['create', 'update', 'change_status', 'reassign', 'issue_portal_password'],
    customer_field: ['create', 'update'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    customers: typeof customersAudit;
  }
}
