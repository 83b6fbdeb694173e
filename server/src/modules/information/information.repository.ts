import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type DataScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { orgUnits, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import { type Segment, storesInSegmentSql } from '../supply/index.ts';
import { defaultCategories } from './information.rules.ts';
import {
  type ArticleFileKind,
  type ArticleStatus,
  articleCategories,
  articleDeliveries,
  articleFiles,
  articles,
} from './information.schema.ts';

// 信息推送's statements. Delivery rows are written set-based (one INSERT … SELECT per article) and
// the receipts read from them directly, so a read a moment before is counted.

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// The tenant's categories, the five defaults written the first time they are asked for.
export async function ensureCategories(executor: Executor, tenantId: number): Promise<void> {
  const [existing] = await executor
    .select({ id: articleCategories.id })
    .from(articleCategories)
    .where(eq(articleCategories.tenantId, tenantId))
    .limit(1);
  if (existing) return;
  await executor
    .insert(articleCategories)
    .values(defaultCategories.map((name, position) => ({ tenantId, name, position })))
    .onConflictDoNothing();
}

export async function listCategories(executor: Executor, tenantId: number) {
  const result = await executor.execute(sql`
    SELECT c.id, c.name, c.position, c.archived,
      (SELECT count(*)::int FROM ${articles} a WHERE a.tenant_id = c.tenant_id AND a.category_id = c.id) AS articles
    FROM ${articleCategories} c WHERE c.tenant_id = ${tenantId}
    ORDER BY c.archived, c.position, c.id`);
  return rowsOf<{ id: number; name: string; position: number; archived: boolean; articles: number }>(result).map(
    (row) => ({ ...row, id: Number(row.id), position: Number(row.position), articles: Number(row.articles) }),
  );
}

export async function findCategory(executor: Executor, tenantId: number, id: number) {
  const [row] = await executor
    .select()
    .from(articleCategories)
    .where(and(eq(articleCategories.tenantId, tenantId), eq(articleCategories.id, id)));
  return row;
}

// The segment's active stores in the whole tenant, and of them those in `scope`.
export async function countTargeted(
  executor: Executor,
  tenantId: number,
  segment: Segment,
  scope: DataScope,
  onDate: string,
): Promise<{ targeted: number; inScope: number }> {
  const inScope = scopeCondition(scope, {
    orgPath: sql`c.org_path`,
    managerId: sql`c.manager_id`,
    customerId: sql`c.id`,
  });
  const result = await executor.execute(sql`
    SELECT count(*)::int AS targeted, count(*) FILTER (WHERE ${inScope})::int AS in_scope
    FROM (${storesInSegmentSql(tenantId, segment, { onDate })}) s
    JOIN ${customers} c ON c.tenant_id = ${tenantId} AND c.id = s.customer_id`);
  const [row] = rowsOf<{ targeted: number; in_scope: number }>(result);
  return { targeted: Number(row?.targeted ?? 0), inScope: Number(row?.in_scope ?? 0) };
}

// One delivery row per targeted store, in one statement; returns how many were written.
export async function insertDeliveries(
  executor: Executor,
  tenantId: number,
  articleId: number,
  segment: Segment,
  onDate: string,
  deliveredAt: Date,
): Promise<number> {
  const result = await executor.execute(sql`
    WITH inserted AS (
    INSERT INTO ${articleDeliveries}
      (tenant_id, article_id, customer_id, branch_id, manager_id, class_code, format, delivered_at)
    SELECT ${tenantId}, ${articleId}, s.customer_id, s.branch_id, s.manager_id, s.class_code, s.format,
      ${deliveredAt.toISOString()}::timestamptz
    FROM (${storesInSegmentSql(tenantId, segment, { onDate, withGroups: true })}) s
    ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

// Which articles staff see: a city-wide scope every one; an org scope those written in it or above
// it (the city's); a manager ('own') every one (their receipts are their own stores'). The column
// is named bare: only `articles` has it in the statements that use this.
export function visibleArticlesSql(scope: DataScope): SQL {
  if (scope.kind !== 'org') return sql`true`;
  const path = scope.orgPath;
  return sql`(author_org_path LIKE ${`${path.replace(/[\\%_]/g, '\\$&')}%`} OR ${path} LIKE author_org_path || '%')`;
}

export function writableArticlesSql(scope: DataScope): SQL {
  if (scope.kind !== 'org') return sql`false`;
  return sql`author_org_path LIKE ${`${scope.orgPath.replace(/[\\%_]/g, '\\$&')}%`}`;
}

export type ArticleRow = typeof articles.$inferSelect & { category: string; authorName: string };

const articleColumns = {
  tenantId: articles.tenantId,
  id: articles.id,
  categoryId: articles.categoryId,
  title: articles.title,
  summary: articles.summary,
  bodyHtml: articles.bodyHtml,
  coverFileId: articles.coverFileId,
  acknowledgeRequired: articles.acknowledgeRequired,
  target: articles.target,
  authorOrgPath: articles.authorOrgPath,
  status: articles.status,
  publishAt: articles.publishAt,
  publishedAt: articles.publishedAt,
  targetedCount: articles.targetedCount,
  createdBy: articles.createdBy,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
  category: articleCategories.name,
  authorName: sql<string>`coalesce(${users.displayName}, '')`,
};

export async function findArticle(
  executor: Executor,
  tenantId: number,
  id: number,
  visible: SQL = sql`true`,
  lock = false,
): Promise<ArticleRow | undefined> {
  const query = executor
    .select(articleColumns)
    .from(articles)
    .innerJoin(
      articleCategories,
      and(eq(articleCategories.tenantId, articles.tenantId), eq(articleCategories.id, articles.categoryId)),
    )
    .leftJoin(users, eq(users.id, articles.createdBy))
    .where(and(eq(articles.tenantId, tenantId), eq(articles.id, id), visible));
  const [row] = lock ? await query.for('update', { of: articles }) : await query;
  return row;
}

export async function listArticles(
  executor: Executor,
  tenantId: number,
  filter: { visible: SQL; status?: ArticleStatus; categoryId?: number; q?: string; limit: number; offset: number },
) {
  const conditions: SQL[] = [sql`a.tenant_id = ${tenantId}`, filter.visible];
  if (filter.status) conditions.push(sql`a.status = ${filter.status}`);
  if (filter.categoryId) conditions.push(sql`a.category_id = ${filter.categoryId}`);
  if (filter.q) conditions.push(sql`a.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  const where = sql.join(conditions, sql` AND `);
  const result = await executor.execute(sql`
    SELECT a.id, a.title, a.category_id, c.name AS category, a.status, a.acknowledge_required,
      a.publish_at, a.published_at, a.targeted_count, a.updated_at, coalesce(u.display_name, '') AS author_name,
      coalesce(r.read, 0)::int AS read, coalesce(r.acknowledged, 0)::int AS acknowledged,
      count(*) OVER ()::int AS total
    FROM ${articles} a
    JOIN ${articleCategories} c ON c.tenant_id = a.tenant_id AND c.id = a.category_id
    LEFT JOIN ${users} u ON u.id = a.created_by
    LEFT JOIN LATERAL (
      SELECT count(d.read_at) AS read, count(d.acknowledged_at) AS acknowledged
      FROM ${articleDeliveries} d WHERE d.tenant_id = a.tenant_id AND d.article_id = a.id) r ON a.status <> 'draft'
    WHERE ${where}
    ORDER BY coalesce(a.published_at, a.publish_at, a.updated_at) DESC, a.id DESC
    LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  return rowsOf<{
    id: number;
    title: string;
    category_id: number;
    category: string;
    status: ArticleStatus;
    acknowledge_required: boolean;
    publish_at: string | Date | null;
    published_at: string | Date | null;
    targeted_count: number;
    updated_at: string | Date;
    author_name: string;
    read: number;
    acknowledged: number;
    total: number;
  }>(result);
}

// The files an article shows, or that `userId` uploaded and no article uses yet, among `ids`.
export async function usableFiles(
  executor: Executor,
  tenantId: number,
  ids: number[],
  userId: number,
  articleId?: number,
) {
  if (ids.length === 0) return [];
  const own = and(isNull(articleFiles.articleId), eq(articleFiles.uploadedBy, userId));
  return executor
    .select({ id: articleFiles.id, kind: articleFiles.kind })
    .from(articleFiles)
    .where(
      and(
        eq(articleFiles.tenantId, tenantId),
        inArray(articleFiles.id, ids),
        articleId === undefined ? own : or(own, eq(articleFiles.articleId, articleId)),
      ),
    );
}

export async function linkFiles(executor: Executor, tenantId: number, articleId: number, ids: number[]) {
  if (ids.length === 0) return;
  await executor
    .update(articleFiles)
    .set({ articleId })
    .where(and(eq(articleFiles.tenantId, tenantId), inArray(articleFiles.id, ids)));
}

export async function unlinkAttachmentsExcept(executor: Executor, tenantId: number, articleId: number, keep: number[]) {
  await executor.execute(sql`
    UPDATE ${articleFiles} SET article_id = NULL
    WHERE tenant_id = ${tenantId} AND article_id = ${articleId} AND kind = 'attachment'
      AND NOT (id = ANY(${`{${keep.join(',')}}`}::int[]))`);
}

export async function filesOf(executor: Executor, tenantId: number, articleIds: number[]) {
  if (articleIds.length === 0) return [];
  return executor
    .select({
      id: articleFiles.id,
      articleId: articleFiles.articleId,
      kind: articleFiles.kind,
      fileName: articleFiles.fileName,
      sizeBytes: articleFiles.sizeBytes,
    })
    .from(articleFiles)
    .where(and(eq(articleFiles.tenantId, tenantId), inArray(articleFiles.articleId, articleIds)))
    .orderBy(articleFiles.id);
}

export async function insertArticleFile(
  executor: Executor,
  values: {
    tenantId: number;
    fileId: number;
    kind: ArticleFileKind;
    fileName: string;
    sizeBytes: number;
    uploadedBy: number;
    uploadedAt: Date;
  },
) {
  const [row] = await executor.insert(articleFiles).values(values).returning({ id: articleFiles.id });
  return row;
}

// The stored file behind an article file the caller may read: staff any of the tenant's; a store
// one of a published article delivered to it.
export async function readableFileId(
  executor: Executor,
  tenantId: number,
  id: number,
  customerId: number | null,
): Promise<number | undefined> {
  const storeCheck =
    customerId === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM ${articleDeliveries} d JOIN ${articles} a
            ON a.tenant_id = d.tenant_id AND a.id = d.article_id AND a.status = 'published'
          WHERE d.tenant_id = f.tenant_id AND d.article_id = f.article_id AND d.customer_id = ${customerId})`;
  const result = await executor.execute(sql`
    SELECT f.file_id FROM ${articleFiles} f WHERE f.tenant_id = ${tenantId} AND f.id = ${id} AND ${storeCheck}`);
  const [row] = rowsOf<{ file_id: number }>(result);
  return row ? Number(row.file_id) : undefined;
}

// Receipts grouped by a column of the delivery rows, within the reader's stores.
export async function receiptsBy(
  executor: Executor,
  tenantId: number,
  articleId: number,
  column: 'branch_id' | 'manager_id' | 'class_code' | 'format',
  storesCondition: SQL,
) {
  const key = sql.raw(`d.${column}`);
  const result = await executor.execute(sql`
    SELECT ${key}::text AS key, count(*)::int AS targeted, count(d.read_at)::int AS read,
      count(d.acknowledged_at)::int AS acknowledged
    FROM ${articleDeliveries} d
    WHERE d.tenant_id = ${tenantId} AND d.article_id = ${articleId} AND ${storesCondition}
    GROUP BY ${key} ORDER BY 1`);
  return rowsOf<{ key: string | null; targeted: number; read: number; acknowledged: number }>(result);
}

export async function orgUnitNames(executor: Executor, tenantId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await executor
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function userNames(executor: Executor, tenantId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await executor
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function setArticleReceipt(
  executor: Executor,
  tenantId: number,
  articleId: number,
  customerId: number,
  kind: 'read' | 'acknowledge',
  now: Date,
): Promise<{ delivered: boolean; changed: boolean; acknowledgeRequired: boolean }> {
  const [delivery] = rowsOf<{ read_at: unknown; acknowledged_at: unknown; acknowledge_required: boolean }>(
    await executor.execute(sql`
      SELECT d.read_at, d.acknowledged_at, a.acknowledge_required FROM ${articleDeliveries} d
      JOIN ${articles} a ON a.tenant_id = d.tenant_id AND a.id = d.article_id AND a.status = 'published'
      WHERE d.tenant_id = ${tenantId} AND d.article_id = ${articleId} AND d.customer_id = ${customerId}
      FOR UPDATE OF d`),
  );
  if (!delivery) return { delivered: false, changed: false, acknowledgeRequired: false };
  const at = now.toISOString();
  const result = await executor.execute(
    kind === 'read'
      ? sql`UPDATE ${articleDeliveries} SET read_at = ${at}::timestamptz
          WHERE tenant_id = ${tenantId} AND article_id = ${articleId} AND customer_id = ${customerId} AND read_at IS NULL RETURNING 1`
      : sql`UPDATE ${articleDeliveries} SET read_at = coalesce(read_at, ${at}::timestamptz), acknowledged_at = ${at}::timestamptz
          WHERE tenant_id = ${tenantId} AND article_id = ${articleId} AND customer_id = ${customerId}
            AND acknowledged_at IS NULL RETURNING 1`,
  );
  const changed = rowsOf(result).length > 0;
  return { delivered: true, changed, acknowledgeRequired: delivery.acknowledge_required };
}
