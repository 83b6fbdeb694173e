import type { AuditCatalogue } from '../../platform/audit/audit-catalogue.ts';
import { ticketStatuses } from './ticket-workflow.rules.ts';

// What the audit trail records of tickets and the complaint settings
// (platform/audit/audit-catalogue.ts explains the declaration). A ticket's move to another status
// is `transition:<status>`.
export const ticketsAudit = {
  entities: {
    ticket: [
      'create',
      'edit',
      'reply',
      'attach',
      'escalate',
      'sla',
      'auto-confirm',
      // 投诉定性 changed after closing (a store's credit appeal accepted).
      'judge',
      ...ticketStatuses.map((status) => `transition:${status}` as const),
    ],
    ticket_category: ['create', 'edit'],
    ticket_assignment_rules: ['replace'],
    ticket_sla_policies: ['replace'],
    ticket_calendar: ['edit'],
    service_failure: ['save'],
    ticket_channel_key: ['issue', 'revoke'],
  },
  // The SLA sweep (its warnings, escalations and auto-confirmations) and the inbound SMS/WeChat
  // gateway (`gateway:<channel>`).
  systemActors: ['sla-sweep', 'gateway'],
} as const satisfies AuditCatalogue;

declare module '../../platform/audit/audit-catalogue.ts' {
  interface AuditCatalogues {
    tickets: typeof ticketsAudit;
  }
}
