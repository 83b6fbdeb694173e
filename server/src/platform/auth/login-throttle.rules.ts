// Failed sign-ins are limited per account (an attacker guessing one password) and, more
// loosely, per address (many staff share an office's address).
export type ThrottleLimits = { windowMinutes: number; perAccount: number; perAddress: number };

export const loginThrottleLimits: ThrottleLimits = { windowMinutes: 15, perAccount: 10, perAddress: 100 };

export type FailureWindow = { failures: number; oldestFailureAt: Date | null };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideLoginThrottle(
  account: FailureWindow,
  address: FailureWindow,
  now: Date,
  limits: ThrottleLimits = loginThrottleLimits,
): ThrottleDecision {
  const waits = [
    waitFor(account, limits.perAccount, now, limits.windowMinutes),
    waitFor(address, limits.perAddress, now, limits.windowMinutes),
  ].filter((seconds) => seconds > 0);
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

// Seconds until the oldest failure in the window leaves it; 0 when under the limit.
function waitFor(window: FailureWindow, limit: number, now: Date, windowMinutes: number): number {
  if (window.failures < limit || window.oldestFailureAt === null) return 0;
  const leavesAt = window.oldestFailureAt.getTime() + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((leavesAt - now.getTime()) / 1000));
}

export function windowStart(now: Date, limits: ThrottleLimits = loginThrottleLimits): Date {
  return new Date(now.getTime() - limits.windowMinutes * 60_000);
}
