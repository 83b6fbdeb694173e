export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export function isSessionActive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  if (session.revokedAt !== null) return false;
  if (now.getTime() >= session.expiresAt.getTime()) return false;
  return now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * 60_000;
}

// Writing last-seen on every request would turn each read into a write; once a minute is enough
// to measure idleness in minutes.
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}

export function sessionExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.maxHours * 3_600_000);
}
