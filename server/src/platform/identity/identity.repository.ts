import { and, count, eq, gt, gte, isNull, lt, min, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../db/client.ts';
import { loginAttempts, orgUnits, sessions, tenants, users } from './identity.schema.ts';

export async function findUserByUsername(executor: Executor, username: string) {
  const [user] = await executor
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return user;
}

export async function findUserById(executor: Executor, userId: number) {
  const [user] = await executor.select().from(users).where(eq(users.id, userId)).limit(1);
  return user;
}

// An active staff member of the tenant (not a retailer's account, not disabled): who may own a
// programme or a warning. Undefined otherwise.
export async function findStaffUser(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select({ id: users.id, displayName: users.displayName, role: users.role, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row && row.role !== 'retailer' && !row.disabled ? row : undefined;
}

export async function countUsers(executor: Executor): Promise<number> {
  const [row] = await executor.select({ total: count() }).from(users);
  return row.total;
}

export async function countFailedAttempts(executor: Executor, key: { username?: string; ip?: string }, since: Date) {
  const [row] = await executor
    .select({ failures: count(), oldestFailureAt: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        key.username !== undefined ? eq(loginAttempts.username, key.username) : undefined,
        key.ip !== undefined ? eq(loginAttempts.ip, key.ip) : undefined,
        eq(loginAttempts.succeeded, false),
        // Strictly inside the window: a failure exactly 15 minutes old has left it.
        gt(loginAttempts.at, since),
      ),
    );
  return { failures: row.failures, oldestFailureAt: row.oldestFailureAt ? new Date(row.oldestFailureAt) : null };
}

export async function insertLoginAttempt(
  executor: Executor,
  attempt: { username: string; ip: string; at: Date; succeeded: boolean },
): Promise<void> {
  await executor.insert(loginAttempts).values(attempt);
}

// Attempts older than a day serve no limit; keep the table small.
export async function deleteLoginAttemptsBefore(executor: Executor, before: Date): Promise<void> {
  await executor.delete(loginAttempts).where(lt(loginAttempts.at, before));
}

export async function insertSession(executor: Executor, session: typeof sessions.$inferInsert): Promise<void> {
  await executor.insert(sessions).values(session);
}

export async function touchSession(executor: Executor, sessionId: string, now: Date): Promise<void> {
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(executor: Executor, sessionId: string, userId: number, now: Date) {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

export async function revokeSessionsOfUser(executor: Executor, userId: number, now: Date, exceptSessionId?: string) {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

export async function findActiveSessionsOfUser(executor: Executor, userId: number, now: Date) {
  return executor
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gte(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function updateUserLastLogin(executor: Executor, userId: number, now: Date): Promise<void> {
  await executor.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}

export async function findOrgUnit(executor: Executor, tenantId: number, orgUnitId: number) {
  const [unit] = await executor
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, orgUnitId)))
    .limit(1);
  return unit;
}

export async function updateUserPassword(
  executor: Executor,
  userId: number,
  passwordHash: string,
  now: Date,
  mustChangePassword: boolean,
): Promise<void> {
  await executor
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, mustChangePassword, updatedAt: now })
    .where(eq(users.id, userId));
}

const homeUnit = alias(orgUnits, 'home_unit');
const scopeUnit = alias(orgUnits, 'scope_unit');

// A user with everything the web app shows of them: tenant, home unit, data scope.
const userProfileColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  tenantId: users.tenantId,
  tenantName: tenants.name,
  tenantCode: tenants.code,
  orgUnitId: homeUnit.id,
  orgUnitName: homeUnit.name,
  scopeKind: users.scopeKind,
  scopeOrgUnitId: users.scopeOrgUnitId,
  scopeOrgUnitName: scopeUnit.name,
  scopeOrgUnitParentId: scopeUnit.parentId,
  scopeOrgPath: scopeUnit.path,
  customerId: users.customerId,
  mustChangePassword: users.mustChangePassword,
};

// Runs on every authenticated request: the session and its user's profile in one indexed,
// prepared query, so that GET /auth/me costs no more than the access check itself.
function prepareSessionLookup(db: Database) {
  return db
    .select({
      ...userProfileColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(homeUnit, and(eq(homeUnit.tenantId, users.tenantId), eq(homeUnit.id, users.orgUnitId)))
    .leftJoin(scopeUnit, and(eq(scopeUnit.tenantId, users.tenantId), eq(scopeUnit.id, users.scopeOrgUnitId)))
    .where(eq(sessions.id, sql.placeholder('sessionId')))
    .limit(1)
    .prepare('kewo_session_lookup');
}

type SessionLookup = ReturnType<typeof prepareSessionLookup>;
export type SessionRow = Awaited<ReturnType<SessionLookup['execute']>>[number];

const sessionLookups = new WeakMap<Database, SessionLookup>();

export async function findSession(db: Database, sessionId: string): Promise<SessionRow | undefined> {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ sessionId });
  return row;
}

// ---- What the organisation module manages: city companies, org units, staff accounts ----
// Sign-in reads these tables before any module, so they are the platform's, and every write to
// them is here; organisation's use cases (checks, audit) call these.

export async function insertTenant(executor: Executor, tenant: { code: string; name: string; province: string }) {
  const [inserted] = await executor.insert(tenants).values(tenant).returning();
  return inserted;
}

export async function insertOrgUnit(
  executor: Executor,
  unit: {
    tenantId: number;
    parentId: number | null;
    kind: 'city' | 'branch' | 'department';
    name: string;
    code: string;
  },
  parentPath: string,
  now: Date,
) {
  // The path needs the new id, so the row is written with a placeholder and completed at once.
  const [inserted] = await executor
    .insert(orgUnits)
    .values({ ...unit, path: '', createdAt: now, updatedAt: now })
    .returning();
  const [completed] = await executor
    .update(orgUnits)
    .set({ path: sql`${parentPath} || ${inserted.id}::text || '/'` })
    .where(and(eq(orgUnits.tenantId, unit.tenantId), eq(orgUnits.id, inserted.id)))
    .returning();
  return completed;
}

export async function updateOrgUnit(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: { name?: string; code?: string },
  now: Date,
) {
  const [updated] = await executor
    .update(orgUnits)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
    .returning();
  return updated;
}

export async function insertUser(executor: Executor, user: typeof users.$inferInsert) {
  const [inserted] = await executor.insert(users).values(user).returning({ id: users.id });
  return inserted.id;
}

export async function updateUser(
  executor: Executor,
  userId: number,
  changes: Partial<
    Pick<typeof users.$inferInsert, 'displayName' | 'role' | 'orgUnitId' | 'scopeKind' | 'scopeOrgUnitId' | 'disabled'>
  >,
  now: Date,
) {
  await executor
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, userId));
}
