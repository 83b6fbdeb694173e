import { and, asc, count, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, sessions, tenants, users } from '../../platform/identity/identity.schema.ts';

export async function findOrgUnitsInScope(executor: Executor, tenantId: number, scope: DataScope) {
  return executor
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), scopeCondition(scope, { orgPath: orgUnits.path })))
    .orderBy(asc(orgUnits.id));
}

export async function findOrgUnitInScope(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [unit] = await executor
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id), scopeCondition(scope, { orgPath: orgUnits.path })))
    .limit(1);
  return unit;
}

export async function findOrgUnitByCode(executor: Executor, tenantId: number, code: string) {
  const [unit] = await executor
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.code, code)))
    .limit(1);
  return unit;
}

// Every city company of the deployment, in the order they were set up.
export async function findAllTenants(executor: Executor) {
  return executor.select().from(tenants).orderBy(asc(tenants.id));
}

export async function findFirstTenant(executor: Executor) {
  const [tenant] = await executor.select().from(tenants).orderBy(asc(tenants.id)).limit(1);
  return tenant;
}

export async function findRootOrgUnit(executor: Executor, tenantId: number) {
  const [unit] = await executor
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'city')))
    .orderBy(asc(orgUnits.id))
    .limit(1);
  return unit;
}

// Staff are placed by the org unit they belong to; the scope check is on that unit's path.
const staffColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  orgUnitPath: orgUnits.path,
  scopeKind: users.scopeKind,
  scopeOrgUnitId: users.scopeOrgUnitId,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type StaffFilters = { q?: string; role?: string; orgUnitId?: number; limit: number; offset: number };

function staffConditions(tenantId: number, scope: DataScope, filters: Partial<StaffFilters>): SQL | undefined {
  const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : undefined;
  return and(
    eq(users.tenantId, tenantId),
    ne(users.role, 'retailer'),
    scopeCondition(scope, { orgPath: orgUnits.path }),
    pattern ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined,
    filters.role ? eq(users.role, filters.role as 'admin') : undefined,
    filters.orgUnitId !== undefined ? eq(users.orgUnitId, filters.orgUnitId) : undefined,
  );
}

// Usernames in natural order (manager2, manager10, manager100), not as text (manager10,
// manager100, manager2): the key pads every run of digits to the longest a username can hold,
// so the database's own ordering — and LIMIT/OFFSET paging — does the rest.
const usernameNaturalKey = sql`(
  SELECT string_agg(coalesce(lpad(part[1], 32, '0'), lower(part[2])), '')
  FROM regexp_matches(${users.username}, '([0-9]+)|([^0-9]+)', 'g') AS part
)`;

export async function findStaffPage(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: StaffFilters,
  now: Date,
) {
  const where = staffConditions(tenantId, scope, filters);
  const joinOn = and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId));
  const hasActiveSession = sql<boolean>`EXISTS (
    SELECT 1 FROM ${sessions}
    WHERE ${sessions.userId} = ${users.id} AND ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${now.toISOString()}::timestamptz
  )`;
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({ ...staffColumns, hasActiveSession })
      .from(users)
      .innerJoin(orgUnits, joinOn)
      .where(where)
      .orderBy(asc(usernameNaturalKey), asc(users.username))
      .limit(filters.limit)
      .offset(filters.offset),
    executor.select({ total: count() }).from(users).innerJoin(orgUnits, joinOn).where(where),
  ]);
  return { items, total };
}

// The console home's figures (GET /organisation/overview): staff by role under the staff list's
// own conditions, so each figure is the `total` that list would show for that role.
export async function countStaffByRole(executor: Executor, tenantId: number, scope: DataScope) {
  return executor
    .select({ role: users.role, total: count() })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(staffConditions(tenantId, scope, {}))
    .groupBy(users.role);
}

export async function countOrgUnitsInScope(executor: Executor, tenantId: number, scope: DataScope) {
  const [{ total }] = await executor
    .select({ total: count() })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), scopeCondition(scope, { orgPath: orgUnits.path })));
  return total;
}

export async function findStaffInScope(executor: Executor, tenantId: number, scope: DataScope, userId: number) {
  const [user] = await executor
    .select(staffColumns)
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(and(staffConditions(tenantId, scope, {}), eq(users.id, userId)))
    .limit(1);
  return user;
}

export async function isUsernameTaken(executor: Executor, username: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .limit(1);
  return row !== undefined;
}

// 员工名录: enabled staff the scope sees (an 'own' scope: only oneself), by name or username and
// role, in natural username order, at most `limit`.
export async function findStaffDirectory(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: { q?: string; role?: string; limit: number },
) {
  const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : undefined;
  return executor
    .select({ id: users.id, name: users.displayName, role: users.role, orgUnitName: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(
      and(
        eq(users.tenantId, tenantId),
        ne(users.role, 'retailer'),
        eq(users.disabled, false),
        scopeCondition(scope, { orgPath: orgUnits.path, managerId: users.id }),
        pattern ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined,
        filters.role ? eq(users.role, filters.role as 'admin') : undefined,
      ),
    )
    .orderBy(asc(usernameNaturalKey), asc(users.username))
    .limit(filters.limit);
}
