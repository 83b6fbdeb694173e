import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of the display contest: contests and their publication, entries,
// their photos, and each judge's scores.
export const contestAudit = {
  entities: {
    contest: ['create', 'publish'],
    contest_entry: ['create'],
    contest_photo: ['upload'],
    contest_score: ['create'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    contests: typeof contestAudit;
  }
}
