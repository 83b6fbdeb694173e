import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of the service menu, visit standards, plans and visits
// (platform/audit/audit-catalogue.ts explains the declaration).
export const visitsAudit = {
  entities: {
    service_item: ['seed_default', 'update'],
    service_request: ['create'],
    service_method_rating: ['create'],
    visit_standard: ['update'],
    visit_store_override: ['update', 'delete'],
    visit_plan: ['generate', 'regenerate'],
    visit_plan_item: ['add', 'move', 'drop'],
    visit_photo: ['upload'],
    visit: ['create', 'correct'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    visits: typeof visitsAudit;
  }
}
