import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of the fixture register: every move of a fixture, its audits and
// their photos.
export const assetAudit = {
  entities: {
    asset: ['create', 'import', 'issue', 'transfer', 'return', 'write_off', 'audit'],
    asset_photo: ['upload'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    assets: typeof assetAudit;
  }
}
