import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, pauseSla, recordFirstResponse, type SlaState, startSla } from './sla.rules.ts';
import { roundTheClock, ticketRow } from './ticket-row.fixture.ts';
import { nextCheckOfTicket, policyOf, slaColumnsOf, slaStateOf } from './ticket-sla.rules.ts';
import type { TicketStatus } from './ticket-workflow.rules.ts';

const filedAt = new Date('2026-11-23T02:00:00Z');
const hoursAfterFiling = (hours: number) => new Date(filedAt.getTime() + hours * 3_600_000);
const calendar: BusinessCalendar = {
  weekdays: [1, 2, 3, 4, 5],
  opens: '08:30',
  closes: '17:30',
  holidays: [],
  extraWorkdays: [],
};

describe(slaStateOf.name, () => {
  it('reads back what slaColumnsOf wrote', () => {
    const state = pauseSla(
      recordFirstResponse(startSla(roundTheClock, filedAt), hoursAfterFiling(2)),
      hoursAfterFiling(3),
    );
    expect(slaStateOf(ticketRow(filedAt, slaColumnsOf(state)))).toEqual(state);
  });
});

describe(policyOf.name, () => {
  const category = { code: 'attitude', firstResponseMinutes: 1440, resolutionMinutes: 4320 };
  it.each([
    ['round the clock', false, 'normal', [], { firstResponseMinutes: 1440, resolutionMinutes: 4320, calendar: null }],
    ['in business hours', true, 'normal', [], { firstResponseMinutes: 1440, resolutionMinutes: 4320, calendar }],
    [
      'a policy cell of its category and priority',
      false,
      'urgent',
      [{ categoryCode: 'attitude', priority: 'urgent' as const, firstResponseMinutes: 30, resolutionMinutes: 240 }],
      { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: null },
    ],
  ] as const)('%s', (_label, businessHours, priority, cells, expected) => {
    expect(policyOf({ ...category, businessHours }, priority, calendar, cells)).toEqual(expected);
  });
});

describe(nextCheckOfTicket.name, () => {
  const started = startSla(roundTheClock, filedAt);
  const answered = recordFirstResponse(started, hoursAfterFiling(1));
  const allDecided: SlaState = {
    ...answered,
    resolution: { ...answered.resolution, outcome: 'met', decidedAt: hoursAfterFiling(5) },
  };
  it.each<[string, TicketStatus, SlaState, Date | null, Date | null]>([
    ['an open ticket: its first warning', 'assigned', started, null, hoursAfterFiling(19.2)],
    ['answered: the resolution warning', 'in_progress', answered, null, hoursAfterFiling(57.6)],
    [
      'resolved with clocks decided: the auto-confirmation',
      'resolved',
      allDecided,
      hoursAfterFiling(5),
      hoursAfterFiling(77),
    ],
    [
      'resolved, a clock still pending: whichever comes first',
      'resolved',
      answered,
      hoursAfterFiling(5),
      hoursAfterFiling(57.6),
    ],
    ['closed: nothing', 'closed', answered, hoursAfterFiling(5), null],
    [
      'waiting for the customer: nothing until the answer',
      'in_progress',
      pauseSla(answered, hoursAfterFiling(2)),
      null,
      null,
    ],
  ])('%s', (_label, status, state, resolvedAt, expected) => {
    expect(nextCheckOfTicket(status, state, roundTheClock, resolvedAt, hoursAfterFiling(6))).toEqual(expected);
  });
});
