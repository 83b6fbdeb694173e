import type { Dayjs } from 'dayjs';
import type { Session, SessionInput, SessionKind } from './training.api.ts';

// The session editor's values and the request they make: the times as instants with their offset,
// the post-test's options one a line, and a segment without its empty keys (none: every store).

type Segment = NonNullable<SessionInput['segment']>;

export type SessionValues = {
  title?: string;
  kind?: SessionKind;
  description?: string;
  trainerKind?: 'staff' | 'store';
  trainerUserId?: number | null;
  trainerCustomerId?: number | null;
  place?: string;
  time?: [Dayjs, Dayjs] | null;
  capacity?: number | null;
  signupDeadline?: Dayjs | null;
  cancelDeadline?: Dayjs | null;
  segment?: Segment;
  questions?: { text?: string; options?: string; answer?: number | null }[];
  passPercent?: number | null;
};

const instant = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DDTHH:mm:ssZ') : '');

export function compactSegment(segment: Segment | undefined): Segment | null {
  if (!segment) return null;
  const result: Segment = {};
  for (const key of ['classes', 'demoTypes', 'formats', 'branchIds', 'districtCodes', 'urbanRural'] as const) {
    const values = segment[key];
    if (values && values.length > 0) Object.assign(result, { [key]: values });
  }
  if (typeof segment.gradeMin === 'number') result.gradeMin = segment.gradeMin;
  if (typeof segment.gradeMax === 'number') result.gradeMax = segment.gradeMax;
  return Object.keys(result).length === 0 ? null : result;
}

export function sessionInputOf(values: SessionValues): SessionInput {
  const staff = (values.trainerKind ?? 'staff') === 'staff';
  return {
    title: (values.title ?? '').trim(),
    kind: values.kind ?? 'brand_classroom',
    description: values.description?.trim() ? values.description.trim() : null,
    trainerUserId: staff ? (values.trainerUserId ?? null) : null,
    trainerCustomerId: staff ? null : (values.trainerCustomerId ?? null),
    place: (values.place ?? '').trim(),
    startsAt: instant(values.time?.[0]),
    endsAt: instant(values.time?.[1]),
    capacity: values.capacity ?? 0,
    segment: compactSegment(values.segment),
    signupDeadline: instant(values.signupDeadline),
    cancelDeadline: instant(values.cancelDeadline),
    questions: (values.questions ?? []).map((question) => ({
      text: (question.text ?? '').trim(),
      options: (question.options ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      answer: Math.max(0, (question.answer ?? 1) - 1),
    })),
    passPercent: values.passPercent ?? 60,
  };
}

// A session's values in the editor (to edit it), the times as dayjs values made by `toDay`.
export function valuesOfSession(session: Session, toDay: (iso: string) => Dayjs): SessionValues {
  return {
    title: session.title,
    kind: session.kind,
    description: session.description ?? undefined,
    trainerKind: session.trainer.kind,
    trainerUserId: session.trainer.kind === 'staff' ? session.trainer.id : null,
    trainerCustomerId: session.trainer.kind === 'store' ? session.trainer.id : null,
    place: session.place,
    time: [toDay(session.startsAt), toDay(session.endsAt)],
    capacity: session.capacity,
    signupDeadline: toDay(session.signupDeadline),
    cancelDeadline: toDay(session.cancelDeadline),
    segment: (session.segment ?? {}) as Segment,
    questions: session.questions.map((question) => ({
      text: question.text,
      options: question.options.join('\n'),
      answer: question.answer + 1,
    })),
    passPercent: session.passPercent,
  };
}
