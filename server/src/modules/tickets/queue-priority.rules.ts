import type { TicketStatus } from './ticket-workflow.rules.ts';

// 信用优先 (the complaints queue's stated priority rule): while a ticket is still being handled, a
// store whose credit level in force today is AAA or AA has its tickets listed first in the staff
// queue; within each part the newest come first. The queue names the level each ticket was placed by.
export const priorityCreditLevels = ['AAA', 'AA'] as const;
export const queueStatuses = ['new', 'assigned', 'in_progress'] as const satisfies readonly TicketStatus[];

export function hasCreditPriority(creditLevel: string | null, status: TicketStatus): boolean {
  return (
    creditLevel !== null &&
    (priorityCreditLevels as readonly string[]).includes(creditLevel) &&
    (queueStatuses as readonly string[]).includes(status)
  );
}
