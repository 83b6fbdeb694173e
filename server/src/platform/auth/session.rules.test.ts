import { describe, expect, it } from 'vitest';
import { isSessionActive, sessionExpiry, shouldTouchSession } from './session.rules.ts';

const policy = { idleMinutes: 30, maxHours: 24 };
const now = new Date('2026-11-23T10:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe(isSessionActive.name, () => {
  it.each([
    { name: 'fresh', session: { lastSeenAt: ago(1), expiresAt: later(60), revokedAt: null }, active: true },
    { name: 'revoked', session: { lastSeenAt: ago(1), expiresAt: later(60), revokedAt: ago(0) }, active: false },
    { name: 'idle too long', session: { lastSeenAt: ago(30), expiresAt: later(60), revokedAt: null }, active: false },
    { name: 'idle just under', session: { lastSeenAt: ago(29), expiresAt: later(60), revokedAt: null }, active: true },
    { name: 'past absolute expiry', session: { lastSeenAt: ago(1), expiresAt: now, revokedAt: null }, active: false },
  ])('$name → $active', ({ session, active }) => {
    expect(isSessionActive(session, now, policy)).toBe(active);
  });
});

describe(shouldTouchSession.name, () => {
  it('touches at most once a minute', () => {
    expect(shouldTouchSession({ lastSeenAt: ago(0.5), expiresAt: later(1), revokedAt: null }, now)).toBe(false);
    expect(shouldTouchSession({ lastSeenAt: ago(1), expiresAt: later(1), revokedAt: null }, now)).toBe(true);
  });
});

describe(sessionExpiry.name, () => {
  it('ends maxHours after sign-in', () => {
    expect(sessionExpiry(now, policy).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});
