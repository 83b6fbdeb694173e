import { describe, expect, it } from 'vitest';
import { formatCountdown } from './use-countdown.ts';

describe(formatCountdown.name, () => {
  it.each([
    [849, '14:09'],
    [60, '1:00'],
    [45, '0:45'],
    [0, '0:00'],
  ])('%i seconds → %s', (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});
