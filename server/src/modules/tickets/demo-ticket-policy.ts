import { evaluateSla, recordFirstResponse, recordResolution, type SlaState, startSla } from './sla.rules.ts';
import { defaultCategories, defaultFirstResponseHours } from './ticket-reference.ts';
import type { TicketStatus } from './ticket-workflow.rules.ts';
import { nextCheckOfTicket, policyOf, slaColumnsOf } from './tickets.service.ts';

// The demo generator's view of the SLA rules: the default targets of a category, round the clock,
// and the same functions the service and the sweep use — so generated clocks are real clocks.
export function demoTicketPolicy(categoryCode: string) {
  const category = defaultCategories.find((candidate) => candidate.code === categoryCode) ?? defaultCategories[0];
  const policy = policyOf(
    {
      firstResponseMinutes: defaultFirstResponseHours * 60,
      resolutionMinutes: category.resolutionHours * 60,
      businessHours: false,
    },
    'normal',
    { weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30', holidays: [], extraWorkdays: [] },
  );
  return {
    start: (at: Date) => startSla(policy, at),
    respond: (state: SlaState, at: Date) => recordFirstResponse(state, at),
    resolve: (state: SlaState, at: Date) => recordResolution(state, at),
    evaluate: (state: SlaState, now: Date) => evaluateSla(state, policy, now).state,
    nextCheck: (status: TicketStatus, state: SlaState, resolvedAt: Date | null, now: Date) =>
      nextCheckOfTicket(status, state, policy, resolvedAt, now),
  };
}

export const slaColumnsOfState = slaColumnsOf;
export type { SlaState };
