import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of benchmark store tiers: the tiers (seeded, added, edited), the
// applications (submitted, reviewed, decided, photos uploaded), the inspections and the awards they
// grant, renew, downgrade or remove.
export const terminalsAudit = {
  entities: {
    terminal_tier: ['seed_default', 'create', 'update'],
    terminal_application: ['create', 'review', 'approve', 'reject', 'upload'],
    terminal_inspection: ['create', 'upload'],
    terminal_award: ['award', 'renew', 'downgrade', 'remove'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    terminals: typeof terminalsAudit;
  }
}
