import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';

// What the audit trail records of 培训: sessions, sign-ups (and their cancellation and promotion),
// check-ins (by code or marked by the trainer), post-tests, ratings and 内训师 designations.
export const trainingAudit = {
  entities: {
    training_session: ['create', 'update', 'cancel_session'],
    training_signup: ['sign_up', 'cancel_signup', 'promote', 'check_in', 'mark_attendance', 'take_test', 'rate'],
    training_trainer: ['designate', 'update'],
  },
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    training: typeof trainingAudit;
  }
}
