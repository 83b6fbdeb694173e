import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/errors/domain-error.ts';

// 培训's rules, pure (the clock is passed in): what a session must state, when a store may sign up
// and cancel, who gets a seat (confirmed while seats remain, else the waitlist; a cancellation
// promotes the first waitlisted), the rotating check-in code, and the post-test's score.

export type TestQuestion = { text: string; options: string[]; answer: number };

export type SessionDefinition = {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signupDeadline: Date;
  cancelDeadline: Date;
  trainerUserId?: number | null;
  trainerCustomerId?: number | null;
  questions: readonly TestQuestion[];
};

export const maxSessionHours = 12;

export function checkSession(definition: SessionDefinition): void {
  const invalid = (reason: string, reasonEn: string, field: string) => {
    throw new DomainError('TRAINING_SESSION_INVALID', { reason, reasonEn }, field);
  };
  if (definition.endsAt.getTime() <= definition.startsAt.getTime())
    invalid('结束时间须晚于开始时间', 'endsAt must be after startsAt', 'endsAt');
  if (definition.endsAt.getTime() - definition.startsAt.getTime() > maxSessionHours * 3_600_000)
    invalid(`一场培训不超过 ${maxSessionHours} 小时`, `a session lasts at most ${maxSessionHours} hours`, 'endsAt');
  if (definition.signupDeadline.getTime() > definition.startsAt.getTime())
    invalid('报名截止时间不能晚于开始时间', 'signupDeadline must not be after startsAt', 'signupDeadline');
  if (definition.cancelDeadline.getTime() > definition.startsAt.getTime())
    invalid('取消截止时间不能晚于开始时间', 'cancelDeadline must not be after startsAt', 'cancelDeadline');
  const trainers = [definition.trainerUserId, definition.trainerCustomerId].filter((id) => id != null).length;
  if (trainers !== 1)
    invalid(
      '须指定一位讲师：员工或内训师（二选一）',
      'name exactly one trainer: a staff user or an in-house trainer store',
      'trainerUserId',
    );
  definition.questions.forEach((question, index) => {
    if (new Set(question.options).size !== question.options.length)
      invalid(`第 ${index + 1} 题的选项重复`, `question ${index + 1} repeats an option`, 'questions');
    if (question.answer >= question.options.length)
      invalid(
        `第 ${index + 1} 题的正确答案不在选项中`,
        `question ${index + 1}'s answer is not one of its options`,
        'questions',
      );
  });
}

type SessionTimes = { startsAt: Date; endsAt: Date; signupDeadline: Date; cancelDeadline: Date; status: string };

const stamp = (instant: Date) => instant.toISOString();

export function checkSignupOpen(session: SessionTimes, now: Date): void {
  if (session.status !== 'open') throw new DomainError('TRAINING_SESSION_CANCELLED');
  if (now.getTime() > session.signupDeadline.getTime())
    throw new DomainError('TRAINING_SIGNUP_CLOSED', { deadline: stamp(session.signupDeadline) });
}

export function checkCancellable(session: SessionTimes, now: Date): void {
  if (now.getTime() > session.cancelDeadline.getTime())
    throw new DomainError('TRAINING_CANCEL_CLOSED', { deadline: stamp(session.cancelDeadline) });
}

// The seat a new sign-up gets: confirmed while fewer than `capacity` are confirmed, else waitlisted.
export function seatFor(capacity: number, confirmed: number): 'confirmed' | 'waitlisted' {
  return confirmed < capacity ? 'confirmed' : 'waitlisted';
}

// Whom a freed seat goes to: the earliest waitlisted sign-up (then the lower id), if a seat is free.
export function nextPromoted<T extends { id: number; signedUpAt: Date }>(
  waitlist: readonly T[],
  capacity: number,
  confirmed: number,
): T | null {
  if (confirmed >= capacity || waitlist.length === 0) return null;
  return [...waitlist].sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime() || a.id - b.id)[0] ?? null;
}

// ── Check-in codes ──
// A 6-digit code derived from the session's secret and the current 5-minute slot (HMAC-SHA256):
// the console shows it (and a QR code of the portal's check-in link with it); it is accepted in its
// slot and the one after (5–10 minutes). Check-in is open from 30 minutes before the start to the end.

export const codeSlotMs = 5 * 60_000;
export const checkInOpensBeforeMs = 30 * 60_000;

function codeOfSlot(secret: string, sessionId: number, slot: number): string {
  const digest = createHmac('sha256', secret).update(`${sessionId}:${slot}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function checkInCodeAt(secret: string, sessionId: number, now: Date) {
  const slot = Math.floor(now.getTime() / codeSlotMs);
  return { code: codeOfSlot(secret, sessionId, slot), validUntil: new Date((slot + 2) * codeSlotMs) };
}

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type CheckInVerdict = 'ok' | 'outside' | 'expired' | 'wrong';

export function judgeCheckIn(
  session: { id: number; checkInSecret: string; startsAt: Date; endsAt: Date },
  code: string,
  now: Date,
): CheckInVerdict {
  const at = now.getTime();
  if (at < session.startsAt.getTime() - checkInOpensBeforeMs || at > session.endsAt.getTime()) return 'outside';
  const slot = Math.floor(at / codeSlotMs);
  if (sameCode(codeOfSlot(session.checkInSecret, session.id, slot), code)) return 'ok';
  if (sameCode(codeOfSlot(session.checkInSecret, session.id, slot - 1), code)) return 'ok';
  // An older code of this session (shown earlier in its window): expired rather than wrong.
  const firstSlot = Math.floor((session.startsAt.getTime() - checkInOpensBeforeMs) / codeSlotMs);
  for (let older = slot - 2; older >= firstSlot; older--)
    if (sameCode(codeOfSlot(session.checkInSecret, session.id, older), code)) return 'expired';
  return 'wrong';
}

export function checkCheckIn(
  session: { id: number; checkInSecret: string; startsAt: Date; endsAt: Date },
  code: string,
  now: Date,
): void {
  const verdict = judgeCheckIn(session, code, now);
  if (verdict === 'outside')
    throw new DomainError('TRAINING_CHECKIN_OUTSIDE', {
      opensAt: stamp(new Date(session.startsAt.getTime() - checkInOpensBeforeMs)),
      endsAt: stamp(session.endsAt),
    });
  if (verdict === 'expired') throw new DomainError('TRAINING_CODE_EXPIRED', {}, 'code');
  if (verdict === 'wrong') throw new DomainError('TRAINING_CODE_WRONG', {}, 'code');
}

// ── Post-test ──
// The score is the share of questions answered right, 0–100 rounded; passed when ≥ passPercent.
export function scoreTest(questions: readonly TestQuestion[], answers: readonly number[], passPercent: number) {
  if (questions.length === 0) throw new DomainError('TRAINING_NO_TEST');
  if (answers.length !== questions.length)
    throw new DomainError('TRAINING_ANSWERS_INVALID', { expected: questions.length }, 'answers');
  answers.forEach((answer, index) => {
    if (answer >= questions[index].options.length)
      throw new DomainError('TRAINING_ANSWERS_INVALID', { expected: questions.length }, 'answers');
  });
  const right = questions.filter((question, index) => question.answer === answers[index]).length;
  const score = Math.round((right / questions.length) * 100);
  return { score, passed: score >= passPercent, right };
}

// Attendance rate: check-ins ÷ confirmed sign-ups (null when nobody signed up).
export const attendanceRate = (checkIns: number, signups: number) =>
  signups === 0 ? null : Math.round((checkIns / signups) * 1000) / 1000;
