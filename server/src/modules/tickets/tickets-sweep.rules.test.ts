import { describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { recordFirstResponse, recordResolution, startSla } from './sla.rules.ts';
import { actorOfRole, roundTheClock, ticketRow } from './ticket-row.fixture.ts';
import { slaColumnsOf } from './ticket-sla.rules.ts';
import type { TicketRow } from './tickets.repository.ts';
import { sweepOne } from './tickets-sweep.rules.ts';

// Filed Monday 2026-11-23 10:00 Beijing, round the clock: first response due in 24 h (warning at
// 19.2 h), resolution in 72 h (warning at 57.6 h).
const filedAt = new Date('2026-11-23T02:00:00Z');
const hoursAfterFiling = (hours: number) => new Date(filedAt.getTime() + hours * 3_600_000);
const system = { ...systemActor(1, 'sla-sweep'), displayName: '系统' };
const heads = [
  { id: 31, displayName: '营销甲' },
  { id: 32, displayName: '服务乙' },
];

const answeredAndResolved = (resolvedHours: number): Partial<TicketRow> => ({
  status: 'resolved',
  resolvedAt: hoursAfterFiling(resolvedHours),
  ...slaColumnsOf(
    recordResolution(
      recordFirstResponse(startSla(roundTheClock, filedAt), hoursAfterFiling(1)),
      hoursAfterFiling(resolvedHours),
    ),
  ),
});

describe(sweepOne.name, () => {
  it.each<{
    case: string;
    ticket: Partial<TicketRow>;
    at: number;
    heads?: typeof heads;
    events: string[];
    notified: string[];
    changes: Partial<TicketRow>;
    nextCheckAt: number | null;
  }>([
    {
      case: 'warns the handler at 80 % of the first-response time',
      ticket: {},
      at: 20,
      events: ['sla: 首次响应时限将到（2026-11-24T02:00:00.000Z）'],
      notified: ['21 sla_warning 工单 #42 首次响应即将超时'],
      changes: { firstResponseWarnedAt: hoursAfterFiling(20) },
      nextCheckAt: 24,
    },
    {
      case: 'warns, and tells nobody, when no one handles the ticket',
      ticket: { assigneeId: null, status: 'new' },
      at: 20,
      events: ['sla: 首次响应时限将到（2026-11-24T02:00:00.000Z）'],
      notified: [],
      changes: {},
      nextCheckAt: 24,
    },
    {
      case: 'records a breach at the due time and escalates to the branch heads',
      ticket: {},
      at: 25,
      events: ['sla: 首次响应超时（时限 2026-11-24T02:00:00.000Z）', 'escalated: 首次响应超时，升级至：营销甲、服务乙'],
      notified: ['31 escalated 工单 #42 首次响应超时，已升级', '32 escalated 工单 #42 首次响应超时，已升级'],
      changes: {
        firstResponseSla: 'breached',
        firstResponseDecidedAt: hoursAfterFiling(24),
        firstResponseEscalatedAt: hoursAfterFiling(25),
        escalated: true,
      },
      nextCheckAt: 57.6,
    },
    {
      case: 'escalates to no one when the branch has no head',
      ticket: {},
      at: 25,
      heads: [],
      events: ['sla: 首次响应超时（时限 2026-11-24T02:00:00.000Z）', 'escalated: 首次响应超时，升级至：—'],
      notified: [],
      changes: { escalated: true },
      nextCheckAt: 57.6,
    },
    {
      case: 'confirms a resolution the store left unanswered for 3 days',
      ticket: answeredAndResolved(10),
      at: 10 + 72,
      events: ['transition: 3 天内未确认，系统自动确认'],
      notified: [],
      changes: { status: 'confirmed', confirmedAt: hoursAfterFiling(82) },
      nextCheckAt: null,
    },
    {
      case: 'leaves a resolution younger than 3 days, to look again when it is 3 days old',
      ticket: answeredAndResolved(10),
      at: 10 + 71,
      events: [],
      notified: [],
      changes: {},
      nextCheckAt: 82,
    },
    {
      case: 'does nothing while the handler waits for the customer',
      ticket: { status: 'in_progress', pausedAt: hoursAfterFiling(2) },
      at: 30,
      events: [],
      notified: [],
      changes: { firstResponseSla: 'pending' },
      nextCheckAt: null,
    },
  ])('$case', ({ ticket, at, events, notified, changes, nextCheckAt, ...rest }) => {
    const now = hoursAfterFiling(at);
    const outcome = sweepOne(ticketRow(filedAt, ticket), roundTheClock, rest.heads ?? heads, now, system);
    expect(outcome.events.map((event) => `${event.kind}: ${event.body}`)).toEqual(events);
    expect(outcome.events.every((event) => event.actorName === '系统' && event.author === 'system')).toBe(true);
    expect(outcome.notifications.map((draft) => `${draft.userId} ${draft.kind} ${draft.title}`)).toEqual(notified);
    expect(outcome.changes).toMatchObject(changes);
    expect(outcome.changes.nextCheckAt ?? null).toEqual(nextCheckAt === null ? null : hoursAfterFiling(nextCheckAt));
    expect(outcome.autoConfirmed).toBe(changes.status === 'confirmed');
  });

  it('never escalates the same breach twice', () => {
    const first = sweepOne(ticketRow(filedAt), roundTheClock, heads, hoursAfterFiling(25), system);
    const again = sweepOne(
      ticketRow(filedAt, first.changes as Partial<TicketRow>),
      roundTheClock,
      heads,
      hoursAfterFiling(26),
      system,
    );
    expect(again.events).toEqual([]);
    expect(again.notifications).toEqual([]);
  });

  it('writes its events as the system, whoever filed the ticket', () => {
    const outcome = sweepOne(
      ticketRow(filedAt, { createdBy: actorOfRole('service', 5, '客服').userId }),
      roundTheClock,
      heads,
      hoursAfterFiling(20),
      system,
    );
    expect(outcome.events[0]).toMatchObject({ tenantId: 1, ticketId: 42, actorId: null, at: hoursAfterFiling(20) });
  });
});
