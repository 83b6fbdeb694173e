import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, retailerStoreOf } from '../../platform/access/actor.ts';
import { isCityWideScope } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { type Segment, segmentProblems } from '../supply/index.ts';
import {
  activeStaffList,
  branchesOf,
  branchNames,
  branchOfUser,
  confirmedCount,
  countsOf,
  eligibleSessionIds,
  findSession,
  findSessions,
  insertSession,
  insertSignup,
  kpiRows,
  type SessionCounts,
  type SessionRow,
  type SignupRow,
  signupOf,
  signupsInScope,
  signupsOfStore,
  staffNames,
  storeInScope,
  storeNames,
  tenantNameOf,
  trainerRow,
  trainersInScope,
  updateSession,
  updateSignup,
  upsertTrainer,
  waitlistOf,
} from './training.repository.ts';
import {
  attendanceRate,
  checkCancellable,
  checkCheckIn,
  checkInCodeAt,
  checkInOpensBeforeMs,
  checkSession,
  checkSignupOpen,
  nextPromoted,
  scoreTest,
  seatFor,
  type TestQuestion,
} from './training.rules.ts';
import type { SessionKind } from './training.schema.ts';
import { writeCertificate } from './training-certificate.ts';

// 培训's use cases. Organisers (marketing, admin) of the city company manage every session; a
// branch's organisers their branch's (for their branch's stores). Staff see the city company's
// sessions and their branch's, and the sign-ups of stores in their data scope; the staff trainer of
// a session shows its check-in code and marks attendance. Stores sign up, cancel, check in, take the
// post-test and rate from the portal.

const iso = (value: Date | string) => new Date(value).toISOString();
const emptyCounts: SessionCounts = {
  confirmed: 0,
  waitlisted: 0,
  checkedIn: 0,
  passed: 0,
  ratings: 0,
  ratingAverage: null,
};

// Where the actor stands: the city company ('city') or a branch (its id).
async function standingOf(executor: Executor, actor: Actor): Promise<'city' | number | null> {
  if (isCityWideScope(actor.scope)) return 'city';
  return branchOfUser(executor, actor.tenantId, actor.userId);
}

const organiserRoles = new Set(['admin', 'marketing']);

function mayManage(actor: Actor, standing: 'city' | number | null, session: SessionRow) {
  if (!organiserRoles.has(actor.role)) return false;
  return standing === 'city' || (standing !== null && session.branchId === standing);
}

function mayView(standing: 'city' | number | null, session: SessionRow) {
  return standing === 'city' || session.branchId === null || session.branchId === standing;
}

async function sessionOrNotFound(executor: Executor, tenantId: number, id: number, lock = false) {
  const session = await findSession(executor, tenantId, id, lock);
  if (!session) throw new DomainError('NOT_FOUND');
  return session;
}

async function trainerNames(executor: Executor, tenantId: number, rows: readonly SessionRow[]) {
  const [staff, stores] = await Promise.all([
    staffNames(
      executor,
      tenantId,
      rows.flatMap((row) => (row.trainerUserId ? [row.trainerUserId] : [])),
    ),
    storeNames(
      executor,
      tenantId,
      rows.flatMap((row) => (row.trainerCustomerId ? [row.trainerCustomerId] : [])),
    ),
  ]);
  return (row: SessionRow) =>
    row.trainerCustomerId
      ? { kind: 'store' as const, id: row.trainerCustomerId, name: stores.get(row.trainerCustomerId)?.name ?? '' }
      : { kind: 'staff' as const, id: row.trainerUserId ?? 0, name: staff.get(row.trainerUserId ?? 0) ?? '' };
}

async function sessionViews(context: AppContext, actor: Actor, rows: readonly SessionRow[]) {
  const standing = await standingOf(context.db, actor);
  const ids = rows.map((row) => row.id);
  const [counts, trainerOf, branches] = await Promise.all([
    countsOf(context.db, actor.tenantId, ids),
    trainerNames(context.db, actor.tenantId, rows),
    branchNames(
      context.db,
      actor.tenantId,
      rows.flatMap((row) => (row.branchId ? [row.branchId] : [])),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    description: row.description,
    branchId: row.branchId,
    branchName: row.branchId ? (branches.get(row.branchId) ?? null) : null,
    trainer: trainerOf(row),
    place: row.place,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    capacity: row.capacity,
    segment: (row.segment as Record<string, unknown> | null) ?? null,
    signupDeadline: iso(row.signupDeadline),
    cancelDeadline: iso(row.cancelDeadline),
    status: row.status,
    questions: row.questions,
    passPercent: row.passPercent,
    ...(counts.get(row.id) ?? emptyCounts),
    canManage: mayManage(actor, standing, row),
    isTrainer: row.trainerUserId === actor.userId,
  }));
}

function defaultRange(now: Date, from?: Date, to?: Date) {
  const start = from ?? new Date(Date.UTC(now.getUTCFullYear(), 0, 1) - 8 * 3_600_000);
  return { from: start, to: to ?? new Date(start.getTime() + 366 * 86_400_000) };
}

export async function listSessions(context: AppContext, actor: Actor, query: { from?: Date; to?: Date }) {
  const standing = await standingOf(context.db, actor);
  const rows = await findSessions(
    context.db,
    actor.tenantId,
    defaultRange(context.now(), query.from, query.to),
    standing === 'city' ? 'all' : standing,
  );
  return { items: await sessionViews(context, actor, rows) };
}

async function visibleSession(context: AppContext, actor: Actor, id: number) {
  const session = await sessionOrNotFound(context.db, actor.tenantId, id);
  if (!mayView(await standingOf(context.db, actor), session)) throw new DomainError('NOT_FOUND');
  return session;
}

export async function getSession(context: AppContext, actor: Actor, id: number) {
  return (await sessionViews(context, actor, [await visibleSession(context, actor, id)]))[0];
}

export type SessionInput = {
  title: string;
  kind: SessionKind;
  description?: string | null;
  trainerUserId?: number | null;
  trainerCustomerId?: number | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  segment?: Segment | null;
  signupDeadline: string;
  cancelDeadline: string;
  questions: TestQuestion[];
  passPercent: number;
};

// The session's stored values from its input: a branch's session is for its own stores only (the
// segment's branches narrowed to the branch).
async function sessionValues(executor: Executor, actor: Actor, standing: 'city' | number | null, input: SessionInput) {
  const values = {
    title: input.title,
    kind: input.kind,
    description: input.description ?? null,
    trainerUserId: input.trainerUserId ?? null,
    trainerCustomerId: input.trainerCustomerId ?? null,
    place: input.place,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    capacity: input.capacity,
    signupDeadline: new Date(input.signupDeadline),
    cancelDeadline: new Date(input.cancelDeadline),
    questions: input.questions,
    passPercent: input.passPercent,
  };
  checkSession(values);
  let segment: Segment | null = input.segment ?? null;
  if (segment && Object.keys(segment).length === 0) segment = null;
  if (typeof standing === 'number') {
    const branchIds = segment?.branchIds;
    if (branchIds?.some((id) => id !== standing)) throw new DomainError('FORBIDDEN', {}, 'segment');
    segment = { ...(segment ?? {}), branchIds: [standing] };
  }
  if (segment) {
    const branches = await branchesOf(executor, actor.tenantId);
    const problems = segmentProblems(segment, { branchIds: branches.map((branch) => branch.id) });
    if (problems.length > 0)
      throw new DomainError(
        'TRAINING_SEGMENT_INVALID',
        { reason: problems.map((problem) => `${problem.zh} / ${problem.en}`).join('; ') },
        'segment',
      );
  }
  if (values.trainerUserId !== null) {
    const staff = await activeStaffList(executor, actor.tenantId, [values.trainerUserId]);
    if (staff.length === 0) throw new DomainError('TRAINING_TRAINER_UNKNOWN', {}, 'trainerUserId');
  } else if (values.trainerCustomerId !== null) {
    const trainer = await trainerRow(executor, actor.tenantId, values.trainerCustomerId);
    if (!trainer?.active) throw new DomainError('TRAINING_TRAINER_UNKNOWN', {}, 'trainerCustomerId');
  }
  return { ...values, segment };
}

export async function createSession(context: AppContext, actor: Actor, input: SessionInput) {
  const now = context.now();
  const id = await context.db.transaction(async (tx) => {
    const standing = await standingOf(tx, actor);
    if (standing === null) throw new DomainError('FORBIDDEN');
    const values = await sessionValues(tx, actor, standing, input);
    const created = await insertSession(tx, {
      ...values,
      tenantId: actor.tenantId,
      branchId: standing === 'city' ? null : standing,
      checkInSecret: randomBytes(24).toString('base64url'),
      createdBy: actor.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'training_session',
        entityId: created.id,
        after: { ...input, segment: values.segment },
      },
      now,
    );
    return created.id;
  });
  return getSession(context, actor, id);
}

async function managedSession(tx: Executor, actor: Actor, id: number) {
  const session = await sessionOrNotFound(tx, actor.tenantId, id, true);
  const standing = await standingOf(tx, actor);
  if (!mayView(standing, session)) throw new DomainError('NOT_FOUND');
  if (!mayManage(actor, standing, session)) throw new DomainError('FORBIDDEN');
  return { session, standing };
}

// Seats freed (a cancellation, a larger capacity) go to the waitlist, first come first served.
async function fillSeats(tx: Executor, actor: Actor, session: SessionRow, now: Date) {
  const waitlist = await waitlistOf(tx, actor.tenantId, session.id);
  let confirmed = await confirmedCount(tx, actor.tenantId, session.id);
  let remaining = [...waitlist];
  for (;;) {
    const next = nextPromoted(remaining, session.capacity, confirmed);
    if (!next) return;
    await updateSignup(tx, actor.tenantId, next.id, { status: 'confirmed' });
    await recordChange(
      tx,
      actor,
      {
        action: 'promote',
        entity: 'training_signup',
        entityId: next.id,
        after: { sessionId: session.id, customerId: next.customerId },
      },
      now,
    );
    confirmed += 1;
    remaining = remaining.filter((row) => row.id !== next.id);
  }
}

export async function updateSessionOf(context: AppContext, actor: Actor, id: number, input: SessionInput) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const { session, standing } = await managedSession(tx, actor, id);
    if (session.status !== 'open') throw new DomainError('TRAINING_SESSION_CANCELLED');
    const values = await sessionValues(tx, actor, standing === 'city' ? 'city' : session.branchId, input);
    const confirmed = await confirmedCount(tx, actor.tenantId, id);
    if (values.capacity < confirmed)
      throw new DomainError(
        'TRAINING_SESSION_INVALID',
        { reason: `名额不能少于已确认的 ${confirmed} 家`, reasonEn: `capacity below the ${confirmed} confirmed` },
        'capacity',
      );
    await updateSession(tx, actor.tenantId, id, { ...values, updatedAt: now });
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'training_session',
        entityId: id,
        before: { capacity: session.capacity },
        after: input,
      },
      now,
    );
    await fillSeats(tx, actor, { ...session, ...values }, now);
  });
  return getSession(context, actor, id);
}

export async function cancelSession(context: AppContext, actor: Actor, id: number) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const { session } = await managedSession(tx, actor, id);
    if (session.status !== 'open') throw new DomainError('TRAINING_SESSION_CANCELLED');
    await updateSession(tx, actor.tenantId, id, { status: 'cancelled', updatedAt: now });
    await recordChange(tx, actor, { action: 'cancel_session', entity: 'training_session', entityId: id }, now);
  });
  return getSession(context, actor, id);
}

// ── Sign-ups (staff view), check-in code, attendance ──

export async function listSignups(context: AppContext, actor: Actor, id: number) {
  const session = await visibleSession(context, actor, id);
  const rows = await signupsInScope(context.db, actor.tenantId, id, actor.scope);
  const waitlist = rows.filter((row) => row.signup.status === 'waitlisted');
  return {
    items: rows.map(({ signup, customerName, licenceNo, branchName }) => ({
      id: signup.id,
      customerId: signup.customerId,
      customerName,
      licenceNo,
      branchName,
      status: signup.status,
      waitlistPosition:
        signup.status === 'waitlisted' ? waitlist.findIndex((row) => row.signup.id === signup.id) + 1 : null,
      signedUpAt: iso(signup.signedUpAt),
      checkedInAt: signup.checkedInAt ? iso(signup.checkedInAt) : null,
      checkInMethod: signup.checkInMethod,
      testScore: signup.testScore,
      testPassed: signup.testPassed,
      rating: signup.rating,
      ratingComment: signup.ratingComment,
      certificate: hasCertificate(session, signup),
    })),
  };
}

function hasCertificate(session: SessionRow, signup: SignupRow) {
  if (signup.status !== 'confirmed' || !signup.checkedInAt) return false;
  return session.questions.length === 0 || signup.testPassed === true;
}

async function trainerOrManager(context: AppContext, actor: Actor, id: number) {
  const session = await visibleSession(context, actor, id);
  const standing = await standingOf(context.db, actor);
  if (session.trainerUserId !== actor.userId && !mayManage(actor, standing, session))
    throw new DomainError('FORBIDDEN');
  return session;
}

export async function checkInCode(context: AppContext, actor: Actor, id: number) {
  const session = await trainerOrManager(context, actor, id);
  const { code, validUntil } = checkInCodeAt(session.checkInSecret, session.id, context.now());
  return {
    code,
    validUntil: validUntil.toISOString(),
    link: `/portal/mine/training?session=${session.id}&code=${code}`,
  };
}

export async function markAttendance(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { customerId: number; present: boolean },
) {
  const now = context.now();
  const session = await trainerOrManager(context, actor, id);
  if (session.status !== 'open') throw new DomainError('TRAINING_SESSION_CANCELLED');
  if (now.getTime() < session.startsAt.getTime() - checkInOpensBeforeMs)
    throw new DomainError('TRAINING_CHECKIN_OUTSIDE', {
      opensAt: iso(new Date(session.startsAt.getTime() - checkInOpensBeforeMs)),
      endsAt: iso(session.endsAt),
    });
  return context.db.transaction(async (tx) => {
    const signup = await signupOf(tx, actor.tenantId, id, input.customerId);
    if (!signup || signup.status === 'cancelled') throw new DomainError('TRAINING_NOT_SIGNED_UP', {}, 'customerId');
    if (signup.status !== 'confirmed') throw new DomainError('TRAINING_NOT_CONFIRMED', {}, 'customerId');
    const values = input.present
      ? {
          checkedInAt: signup.checkedInAt ?? now,
          checkInMethod: signup.checkInMethod ?? ('trainer' as const),
          checkedInBy: actor.userId,
        }
      : { checkedInAt: null, checkInMethod: null, checkedInBy: actor.userId };
    await updateSignup(tx, actor.tenantId, signup.id, values);
    await recordChange(
      tx,
      actor,
      {
        action: 'mark_attendance',
        entity: 'training_signup',
        entityId: signup.id,
        after: { sessionId: id, customerId: input.customerId, present: input.present },
      },
      now,
    );
    return { customerId: input.customerId, present: input.present };
  });
}

// ── Trainers (内训师), staff trainers, KPIs ──

export async function listTrainers(context: AppContext, actor: Actor) {
  const rows = await trainersInScope(context.db, actor.tenantId, actor.scope, context.now());
  return {
    items: rows.map((row) => ({
      customerId: Number(row.customer_id),
      customerName: row.customer_name,
      licenceNo: row.licence_no,
      branchName: row.branch_name,
      topics: row.topics,
      active: row.active,
      designatedAt: iso(row.designated_at),
      sessionsLed: Number(row.sessions_led),
      hours: Number(row.hours),
      ratings: Number(row.ratings),
      ratingAverage: row.rating_average === null ? null : Number(row.rating_average),
    })),
  };
}

export async function designateTrainer(
  context: AppContext,
  actor: Actor,
  customerId: number,
  input: { topics: string[]; active: boolean },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const store = await storeInScope(tx, actor.tenantId, actor.scope, customerId);
    if (!store) throw new DomainError('NOT_FOUND');
    const existing = await trainerRow(tx, actor.tenantId, customerId);
    const topics = [...new Set(input.topics)];
    await upsertTrainer(tx, {
      tenantId: actor.tenantId,
      customerId,
      topics,
      active: input.active,
      designatedAt: now,
      designatedBy: actor.userId || null,
    });
    await recordChange(
      tx,
      actor,
      {
        action: existing ? 'update' : 'designate',
        entity: 'training_trainer',
        entityId: customerId,
        before: existing ? { topics: existing.topics, active: existing.active } : undefined,
        after: { topics, active: input.active },
      },
      now,
    );
  });
  return listTrainers(context, actor);
}

export async function listStaffTrainers(context: AppContext, actor: Actor) {
  return { items: await activeStaffList(context.db, actor.tenantId) };
}

export async function trainingKpis(context: AppContext, actor: Actor, query: { from?: Date; to?: Date }) {
  const now = context.now();
  const range = defaultRange(now, query.from, query.to);
  const [{ attendance, hours }, branches, standing] = await Promise.all([
    kpiRows(context.db, actor.tenantId, actor.scope, range, now),
    branchesOf(context.db, actor.tenantId),
    standingOf(context.db, actor),
  ]);
  const keys = new Set<number>();
  for (const row of attendance) keys.add(Number(row.branch_id ?? 0));
  for (const row of hours) keys.add(Number(row.branch_id ?? 0));
  const names = new Map(branches.map((branch) => [branch.id, branch.name]));
  const visible = (key: number) => standing === 'city' || key === standing;
  const rows = [...keys]
    .filter(visible)
    .sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'zh-CN')))
    .map((key) => {
      const a = attendance.find((row) => Number(row.branch_id ?? 0) === key);
      const h = hours.find((row) => Number(row.branch_id ?? 0) === key);
      const signups = Number(a?.signups ?? 0);
      const checkIns = Number(a?.check_ins ?? 0);
      return {
        key,
        label: key === 0 ? '市公司' : (names.get(key) ?? String(key)),
        sessions: Number(a?.sessions ?? 0),
        signups,
        checkIns,
        attendanceRate: attendanceRate(checkIns, signups),
        trainerHours: Number(h?.hours ?? 0),
        inHouseTrainerHours: Number(h?.in_house ?? 0),
      };
    });
  const signups = rows.reduce((sum, row) => sum + row.signups, 0);
  const checkIns = rows.reduce((sum, row) => sum + row.checkIns, 0);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    rows,
    total: {
      signups,
      checkIns,
      attendanceRate: attendanceRate(checkIns, signups),
      trainerHours: Math.round(rows.reduce((sum, row) => sum + row.trainerHours, 0) * 10) / 10,
    },
  };
}

// ── Certificates ──

async function certificateFor(context: AppContext, actor: Actor, session: SessionRow, customerId: number) {
  const signup = await signupOf(context.db, actor.tenantId, session.id, customerId);
  if (!signup || !hasCertificate(session, signup)) throw new DomainError('TRAINING_NO_CERTIFICATE');
  const [tenantName, stores, trainerOf] = await Promise.all([
    tenantNameOf(context.db, actor.tenantId),
    storeNames(context.db, actor.tenantId, [customerId]),
    trainerNames(context.db, actor.tenantId, [session]),
  ]);
  const storeName = stores.get(customerId)?.name ?? '';
  const document = await writeCertificate({
    tenantName,
    storeName,
    title: session.title,
    kind: session.kind,
    trainerName: trainerOf(session).name,
    heldOn: beijingDateOf(session.startsAt),
    hours: Math.round(((session.endsAt.getTime() - session.startsAt.getTime()) / 3_600_000) * 10) / 10,
    score: signup.testScore,
    number: `PX${session.id}-${signup.id}`,
  });
  return { fileName: `${session.title}-${storeName}-结业证书.docx`, document };
}

export async function staffCertificate(context: AppContext, actor: Actor, id: number, customerId: number) {
  const session = await visibleSession(context, actor, id);
  if (!(await storeInScope(context.db, actor.tenantId, actor.scope, customerId))) throw new DomainError('NOT_FOUND');
  return certificateFor(context, actor, session, customerId);
}

export async function portalCertificate(context: AppContext, actor: Actor, id: number) {
  const customerId = retailerStoreOf(actor);
  const session = await sessionOrNotFound(context.db, actor.tenantId, id);
  return certificateFor(context, actor, session, customerId);
}

// ── Portal ──

// The sessions open to the store (its segment, not yet ended) and those it signed up for.
export async function listPortalSessions(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  const mine = await signupsOfStore(context.db, actor.tenantId, customerId);
  const mineOf = new Map(mine.map((signup) => [signup.sessionId, signup]));
  const rows = await findSessions(
    context.db,
    actor.tenantId,
    { from: new Date(now.getTime() - 366 * 86_400_000), to: new Date(now.getTime() + 366 * 86_400_000) },
    'all',
  );
  const candidates = rows.filter((row) => row.status === 'open' && row.endsAt.getTime() > now.getTime());
  const eligible = await eligibleSessionIds(
    context.db,
    actor.tenantId,
    customerId,
    candidates.map((row) => ({ id: row.id, segment: row.segment })),
    beijingDateOf(now),
  );
  const shown = rows.filter((row) => eligible.has(row.id) || mineOf.has(row.id));
  const [counts, trainerOf] = await Promise.all([
    countsOf(
      context.db,
      actor.tenantId,
      shown.map((row) => row.id),
    ),
    trainerNames(context.db, actor.tenantId, shown),
  ]);
  const waitlists = new Map<number, number | null>();
  for (const row of shown) {
    const signup = mineOf.get(row.id);
    if (signup?.status === 'waitlisted') {
      const waitlist = await waitlistOf(context.db, actor.tenantId, row.id);
      waitlists.set(row.id, waitlist.findIndex((entry) => entry.id === signup.id) + 1);
    }
  }
  const items = shown.map((row) => {
    const signup = mineOf.get(row.id) ?? null;
    const count = counts.get(row.id) ?? emptyCounts;
    const active = signup && signup.status !== 'cancelled';
    const open = row.status === 'open';
    const checkInOpen =
      now.getTime() >= row.startsAt.getTime() - checkInOpensBeforeMs && now.getTime() <= row.endsAt.getTime();
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      description: row.description,
      trainerName: trainerOf(row).name,
      place: row.place,
      startsAt: iso(row.startsAt),
      endsAt: iso(row.endsAt),
      capacity: row.capacity,
      seatsLeft: Math.max(0, row.capacity - count.confirmed),
      signupDeadline: iso(row.signupDeadline),
      cancelDeadline: iso(row.cancelDeadline),
      status: row.status,
      my: signup
        ? {
            status: signup.status,
            waitlistPosition: waitlists.get(row.id) ?? null,
            checkedInAt: signup.checkedInAt ? iso(signup.checkedInAt) : null,
            testScore: signup.testScore,
            testPassed: signup.testPassed,
            rating: signup.rating,
          }
        : null,
      canSignUp: open && !active && eligible.has(row.id) && now.getTime() <= row.signupDeadline.getTime(),
      canCancel: open && Boolean(active) && !signup?.checkedInAt && now.getTime() <= row.cancelDeadline.getTime(),
      canCheckIn: open && signup?.status === 'confirmed' && !signup.checkedInAt && checkInOpen,
      hasTest: row.questions.length > 0,
      certificateUrl: signup && hasCertificate(row, signup) ? `/api/v1/portal/trainings/${row.id}/certificate` : null,
    };
  });
  // Mine first (upcoming), then the others by start.
  return { items };
}

// A store signs up: the session row is locked, so concurrent sign-ups are counted one at a time and
// the confirmed never exceed the capacity; the others are waitlisted.
export async function signUp(context: AppContext, actor: Actor, id: number) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const session = await sessionOrNotFound(tx, actor.tenantId, id, true);
    const eligible = await eligibleSessionIds(
      tx,
      actor.tenantId,
      customerId,
      [{ id: session.id, segment: session.segment }],
      beijingDateOf(now),
    );
    if (!eligible.has(session.id)) throw new DomainError('TRAINING_NOT_ELIGIBLE');
    checkSignupOpen(session, now);
    const existing = await signupOf(tx, actor.tenantId, id, customerId);
    if (existing && existing.status !== 'cancelled') throw new DomainError('TRAINING_ALREADY_SIGNED_UP');
    const status = seatFor(session.capacity, await confirmedCount(tx, actor.tenantId, id));
    let signupId: number;
    if (existing) {
      signupId = existing.id;
      await updateSignup(tx, actor.tenantId, existing.id, {
        status,
        signedUpAt: now,
        cancelledAt: null,
      });
    } else {
      signupId = (
        await insertSignup(tx, { tenantId: actor.tenantId, sessionId: id, customerId, status, signedUpAt: now })
      ).id;
    }
    await recordChange(
      tx,
      actor,
      {
        action: 'sign_up',
        entity: 'training_signup',
        entityId: signupId,
        after: { sessionId: id, customerId, status },
      },
      now,
    );
    const waitlistPosition =
      status === 'waitlisted'
        ? (await waitlistOf(tx, actor.tenantId, id)).findIndex((row) => row.id === signupId) + 1
        : null;
    return { status, waitlistPosition };
  });
}

export async function cancelSignup(context: AppContext, actor: Actor, id: number) {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const session = await sessionOrNotFound(tx, actor.tenantId, id, true);
    const signup = await signupOf(tx, actor.tenantId, id, customerId);
    if (!signup || signup.status === 'cancelled') throw new DomainError('TRAINING_NOT_SIGNED_UP');
    checkCancellable(session, now);
    await updateSignup(tx, actor.tenantId, signup.id, { status: 'cancelled', cancelledAt: now });
    await recordChange(
      tx,
      actor,
      {
        action: 'cancel_signup',
        entity: 'training_signup',
        entityId: signup.id,
        before: { status: signup.status },
        after: { sessionId: id, customerId },
      },
      now,
    );
    if (signup.status === 'confirmed' && session.status === 'open') await fillSeats(tx, actor, session, now);
  });
}

async function mySignup(executor: Executor, actor: Actor, id: number) {
  const customerId = retailerStoreOf(actor);
  const session = await sessionOrNotFound(executor, actor.tenantId, id);
  const signup = await signupOf(executor, actor.tenantId, id, customerId);
  if (!signup || signup.status === 'cancelled') throw new DomainError('TRAINING_NOT_SIGNED_UP');
  return { session, signup, customerId };
}

// Check-in with the code shown at the session: a wrong or expired code, or outside the session's
// check-in window → an error and nothing written; checking in again answers as the first time did.
export async function checkIn(context: AppContext, actor: Actor, id: number, code: string) {
  const now = context.now();
  const { session, signup, customerId } = await mySignup(context.db, actor, id);
  if (session.status !== 'open') throw new DomainError('TRAINING_SESSION_CANCELLED');
  checkCheckIn(session, code, now);
  if (signup.status !== 'confirmed') throw new DomainError('TRAINING_NOT_CONFIRMED');
  if (signup.checkedInAt) return { checkedInAt: iso(signup.checkedInAt) };
  await context.db.transaction(async (tx) => {
    await updateSignup(tx, actor.tenantId, signup.id, {
      checkedInAt: now,
      checkInMethod: 'code',
      checkedInBy: actor.userId,
    });
    await recordChange(
      tx,
      actor,
      { action: 'check_in', entity: 'training_signup', entityId: signup.id, after: { sessionId: id, customerId } },
      now,
    );
  });
  return { checkedInAt: now.toISOString() };
}

export async function getPortalTest(context: AppContext, actor: Actor, id: number) {
  const { session } = await mySignup(context.db, actor, id);
  return {
    passPercent: session.passPercent,
    questions: session.questions.map(({ text, options }) => ({ text, options })),
  };
}

export async function takeTest(context: AppContext, actor: Actor, id: number, answers: number[]) {
  const now = context.now();
  const { session, signup } = await mySignup(context.db, actor, id);
  if (!signup.checkedInAt) throw new DomainError('TRAINING_NOT_ATTENDED');
  if (signup.testedAt) throw new DomainError('TRAINING_ALREADY_TESTED');
  const result = scoreTest(session.questions, answers, session.passPercent);
  await context.db.transaction(async (tx) => {
    await updateSignup(tx, actor.tenantId, signup.id, {
      testAnswers: answers,
      testScore: result.score,
      testPassed: result.passed,
      testedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'take_test', entity: 'training_signup', entityId: signup.id, after: { answers, ...result } },
      now,
    );
  });
  return { ...result, total: session.questions.length };
}

export async function rate(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { rating: number; comment?: string | null },
) {
  const now = context.now();
  const { signup } = await mySignup(context.db, actor, id);
  if (!signup.checkedInAt) throw new DomainError('TRAINING_NOT_ATTENDED');
  if (signup.ratedAt) throw new DomainError('TRAINING_ALREADY_RATED');
  await context.db.transaction(async (tx) => {
    await updateSignup(tx, actor.tenantId, signup.id, {
      rating: input.rating,
      ratingComment: input.comment ?? null,
      ratedAt: now,
    });
    await recordChange(
      tx,
      actor,
      {
        action: 'rate',
        entity: 'training_signup',
        entityId: signup.id,
        after: { rating: input.rating, comment: input.comment ?? null },
      },
      now,
    );
  });
  return { rating: input.rating };
}
