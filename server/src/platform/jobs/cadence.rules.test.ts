import { describe, expect, it } from 'vitest';
import { type Cadence, daily, everyMinutes, monthly, nextRunAfter } from './cadence.rules.ts';

// Instants are written in Beijing time (+08:00), as the cadences are.
describe('nextRunAfter', () => {
  it.each<[string, Cadence, string | undefined, string]>([
    ['a job never run is due at once', everyMinutes(1), undefined, '1970-01-01T00:00:00.000Z'],
    ['every minute', everyMinutes(1), '2026-12-02T10:00:30+08:00', '2026-12-02T10:01:30+08:00'],
    ['every hour', everyMinutes(60), '2026-12-02T23:30:00+08:00', '2026-12-03T00:30:00+08:00'],
    ['daily, before the hour', daily('02:00'), '2026-12-02T01:00:00+08:00', '2026-12-02T02:00:00+08:00'],
    ['daily, after the hour', daily('02:00'), '2026-12-02T02:00:00+08:00', '2026-12-03T02:00:00+08:00'],
    ['daily, across a year', daily('02:00'), '2026-12-31T03:00:00+08:00', '2027-01-01T02:00:00+08:00'],
    [
      'daily, a Beijing day that is still yesterday in UTC',
      daily('06:00'),
      '2026-12-02T05:00:00+08:00',
      '2026-12-02T06:00:00+08:00',
    ],
    ['monthly, later this month', monthly(5, '03:00'), '2026-12-02T10:00:00+08:00', '2026-12-05T03:00:00+08:00'],
    ['monthly, next month', monthly(1, '03:00'), '2026-12-02T10:00:00+08:00', '2027-01-01T03:00:00+08:00'],
    ['monthly on the 31st in February', monthly(31, '03:00'), '2027-01-31T04:00:00+08:00', '2027-02-28T03:00:00+08:00'],
  ])('%s', (_case, cadence, last, due) => {
    expect(nextRunAfter(cadence, last ? new Date(last) : undefined).toISOString()).toBe(new Date(due).toISOString());
  });
});
