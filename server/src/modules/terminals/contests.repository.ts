import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { orgUnits, tenants, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { contestEntries, contestJudges, contestPhotos, contestScores, contests } from './contests.schema.ts';

// The display contest's queries. Contests are the city company's (every staff member sees them);
// entries are read by the contest's judges whatever their branch, by other staff within their
// data scope, and by a retailer for its own store.

export type ContestRow = typeof contests.$inferSelect;

export async function insertContest(executor: Executor, values: typeof contests.$inferInsert) {
  const [row] = await executor.insert(contests).values(values).returning({ id: contests.id });
  return row;
}

export async function insertJudges(
  executor: Executor,
  tenantId: number,
  contestId: number,
  userIds: readonly number[],
) {
  await executor.insert(contestJudges).values(userIds.map((userId) => ({ tenantId, contestId, userId })));
}

// Active staff accounts of the tenant among `ids`.
export async function activeStaff(executor: Executor, tenantId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        inArray(users.id, [...ids]),
        ne(users.role, 'retailer'),
        eq(users.disabled, false),
      ),
    );
}

export async function findContest(executor: Executor, tenantId: number, id: number, lock = false) {
  const query = executor
    .select()
    .from(contests)
    .where(and(eq(contests.tenantId, tenantId), eq(contests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as ContestRow | undefined;
}

export async function findContests(executor: Executor, tenantId: number, statuses?: readonly string[]) {
  return executor
    .select()
    .from(contests)
    .where(
      and(
        eq(contests.tenantId, tenantId),
        statuses ? inArray(contests.status, [...(statuses as ContestRow['status'][])]) : undefined,
      ),
    )
    .orderBy(desc(contests.startsOn), desc(contests.id));
}

export async function judgesOf(executor: Executor, tenantId: number, contestIds: readonly number[]) {
  if (contestIds.length === 0) return [];
  return executor
    .select({ contestId: contestJudges.contestId, id: users.id, displayName: users.displayName })
    .from(contestJudges)
    .innerJoin(users, eq(users.id, contestJudges.userId))
    .where(and(eq(contestJudges.tenantId, tenantId), inArray(contestJudges.contestId, [...contestIds])))
    .orderBy(asc(users.id));
}

export async function entryCountsOf(executor: Executor, tenantId: number, contestIds: readonly number[]) {
  if (contestIds.length === 0) return new Map<number, number>();
  const rows = await executor
    .select({ contestId: contestEntries.contestId, n: count() })
    .from(contestEntries)
    .where(and(eq(contestEntries.tenantId, tenantId), inArray(contestEntries.contestId, [...contestIds])))
    .groupBy(contestEntries.contestId);
  return new Map(rows.map((row) => [row.contestId, Number(row.n)]));
}

// The branch (营销部) a user belongs to: the org unit of kind branch on the path to their own unit;
// null for city-wide staff (at the company or one of its departments).
export async function branchOfUser(executor: Executor, tenantId: number, userId: number): Promise<number | null> {
  const rows = (await executor.execute(sql`
    SELECT branch.id FROM ${users} u
    JOIN ${orgUnits} mine ON mine.tenant_id = u.tenant_id AND mine.id = u.org_unit_id
    JOIN ${orgUnits} branch ON branch.tenant_id = mine.tenant_id AND branch.kind = 'branch'
      AND mine.path LIKE branch.path || '%'
    WHERE u.tenant_id = ${tenantId} AND u.id = ${userId}
    ORDER BY length(branch.path) DESC LIMIT 1`)) as unknown as { rows: { id: number }[] };
  return rows.rows.length === 0 ? null : Number(rows.rows[0].id);
}

const entryColumns = {
  id: contestEntries.id,
  contestId: contestEntries.contestId,
  customerId: contestEntries.customerId,
  customerName: customers.name,
  branchId: customers.branchId,
  branchName: orgUnits.name,
  title: contestEntries.title,
  description: contestEntries.description,
  submittedAt: contestEntries.submittedAt,
};
export type EntryRow = {
  id: number;
  contestId: number;
  customerId: number;
  customerName: string;
  branchId: number;
  branchName: string;
  title: string;
  description: string | null;
  submittedAt: Date;
};

// A contest's entries: all of them (judges, the ranking), or those in `scope`.
export async function findEntries(
  executor: Executor,
  tenantId: number,
  contestId: number,
  scope: DataScope | 'all',
): Promise<EntryRow[]> {
  return (await executor
    .select(entryColumns)
    .from(contestEntries)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, contestEntries.tenantId), eq(customers.id, contestEntries.customerId)),
    )
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)))
    .where(
      and(
        eq(contestEntries.tenantId, tenantId),
        eq(contestEntries.contestId, contestId),
        scope === 'all'
          ? undefined
          : scopeCondition(scope, {
              orgPath: customers.orgPath,
              managerId: customers.managerId,
              customerId: customers.id,
            }),
      ),
    )
    .orderBy(asc(contestEntries.submittedAt), asc(contestEntries.id))) as EntryRow[];
}

export async function findEntry(executor: Executor, tenantId: number, contestId: number, entryId: number) {
  const [row] = await executor
    .select(entryColumns)
    .from(contestEntries)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, contestEntries.tenantId), eq(customers.id, contestEntries.customerId)),
    )
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)))
    .where(
      and(
        eq(contestEntries.tenantId, tenantId),
        eq(contestEntries.contestId, contestId),
        eq(contestEntries.id, entryId),
      ),
    );
  return row as EntryRow | undefined;
}

export async function entryOfStore(executor: Executor, tenantId: number, contestId: number, customerId: number) {
  const [row] = await executor
    .select({ id: contestEntries.id, title: contestEntries.title })
    .from(contestEntries)
    .where(
      and(
        eq(contestEntries.tenantId, tenantId),
        eq(contestEntries.contestId, contestId),
        eq(contestEntries.customerId, customerId),
      ),
    );
  return row;
}

export async function insertEntry(executor: Executor, values: typeof contestEntries.$inferInsert) {
  const [row] = await executor.insert(contestEntries).values(values).returning({ id: contestEntries.id });
  return row;
}

// The photos of entries, in each entry's order.
export async function photoIdsOf(executor: Executor, tenantId: number, entryIds: readonly number[]) {
  const byEntry = new Map<number, number[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await executor
    .select({ id: contestPhotos.id, entryId: contestPhotos.entryId })
    .from(contestPhotos)
    .where(and(eq(contestPhotos.tenantId, tenantId), inArray(contestPhotos.entryId, [...entryIds])))
    .orderBy(asc(contestPhotos.position), asc(contestPhotos.id));
  for (const row of rows) {
    const list = byEntry.get(row.entryId as number) ?? [];
    list.push(row.id);
    byEntry.set(row.entryId as number, list);
  }
  return byEntry;
}

// The bytes of entries' photos (the booklet), in each entry's order.
export async function photoFilesOf(executor: Executor, tenantId: number, entryIds: readonly number[]) {
  if (entryIds.length === 0) return [];
  return executor
    .select({ entryId: contestPhotos.entryId, contentType: storedFiles.contentType, content: storedFiles.content })
    .from(contestPhotos)
    .innerJoin(
      storedFiles,
      and(eq(storedFiles.tenantId, contestPhotos.tenantId), eq(storedFiles.id, contestPhotos.fileId)),
    )
    .where(and(eq(contestPhotos.tenantId, tenantId), inArray(contestPhotos.entryId, [...entryIds])))
    .orderBy(asc(contestPhotos.entryId), asc(contestPhotos.position), asc(contestPhotos.id));
}

export async function insertContestPhoto(
  executor: Executor,
  values: { tenantId: number; uploadedBy: number; fileId: number },
) {
  const [row] = await executor.insert(contestPhotos).values(values).returning({ id: contestPhotos.id });
  return row;
}

// Of `ids`, the photos `userId` uploaded that no entry cites yet (locked until the entry is saved).
export async function unusedPhotosOf(executor: Executor, tenantId: number, userId: number, ids: readonly number[]) {
  const rows = await executor
    .select({ id: contestPhotos.id })
    .from(contestPhotos)
    .where(
      and(
        eq(contestPhotos.tenantId, tenantId),
        eq(contestPhotos.uploadedBy, userId),
        isNull(contestPhotos.entryId),
        inArray(contestPhotos.id, [...ids]),
      ),
    )
    .for('update');
  return new Set(rows.map((row) => row.id));
}

export async function attachPhotos(executor: Executor, tenantId: number, entryId: number, ids: readonly number[]) {
  for (const [position, id] of ids.entries()) {
    await executor
      .update(contestPhotos)
      .set({ entryId, position })
      .where(and(eq(contestPhotos.tenantId, tenantId), eq(contestPhotos.id, id)));
  }
}

// A photo with what decides who may see it: its uploader, and its entry's store and contest.
export async function findPhoto(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select({
      fileId: contestPhotos.fileId,
      uploadedBy: contestPhotos.uploadedBy,
      entryId: contestPhotos.entryId,
      customerId: contestEntries.customerId,
      contestId: contestEntries.contestId,
    })
    .from(contestPhotos)
    .leftJoin(
      contestEntries,
      and(eq(contestEntries.tenantId, contestPhotos.tenantId), eq(contestEntries.id, contestPhotos.entryId)),
    )
    .where(and(eq(contestPhotos.tenantId, tenantId), eq(contestPhotos.id, id)));
  return row;
}

export type ScoreRow = {
  entryId: number;
  judgeId: number;
  scores: Record<string, number>;
  comment: string | null;
  scoredAt: Date;
};

export async function scoresOf(executor: Executor, tenantId: number, contestId: number, judgeId?: number) {
  return (await executor
    .select({
      entryId: contestScores.entryId,
      judgeId: contestScores.judgeId,
      scores: contestScores.scores,
      comment: contestScores.comment,
      scoredAt: contestScores.scoredAt,
    })
    .from(contestScores)
    .where(
      and(
        eq(contestScores.tenantId, tenantId),
        eq(contestScores.contestId, contestId),
        judgeId === undefined ? undefined : eq(contestScores.judgeId, judgeId),
      ),
    )
    .orderBy(asc(contestScores.entryId), asc(contestScores.judgeId))) as ScoreRow[];
}

export async function insertScore(executor: Executor, values: typeof contestScores.$inferInsert) {
  await executor.insert(contestScores).values(values);
}

export async function publishContestRow(
  executor: Executor,
  tenantId: number,
  id: number,
  values: Pick<ContestRow, 'ranking' | 'publishedAt' | 'publishedBy' | 'updatedAt'>,
) {
  await executor
    .update(contests)
    .set({ ...values, status: 'published' })
    .where(and(eq(contests.tenantId, tenantId), eq(contests.id, id)));
}

export async function tenantNameOf(executor: Executor, tenantId: number): Promise<string> {
  const [row] = await executor.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? '';
}
