import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of 需求调研、满意度 (platform/audit/audit-catalogue.ts explains the
// declaration): need items, questionnaires, waves (create, open, close, remind), responses (portal or
// visit) and the demo's seeding.
export const surveysAudit = {
  entities: {
    survey_need_item: ['update', 'seed_default'],
    // A copy is a 'create' whose after names copiedFrom.
    survey_questionnaire: ['create', 'update'],
    // publish: the wave opens (stores resolved and notified); remind: non-responders notified again;
    // update: the satisfaction index's weights changed (before and after).
    survey_wave: ['create', 'update', 'publish', 'close', 'remind', 'seed_demo'],
    survey_response: ['create'],
    survey_draft: ['save'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    surveys: typeof surveysAudit;
  }
}
