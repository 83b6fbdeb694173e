import { describe, expect, it } from 'vitest';
import { decideLoginThrottle } from './login-throttle.rules.ts';

const now = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const none = { failures: 0, oldestFailureAt: null };

describe(decideLoginThrottle.name, () => {
  it.each([
    { name: 'no failures', account: none, address: none, expected: { allowed: true } },
    {
      name: '9 account failures still allow a 10th try',
      account: { failures: 9, oldestFailureAt: minutesAgo(5) },
      address: none,
      expected: { allowed: true },
    },
    {
      name: '10 account failures block until the oldest leaves the window',
      account: { failures: 10, oldestFailureAt: minutesAgo(5) },
      address: none,
      expected: { allowed: false, retryAfterSeconds: 600 },
    },
    {
      name: '99 address failures still allow',
      account: none,
      address: { failures: 99, oldestFailureAt: minutesAgo(1) },
      expected: { allowed: true },
    },
    {
      name: '100 address failures block',
      account: none,
      address: { failures: 100, oldestFailureAt: minutesAgo(14) },
      expected: { allowed: false, retryAfterSeconds: 60 },
    },
    {
      name: 'both blocked: the longer wait wins',
      account: { failures: 12, oldestFailureAt: minutesAgo(1) },
      address: { failures: 100, oldestFailureAt: minutesAgo(10) },
      expected: { allowed: false, retryAfterSeconds: 840 },
    },
    {
      name: 'an oldest failure at the window edge waits at least a second',
      account: { failures: 10, oldestFailureAt: minutesAgo(15) },
      address: none,
      expected: { allowed: false, retryAfterSeconds: 1 },
    },
  ])('$name', ({ account, address, expected }) => {
    expect(decideLoginThrottle(account, address, now)).toEqual(expected);
  });
});
