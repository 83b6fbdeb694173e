import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../access/actor.ts';
import type { DataScope } from '../access/data-scope.ts';
import { recordChange } from '../audit/audit.ts';
import { DomainError } from '../errors/domain-error.ts';
import {
  countFailedAttempts,
  findActiveSessionsOfUser,
  findOrgUnit,
  findSession,
  findUserById,
  findUserByUsername,
  insertLoginAttempt,
  insertSession,
  revokeSession,
  revokeSessionsOfUser,
  type SessionRow,
  touchSession,
  updateUserLastLogin,
  updateUserPassword,
} from '../identity/identity.repository.ts';
import type { users } from '../identity/identity.schema.ts';
import { decideLoginThrottle, windowStart } from './login-throttle.rules.ts';
import { findPasswordProblem, passwordProblemText } from './password.rules.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';
import { isSessionActive, type SessionPolicy, sessionExpiry, shouldTouchSession } from './session.rules.ts';

export type SignInRequest = {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  // The portal signs in retailers only; the console signs in staff only.
  audience: 'staff' | 'retailer';
};

export function sessionPolicyOf(context: AppContext): SessionPolicy {
  return { idleMinutes: context.config.KEWO_SESSION_IDLE_MINUTES, maxHours: context.config.KEWO_SESSION_MAX_HOURS };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function signIn(context: AppContext, request: SignInRequest) {
  const now = context.now();
  const username = request.username.trim().toLowerCase();
  const since = windowStart(now);
  const [accountWindow, addressWindow] = await Promise.all([
    countFailedAttempts(context.db, { username }, since),
    countFailedAttempts(context.db, { ip: request.ip }, since),
  ]);
  const throttle = decideLoginThrottle(accountWindow, addressWindow, now);
  if (!throttle.allowed) {
    throw new DomainError('TOO_MANY_ATTEMPTS', {
      minutes: Math.ceil(throttle.retryAfterSeconds / 60),
      retryAfterSeconds: throttle.retryAfterSeconds,
    });
  }

  const user = await findUserByUsername(context.db, username);
  const isRightAudience = user !== undefined && (user.role === 'retailer') === (request.audience === 'retailer');
  const passwordMatches = await verifyPassword(isRightAudience ? user.passwordHash : null, request.password);
  if (!user || !isRightAudience || !passwordMatches) {
    await insertLoginAttempt(context.db, { username, ip: request.ip, at: now, succeeded: false });
    throw new DomainError(request.audience === 'retailer' ? 'INVALID_RETAILER_CREDENTIALS' : 'INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new DomainError('ACCOUNT_DISABLED');

  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const expiresAt = sessionExpiry(now, sessionPolicyOf(context));
  await context.db.transaction(async (tx) => {
    await insertLoginAttempt(tx, { username, ip: request.ip, at: now, succeeded: true });
    await insertSession(tx, {
      id: sessionId,
      userId: user.id,
      tenantId: user.tenantId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserLastLogin(tx, user.id, now);
    const actor = await actorOfUser(tx, user, sessionId, request.ip, '');
    await recordChange(tx, actor, { action: 'sign_in', entity: 'session', entityId: sessionId.slice(0, 16) }, now);
  });
  const row = await findSession(context.db, sessionId);
  if (!row) throw new DomainError('UNAUTHENTICATED');
  return { token, expiresAt, profile: profileOf(row, context.config.KEWO_OPERATOR_TENANT) };
}

export type Authenticated = { actor: Actor; profile: Profile };

// Resolves the cookie's token to the actor behind it, or undefined when the session is
// unknown, revoked, idle too long, expired, or its user disabled.
//
// The session rows it read are kept in memory while it hears of every change to what they are
// built from: the database notifies the 'kewo_sessions' channel when a session is revoked or a
// user, tenant or org unit changes (migration 0015), whichever process or script writes it, and
// each notification forgets them all. Until the channel is heard (at start, after a lost
// connection) every request asks the database. This process's own writes forget them before
// their answer is sent (`forgetSessions`, access-hooks.ts), so its next request cannot race the
// notification. A kept row is trusted only to say yes to a request that needs no touch: one that
// would be refused as idle or would be touched is read again, as another process may have
// touched it since.
export const sessionChangesChannel = 'kewo_sessions';

export function createAuthenticator(context: AppContext) {
  const policy = sessionPolicyOf(context);
  const cache = new Map<string, SessionRow>();
  const maxCachedSessions = 10_000;
  let listening = false;
  // Counts the forgettings, so a row read before one is not kept after it.
  let generation = 0;

  const forgetSessions = () => {
    generation += 1;
    cache.clear();
  };

  // Starts hearing the channel; requests are answered from the database meanwhile.
  async function start(): Promise<void> {
    await context.listen?.(sessionChangesChannel, {
      listening: () => {
        forgetSessions();
        listening = true;
      },
      notified: forgetSessions,
      deaf: () => {
        listening = false;
        forgetSessions();
      },
    });
  }

  async function loadSession(sessionId: string, now: Date): Promise<SessionRow | undefined> {
    const cached = cache.get(sessionId);
    if (cached && isSessionActive(cached, now, policy) && !shouldTouchSession(cached, now)) return cached;
    const readIn = generation;
    const row = await findSession(context.db, sessionId);
    if (row && listening && readIn === generation) {
      if (cache.size >= maxCachedSessions) cache.clear();
      cache.set(sessionId, row);
    }
    return row;
  }

  async function authenticate(token: string, ip: string, requestId: string): Promise<Authenticated | undefined> {
    if (!token || token.length > 100) return undefined;
    const sessionId = hashToken(token);
    const now = context.now();
    const row = await loadSession(sessionId, now);
    if (!row || row.disabled || !isSessionActive(row, now, policy)) return undefined;
    if (shouldTouchSession(row, now)) {
      await touchSession(context.db, sessionId, now);
      row.lastSeenAt = now;
    }
    const scope = scopeOf(row);
    if (!scope) return undefined;
    const actor: Actor = {
      userId: row.userId,
      tenantId: row.tenantId,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      scope,
      sessionId,
      ip,
      requestId,
    };
    return { actor, profile: profileOf(row, context.config.KEWO_OPERATOR_TENANT) };
  }

  return { start, authenticate, forgetSessions };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

type ScopeSource = {
  userId?: number;
  id?: number;
  scopeKind: 'org' | 'own' | 'customer';
  scopeOrgUnitId: number | null;
  customerId: number | null;
  scopeOrgPath?: string | null;
  scopeOrgUnitName?: string | null;
};

function scopeOf(source: ScopeSource): DataScope | undefined {
  const userId = source.userId ?? source.id ?? 0;
  switch (source.scopeKind) {
    case 'own':
      return { kind: 'own', userId };
    case 'customer':
      return source.customerId === null ? undefined : { kind: 'customer', customerId: source.customerId };
    case 'org':
      if (source.scopeOrgUnitId === null || !source.scopeOrgPath) return undefined;
      return {
        kind: 'org',
        orgUnitId: source.scopeOrgUnitId,
        orgPath: source.scopeOrgPath,
        orgUnitName: source.scopeOrgUnitName ?? '',
      };
  }
}

export async function actorOfUser(
  executor: AppContext['db'],
  user: typeof users.$inferSelect,
  sessionId: string,
  ip: string,
  requestId: string,
): Promise<Actor> {
  const unit = user.scopeOrgUnitId ? await findOrgUnit(executor, user.tenantId, user.scopeOrgUnitId) : undefined;
  const scope = scopeOf({ ...user, scopeOrgPath: unit?.path, scopeOrgUnitName: unit?.name }) ?? {
    kind: 'own',
    userId: user.id,
  };
  return {
    userId: user.id,
    tenantId: user.tenantId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope,
    sessionId,
    ip,
    requestId,
  };
}

// The signed-in user as the web app sees it (GET /auth/me). A deployment operator is a city-wide
// administrator of the city company named by KEWO_OPERATOR_TENANT: they manage the city companies.
export function profileOf(row: SessionRow, operatorTenant?: string) {
  const scope =
    row.scopeKind === 'org'
      ? { kind: 'org' as const, orgUnitId: row.scopeOrgUnitId, orgUnitName: row.scopeOrgUnitName }
      : row.scopeKind === 'own'
        ? { kind: 'own' as const }
        : { kind: 'customer' as const, customerId: row.customerId };
  return {
    id: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    tenant: { id: row.tenantId, name: row.tenantName },
    orgUnit: row.orgUnitId !== null && row.orgUnitName !== null ? { id: row.orgUnitId, name: row.orgUnitName } : null,
    scope,
    mustChangePassword: row.mustChangePassword,
    deploymentOperator:
      operatorTenant !== undefined &&
      row.tenantCode === operatorTenant &&
      row.role === 'admin' &&
      row.scopeKind === 'org' &&
      row.scopeOrgUnitParentId === null,
  };
}

export type Profile = ReturnType<typeof profileOf>;

export async function signOut(context: AppContext, actor: Actor): Promise<void> {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId, actor.userId, now);
    await recordChange(
      tx,
      actor,
      { action: 'sign_out', entity: 'session', entityId: actor.sessionId.slice(0, 16) },
      now,
    );
  });
}

export function assertStrongPassword(password: string, username: string, locale: 'zh-CN' | 'en', field: string) {
  const problem = findPasswordProblem(password, username);
  if (problem) throw new DomainError('WEAK_PASSWORD', { reason: passwordProblemText[problem][locale] }, field);
}

export async function changeOwnPassword(
  context: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  locale: 'zh-CN' | 'en',
): Promise<void> {
  const user = await findUserById(context.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('WRONG_PASSWORD', {}, 'currentPassword');
  }
  assertStrongPassword(input.newPassword, user.username, locale, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await updateUserPassword(tx, actor.userId, passwordHash, now, false);
    // Other browsers signed in with the old password are signed out.
    await revokeSessionsOfUser(tx, actor.userId, now, actor.sessionId);
    await recordChange(tx, actor, { action: 'change_password', entity: 'user', entityId: actor.userId }, now);
  });
}

export async function listOwnSessions(context: AppContext, actor: Actor) {
  const rows = await findActiveSessionsOfUser(context.db, actor.userId, context.now());
  return rows.map((session) => ({
    id: session.id.slice(0, 16),
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === actor.sessionId,
  }));
}

export async function revokeOwnSession(context: AppContext, actor: Actor, shortId: string): Promise<void> {
  const sessions = await findActiveSessionsOfUser(context.db, actor.userId, context.now());
  const session = sessions.find((candidate) => candidate.id.slice(0, 16) === shortId);
  if (!session) throw new DomainError('NOT_FOUND');
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await revokeSession(tx, session.id, actor.userId, now);
    await recordChange(tx, actor, { action: 'revoke', entity: 'session', entityId: shortId }, now);
  });
}
