import type { PolicyCell, SlaPolicies, TicketPriority } from '../../shared/tickets.api.ts';
import { ticketPriorities } from '../../shared/tickets.api.ts';

// The SLA table as the page edits it: hours per category × priority. Pure, so it is tested
// without rendering.

export type HoursDraft = Record<
  string,
  Record<TicketPriority, { firstResponse: number | null; resolution: number | null }>
>;

export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export function draftOf(policies: SlaPolicies): HoursDraft {
  return Object.fromEntries(
    policies.categories.map((category) => [
      category.code,
      Object.fromEntries(
        ticketPriorities.map((priority) => [
          priority,
          {
            firstResponse: hoursOf(category.targets[priority].firstResponseMinutes),
            resolution: hoursOf(category.targets[priority].resolutionMinutes),
          },
        ]),
      ) as HoursDraft[string],
    ]),
  );
}

export type CellProblem = { categoryCode: string; priority: TicketPriority; kind: 'missing' | 'whole' | 'order' };

// Hours become whole minutes; a cell whose hours are not a whole number of minutes, empty, or
// whose resolution is shorter than its first response is a problem (the server checks the same).
export function cellsOf(draft: HoursDraft): { cells: PolicyCell[]; problems: CellProblem[] } {
  const cells: PolicyCell[] = [];
  const problems: CellProblem[] = [];
  for (const [categoryCode, row] of Object.entries(draft)) {
    for (const priority of ticketPriorities) {
      const { firstResponse, resolution } = row[priority];
      if (firstResponse === null || resolution === null || firstResponse <= 0 || resolution <= 0) {
        problems.push({ categoryCode, priority, kind: 'missing' });
        continue;
      }
      const firstResponseMinutes = firstResponse * 60;
      const resolutionMinutes = resolution * 60;
      const whole = (value: number) => Math.abs(value - Math.round(value)) < 1e-6;
      if (!whole(firstResponseMinutes) || !whole(resolutionMinutes)) {
        problems.push({ categoryCode, priority, kind: 'whole' });
        continue;
      }
      if (resolutionMinutes < firstResponseMinutes) problems.push({ categoryCode, priority, kind: 'order' });
      cells.push({
        categoryCode,
        priority,
        firstResponseMinutes: Math.round(firstResponseMinutes),
        resolutionMinutes: Math.round(resolutionMinutes),
      });
    }
  }
  return { cells, problems };
}
