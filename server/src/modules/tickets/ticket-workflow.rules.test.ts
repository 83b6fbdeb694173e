import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  allowedTransitions,
  autoConfirmAt,
  checkRating,
  checkTransition,
  type TicketStatus,
  type TransitionActor,
} from './ticket-workflow.rules.ts';

const now = new Date('2026-11-23T02:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function attempt(status: TicketStatus, to: TicketStatus, actor: TransitionActor, since: Date | null = null) {
  try {
    checkTransition({ status, resolvedAt: since, confirmedAt: null }, to, actor, now);
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe(checkTransition.name, () => {
  it.each([
    ['new', 'assigned', 'staff', 'ok'],
    ['new', 'in_progress', 'staff', 'ok'],
    ['new', 'closed', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['new', 'resolved', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['assigned', 'assigned', 'staff', 'ok'],
    ['assigned', 'resolved', 'staff', 'ok'],
    ['in_progress', 'resolved', 'staff', 'ok'],
    ['in_progress', 'confirmed', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['resolved', 'confirmed', 'retailer', 'ok'],
    ['resolved', 'confirmed', 'system', 'ok'],
    ['resolved', 'confirmed', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['resolved', 'closed', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['resolved', 'in_progress', 'retailer', 'ok'],
    ['confirmed', 'closed', 'staff', 'ok'],
    ['confirmed', 'in_progress', 'staff', 'ok'],
    ['closed', 'in_progress', 'staff', 'TICKET_TRANSITION_INVALID'],
    ['in_progress', 'in_progress', 'retailer', 'TICKET_TRANSITION_INVALID'],
  ] as const)('%s → %s by %s: %s', (from, to, actor, expected) => {
    expect(attempt(from, to, actor, from === 'resolved' || from === 'confirmed' ? daysAgo(1) : null)).toBe(expected);
  });

  it('names the current state and the allowed ones', () => {
    try {
      checkTransition({ status: 'new', resolvedAt: null, confirmedAt: null }, 'closed', 'staff', now);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).details).toEqual({ from: 'new', to: 'closed', allowed: 'assigned, in_progress' });
    }
  });

  it.each([
    [6.9, 'ok'],
    [7.1, 'TICKET_REOPEN_EXPIRED'],
  ])('reopens %s days after the resolution: %s', (days, expected) => {
    expect(attempt('resolved', 'in_progress', 'staff', daysAgo(days))).toBe(expected);
    expect(attempt('confirmed', 'in_progress', 'retailer', daysAgo(days))).toBe(expected);
  });

  it('lists nothing after closed', () => {
    expect(allowedTransitions('closed', 'staff')).toEqual([]);
  });
});

describe(autoConfirmAt.name, () => {
  it('is three days after the resolution', () => {
    expect(autoConfirmAt(now)).toEqual(new Date('2026-11-26T02:00:00Z'));
  });
});

describe(checkRating.name, () => {
  it.each([
    [1, true],
    [5, true],
    [0, false],
    [6, false],
    [3.5, false],
  ])('%s valid: %s', (rating, valid) => {
    if (valid) expect(() => checkRating(rating)).not.toThrow();
    else expect(() => checkRating(rating)).toThrow(DomainError);
  });
});
