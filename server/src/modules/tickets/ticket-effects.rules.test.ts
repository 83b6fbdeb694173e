import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors/domain-error.ts';
import { recordFirstResponse, recordResolution, startSla } from './sla.rules.ts';
import { replyEffects, transitionEffects } from './ticket-effects.rules.ts';
import { actorOfRole, roundTheClock, ticketRow } from './ticket-row.fixture.ts';
import { slaColumnsOf } from './ticket-sla.rules.ts';
import type { TicketStatus } from './ticket-workflow.rules.ts';
import type { TicketRow } from './tickets.repository.ts';

// Filed Monday 2026-11-23 10:00 Beijing, round the clock: first response due in 24 h, resolution
// in 72 h (warnings at 80 %). The handler is user 21, the store's portal account user 51.
const filedAt = new Date('2026-11-23T02:00:00Z');
const hoursAfterFiling = (hours: number) => new Date(filedAt.getTime() + hours * 3_600_000);
const handler = actorOfRole('service', 21, '客服小王');
const store = actorOfRole('retailer', 51, '龙海烟酒');
const policy = roundTheClock;

const resolvedAt = (hours: number): Partial<TicketRow> => ({
  status: 'resolved',
  resolvedAt: hoursAfterFiling(hours),
  ...slaColumnsOf(
    recordResolution(recordFirstResponse(startSla(policy, filedAt), hoursAfterFiling(1)), hoursAfterFiling(hours)),
  ),
});

describe(transitionEffects.name, () => {
  const move = (
    ticket: Partial<TicketRow>,
    to: TicketStatus,
    options: { assignee?: { id: number; role: string; disabled: boolean }; rating?: number; retailer?: null } = {},
  ) =>
    transitionEffects(
      ticketRow(filedAt, ticket),
      handler,
      { to, note: '说明' },
      {
        policy,
        assignee: options.assignee,
        retailerUserId: options.retailer === null ? null : 51,
        rating: options.rating,
        now: hoursAfterFiling(5),
      },
    );
  const at5 = hoursAfterFiling(5);

  it.each<{
    case: string;
    ticket: Partial<TicketRow>;
    to: TicketStatus;
    options?: Parameters<typeof move>[2];
    changes: Partial<TicketRow>;
    notified: string[];
    nextCheckAt: Date | null;
  }>([
    {
      case: 'to assigned: the new handler takes it and is told',
      ticket: { status: 'new', assigneeId: null },
      to: 'assigned',
      options: { assignee: { id: 22, role: 'service', disabled: false } },
      changes: { status: 'assigned', assigneeId: 22, updatedAt: at5 },
      notified: ['22 assigned 工单 #42 已分派给您'],
      nextCheckAt: hoursAfterFiling(19.2),
    },
    {
      case: 'to in progress: only the status moves',
      ticket: {},
      to: 'in_progress',
      changes: { status: 'in_progress', firstResponseSla: 'pending' },
      notified: [],
      nextCheckAt: hoursAfterFiling(19.2),
    },
    {
      case: 'to resolved: both clocks stop, a wait for the customer ends, the store is asked to confirm',
      ticket: { status: 'in_progress', pausedAt: hoursAfterFiling(3) },
      to: 'resolved',
      changes: {
        resolvedAt: at5,
        firstResponseSla: 'met',
        resolutionSla: 'met',
        resolutionDecidedAt: at5,
        pausedAt: null,
      },
      notified: ['51 resolved 您的工单 #42 已办结，请确认并评价'],
      nextCheckAt: hoursAfterFiling(5 + 72),
    },
    {
      case: 'to resolved, for a store without a portal account: nobody to ask',
      ticket: { status: 'in_progress' },
      to: 'resolved',
      options: { retailer: null },
      changes: { resolvedAt: at5 },
      notified: [],
      nextCheckAt: hoursAfterFiling(5 + 72),
    },
    {
      case: 'to confirmed, with a rating: the sweep has nothing left to watch',
      ticket: resolvedAt(4),
      to: 'confirmed',
      options: { rating: 5 },
      changes: { confirmedAt: at5, rating: 5 },
      notified: [],
      nextCheckAt: null,
    },
    {
      case: 'to closed',
      ticket: { ...resolvedAt(2), status: 'confirmed', confirmedAt: hoursAfterFiling(3) },
      to: 'closed',
      changes: { closedAt: at5, judgement: 'founded' },
      notified: [],
      nextCheckAt: null,
    },
    {
      case: 'a reopen: counted, the resolution forgotten, the rating kept, the handler told',
      ticket: { ...resolvedAt(4), reopenCount: 1 },
      to: 'in_progress',
      options: { rating: 2 },
      changes: { reopenCount: 2, resolvedAt: null, confirmedAt: null, rating: 2, resolutionSla: 'met' },
      notified: ['21 reopened 工单 #42 被重新打开'],
      nextCheckAt: null,
    },
  ])('$case', ({ ticket, to, options, changes, notified, nextCheckAt }) => {
    const effects = move(ticket, to, options);
    expect(effects.changes).toMatchObject({ status: to, updatedAt: at5, ...changes });
    expect(effects.changes.nextCheckAt).toEqual(nextCheckAt);
    expect(effects.notifications.map((draft) => `${draft.userId} ${draft.kind} ${draft.title}`)).toEqual(notified);
    expect(effects.events).toEqual([
      expect.objectContaining({
        kind: 'transition',
        fromStatus: ticket.status ?? 'assigned',
        toStatus: to,
        body: '说明',
        author: 'staff',
        actorId: 21,
        visibleToCustomer: true,
      }),
    ]);
  });

  it.each([
    [undefined, 'founded'],
    ['founded', 'founded'],
    ['unfounded', 'unfounded'],
    ['malicious', 'malicious'],
  ] as const)('closing judged %s records %s (投诉定性)', (judgement, recorded) => {
    const ticket = ticketRow(filedAt, { ...resolvedAt(2), status: 'confirmed', confirmedAt: hoursAfterFiling(3) });
    const effects = transitionEffects(
      ticket,
      handler,
      { to: 'closed', note: '', judgement },
      { policy, retailerUserId: 51, now: at5 },
    );
    expect(effects.changes.judgement).toBe(recorded);
  });

  it.each(['assigned', 'in_progress', 'resolved'] as const)('refuses a judgement on a move to %s', (to) => {
    expect(() =>
      transitionEffects(
        ticketRow(filedAt, { status: 'assigned' }),
        handler,
        { to, note: '', judgement: 'unfounded' },
        { policy, retailerUserId: 51, assignee: { id: 22, role: 'service', disabled: false }, now: at5 },
      ),
    ).toThrow(expect.objectContaining({ code: 'TICKET_JUDGEMENT_ONLY_ON_CLOSE', field: 'judgement' }));
  });

  it.each([
    ['nobody', undefined],
    ['a disabled user', { id: 22, role: 'service', disabled: true }],
    ['a retailer', { id: 51, role: 'retailer', disabled: false }],
  ])('refuses to assign to %s', (_label, assignee) => {
    try {
      move({}, 'assigned', { assignee });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('TICKET_ASSIGNEE_INVALID');
    }
  });
});

describe(replyEffects.name, () => {
  const reply = (
    ticket: Partial<TicketRow>,
    actor: typeof handler,
    body: { visibleToCustomer: boolean; awaitCustomer?: boolean },
    retailerUserId: number | null = 51,
  ) =>
    replyEffects(
      ticketRow(filedAt, ticket),
      actor,
      { body: '回复', ...body },
      {
        policy,
        retailerUserId,
        now: hoursAfterFiling(2),
      },
    );
  const at2 = hoursAfterFiling(2);

  it.each<{
    case: string;
    ticket: Partial<TicketRow>;
    actor: typeof handler;
    body: { visibleToCustomer: boolean; awaitCustomer?: boolean };
    retailerUserId?: number | null;
    changes: Partial<TicketRow>;
    events: string[];
    notified: string[];
    texted: string[];
    nextCheckAt: Date | null;
  }>([
    {
      case: "a handler's first visible reply: the first-response clock stops, the ticket is in progress, the store hears",
      ticket: {},
      actor: handler,
      body: { visibleToCustomer: true },
      changes: { firstRespondedAt: at2, firstResponseSla: 'met', status: 'in_progress' },
      events: ['reply 回复 visible', 'transition assigned→in_progress'],
      notified: ['51 reply 您的工单 #42 有新回复'],
      texted: ['7 【客我】您的工单 #42 有新回复。'],
      nextCheckAt: hoursAfterFiling(57.6),
    },
    {
      case: 'a later visible reply keeps the first answer time and the status',
      ticket: { status: 'in_progress', firstRespondedAt: hoursAfterFiling(1) },
      actor: handler,
      body: { visibleToCustomer: true },
      changes: { firstResponseSla: 'met' },
      events: ['reply 回复 visible'],
      notified: ['51 reply 您的工单 #42 有新回复'],
      texted: ['7 【客我】您的工单 #42 有新回复。'],
      nextCheckAt: hoursAfterFiling(57.6),
    },
    {
      case: 'a visible reply waiting for the customer pauses the clocks',
      ticket: { status: 'in_progress', firstRespondedAt: hoursAfterFiling(1) },
      actor: handler,
      body: { visibleToCustomer: true, awaitCustomer: true },
      changes: { pausedAt: at2, firstResponseSla: 'met' },
      events: ['reply 回复 visible'],
      notified: ['51 reply 您的工单 #42 有新回复'],
      texted: ['7 【客我】您的工单 #42 有新回复。'],
      nextCheckAt: null,
    },
    {
      case: 'a visible reply to a store without a portal account: no one to tell',
      ticket: { status: 'in_progress', firstRespondedAt: hoursAfterFiling(1) },
      actor: handler,
      body: { visibleToCustomer: true },
      retailerUserId: null,
      changes: { firstResponseSla: 'met' },
      events: ['reply 回复 visible'],
      notified: [],
      texted: [],
      nextCheckAt: hoursAfterFiling(57.6),
    },
    {
      case: 'an internal note changes no clock and tells no one',
      ticket: {},
      actor: handler,
      body: { visibleToCustomer: false, awaitCustomer: true },
      changes: { firstResponseSla: 'pending', pausedAt: null },
      events: ['reply 回复 internal'],
      notified: [],
      texted: [],
      nextCheckAt: hoursAfterFiling(19.2),
    },
    {
      case: "the store's answer resumes the clocks, moved on by the wait, and tells the handler",
      ticket: { status: 'in_progress', pausedAt: hoursAfterFiling(1) },
      actor: store,
      body: { visibleToCustomer: false },
      changes: { pausedAt: null, firstResponseDueAt: hoursAfterFiling(25), firstResponseSla: 'pending' },
      events: ['reply 回复 visible'],
      notified: ['21 reply 工单 #42 客户回复'],
      texted: [],
      nextCheckAt: hoursAfterFiling(20.2),
    },
  ])('$case', ({ ticket, actor, body, retailerUserId, changes, events, notified, texted, nextCheckAt }) => {
    const effects = reply(ticket, actor, body, retailerUserId);
    expect(effects.changes).toMatchObject({ updatedAt: at2, ...changes });
    if (!('status' in changes)) expect(effects.changes.status).toBeUndefined();
    if (!('firstRespondedAt' in changes)) expect(effects.changes.firstRespondedAt).toBeUndefined();
    expect(effects.changes.nextCheckAt).toEqual(nextCheckAt);
    expect(
      effects.events.map((event) =>
        event.kind === 'reply'
          ? `reply ${event.body} ${event.visibleToCustomer ? 'visible' : 'internal'}`
          : `${event.kind} ${event.fromStatus}→${event.toStatus}`,
      ),
    ).toEqual(events);
    expect(effects.notifications.map((draft) => `${draft.userId} ${draft.kind} ${draft.title}`)).toEqual(notified);
    expect(effects.outbound.map((message) => `${message.customerId} ${message.text}`)).toEqual(texted);
  });
});
