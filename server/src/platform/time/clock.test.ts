import { describe, expect, it } from 'vitest';
import { clockStartingAt, parseInstant } from './clock.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-12-02T10:00:00+08:00', '2026-12-02T02:00:00.000Z'],
    ['2026-12-02T02:00:00Z', '2026-12-02T02:00:00.000Z'],
    ['2026-12-02T10:00+08:00', '2026-12-02T02:00:00.000Z'],
    ['2026-12-02T10:00:00.250-05:30', '2026-12-02T15:30:00.250Z'],
    ['2024-02-29T00:00:00+08:00', '2024-02-28T16:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['a local time without a zone', '2026-12-02T10:00:00'],
    ['a date alone', '2026-12-02'],
    ['a month that does not exist', '2026-13-01T10:00:00+08:00'],
    ['a day that does not exist', '2026-02-30T10:00:00+08:00'],
    ['an hour that does not exist', '2026-12-02T25:00:00Z'],
    ['words', 'next wednesday'],
    ['nothing', ''],
  ])('refuses %s', (_case, text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('clockStartingAt', () => {
  it('starts at the instant and then runs at the real pace', () => {
    let real = 1_000_000;
    const clock = clockStartingAt(new Date('2026-12-02T02:00:00Z'), () => real);
    expect(clock().toISOString()).toBe('2026-12-02T02:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-12-02T02:01:30.000Z');
  });
});
