import { and, asc, eq, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, tenants, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { type Segment, storesInSegmentSql } from '../supply/index.ts';
import { trainingSessions, trainingSignups, trainingTrainers } from './training.schema.ts';

// 培训's reads and writes. The session row is the lock a sign-up, a cancellation and a promotion
// take (SELECT … FOR UPDATE), so that the confirmed count never passes the capacity.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export type SessionRow = typeof trainingSessions.$inferSelect;
export type SignupRow = typeof trainingSignups.$inferSelect;

export async function findSession(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.tenantId, tenantId), eq(trainingSessions.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

// Sessions starting in [from, to); `branchOf`: only the city company's and that branch's.
export async function findSessions(
  executor: Executor,
  tenantId: number,
  range: { from: Date; to: Date },
  branchOnly: number | null | 'all',
) {
  const conditions: SQL[] = [
    eq(trainingSessions.tenantId, tenantId),
    gte(trainingSessions.startsAt, range.from),
    lt(trainingSessions.startsAt, range.to),
  ];
  if (branchOnly !== 'all')
    conditions.push(
      branchOnly === null
        ? sql`${trainingSessions.branchId} IS NULL`
        : sql`(${trainingSessions.branchId} IS NULL OR ${trainingSessions.branchId} = ${branchOnly})`,
    );
  return executor
    .select()
    .from(trainingSessions)
    .where(and(...conditions))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

export async function insertSession(executor: Executor, values: typeof trainingSessions.$inferInsert) {
  const [row] = await executor.insert(trainingSessions).values(values).returning();
  return row;
}

export async function updateSession(
  executor: Executor,
  tenantId: number,
  id: number,
  values: Partial<typeof trainingSessions.$inferInsert>,
) {
  await executor
    .update(trainingSessions)
    .set(values)
    .where(and(eq(trainingSessions.tenantId, tenantId), eq(trainingSessions.id, id)));
}

export type SessionCounts = {
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
  passed: number;
  ratings: number;
  ratingAverage: number | null;
};

export async function countsOf(executor: Executor, tenantId: number, ids: readonly number[]) {
  const counts = new Map<number, SessionCounts>();
  if (ids.length === 0) return counts;
  const rows = rowsOf<{
    session_id: number;
    confirmed: number;
    waitlisted: number;
    checked_in: number;
    passed: number;
    ratings: number;
    rating_average: string | null;
  }>(
    await executor.execute(sql`
      SELECT session_id,
        count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
        count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
        count(*) FILTER (WHERE status = 'confirmed' AND checked_in_at IS NOT NULL)::int AS checked_in,
        count(*) FILTER (WHERE status = 'confirmed' AND test_passed)::int AS passed,
        count(rating)::int AS ratings,
        round(avg(rating), 2)::text AS rating_average
      FROM ${trainingSignups}
      WHERE tenant_id = ${tenantId} AND session_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      GROUP BY session_id`),
  );
  for (const row of rows)
    counts.set(Number(row.session_id), {
      confirmed: Number(row.confirmed),
      waitlisted: Number(row.waitlisted),
      checkedIn: Number(row.checked_in),
      passed: Number(row.passed),
      ratings: Number(row.ratings),
      ratingAverage: row.rating_average === null ? null : Number(row.rating_average),
    });
  return counts;
}

export async function confirmedCount(executor: Executor, tenantId: number, sessionId: number) {
  const [row] = rowsOf<{ n: number }>(
    await executor.execute(sql`SELECT count(*)::int AS n FROM ${trainingSignups}
      WHERE tenant_id = ${tenantId} AND session_id = ${sessionId} AND status = 'confirmed'`),
  );
  return Number(row?.n ?? 0);
}

export async function signupOf(executor: Executor, tenantId: number, sessionId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(trainingSignups)
    .where(
      and(
        eq(trainingSignups.tenantId, tenantId),
        eq(trainingSignups.sessionId, sessionId),
        eq(trainingSignups.customerId, customerId),
      ),
    );
  return row ?? null;
}

export async function signupsOfStore(executor: Executor, tenantId: number, customerId: number) {
  return executor
    .select()
    .from(trainingSignups)
    .where(and(eq(trainingSignups.tenantId, tenantId), eq(trainingSignups.customerId, customerId)));
}

export async function waitlistOf(executor: Executor, tenantId: number, sessionId: number) {
  return executor
    .select()
    .from(trainingSignups)
    .where(
      and(
        eq(trainingSignups.tenantId, tenantId),
        eq(trainingSignups.sessionId, sessionId),
        eq(trainingSignups.status, 'waitlisted'),
      ),
    )
    .orderBy(asc(trainingSignups.signedUpAt), asc(trainingSignups.id));
}

export async function insertSignup(executor: Executor, values: typeof trainingSignups.$inferInsert) {
  const [row] = await executor.insert(trainingSignups).values(values).returning();
  return row;
}

export async function updateSignup(
  executor: Executor,
  tenantId: number,
  id: number,
  values: Partial<typeof trainingSignups.$inferInsert>,
) {
  await executor
    .update(trainingSignups)
    .set(values)
    .where(and(eq(trainingSignups.tenantId, tenantId), eq(trainingSignups.id, id)));
}

// A session's sign-ups of the stores in the scope, with the store's name and branch.
export async function signupsInScope(executor: Executor, tenantId: number, sessionId: number, scope: DataScope) {
  return executor
    .select({
      signup: trainingSignups,
      customerName: customers.name,
      licenceNo: customers.licenceNo,
      branchName: orgUnits.name,
    })
    .from(trainingSignups)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, trainingSignups.tenantId), eq(customers.id, trainingSignups.customerId)),
    )
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)))
    .where(
      and(
        eq(trainingSignups.tenantId, tenantId),
        eq(trainingSignups.sessionId, sessionId),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    )
    .orderBy(asc(trainingSignups.signedUpAt), asc(trainingSignups.id));
}

// The branch (org unit of kind 'branch') a staff user belongs to; null: the city company.
export async function branchOfUser(executor: Executor, tenantId: number, userId: number): Promise<number | null> {
  const rows = rowsOf<{ id: number }>(
    await executor.execute(sql`
    SELECT branch.id FROM ${users} u
    JOIN ${orgUnits} mine ON mine.tenant_id = u.tenant_id AND mine.id = u.org_unit_id
    JOIN ${orgUnits} branch ON branch.tenant_id = mine.tenant_id AND branch.kind = 'branch'
      AND mine.path LIKE branch.path || '%'
    WHERE u.tenant_id = ${tenantId} AND u.id = ${userId}
    ORDER BY length(branch.path) DESC LIMIT 1`),
  );
  return rows.length === 0 ? null : Number(rows[0].id);
}

export async function branchNames(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await executor
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function branchesOf(executor: Executor, tenantId: number) {
  return executor
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'branch')))
    .orderBy(asc(orgUnits.code));
}

export async function staffNames(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await executor
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function activeStaffList(executor: Executor, tenantId: number, ids?: readonly number[]) {
  const conditions = [eq(users.tenantId, tenantId), ne(users.role, 'retailer'), eq(users.disabled, false)];
  if (ids) conditions.push(inArray(users.id, [...ids]));
  return executor
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName))
    .limit(2000);
}

export async function storeNames(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { name: string; branchId: number | null }>();
  const rows = await executor
    .select({ id: customers.id, name: customers.name, branchId: customers.branchId })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...ids])));
  return new Map(rows.map((row) => [row.id, { name: row.name, branchId: row.branchId }]));
}

export async function storeInScope(executor: Executor, tenantId: number, scope: DataScope, customerId: number) {
  const [row] = await executor
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        eq(customers.id, customerId),
        scopeCondition(scope, { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id }),
      ),
    );
  return row ?? null;
}

// Which of the sessions (their segments) the store is in: one statement, a branch of EXISTS per
// segment. A session without a segment is open to every active store.
export async function eligibleSessionIds(
  executor: Executor,
  tenantId: number,
  customerId: number,
  sessions: readonly { id: number; segment: Segment | null }[],
  onDate: string,
): Promise<Set<number>> {
  if (sessions.length === 0) return new Set();
  const parts = sessions.map(
    (session) => sql`SELECT ${session.id}::int AS id WHERE EXISTS (
      SELECT 1 FROM (${storesInSegmentSql(tenantId, session.segment ?? {}, { onDate })}) s WHERE s.customer_id = ${customerId})`,
  );
  const rows = rowsOf<{ id: number }>(await executor.execute(sql.join(parts, sql` UNION ALL `)));
  return new Set(rows.map((row) => Number(row.id)));
}

export async function trainerRow(executor: Executor, tenantId: number, customerId: number) {
  const [row] = await executor
    .select()
    .from(trainingTrainers)
    .where(and(eq(trainingTrainers.tenantId, tenantId), eq(trainingTrainers.customerId, customerId)));
  return row ?? null;
}

export async function upsertTrainer(executor: Executor, values: typeof trainingTrainers.$inferInsert) {
  await executor
    .insert(trainingTrainers)
    .values(values)
    .onConflictDoUpdate({
      target: [trainingTrainers.tenantId, trainingTrainers.customerId],
      set: { topics: values.topics, active: values.active },
    });
}

// 内训师 of the stores in the scope, with the sessions they led (held, not cancelled), their hours
// and the ratings those sessions got.
export async function trainersInScope(executor: Executor, tenantId: number, scope: DataScope, now: Date) {
  return rowsOf<{
    customer_id: number;
    customer_name: string;
    licence_no: string;
    branch_name: string | null;
    topics: string[];
    active: boolean;
    designated_at: Date | string;
    sessions_led: number;
    hours: string;
    ratings: number;
    rating_average: string | null;
  }>(
    await executor.execute(sql`
      WITH led AS (
        SELECT s.trainer_customer_id AS customer_id, count(*)::int AS sessions_led,
          coalesce(sum(extract(epoch FROM (s.ends_at - s.starts_at)) / 3600), 0) AS hours
        FROM ${trainingSessions} s
        WHERE s.tenant_id = ${tenantId} AND s.status = 'open' AND s.trainer_customer_id IS NOT NULL
          AND s.ends_at <= ${now.toISOString()}
        GROUP BY s.trainer_customer_id),
      rated AS (
        SELECT s.trainer_customer_id AS customer_id, count(g.rating)::int AS ratings, avg(g.rating) AS rating_average
        FROM ${trainingSessions} s
        JOIN ${trainingSignups} g ON g.tenant_id = s.tenant_id AND g.session_id = s.id
        WHERE s.tenant_id = ${tenantId} AND s.trainer_customer_id IS NOT NULL AND g.rating IS NOT NULL
        GROUP BY s.trainer_customer_id)
      SELECT t.customer_id, c.name AS customer_name, c.licence_no, b.name AS branch_name, t.topics, t.active,
        t.designated_at, coalesce(led.sessions_led, 0)::int AS sessions_led,
        round(coalesce(led.hours, 0)::numeric, 1)::text AS hours,
        coalesce(rated.ratings, 0)::int AS ratings, round(rated.rating_average::numeric, 2)::text AS rating_average
      FROM ${trainingTrainers} t
      JOIN ${customers} c ON c.tenant_id = t.tenant_id AND c.id = t.customer_id
      LEFT JOIN ${orgUnits} b ON b.tenant_id = c.tenant_id AND b.id = c.branch_id
      LEFT JOIN led ON led.customer_id = t.customer_id
      LEFT JOIN rated ON rated.customer_id = t.customer_id
      WHERE t.tenant_id = ${tenantId} AND ${scopeCondition(scope, {
        orgPath: sql`c.org_path`,
        managerId: sql`c.manager_id`,
        customerId: sql`c.id`,
      })}
      ORDER BY c.name, t.customer_id`),
  );
}

// Attendance per branch of the stores (in the scope): confirmed sign-ups and check-ins of sessions
// that started in [from, to) and before now; trainer hours of the sessions held in [from, to), by the
// 内训师's branch (or the session's branch for a staff trainer; 0: the city company).
export async function kpiRows(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  range: { from: Date; to: Date },
  now: Date,
) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const inScope = scopeCondition(scope, {
    orgPath: sql`c.org_path`,
    managerId: sql`c.manager_id`,
    customerId: sql`c.id`,
  });
  const attendance = rowsOf<{ branch_id: number | null; sessions: number; signups: number; check_ins: number }>(
    await executor.execute(sql`
      SELECT c.branch_id, count(DISTINCT s.id)::int AS sessions, count(*)::int AS signups,
        count(g.checked_in_at)::int AS check_ins
      FROM ${trainingSignups} g
      JOIN ${trainingSessions} s ON s.tenant_id = g.tenant_id AND s.id = g.session_id
      JOIN ${customers} c ON c.tenant_id = g.tenant_id AND c.id = g.customer_id
      WHERE g.tenant_id = ${tenantId} AND g.status = 'confirmed' AND s.status = 'open'
        AND s.starts_at >= ${from} AND s.starts_at < ${to} AND s.starts_at <= ${now.toISOString()} AND ${inScope}
      GROUP BY c.branch_id`),
  );
  const hours = rowsOf<{ branch_id: number | null; hours: string; in_house: string }>(
    await executor.execute(sql`
      SELECT coalesce(c.branch_id, s.branch_id) AS branch_id,
        round(sum(extract(epoch FROM (s.ends_at - s.starts_at)) / 3600)::numeric, 1)::text AS hours,
        round(coalesce(sum(extract(epoch FROM (s.ends_at - s.starts_at)) / 3600)
          FILTER (WHERE s.trainer_customer_id IS NOT NULL), 0)::numeric, 1)::text AS in_house
      FROM ${trainingSessions} s
      LEFT JOIN ${customers} c ON c.tenant_id = s.tenant_id AND c.id = s.trainer_customer_id
      WHERE s.tenant_id = ${tenantId} AND s.status = 'open'
        AND s.starts_at >= ${from} AND s.starts_at < ${to} AND s.ends_at <= ${now.toISOString()}
      GROUP BY 1`),
  );
  return { attendance, hours };
}

export async function tenantNameOf(executor: Executor, tenantId: number): Promise<string> {
  const [row] = await executor.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? '';
}
