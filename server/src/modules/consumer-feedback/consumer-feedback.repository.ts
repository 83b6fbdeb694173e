import { aliasedTable, and, asc, count, desc, eq, gte, isNotNull, isNull, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { tickets } from '../tickets/index.ts';
import type { FeedbackTopic } from './consumer-feedback.rules.ts';
import { consumerFeedback, type FeedbackInsert } from './consumer-feedback.schema.ts';

// The module's own table is written here; the ticket (the clock), the store, the product and the
// branch are read, never written (tickets.firstResponseDueAt is the item's response due time).

export const feedbackScope = (scope: DataScope): SQL =>
  scopeCondition(scope, {
    orgPath: consumerFeedback.orgPath,
    managerId: consumerFeedback.managerId,
    customerId: consumerFeedback.customerId,
  });

export const photoPrefix = (customerId: number) => `consumer-feedback/c${customerId}/`;

export type FeedbackFilters = {
  state?: 'open' | 'answered';
  overdue?: boolean;
  topic?: FeedbackTopic;
  productId?: number;
  branchId?: number;
  customerId?: number;
  limit: number;
  offset: number;
};

const branches = aliasedTable(orgUnits, 'branch');

const columns = {
  item: consumerFeedback,
  responseDueAt: tickets.firstResponseDueAt,
  ticketStatus: tickets.status,
  storeName: customers.name,
  licenceNo: customers.licenceNo,
  productName: products.name,
  branchName: branches.name,
  answeredByName: users.displayName,
};

function selectFeedback(executor: Executor) {
  return executor
    .select(columns)
    .from(consumerFeedback)
    .innerJoin(tickets, and(eq(tickets.tenantId, consumerFeedback.tenantId), eq(tickets.id, consumerFeedback.ticketId)))
    .innerJoin(
      customers,
      and(eq(customers.tenantId, consumerFeedback.tenantId), eq(customers.id, consumerFeedback.customerId)),
    )
    .leftJoin(
      products,
      and(eq(products.tenantId, consumerFeedback.tenantId), eq(products.id, consumerFeedback.productId)),
    )
    .leftJoin(
      branches,
      and(eq(branches.tenantId, consumerFeedback.tenantId), eq(branches.id, consumerFeedback.branchId)),
    )
    .leftJoin(users, eq(users.id, consumerFeedback.answeredBy));
}

export type FeedbackListRow = Awaited<ReturnType<ReturnType<typeof selectFeedback>['execute']>>[number];

export async function insertFeedback(executor: Executor, row: FeedbackInsert) {
  const [inserted] = await executor.insert(consumerFeedback).values(row).returning();
  return inserted;
}

export async function updateFeedback(
  executor: Executor,
  tenantId: number,
  id: number,
  changes: Partial<FeedbackInsert>,
) {
  const [updated] = await executor
    .update(consumerFeedback)
    .set(changes)
    .where(and(eq(consumerFeedback.tenantId, tenantId), eq(consumerFeedback.id, id)))
    .returning();
  return updated;
}

export async function listFeedback(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  filters: FeedbackFilters,
  now: Date,
) {
  const where = and(
    eq(consumerFeedback.tenantId, tenantId),
    feedbackScope(scope),
    filters.state === 'open' ? isNull(consumerFeedback.answeredAt) : undefined,
    filters.state === 'answered' ? isNotNull(consumerFeedback.answeredAt) : undefined,
    filters.overdue ? and(isNull(consumerFeedback.answeredAt), lt(tickets.firstResponseDueAt, now)) : undefined,
    filters.topic ? eq(consumerFeedback.topic, filters.topic) : undefined,
    filters.productId ? eq(consumerFeedback.productId, filters.productId) : undefined,
    filters.branchId ? eq(consumerFeedback.branchId, filters.branchId) : undefined,
    filters.customerId ? eq(consumerFeedback.customerId, filters.customerId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectFeedback(executor)
      .where(where)
      .orderBy(
        // Unanswered first, the most urgent first; then the latest answered.
        sql`${consumerFeedback.answeredAt} IS NULL DESC`,
        sql`CASE WHEN ${consumerFeedback.answeredAt} IS NULL THEN ${tickets.firstResponseDueAt} END ASC`,
        desc(consumerFeedback.createdAt),
        desc(consumerFeedback.id),
      )
      .limit(filters.limit)
      .offset(filters.offset),
    executor
      .select({ n: count() })
      .from(consumerFeedback)
      .innerJoin(
        tickets,
        and(eq(tickets.tenantId, consumerFeedback.tenantId), eq(tickets.id, consumerFeedback.ticketId)),
      )
      .where(where),
  ]);
  return { rows, total: total.n };
}

export async function getScopedFeedback(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [row] = await selectFeedback(executor).where(
    and(eq(consumerFeedback.tenantId, tenantId), eq(consumerFeedback.id, id), feedbackScope(scope)),
  );
  return row;
}

// Locks the item for an answer or a change, within scope.
export async function lockScopedFeedback(executor: Executor, tenantId: number, scope: DataScope, id: number) {
  const [row] = await executor
    .select()
    .from(consumerFeedback)
    .where(and(eq(consumerFeedback.tenantId, tenantId), eq(consumerFeedback.id, id), feedbackScope(scope)))
    .for('update');
  return row;
}

export async function productExists(executor: Executor, tenantId: number, productId: number) {
  const [row] = await executor
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, productId)));
  return row !== undefined;
}

// A photo the store itself uploaded (its file name carries the store's prefix).
export async function storePhotoExists(executor: Executor, tenantId: number, customerId: number, fileId: number) {
  const [row] = await executor
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.tenantId, tenantId),
        eq(storedFiles.id, fileId),
        like(storedFiles.fileName, `${photoPrefix(customerId)}%`),
      ),
    );
  return row !== undefined;
}

// Counts of a period by product and topic, in a data scope (the monthly summary).
export async function countByProductAndTopic(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  from: Date,
  to: Date,
) {
  const rows = await executor
    .select({
      productId: consumerFeedback.productId,
      productName: products.name,
      topic: consumerFeedback.topic,
      count: count(),
    })
    .from(consumerFeedback)
    .leftJoin(
      products,
      and(eq(products.tenantId, consumerFeedback.tenantId), eq(products.id, consumerFeedback.productId)),
    )
    .where(
      and(
        eq(consumerFeedback.tenantId, tenantId),
        feedbackScope(scope),
        gte(consumerFeedback.createdAt, from),
        lt(consumerFeedback.createdAt, to),
      ),
    )
    .groupBy(consumerFeedback.productId, products.name, consumerFeedback.topic)
    .orderBy(asc(consumerFeedback.productId));
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

// The period's answering: answered, of which within the clock, and unanswered past it.
export async function answeringOf(
  executor: Executor,
  tenantId: number,
  scope: DataScope,
  from: Date,
  to: Date,
  now: Date,
) {
  const [row] = await executor
    .select({
      total: count(),
      answered: sql<number>`count(${consumerFeedback.answeredAt})::int`,
      answeredInTime: sql<number>`count(*) FILTER (WHERE ${consumerFeedback.answeredAt} < ${tickets.firstResponseDueAt})::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${consumerFeedback.answeredAt} IS NULL AND ${tickets.firstResponseDueAt} < ${now.toISOString()}::timestamptz)::int`,
    })
    .from(consumerFeedback)
    .innerJoin(tickets, and(eq(tickets.tenantId, consumerFeedback.tenantId), eq(tickets.id, consumerFeedback.ticketId)))
    .where(
      and(
        eq(consumerFeedback.tenantId, tenantId),
        feedbackScope(scope),
        gte(consumerFeedback.createdAt, from),
        lt(consumerFeedback.createdAt, to),
      ),
    );
  return {
    total: Number(row.total),
    answered: Number(row.answered),
    answeredInTime: Number(row.answeredInTime),
    overdue: Number(row.overdue),
  };
}

// The stores that relayed feedback in [from, to): one column, customer_id (客我互动率).
export function interactingStoresSql(from: Date, to: Date): SQL {
  return sql`SELECT DISTINCT ${sql.identifier('customer_id')} FROM ${consumerFeedback} WHERE ${consumerFeedback.createdAt} >= ${from.toISOString()}::timestamptz AND ${consumerFeedback.createdAt} < ${to.toISOString()}::timestamptz`;
}

// The catalogue's products a store may name (the portal's picker): every product, active first.
export async function listProductChoices(executor: Executor, tenantId: number) {
  return executor
    .select({
      id: products.id,
      name: products.name,
      brand: products.brand,
      active: sql<boolean>`${products.status} = 'active'`,
    })
    .from(products)
    .where(eq(products.tenantId, tenantId))
    .orderBy(sql`${products.status} = 'active' DESC`, asc(products.brand), asc(products.name), asc(products.id))
    .limit(2000);
}
