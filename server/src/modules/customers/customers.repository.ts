import { and, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import type { CustomFieldFilter } from './custom-field.rules.ts';
import type { CustomerSort } from './customer-reference.ts';
import { digitPrefixUpperBound, gramOfQuery, searchShapeOf } from './customer-search.rules.ts';
import { customers, districts } from './customers.schema.ts';

const scoped = { orgPath: customers.orgPath, managerId: customers.managerId, customerId: customers.id };

function visible(tenantId: number, scope: DataScope): SQL {
  return and(eq(customers.tenantId, tenantId), scopeCondition(scope, scoped)) as SQL;
}

const customerColumns = {
  id: customers.id,
  licenceNo: customers.licenceNo,
  name: customers.name,
  owner: customers.owner,
  phone: customers.phone,
  address: customers.address,
  districtCode: customers.districtCode,
  districtName: districts.name,
  urbanRural: customers.urbanRural,
  format: customers.format,
  status: customers.status,
  statusReason: customers.statusReason,
  managerId: customers.managerId,
  managerName: users.displayName,
  branchId: customers.branchId,
  branchName: orgUnits.name,
  orgPath: customers.orgPath,
  orderDay: customers.orderDay,
  orderChannel: customers.orderChannel,
  latitude: customers.latitude,
  longitude: customers.longitude,
  licenceValidUntil: customers.licenceValidUntil,
  tags: customers.tags,
  classCode: customers.classCode,
  demoType: customers.demoType,
  customFields: customers.customFields,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

function selectCustomers<Extra extends Record<string, SQL.Aliased | SQL>>(executor: Executor, extra?: Extra) {
  return executor
    .select({ ...customerColumns, ...(extra ?? ({} as Extra)) })
    .from(customers)
    .innerJoin(districts, and(eq(districts.tenantId, customers.tenantId), eq(districts.code, customers.districtCode)))
    .innerJoin(users, eq(users.id, customers.managerId))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, customers.tenantId), eq(orgUnits.id, customers.branchId)));
}

export async function findCustomerInScope(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [row] = await selectCustomers(executor)
    .where(and(visible(tenantId, scope), eq(customers.id, id)))
    .limit(1);
  return row;
}

export type CustomerView = NonNullable<Awaited<ReturnType<typeof findCustomerInScope>>>;

// ---- The list: filters, the one search box, and keyset paging. ----

export type CustomerFilters = {
  q?: string;
  branchId?: number;
  districtCode?: string;
  managerId?: number;
  format?: (typeof customers.$inferSelect)['format'];
  urbanRural?: (typeof customers.$inferSelect)['urbanRural'];
  status?: (typeof customers.$inferSelect)['status'];
  class?: NonNullable<(typeof customers.$inferSelect)['classCode']>;
  tag?: string;
  customFields?: readonly CustomFieldFilter[];
};

// Where the list resumes: the last row's rank, sort value and id.
export type CustomerCursor = { rank: number; value: string; id: number };

// Above this many matches a search's total is the planner's estimate (flagged), not a count:
// counting every store that contains 店 would cost more than finding the first page.
export const exactTotalLimit = 5_000;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

// One rank of search results. A query's tiers are disjoint and together are its matches; the
// page takes the best tier first, each tier in the list's sort order, so a broad query reads
// only the first rows of an index in that order and a narrow one only its (indexed) matches.
// `window`, when given, is implied by the condition and narrows where a tier's ordered read starts
// (a licence prefix is a range of the licence index).
type SearchTier = { rank: number; condition: SQL; window?: SQL };
type Search = { tiers: SearchTier[]; match: SQL };

const arrayHas = (column: AnyPgColumn, gram: string) => sql`${column} @> ARRAY[${gram}]::text[]`;

// Substring of the name, and of owner or address: a gram lookup for 1–2 characters, else ILIKE
// on search_text (the trigram index) rechecked on the name.
function substringOf(q: string): { name: SQL; ownerOrAddress: SQL; any: SQL } {
  const gram = gramOfQuery(q);
  if (gram) {
    const name = arrayHas(customers.nameGrams, gram);
    const ownerOrAddress = arrayHas(customers.ownerAddressGrams, gram);
    return { name, ownerOrAddress, any: sql`(${name} OR ${ownerOrAddress})` };
  }
  const pattern = `%${escapeLike(q)}%`;
  const any = sql`${customers.searchText} ILIKE ${pattern}`;
  return {
    name: sql`(${any} AND ${customers.name} ILIKE ${pattern})`,
    ownerOrAddress: sql`(${any} AND NOT ${customers.name} ILIKE ${pattern})`,
    any,
  };
}

// Ranks: 0 exact licence or phone, 1 licence prefix, 2 the store name (substring, or its pinyin
// or initials begin with the query), 3 owner or address (substring, or the owner's pinyin).
function searchOf(q: string): Search {
  switch (searchShapeOf(q)) {
    case 'number': {
      const exact = sql`(${customers.licenceNo} = ${q} OR ${customers.phone} = ${q})`;
      const upper = digitPrefixUpperBound(q);
      const range = sql`(${customers.licenceNo} >= ${q}${upper ? sql` AND ${customers.licenceNo} < ${upper}` : sql``})`;
      const prefix = sql`(${customers.licenceNo} LIKE ${`${escapeLike(q)}%`} AND ${range})`;
      return {
        tiers: [
          { rank: 0, condition: exact },
          { rank: 1, condition: sql`(${prefix} AND NOT ${exact})`, window: range },
        ],
        match: sql`(${exact} OR ${prefix})`,
      };
    }
    case 'letters': {
      const substring = substringOf(q);
      const pinyin = `${escapeLike(q.toLowerCase())}%`;
      const name = sql`(${substring.name} OR ${customers.nameInitials} LIKE ${pinyin} OR ${customers.namePinyin} LIKE ${pinyin})`;
      const other = sql`(${substring.ownerOrAddress} OR ${customers.ownerInitials} LIKE ${pinyin} OR ${customers.ownerPinyin} LIKE ${pinyin})`;
      return {
        tiers: [
          { rank: 2, condition: name },
          // A name without letters has no pinyin: its name match is NULL, not false.
          { rank: 3, condition: sql`(${other} AND ${name} IS NOT TRUE)` },
        ],
        match: sql`(${name} OR ${other})`,
      };
    }
    case 'text': {
      const substring = substringOf(q);
      return {
        tiers: [
          { rank: 2, condition: substring.name },
          { rank: 3, condition: sql`(${substring.ownerOrAddress} AND NOT ${substring.name})` },
        ],
        match: substring.any,
      };
    }
  }
}

function filterConditions(tenantId: number, scope: DataScope, filters: CustomerFilters): SQL {
  return and(
    visible(tenantId, scope),
    filters.branchId !== undefined ? eq(customers.branchId, filters.branchId) : undefined,
    filters.districtCode ? eq(customers.districtCode, filters.districtCode) : undefined,
    filters.managerId !== undefined ? eq(customers.managerId, filters.managerId) : undefined,
    filters.format ? eq(customers.format, filters.format) : undefined,
    filters.urbanRural ? eq(customers.urbanRural, filters.urbanRural) : undefined,
    filters.status ? eq(customers.status, filters.status) : undefined,
    filters.class ? eq(customers.classCode, filters.class) : undefined,
    filters.tag ? sql`${customers.tags} @> ARRAY[${filters.tag}]::text[]` : undefined,
    ...(filters.customFields ?? []).map(customFieldCondition),
  ) as SQL;
}

// The rows the list shows for these filters and this search, in no particular order: what the
// list counts, and what an export writes.
function listedConditions(tenantId: number, scope: DataScope, filters: CustomerFilters): SQL {
  return and(filterConditions(tenantId, scope, filters), filters.q ? searchOf(filters.q).match : undefined) as SQL;
}

// Choices go through the GIN index (@>); text and ranges read the value out of the JSON.
function customFieldCondition(filter: CustomFieldFilter): SQL {
  const value = sql`(${customers.customFields} ->> ${filter.key})`;
  switch (filter.match) {
    case 'equals':
      return sql`${customers.customFields} @> ${JSON.stringify({ [filter.key]: filter.value })}::jsonb`;
    case 'has':
      return sql`${customers.customFields} @> ${JSON.stringify({ [filter.key]: [filter.value] })}::jsonb`;
    case 'contains':
      return sql`${value} LIKE ${`%${escapeLike(filter.value)}%`}`;
    case 'range': {
      const typed = filter.kind === 'number' ? sql`${value}::numeric` : value;
      return and(
        sql`${customers.customFields} ? ${filter.key}`,
        filter.from !== undefined ? sql`${typed} >= ${filter.from}` : undefined,
        filter.to !== undefined ? sql`${typed} <= ${filter.to}` : undefined,
      ) as SQL;
    }
  }
}

// Each sort: the column to order by (index-backed), how its value travels in the cursor as text,
// and how the text is read back.
// `unindexed` is the same order through an expression no index has (see tierPageIds).
const sortColumns = {
  licenceNo: {
    column: sql`${customers.licenceNo}`,
    unindexed: sql`(${customers.licenceNo} || '')`,
    asText: sql`${customers.licenceNo}`,
    fromText: (value: string) => sql`${value}`,
  },
  name: {
    column: sql`${customers.name}`,
    unindexed: sql`(${customers.name} || '')`,
    asText: sql`${customers.name}`,
    fromText: (value: string) => sql`${value}`,
  },
  updatedAt: {
    column: sql`${customers.updatedAt}`,
    unindexed: sql`(${customers.updatedAt} + interval '0 seconds')`,
    // Microseconds included, so the cursor resumes exactly.
    asText: sql`to_char(${customers.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromText: (value: string) => sql`${value}::timestamptz`,
  },
};

export async function findCustomerPage(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: CustomerFilters,
  page: { sort: CustomerSort; limit: number; after?: CustomerCursor; exactTotalLimit?: number; orderedWindow?: number },
) {
  const descending = page.sort.startsWith('-');
  const sortBy = sortColumns[page.sort.replace('-', '') as keyof typeof sortColumns];
  const direction = descending ? sql`DESC` : sql`ASC`;
  const where = filterConditions(tenantId, scope, filters);
  const search = filters.q ? searchOf(filters.q) : undefined;
  const tiers = search?.tiers ?? [{ rank: 0, condition: sql`true` }];
  const after = page.after;
  const readPage = async () => {
    // One row more than asked says whether there is a next page.
    const rows: (CustomerView & { searchRank: number; sortValue: string })[] = [];
    for (const tier of tiers) {
      if (after && tier.rank < after.rank) continue;
      const resume =
        after && tier.rank === after.rank
          ? descending
            ? sql`(${sortBy.column}, ${customers.id}) < (${sortBy.fromText(after.value)}, ${after.id})`
            : sql`(${sortBy.column}, ${customers.id}) > (${sortBy.fromText(after.value)}, ${after.id})`
          : undefined;
      const ids = await tierPageIds(executor, and(where, resume) as SQL, tier, sortBy, direction, {
        need: page.limit + 1 - rows.length,
        window: page.orderedWindow ?? orderedWindow,
      });
      if (ids.length === 0) continue;
      // The joins for the page's rows only. (Joined in one query with the search, the planner
      // joins every match before sorting when the matches come from a bitmap: thousands for 20.)
      const found = await selectCustomers(executor, { sortValue: sql<string>`${sortBy.asText}` })
        .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)))
        .orderBy(sql`${sortBy.column} ${direction}`, sql`${customers.id} ${direction}`);
      rows.push(...found.map((row) => ({ ...row, searchRank: tier.rank })));
      if (rows.length > page.limit) break;
    }
    return rows;
  };
  const [rows, counted] = await Promise.all([
    readPage(),
    search
      ? countUpTo(executor, listedConditions(tenantId, scope, filters), page.exactTotalLimit ?? exactTotalLimit)
      : countAll(executor, where),
  ]);
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  const next: CustomerCursor | undefined = last
    ? { rank: last.searchRank, value: String(last.sortValue), id: last.id }
    : undefined;
  const items = rows.slice(0, page.limit).map(({ searchRank: _rank, sortValue: _value, ...row }) => row);
  return { items, total: counted.total, totalIsEstimate: counted.isEstimate, next };
}

// How many rows, in the list's order, a tier reads before deciding it is sparse.
export const orderedWindow = 2_000;

// The ids of a tier's next rows, in the list's order. First the next `orderedWindow` rows in that
// order (an index scan), filtered by the tier: a broad query (店) finds its page in the first rows.
// When the window holds fewer than the page needs, the tier is sparse (under 1% of the rows):
// it is read through its own indexes (GIN, pinyin B-trees) and sorted. The sort key is wrapped
// so that the planner cannot walk the ordered index instead, through every row of a large city,
// for matches that are not there (胜利 is in addresses, never in a store name).
async function tierPageIds(
  executor: Executor,
  base: SQL,
  tier: SearchTier,
  sortBy: (typeof sortColumns)[keyof typeof sortColumns],
  direction: SQL,
  page: { need: number; window: number },
): Promise<number[]> {
  const order = sql`${sortBy.column} ${direction}, ${customers.id} ${direction}`;
  const windowed = await executor.execute(
    sql`SELECT ${customers.id} AS id FROM (SELECT * FROM ${customers} WHERE ${and(base, tier.window)} ORDER BY ${order} LIMIT ${page.window}) AS ${customers} WHERE ${tier.condition} ORDER BY ${order} LIMIT ${page.need}`,
  );
  const ids = (windowed as unknown as { rows: { id: number }[] }).rows.map((row) => Number(row.id));
  if (ids.length === page.need) return ids;
  const sparse = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(and(base, tier.condition))
    .orderBy(sql`${sortBy.unindexed} ${direction}`, sql`${customers.id} ${direction}`)
    .limit(page.need);
  return sparse.map((row) => row.id);
}

async function countAll(executor: Executor, where: SQL) {
  const [{ total }] = await executor.select({ total: count() }).from(customers).where(where);
  return { total, isEstimate: false };
}

// Counts the matches up to a limit; beyond it, answers the planner's estimate of the number of
// matching rows (from the statistics VACUUM ANALYZE / autovacuum keep), never below the limit.
async function countUpTo(executor: Executor, where: SQL, limit: number) {
  const matches = executor
    .select({ one: sql`1`.as('one') })
    .from(customers)
    .where(where)
    .limit(limit + 1)
    .as('matches');
  const [{ total }] = await executor.select({ total: count() }).from(matches);
  if (total <= limit) return { total, isEstimate: false };
  const result = await executor.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${customers} WHERE ${where}`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const plan = row['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: { 'Plan Rows': number } }];
  return { total: Math.max(limit + 1, Math.round(parsed[0].Plan['Plan Rows'])), isEstimate: true };
}

// ---- Writes ----

export async function findDistrictCodes(executor: Executor, tenantId: number): Promise<Set<string>> {
  const rows = await executor.select({ code: districts.code }).from(districts).where(eq(districts.tenantId, tenantId));
  return new Set(rows.map((row) => row.code));
}

export async function insertDistricts(executor: Executor, rows: (typeof districts.$inferInsert)[]) {
  if (rows.length > 0) await executor.insert(districts).values(rows).onConflictDoNothing();
}

// The city companies that already serve one of these districts: a district belongs to one.
export async function findTenantIdsServingDistricts(executor: Executor, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await executor
    .selectDistinct({ tenantId: districts.tenantId })
    .from(districts)
    .where(inArray(districts.code, [...codes]));
  return rows.map((row) => row.tenantId);
}

export async function isLicenceNoTaken(executor: Executor, tenantId: number, licenceNo: string) {
  const [row] = await executor
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.licenceNo, licenceNo)))
    .limit(1);
  return row !== undefined;
}

// A customer manager the actor may assign: role manager, enabled, in the tenant, and placed in an
// org unit inside the actor's scope. Their unit becomes the customer's branch.
export async function findAssignableManager(executor: Executor, tenantId: number, scope: DataScope, userId: number) {
  const [manager] = await executor
    .select({ id: users.id, displayName: users.displayName, branchId: orgUnits.id, orgPath: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.id, userId),
        eq(users.role, 'manager'),
        eq(users.disabled, false),
        scopeCondition(scope, { orgPath: orgUnits.path }),
      ),
    )
    .limit(1);
  return manager;
}

export type CustomerInsert = typeof customers.$inferInsert;

export async function insertCustomers(executor: Executor, rows: CustomerInsert[]) {
  if (rows.length === 0) return [];
  return executor
    .insert(customers)
    .values(rows)
    .returning({ id: customers.id, licenceNo: customers.licenceNo, name: customers.name });
}

export async function updateCustomer(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<Omit<CustomerInsert, 'tenantId' | 'id' | 'licenceNo' | 'createdAt'>>,
) {
  await executor
    .update(customers)
    .set(changes)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)));
}

// Locks the rows for the rest of the transaction, so a concurrent reassignment waits its turn.
export async function lockCustomersInScope(executor: Executor, tenantId: number, scope: DataScope, ids: number[]) {
  return executor
    .select({
      id: customers.id,
      managerId: customers.managerId,
      branchId: customers.branchId,
      orgPath: customers.orgPath,
    })
    .from(customers)
    .where(and(visible(tenantId, scope), inArray(customers.id, ids)))
    .for('update');
}

export async function reassignCustomers(
  executor: Executor,
  tenantId: number,
  ids: number[],
  manager: { id: number; branchId: number; orgPath: string },
  now: Date,
) {
  if (ids.length === 0) return;
  await executor
    .update(customers)
    .set({ managerId: manager.id, branchId: manager.branchId, orgPath: manager.orgPath, updatedAt: now })
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}

// A customer's change history, newest first. Whoever may see the customer may see its history,
// whoever made the change (unlike the audit search, which is placed by the changer's unit).
export async function findCustomerHistory(
  executor: Executor,
  tenantId: number,
  customerId: number,
  page: { beforeId?: number; limit: number },
) {
  return executor
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.entity, 'customer'),
        eq(auditLog.entityId, String(customerId)),
        page.beforeId !== undefined ? lt(auditLog.id, page.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
}

// ---- What the list can be filtered by, within a scope ----

export async function findCustomerReference(executor: Executor, tenantId: number, scope: DataScope) {
  const managerScope =
    scope.kind === 'own' ? sql`${users.id} = ${scope.userId}` : scopeCondition(scope, { orgPath: orgUnits.path });
  const [districtRows, managerRows, tagRows] = await Promise.all([
    executor
      .select({ code: districts.code, name: districts.name })
      .from(districts)
      .where(eq(districts.tenantId, tenantId))
      .orderBy(districts.code),
    executor
      .select({
        id: users.id,
        name: users.displayName,
        username: users.username,
        branchId: orgUnits.id,
        branchName: orgUnits.name,
      })
      .from(users)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.orgUnitId)))
      .where(and(eq(users.tenantId, tenantId), eq(users.role, 'manager'), managerScope))
      .orderBy(users.username),
    executor
      .selectDistinct({ tag: sql<string>`unnest(${customers.tags})` })
      .from(customers)
      .where(and(visible(tenantId, scope), sql`cardinality(${customers.tags}) > 0`))
      .orderBy(sql`1`)
      .limit(500),
  ]);
  const branches = new Map<number, string>();
  for (const manager of managerRows) branches.set(manager.branchId, manager.branchName);
  return {
    districts: districtRows,
    branches: [...branches].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id),
    managers: managerRows.map(({ branchName: _branchName, ...manager }) => manager),
    tags: tagRows.map((row) => row.tag),
  };
}

// ---- The spreadsheet export ----

// One page of the filtered list in licence order, resuming after a licence number (unique per
// tenant): keyset paging without the list's count, for exports of the whole city.
export async function findCustomerRowsForExport(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: CustomerFilters,
  page: { afterLicenceNo?: string; limit: number },
) {
  return selectCustomers(executor, { managerUsername: sql<string>`${users.username}` })
    .where(
      and(
        listedConditions(tenantId, scope, filters),
        page.afterLicenceNo !== undefined ? sql`${customers.licenceNo} > ${page.afterLicenceNo}` : undefined,
      ),
    )
    .orderBy(customers.licenceNo)
    .limit(page.limit);
}
