// The tickets module: 投诉建议 (C9) — complaints and suggestions with SLA clocks, escalation, the
// complaint library, service-failure recovery and the inbound gateway. It tells people through
// the platform's notifications and outbound gateway (platform/notifications).
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { portalTicketRoutes } from './portal-tickets.routes.ts';
import { ticketErrors } from './tickets.errors.ts';
import { ticketRoutes } from './tickets.routes.ts';
import { ticketSweepJob } from './tickets-sweep.ts';

// Credit's facts: tickets judged unfounded or malicious when closed, as events.
export { judgedComplaintEventsSql } from './credit-facts.ts';
export { defaultSlaClockOf } from './default-sla-clock.ts';
export { issueChannelKey } from './inbound-gateway.service.ts';
export { moveTicketsWithStoresIn } from './moved-stores.ts';
export { portalTicketRoutes } from './portal-tickets.routes.ts';
export type { SlaState } from './sla.rules.ts';
// Ticket counts per type and per category over a period in a data scope (the surveys' annual report).
export { type AnalysisPeriod, countsByCategory, countsByType } from './ticket-analysis.repository.ts';
// Consumer feedback (消费者意见) runs on the tickets' clock: it files a ticket and answers it here.
export { createTicketIn, type NewTicket } from './ticket-opening.service.ts';
export { slaColumnsOf } from './ticket-sla.rules.ts';
export { ensureTicketSetup } from './tickets.repository.ts';
export { ticketRoutes } from './tickets.routes.ts';
export { ticketEvents, tickets } from './tickets.schema.ts';
// An accepted credit appeal against a judgement: the closed ticket counts as founded.
export { answerTicketIn, judgeTicketFoundedIn } from './tickets.service.ts';
export { sweepTickets, ticketSweepJob } from './tickets-sweep.ts';

export const ticketsModule: KewoModule = {
  name: 'tickets',
  routes: [ticketRoutes, portalTicketRoutes],
  jobs: [ticketSweepJob],
  errors: ticketErrors,
};
