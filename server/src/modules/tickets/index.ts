// The tickets module: 投诉建议 (C9) — complaints and suggestions with SLA clocks, escalation, the
// complaint library, service-failure recovery, notifications and the inbound gateway.

export { demoTicketPolicy, type SlaState, slaColumnsOfState } from './demo-ticket-policy.ts';
export { moveTicketsWithStoresIn } from './moved-stores.ts';
export { setOutboundGateway } from './outbound-gateway.ts';
export { portalTicketRoutes } from './portal-tickets.routes.ts';
export { issueChannelKey } from './ticket-library.service.ts';
export { ensureTicketSetup } from './tickets.repository.ts';
export { ticketRoutes } from './tickets.routes.ts';
export { ticketEvents, tickets } from './tickets.schema.ts';
export { sweepTickets, ticketSweepJob } from './tickets-sweep.ts';
