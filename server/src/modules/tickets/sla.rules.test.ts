import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  evaluateSla,
  isOpen,
  nextOpening,
  pauseSla,
  recordFirstResponse,
  recordResolution,
  resumeSla,
  type SlaPolicy,
  type SlaState,
  startSla,
} from './sla.rules.ts';

// Beijing wall-clock time → instant. 2026-11-23 is a Monday; Thursday the 26th is a holiday in
// the calendar below and Saturday the 28th a worked weekend day (调休).
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const calendar: BusinessCalendar = {
  weekdays: [1, 2, 3, 4, 5],
  opens: '08:30',
  closes: '17:30',
  holidays: ['2026-11-26'],
  extraWorkdays: [],
};
const withSaturday: BusinessCalendar = { ...calendar, extraWorkdays: ['2026-11-28'] };
const roundTheClock: SlaPolicy = { firstResponseMinutes: 24 * 60, resolutionMinutes: 72 * 60, calendar: null };
const officeHours: SlaPolicy = { firstResponseMinutes: 4 * 60, resolutionMinutes: 18 * 60, calendar };
const hours = (start: Date, count: number) => new Date(start.getTime() + count * 3_600_000);

describe(addBusinessMinutes.name, () => {
  it.each([
    ['inside one day', calendar, '2026-11-23 09:00', 60, '2026-11-23 10:00'],
    ['over the evening', calendar, '2026-11-23 17:00', 60, '2026-11-24 09:00'],
    ['over the weekend', calendar, '2026-11-27 17:00', 60, '2026-11-30 09:00'],
    ['over a holiday', calendar, '2026-11-25 17:00', 60, '2026-11-27 09:00'],
    ['from a Saturday', calendar, '2026-11-28 10:00', 30, '2026-11-30 09:00'],
    ['before opening, a whole day, ends at closing', calendar, '2026-11-23 07:00', 540, '2026-11-23 17:30'],
    ['onto a worked Saturday', withSaturday, '2026-11-27 17:00', 60, '2026-11-28 09:00'],
    ['zero minutes after hours: the next opening', calendar, '2026-11-23 20:00', 0, '2026-11-24 08:30'],
  ])('%s', (_name, cal, start, minutes, expected) => {
    expect(addBusinessMinutes(cal, bj(start), minutes)).toEqual(bj(expected));
  });
});

describe(nextOpening.name, () => {
  it.each([
    ['before opening', '2026-11-23 07:00', '2026-11-23 08:30'],
    ['while open: now', '2026-11-23 12:00', '2026-11-23 12:00'],
    ['after closing', '2026-11-23 18:00', '2026-11-24 08:30'],
    ['the eve of a holiday', '2026-11-25 18:00', '2026-11-27 08:30'],
    ['Friday night', '2026-11-27 22:00', '2026-11-30 08:30'],
  ])('%s', (_name, at, expected) => {
    expect(nextOpening(calendar, bj(at))).toEqual(bj(expected));
  });

  it('is open between opening and closing, closed on a holiday', () => {
    expect(isOpen(calendar, bj('2026-11-23 08:30'))).toBe(true);
    expect(isOpen(calendar, bj('2026-11-23 17:30'))).toBe(false);
    expect(isOpen(calendar, bj('2026-11-26 10:00'))).toBe(false);
  });
});

describe(businessMinutesBetween.name, () => {
  it.each([
    ['over the evening', '2026-11-23 17:00', '2026-11-24 09:00', 60],
    ['over a holiday', '2026-11-25 17:00', '2026-11-27 09:00', 60],
    ['backwards', '2026-11-24 09:00', '2026-11-23 09:00', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(businessMinutesBetween(calendar, bj(from), bj(to))).toBe(expected);
  });
});

describe(startSla.name, () => {
  it('counts round the clock without a calendar, and in business hours with one', () => {
    const created = bj('2026-11-23 16:00');
    const plain = startSla(roundTheClock, created);
    expect(plain.firstResponse.dueAt).toEqual(hours(created, 24));
    expect(plain.firstResponse.warnAt).toEqual(new Date(created.getTime() + 0.8 * 24 * 3_600_000));
    expect(plain.resolution.dueAt).toEqual(hours(created, 72));
    const office = startSla(officeHours, created);
    // 4 business hours from Monday 16:00: 1.5 h on Monday, 2.5 h on Tuesday.
    expect(office.firstResponse.dueAt).toEqual(bj('2026-11-24 11:00'));
    // 80 % = 192 minutes: 90 on Monday, 102 on Tuesday.
    expect(office.firstResponse.warnAt).toEqual(bj('2026-11-24 10:12'));
  });
});

// One ticket through time: the events each evaluation sends, and the outcome recorded.
function run(policy: SlaPolicy, state: SlaState, at: Date) {
  return evaluateSla(state, policy, at);
}

describe(evaluateSla.name, () => {
  const created = bj('2026-11-23 10:00');
  const fresh = () => startSla(roundTheClock, created);

  it('warns once at 80 % of the target', () => {
    expect(run(roundTheClock, fresh(), hours(created, 19)).events).toEqual([]);
    const warned = run(roundTheClock, fresh(), hours(created, 19.2));
    expect(warned.events).toEqual([{ kind: 'warning', target: 'firstResponse', dueAt: hours(created, 24) }]);
    expect(run(roundTheClock, warned.state, hours(created, 20)).events).toEqual([]);
  });

  it('flags the breach after the due time and escalates, each exactly once', () => {
    const warned = run(roundTheClock, fresh(), hours(created, 19.5)).state;
    const breached = run(roundTheClock, warned, hours(created, 24));
    expect(breached.events.map((event) => event.kind)).toEqual(['breached', 'escalation']);
    expect(breached.state.firstResponse).toMatchObject({ outcome: 'breached', decidedAt: hours(created, 24) });
    expect(run(roundTheClock, breached.state, hours(created, 30)).events).toEqual([]);
  });

  it('stops the first-response clock at the first reply; a later reply changes nothing', () => {
    const replied = recordFirstResponse(fresh(), hours(created, 2));
    expect(replied.firstResponse).toMatchObject({ outcome: 'met', decidedAt: hours(created, 2) });
    const again = recordFirstResponse(replied, hours(created, 30));
    expect(again.firstResponse).toEqual(replied.firstResponse);
  });

  it('a reply before the breach cancels the escalation that would follow it', () => {
    const warned = run(roundTheClock, fresh(), hours(created, 20)).state;
    const replied = recordFirstResponse(warned, hours(created, 23.9));
    const later = run(roundTheClock, replied, hours(created, 25));
    expect(later.events).toEqual([]);
    expect(later.state.firstResponse.outcome).toBe('met');
  });

  it('a reply after the due time, before the sweep ran, is still a breach: recorded once at the due time', () => {
    const replied = recordFirstResponse(fresh(), hours(created, 25));
    expect(replied.firstResponse).toMatchObject({ outcome: 'breached', decidedAt: hours(created, 24) });
    // Decided by the reply: the sweep never records it again, but still escalates the breach.
    const swept = run(roundTheClock, replied, hours(created, 25.1));
    expect(swept.events.map((event) => event.kind)).toEqual(['escalation']);
  });

  it('resolving decides both clocks; the resolution is met or breached once', () => {
    const resolved = recordResolution(fresh(), hours(created, 5));
    expect(resolved.firstResponse.outcome).toBe('met');
    expect(resolved.resolution).toMatchObject({ outcome: 'met', decidedAt: hours(created, 5) });
    expect(recordResolution(resolved, hours(created, 100)).resolution.decidedAt).toEqual(hours(created, 5));
    expect(run(roundTheClock, resolved, hours(created, 100)).events).toEqual([]);
    expect(run(roundTheClock, resolved, hours(created, 100)).nextCheckAt).toBeNull();
  });

  it('under business hours, a breach is recorded at once but its escalation waits for the opening', () => {
    // Created Monday 13:30: the 4-hour first response is due at 17:30, closing time.
    const state = startSla(officeHours, bj('2026-11-23 13:30'));
    expect(state.firstResponse.dueAt).toEqual(bj('2026-11-23 17:30'));
    const evening = run(officeHours, state, bj('2026-11-23 17:45'));
    expect(evening.events).toEqual([{ kind: 'breached', target: 'firstResponse', dueAt: bj('2026-11-23 17:30') }]);
    expect(evening.nextCheckAt).toEqual(bj('2026-11-24 08:30'));
    const night = run(officeHours, evening.state, bj('2026-11-24 03:00'));
    expect(night.events).toEqual([]);
    const morning = run(officeHours, night.state, bj('2026-11-24 08:30'));
    expect(morning.events.map((event) => event.kind)).toEqual(['escalation']);
  });

  it('under business hours, a warning that fell due while closed goes at the next opening (over the weekend)', () => {
    // Friday 14:00, 4 business hours: warning at 17:12 Friday, due Monday 08:30 + 30 min.
    const state = startSla(officeHours, bj('2026-11-27 14:00'));
    expect(state.firstResponse.warnAt).toEqual(bj('2026-11-27 17:12'));
    const friday = run(officeHours, state, bj('2026-11-27 17:40'));
    expect(friday.events).toEqual([]);
    expect(friday.nextCheckAt).toEqual(bj('2026-11-30 08:30'));
    const monday = run(officeHours, friday.state, bj('2026-11-30 08:30'));
    expect(monday.events).toEqual([{ kind: 'warning', target: 'firstResponse', dueAt: bj('2026-11-30 09:00') }]);
  });

  it('pauses while waiting for the customer: nothing falls due, and the due times move on by the wait', () => {
    const replied = recordFirstResponse(fresh(), hours(created, 1));
    const paused = pauseSla(replied, hours(created, 10));
    const during = run(roundTheClock, paused, hours(created, 100));
    expect(during.events).toEqual([]);
    expect(during.nextCheckAt).toBeNull();
    const resumed = resumeSla(paused, roundTheClock, hours(created, 15));
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.resolution.dueAt).toEqual(hours(created, 77));
    expect(resumed.firstResponse).toEqual(replied.firstResponse);
    expect(run(roundTheClock, resumed, hours(created, 76)).events).toEqual([
      { kind: 'warning', target: 'resolution', dueAt: hours(created, 77) },
    ]);
  });

  it('a pause under business hours moves the due time by the business time remaining', () => {
    const state = startSla(officeHours, bj('2026-11-23 16:30'));
    // 4 h from Monday 16:30 → Tuesday 11:30; paused at once, 4 business hours remain.
    const paused = pauseSla(state, bj('2026-11-23 16:30'));
    const resumed = resumeSla(paused, officeHours, bj('2026-11-25 09:30'));
    expect(resumed.firstResponse.dueAt).toEqual(bj('2026-11-25 13:30'));
    // Resumed on the eve of the holiday, after hours: the clock restarts on Friday.
    const overHoliday = resumeSla(paused, officeHours, bj('2026-11-25 20:00'));
    expect(overHoliday.firstResponse.dueAt).toEqual(bj('2026-11-27 12:30'));
  });
});
