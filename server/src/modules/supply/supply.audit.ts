import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of cycles, grades and orders (platform/audit/audit-catalogue.ts
// explains the declaration).
export const supplyAudit = {
  entities: {
    // A past cycle's orders are recorded whole (record_history) and an ended cycle closed.
    order_cycle: ['create', 'set_products', 'publish', 'record_history', 'close'],
    grade_run: ['compute', 'publish'],
    order: ['place', 'change', 'cancel', 'settle'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    supply: typeof supplyAudit;
  }
}
