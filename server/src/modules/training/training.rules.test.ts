import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors/domain-error.ts';
import {
  attendanceRate,
  checkCancellable,
  checkInCodeAt,
  checkSession,
  checkSignupOpen,
  codeSlotMs,
  judgeCheckIn,
  nextPromoted,
  type SessionDefinition,
  scoreTest,
  seatFor,
  type TestQuestion,
} from './training.rules.ts';

// 培训's rules, table-driven, with an injected clock: seats and the waitlist, the deadlines,
// promotion order, the rotating check-in code's validity, and the post-test's score.

const at = (text: string) => new Date(text);
const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('seats', () => {
  it.each([
    [30, 0, 'confirmed'],
    [30, 29, 'confirmed'],
    [30, 30, 'waitlisted'],
    [30, 31, 'waitlisted'],
    [1, 0, 'confirmed'],
    [1, 1, 'waitlisted'],
  ] as const)('capacity %i with %i confirmed → %s', (capacity, confirmed, seat) => {
    expect(seatFor(capacity, confirmed)).toBe(seat);
  });

  const waitlist = [
    { id: 7, signedUpAt: at('2026-03-01T02:00:00Z') },
    { id: 5, signedUpAt: at('2026-03-01T01:00:00Z') },
    { id: 6, signedUpAt: at('2026-03-01T01:00:00Z') },
  ];
  it.each([
    ['a seat free: the earliest, then the lower id', 30, 29, 5],
    ['no seat free', 30, 30, null],
    ['over (never promotes)', 30, 31, null],
  ] as const)('promotion: %s', (_, capacity, confirmed, promoted) => {
    expect(nextPromoted(waitlist, capacity, confirmed)?.id ?? null).toBe(promoted);
  });
  it('an empty waitlist promotes nobody', () => expect(nextPromoted([], 30, 0)).toBeNull());
});

describe('deadlines', () => {
  const session = {
    startsAt: at('2026-03-10T06:00:00Z'),
    endsAt: at('2026-03-10T08:00:00Z'),
    signupDeadline: at('2026-03-09T10:00:00Z'),
    cancelDeadline: at('2026-03-09T16:00:00Z'),
    status: 'open',
  };
  it.each([
    ['before the sign-up deadline', '2026-03-09T09:59:59Z', null],
    ['at the deadline', '2026-03-09T10:00:00Z', null],
    ['after it', '2026-03-09T10:00:01Z', 'TRAINING_SIGNUP_CLOSED'],
  ])('sign-up %s', (_, now, code) => expect(codeOf(() => checkSignupOpen(session, at(now)))).toBe(code));
  it('a cancelled session takes no sign-up', () =>
    expect(codeOf(() => checkSignupOpen({ ...session, status: 'cancelled' }, at('2026-03-01T00:00:00Z')))).toBe(
      'TRAINING_SESSION_CANCELLED',
    ));
  it.each([
    ['before the cancellation deadline', '2026-03-09T15:00:00Z', null],
    ['after it', '2026-03-09T16:00:01Z', 'TRAINING_CANCEL_CLOSED'],
  ])('cancel %s', (_, now, code) => expect(codeOf(() => checkCancellable(session, at(now)))).toBe(code));
});

describe('a session definition', () => {
  const valid: SessionDefinition = {
    startsAt: at('2026-03-10T06:00:00Z'),
    endsAt: at('2026-03-10T08:00:00Z'),
    capacity: 30,
    signupDeadline: at('2026-03-09T10:00:00Z'),
    cancelDeadline: at('2026-03-09T10:00:00Z'),
    trainerUserId: 3,
    questions: [{ text: 'Q', options: ['a', 'b'], answer: 1 }],
  };
  it.each([
    ['valid', {}, null],
    ['ends before it starts', { endsAt: at('2026-03-10T05:00:00Z') }, 'TRAINING_SESSION_INVALID'],
    ['longer than 12 hours', { endsAt: at('2026-03-11T06:00:00Z') }, 'TRAINING_SESSION_INVALID'],
    ['sign-up deadline after the start', { signupDeadline: at('2026-03-10T07:00:00Z') }, 'TRAINING_SESSION_INVALID'],
    ['cancel deadline after the start', { cancelDeadline: at('2026-03-10T07:00:00Z') }, 'TRAINING_SESSION_INVALID'],
    ['two trainers', { trainerCustomerId: 9 }, 'TRAINING_SESSION_INVALID'],
    ['no trainer', { trainerUserId: null }, 'TRAINING_SESSION_INVALID'],
    [
      'an answer outside the options',
      { questions: [{ text: 'Q', options: ['a', 'b'], answer: 2 }] },
      'TRAINING_SESSION_INVALID',
    ],
    ['repeated options', { questions: [{ text: 'Q', options: ['a', 'a'], answer: 0 }] }, 'TRAINING_SESSION_INVALID'],
  ] as const)('%s', (_, change, code) =>
    expect(codeOf(() => checkSession({ ...valid, ...(change as Partial<SessionDefinition>) }))).toBe(code),
  );
});

describe('check-in codes (injected clock)', () => {
  const session = {
    id: 42,
    checkInSecret: 'secret-of-session-42',
    startsAt: at('2026-03-10T06:00:00Z'),
    endsAt: at('2026-03-10T08:00:00Z'),
  };
  const shownAt = at('2026-03-10T06:02:00Z');
  const { code, validUntil } = checkInCodeAt(session.checkInSecret, session.id, shownAt);
  const earlier = checkInCodeAt(session.checkInSecret, session.id, at('2026-03-10T05:40:00Z')).code;

  it('is 6 digits, the same within its slot, and another session’s differs', () => {
    expect(code).toMatch(/^\d{6}$/);
    expect(checkInCodeAt(session.checkInSecret, session.id, at('2026-03-10T06:04:59Z')).code).toBe(code);
    expect(checkInCodeAt(session.checkInSecret, 43, shownAt).code).not.toBe(code);
    expect(validUntil.getTime() - shownAt.getTime()).toBeGreaterThan(codeSlotMs);
  });
  const other = code === '000000' ? '000001' : '000000';
  it.each([
    ['the code of the slot', code, '2026-03-10T06:02:00Z', 'ok'],
    ['in the next slot', code, '2026-03-10T06:09:59Z', 'ok'],
    ['two slots later', code, '2026-03-10T06:10:00Z', 'expired'],
    ['an earlier code of the session', earlier, '2026-03-10T06:30:00Z', 'expired'],
    ['a wrong code', other, '2026-03-10T06:02:00Z', 'wrong'],
    ['more than 30 min before the start', code, '2026-03-10T05:29:59Z', 'outside'],
    ['after the end', code, '2026-03-10T08:00:01Z', 'outside'],
  ])('%s → %s', (_, given, now, verdict) => {
    expect(judgeCheckIn(session, given, at(now))).toBe(verdict);
  });
});

describe('post-test', () => {
  const questions: TestQuestion[] = [
    { text: '1', options: ['a', 'b', 'c'], answer: 0 },
    { text: '2', options: ['a', 'b'], answer: 1 },
    { text: '3', options: ['a', 'b'], answer: 1 },
  ];
  it.each([
    [[0, 1, 1], 100, true],
    [[0, 1, 0], 67, true],
    [[0, 0, 0], 33, false],
    [[1, 0, 0], 0, false],
  ])('answers %j → %i', (answers, score, passed) => {
    expect(scoreTest(questions, answers, 60)).toMatchObject({ score, passed });
  });
  it.each([
    [[0, 1], 'TRAINING_ANSWERS_INVALID'],
    [[0, 1, 2], 'TRAINING_ANSWERS_INVALID'],
  ])('refuses %j', (answers, code) => expect(codeOf(() => scoreTest(questions, answers, 60))).toBe(code));
  it('no test → an error', () => expect(codeOf(() => scoreTest([], [], 60))).toBe('TRAINING_NO_TEST'));
  it.each([
    [0, 0, null],
    [27, 30, 0.9],
    [1, 3, 0.333],
  ])('attendance %i of %i', (checkIns, signups, rate) => expect(attendanceRate(checkIns, signups)).toBe(rate));
});
