// SLA clocks of a ticket (投诉建议的时限), pure: the state is data, `now` is an argument.
import { isWorkingDay } from '../../platform/calendar/business-calendar.rules.ts';
import { beijingOffsetMs } from '../../platform/time/beijing.ts';
//
// Two targets run on every ticket: the first response (default 24 h) and the resolution. Each has a
// stored due time and a warning time (80 % of the target); the sweep calls `evaluateSla` and writes
// back what it returns, so a restart loses no clock. The semantics, each with a test:
// - the first-response clock stops at the first staff reply visible to the customer; nothing later
//   changes it (`recordFirstResponse` is a no-op once the target is decided);
// - a target is decided (met or breached) exactly once: only a `pending` target changes;
// - a reply (or resolution) before the breach decides the target as met, so the escalation that
//   would have followed the breach is never sent;
// - under a business-hours policy targets are counted in business minutes (holidays skipped), and
//   warnings and escalations that fall due outside hours are sent at the next opening;
// - while the ticket waits for the customer the clocks pause; on resume every pending due time moves
//   on by the (business) time spent waiting.

export const slaOutcomes = ['pending', 'met', 'breached'] as const;
export type SlaOutcome = (typeof slaOutcomes)[number];
export const slaTargets = ['firstResponse', 'resolution'] as const;
export type SlaTarget = (typeof slaTargets)[number];

// Beijing time has no daylight saving: a fixed offset is exact.
const minuteMs = 60_000;
const dayMs = 86_400_000;

// The desk's hours, kept with tickets (ticket_settings) …
export type BusinessHours = {
  // ISO weekdays that are working days, 1 = Monday … 7 = Sunday.
  weekdays: readonly number[];
  // Opening hours, Beijing time, "HH:MM".
  opens: string;
  closes: string;
};

// … over the city company's calendar (platform/calendar), which visits plan on too. The settings
// page edits both as one, under these names.
export type BusinessCalendar = BusinessHours & {
  // Dates (YYYY-MM-DD, Beijing) that are closed although on a working weekday …
  holidays: readonly string[];
  // … and weekend dates that are worked (调休).
  extraWorkdays: readonly string[];
};

export const defaultBusinessHours: BusinessHours = { weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' };

export const defaultCalendar: BusinessCalendar = { ...defaultBusinessHours, holidays: [], extraWorkdays: [] };

export type SlaPolicy = {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  // null: calendar time, round the clock.
  calendar: BusinessCalendar | null;
};

export type TargetClock = {
  dueAt: Date;
  warnAt: Date;
  warnedAt: Date | null;
  outcome: SlaOutcome;
  // When the target was decided: the reply / resolution time (met) or the due time (breached).
  decidedAt: Date | null;
  escalatedAt: Date | null;
};

export type SlaState = {
  firstResponse: TargetClock;
  resolution: TargetClock;
  // Set while waiting for the customer: the clocks are stopped since then.
  pausedAt: Date | null;
};

export type SlaEvent =
  | { kind: 'warning'; target: SlaTarget; dueAt: Date }
  | { kind: 'breached'; target: SlaTarget; dueAt: Date }
  | { kind: 'escalation'; target: SlaTarget; dueAt: Date };

// ── The business-hours calendar ─────────────────────────────────────────────────────────────────

function minutesOfClock(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

// The Beijing calendar date of a day number (days since 1970-01-01 in Beijing time).
function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

// The company's calendar (holidays, 调休) over the desk's own week.
export function isWorkday(calendar: BusinessCalendar, beijingDate: string): boolean {
  return isWorkingDay(
    { holidays: calendar.holidays, makeUpWorkdays: calendar.extraWorkdays },
    beijingDate,
    calendar.weekdays,
  );
}

// Opening and closing instants (UTC ms) of a Beijing day, or null when the day is closed.
function hoursOfDay(calendar: BusinessCalendar, day: number): { opens: number; closes: number } | null {
  if (!isWorkday(calendar, dateOfDay(day))) return null;
  const start = day * dayMs - beijingOffsetMs;
  return {
    opens: start + minutesOfClock(calendar.opens) * minuteMs,
    closes: start + minutesOfClock(calendar.closes) * minuteMs,
  };
}

const dayOf = (ms: number) => Math.floor((ms + beijingOffsetMs) / dayMs);

// At most a year of closed days in a row is looked through; a calendar with no working day fails.
const maxDaysSearched = 400;

export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const hours = hoursOfDay(calendar, dayOf(at.getTime()));
  return hours !== null && at.getTime() >= hours.opens && at.getTime() < hours.closes;
}

// `at` itself when open, otherwise the next opening.
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const ms = at.getTime();
  const first = dayOf(ms);
  for (let day = first; day < first + maxDaysSearched; day += 1) {
    const hours = hoursOfDay(calendar, day);
    if (!hours || ms >= hours.closes) continue;
    return new Date(Math.max(ms, hours.opens));
  }
  throw new Error('the business calendar has no working day');
}

// The instant `minutes` of working time after `start`. A due time that ends exactly at closing
// stays at closing (17:30), not the next opening.
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  let remaining = minutes * minuteMs;
  let ms = start.getTime();
  const first = dayOf(ms);
  for (let day = first; day < first + maxDaysSearched * 10; day += 1) {
    const hours = hoursOfDay(calendar, day);
    if (!hours || ms >= hours.closes) continue;
    const from = Math.max(ms, hours.opens);
    const available = hours.closes - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    ms = hours.closes;
  }
  throw new Error('the business calendar has no working day');
}

// Working minutes between two instants (0 when `to` is before `from`).
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  let total = 0;
  const end = to.getTime();
  for (let day = dayOf(from.getTime()); day <= dayOf(end); day += 1) {
    const hours = hoursOfDay(calendar, day);
    if (!hours) continue;
    const start = Math.max(hours.opens, from.getTime());
    const stop = Math.min(hours.closes, end);
    if (stop > start) total += stop - start;
  }
  return Math.round(total / minuteMs);
}

function addPolicyMinutes(policy: SlaPolicy, start: Date, minutes: number): Date {
  return policy.calendar
    ? addBusinessMinutes(policy.calendar, start, minutes)
    : new Date(start.getTime() + minutes * minuteMs);
}

// ── Starting, stopping and evaluating clocks ────────────────────────────────────────────────────

export const warningShare = 0.8;

function startTarget(policy: SlaPolicy, start: Date, minutes: number): TargetClock {
  return {
    dueAt: addPolicyMinutes(policy, start, minutes),
    warnAt: addPolicyMinutes(policy, start, Math.round(minutes * warningShare)),
    warnedAt: null,
    outcome: 'pending',
    decidedAt: null,
    escalatedAt: null,
  };
}

export function startSla(policy: SlaPolicy, createdAt: Date): SlaState {
  return {
    firstResponse: startTarget(policy, createdAt, policy.firstResponseMinutes),
    resolution: startTarget(policy, createdAt, policy.resolutionMinutes),
    pausedAt: null,
  };
}

// Decides a pending target at `at`: met when before its due time, breached otherwise. A decided
// target never changes again.
function decide(clock: TargetClock, at: Date): TargetClock {
  if (clock.outcome !== 'pending') return clock;
  if (at.getTime() < clock.dueAt.getTime()) return { ...clock, outcome: 'met', decidedAt: at };
  return { ...clock, outcome: 'breached', decidedAt: clock.dueAt };
}

// The first staff reply the customer can see stops the first-response clock.
export function recordFirstResponse(state: SlaState, at: Date): SlaState {
  return { ...state, firstResponse: decide(state.firstResponse, at) };
}

// Resolving stops the resolution clock (and the first-response clock, if nobody replied first).
export function recordResolution(state: SlaState, at: Date): SlaState {
  return { ...state, firstResponse: decide(state.firstResponse, at), resolution: decide(state.resolution, at) };
}

export function pauseSla(state: SlaState, at: Date): SlaState {
  return state.pausedAt ? state : { ...state, pausedAt: at };
}

// The customer answered: every pending due and warning time moves on by the time spent waiting.
export function resumeSla(state: SlaState, policy: SlaPolicy, at: Date): SlaState {
  if (!state.pausedAt) return state;
  const pausedAt = state.pausedAt;
  const shift = (clock: TargetClock): TargetClock => {
    if (clock.outcome !== 'pending') return clock;
    if (policy.calendar) {
      const calendar = policy.calendar;
      const from = nextOpening(calendar, at);
      const remainingDue = businessMinutesBetween(calendar, pausedAt, clock.dueAt);
      const remainingWarn = businessMinutesBetween(calendar, pausedAt, clock.warnAt);
      return {
        ...clock,
        dueAt: addBusinessMinutes(calendar, from, remainingDue),
        warnAt: clock.warnedAt ? clock.warnAt : addBusinessMinutes(calendar, from, remainingWarn),
      };
    }
    const waited = at.getTime() - pausedAt.getTime();
    return {
      ...clock,
      dueAt: new Date(clock.dueAt.getTime() + waited),
      warnAt: clock.warnedAt ? clock.warnAt : new Date(clock.warnAt.getTime() + waited),
    };
  };
  return { firstResponse: shift(state.firstResponse), resolution: shift(state.resolution), pausedAt: null };
}

// What is due at `now`: warnings, breaches (recorded at the due time, once) and escalations. Under
// a business-hours policy a notification is held while closed and goes at the next opening.
export function evaluateSla(
  state: SlaState,
  policy: SlaPolicy,
  now: Date,
): { state: SlaState; events: SlaEvent[]; nextCheckAt: Date | null } {
  const events: SlaEvent[] = [];
  const mayNotify = !policy.calendar || isOpen(policy.calendar, now);
  const next: SlaState = { ...state };
  if (!state.pausedAt) {
    for (const target of slaTargets) {
      let clock = next[target];
      if (clock.outcome === 'pending' && now.getTime() >= clock.dueAt.getTime()) {
        clock = decide(clock, now);
        events.push({ kind: 'breached', target, dueAt: clock.dueAt });
      }
      if (clock.outcome === 'pending' && !clock.warnedAt && now.getTime() >= clock.warnAt.getTime() && mayNotify) {
        clock = { ...clock, warnedAt: now };
        events.push({ kind: 'warning', target, dueAt: clock.dueAt });
      }
      if (clock.outcome === 'breached' && !clock.escalatedAt && mayNotify) {
        clock = { ...clock, escalatedAt: now };
        events.push({ kind: 'escalation', target, dueAt: clock.dueAt });
      }
      next[target] = clock;
    }
  }
  return { state: next, events, nextCheckAt: nextCheckOf(next, policy, now) };
}

// When the sweep must look at the ticket again: its earliest pending warning, due time or held
// escalation (at the next opening). null: nothing left to watch (or paused: resuming sets it).
export function nextCheckOf(state: SlaState, policy: SlaPolicy, now: Date): Date | null {
  if (state.pausedAt) return null;
  const times: number[] = [];
  for (const target of slaTargets) {
    const clock = state[target];
    if (clock.outcome === 'pending') {
      times.push(clock.warnedAt ? clock.dueAt.getTime() : clock.warnAt.getTime());
    } else if (clock.outcome === 'breached' && !clock.escalatedAt) {
      times.push((policy.calendar ? nextOpening(policy.calendar, now) : now).getTime());
    }
  }
  if (times.length === 0) return null;
  const earliest = Math.min(...times);
  // Something already due but held while closed is looked at again at the opening, not at every
  // sweep through the night.
  if (policy.calendar && earliest <= now.getTime()) return nextOpening(policy.calendar, now);
  return new Date(earliest);
}

// How far a target has run, 0–1+ (the list's progress bar): elapsed over target length.
export function elapsedShare(clock: TargetClock, startedAt: Date, now: Date): number {
  const length = clock.dueAt.getTime() - startedAt.getTime();
  if (length <= 0) return 1;
  return (now.getTime() - startedAt.getTime()) / length;
}
