import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of the product catalogue (platform/audit/audit-catalogue.ts
// explains the declaration).
export const productsAudit = {
  entities: {
    product: ['create', 'update'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    products: typeof productsAudit;
  }
}
