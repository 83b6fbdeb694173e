import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import { type Actor, retailerStoreOf, systemActor } from '../../platform/access/actor.ts';
import { isCityWideScope, scopeCondition } from '../../platform/access/data-scope.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import type { UploadedFile } from '../../platform/files/file-transfer.ts';
import { readFileWith, storeFile } from '../../platform/files/files.repository.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import type { OutboundMessage } from '../../platform/notifications/outbound-gateway.ts';
import { beijingDateOf } from '../../platform/time/beijing.ts';
import { customers } from '../customers/index.ts';
import {
  customerClassLabels,
  customerFormatLabels,
  describeSegment,
  type Segment,
  segmentProblems,
} from '../supply/index.ts';
import { sanitiseArticleHtml } from './article-html.ts';
import type { ArticleInput } from './information.contract.ts';
import {
  type ArticleRow,
  countTargeted,
  ensureCategories,
  filesOf,
  findArticle,
  findCategory,
  insertArticleFile,
  insertDeliveries,
  linkFiles,
  listArticles,
  listCategories,
  orgUnitNames,
  readableFileId,
  receiptsBy,
  rowsOf,
  setArticleReceipt,
  unlinkAttachmentsExcept,
  usableFiles,
  userNames,
  visibleArticlesSql,
  writableArticlesSql,
} from './information.repository.ts';
import {
  canEdit,
  checkTargeting,
  decodeCursor,
  encodeCursor,
  monthBounds,
  publicationOf,
  reminderCutoff,
} from './information.rules.ts';
import {
  type ArticleFileKind,
  type ArticleStatus,
  articleCategories,
  articleDeliveries,
  articles,
} from './information.schema.ts';
import { type NewsletterArticle, writeNewsletterDocument } from './newsletter.ts';

// 信息推送: categories, articles (sanitised rich text, cover, attachments, a target), publication
// (now or when due) with one delivery row per targeted store, receipts, reminders and the portal.

export const articleImageRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'ARTICLE_FILE_MISSING',
  notImage: 'ARTICLE_FILE_INVALID',
};
export const articleAttachmentMaxBytes = 10 * 1024 * 1024;

const fileUrl = (id: number) => `/api/v1/article-files/${id}`;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// ── Categories ──

export async function getCategories(context: AppContext, actor: Actor) {
  await ensureCategories(context.db, actor.tenantId);
  return { items: await listCategories(context.db, actor.tenantId) };
}

export async function createCategory(
  context: AppContext,
  actor: Actor,
  input: { name: string; position?: number; archived?: boolean },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    await ensureCategories(tx, actor.tenantId);
    const [created] = await tx
      .insert(articleCategories)
      .values({ tenantId: actor.tenantId, name: input.name, position: input.position ?? 50, archived: false })
      .onConflictDoNothing()
      .returning({ id: articleCategories.id });
    if (!created) throw new DomainError('ARTICLE_CATEGORY_EXISTS', { name: input.name }, 'name');
    await recordChange(
      tx,
      actor,
      { action: 'create', entity: 'article_category', entityId: created.id, after: input },
      now,
    );
  });
  return getCategories(context, actor);
}

export async function updateCategory(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { name: string; position?: number; archived?: boolean },
) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const before = await findCategory(tx, actor.tenantId, id);
    if (!before) throw new DomainError('NOT_FOUND');
    const [clash] = await tx
      .select({ id: articleCategories.id })
      .from(articleCategories)
      .where(and(eq(articleCategories.tenantId, actor.tenantId), eq(articleCategories.name, input.name)));
    if (clash && clash.id !== id) throw new DomainError('ARTICLE_CATEGORY_EXISTS', { name: input.name }, 'name');
    const after = {
      name: input.name,
      position: input.position ?? before.position,
      archived: input.archived ?? before.archived,
    };
    await tx
      .update(articleCategories)
      .set(after)
      .where(and(eq(articleCategories.tenantId, actor.tenantId), eq(articleCategories.id, id)));
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'article_category',
        entityId: id,
        before: { name: before.name, position: before.position, archived: before.archived },
        after,
      },
      now,
    );
  });
  return getCategories(context, actor);
}

// ── Files ──

const attachmentTypes: Array<{ test: (bytes: Buffer, name: string) => boolean; type: string }> = [
  { test: (bytes) => bytes.subarray(0, 5).toString('latin1') === '%PDF-', type: 'application/pdf' },
  {
    test: (bytes, name) => bytes.readUInt32BE(0) === 0x504b0304 && /\.docx$/i.test(name),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    test: (bytes, name) => bytes.readUInt32BE(0) === 0x504b0304 && /\.xlsx$/i.test(name),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    test: (bytes, name) => bytes.readUInt32BE(0) === 0xd0cf11e0 && /\.doc$/i.test(name),
    type: 'application/msword',
  },
  {
    test: (bytes, name) => bytes.readUInt32BE(0) === 0xd0cf11e0 && /\.xls$/i.test(name),
    type: 'application/vnd.ms-excel',
  },
];

export function attachmentTypeOf(bytes: Buffer, fileName: string): string | null {
  if (bytes.length < 8) return null;
  for (const candidate of attachmentTypes) if (candidate.test(bytes, fileName)) return candidate.type;
  try {
    return checkImage(bytes, articleImageRules);
  } catch {
    return null;
  }
}

export async function uploadArticleFile(
  context: AppContext,
  actor: Actor,
  file: UploadedFile,
  kind: Exclude<ArticleFileKind, 'cover'>,
) {
  const contentType =
    kind === 'image' ? checkImage(file.bytes, articleImageRules) : attachmentTypeOf(file.bytes, file.fileName);
  if (!contentType) throw new DomainError('ARTICLE_ATTACHMENT_INVALID', {}, 'file');
  const now = context.now();
  const fileName = file.fileName.slice(0, 200);
  return context.db.transaction(async (tx) => {
    const stored = await storeFile(tx, {
      tenantId: actor.tenantId,
      fileName,
      contentType,
      bytes: file.bytes,
      createdAt: now,
    });
    const created = await insertArticleFile(tx, {
      tenantId: actor.tenantId,
      fileId: stored.id,
      kind,
      fileName,
      sizeBytes: file.bytes.length,
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
    await recordChange(
      tx,
      actor,
      { action: 'upload', entity: 'article_file', entityId: created.id, after: { kind, fileName, contentType } },
      now,
    );
    return { id: created.id, kind, fileName, sizeBytes: file.bytes.length, url: fileUrl(created.id) };
  });
}

export async function getArticleFile(context: AppContext, actor: Actor, id: number) {
  const customerId = actor.role === 'retailer' ? retailerStoreOf(actor) : null;
  return readFileWith(context.db, actor.tenantId, () => readableFileId(context.db, actor.tenantId, id, customerId));
}

// ── Articles ──

export function previewArticle(bodyHtml: string) {
  const { html } = sanitiseArticleHtml(bodyHtml);
  return { html, removed: html !== bodyHtml };
}

function checkSegment(segment: Segment) {
  const problems = segmentProblems(segment);
  if (problems.length > 0)
    throw new DomainError(
      'ARTICLE_SEGMENT_INVALID',
      {
        reason: problems.map((problem) => problem.zh).join('；'),
        reasonEn: problems.map((problem) => problem.en).join('; '),
      },
      'target',
    );
}

// The target checked against the author's scope (a branch writes only for its own stores).
async function checkTarget(executor: Executor, actor: Actor, target: Segment | null, now: Date) {
  const segment = target ?? {};
  checkSegment(segment);
  const counts = await countTargeted(executor, actor.tenantId, segment, actor.scope, beijingDateOf(now));
  const outcome = checkTargeting({ cityWide: isCityWideScope(actor.scope), everyone: target === null, ...counts });
  if (outcome === 'empty') throw new DomainError('ARTICLE_TARGET_EMPTY', {}, 'target');
  if (outcome === 'outside_scope')
    throw new DomainError(
      'ARTICLE_TARGET_OUTSIDE_SCOPE',
      { outside: Math.max(counts.targeted - counts.inScope, 0) },
      'target',
    );
  return counts.targeted;
}

async function checkFiles(
  executor: Executor,
  actor: Actor,
  input: ArticleInput,
  imageIds: number[],
  articleId?: number,
) {
  const wanted = [
    ...imageIds.map((id) => ({ id, kinds: ['image'] })),
    ...(input.coverFileId ? [{ id: input.coverFileId, kinds: ['image'] }] : []),
    ...(input.attachmentIds ?? []).map((id) => ({ id, kinds: ['attachment'] })),
  ];
  const found = new Map(
    (
      await usableFiles(
        executor,
        actor.tenantId,
        wanted.map((file) => file.id),
        actor.userId,
        articleId,
      )
    ).map((file) => [file.id, file.kind]),
  );
  for (const file of wanted) {
    const kind = found.get(file.id);
    if (!kind || !file.kinds.includes(kind))
      throw new DomainError('ARTICLE_FILE_UNAVAILABLE', { fileId: file.id }, 'files');
  }
  return wanted.map((file) => file.id);
}

async function checkCategory(executor: Executor, tenantId: number, categoryId: number) {
  const category = await findCategory(executor, tenantId, categoryId);
  if (!category || category.archived) throw new DomainError('ARTICLE_CATEGORY_UNKNOWN', { categoryId }, 'categoryId');
}

function valuesOf(input: ArticleInput) {
  const sanitised = sanitiseArticleHtml(input.bodyHtml);
  if (sanitised.text === '' && sanitised.imageFileIds.length === 0)
    throw new DomainError('ARTICLE_BODY_EMPTY', {}, 'bodyHtml');
  const summary = input.summary?.trim() || sanitised.text.slice(0, 120);
  return { sanitised, summary };
}

export async function createArticle(context: AppContext, actor: Actor, input: ArticleInput) {
  if (actor.scope.kind !== 'org') throw new DomainError('FORBIDDEN');
  const now = context.now();
  const { sanitised, summary } = valuesOf(input);
  const id = await context.db.transaction(async (tx) => {
    await ensureCategories(tx, actor.tenantId);
    await checkCategory(tx, actor.tenantId, input.categoryId);
    const targeted = await checkTarget(tx, actor, input.target, now);
    const fileIds = await checkFiles(tx, actor, input, sanitised.imageFileIds);
    const [created] = await tx
      .insert(articles)
      .values({
        tenantId: actor.tenantId,
        categoryId: input.categoryId,
        title: input.title,
        summary,
        bodyHtml: sanitised.html,
        coverFileId: input.coverFileId ?? null,
        acknowledgeRequired: input.acknowledgeRequired,
        target: input.target,
        authorOrgPath: (actor.scope as { orgPath: string }).orgPath,
        status: 'draft',
        targetedCount: targeted,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id });
    await linkFiles(tx, actor.tenantId, created.id, fileIds);
    await recordChange(
      tx,
      actor,
      {
        action: 'create',
        entity: 'article',
        entityId: created.id,
        after: { title: input.title, categoryId: input.categoryId, target: input.target, targeted },
      },
      now,
    );
    return created.id;
  });
  return getArticle(context, actor, id, 'zh-CN');
}

async function findWritable(tx: Executor, actor: Actor, id: number) {
  const article = await findArticle(tx, actor.tenantId, id, visibleArticlesSql(actor.scope), true);
  if (!article) throw new DomainError('NOT_FOUND');
  const [writable] = rowsOf<{ ok: boolean }>(
    await tx.execute(
      sql`SELECT ${writableArticlesSql(actor.scope)} AS ok FROM ${articles} WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
    ),
  );
  if (!writable?.ok) throw new DomainError('FORBIDDEN');
  return article;
}

export async function updateArticle(context: AppContext, actor: Actor, id: number, input: ArticleInput) {
  const now = context.now();
  const { sanitised, summary } = valuesOf(input);
  await context.db.transaction(async (tx) => {
    const before = await findWritable(tx, actor, id);
    if (!canEdit(before.status)) throw new DomainError('ARTICLE_NOT_EDITABLE');
    await checkCategory(tx, actor.tenantId, input.categoryId);
    const targeted = await checkTarget(tx, actor, input.target, now);
    const fileIds = await checkFiles(tx, actor, input, sanitised.imageFileIds, id);
    await tx
      .update(articles)
      .set({
        categoryId: input.categoryId,
        title: input.title,
        summary,
        bodyHtml: sanitised.html,
        coverFileId: input.coverFileId ?? null,
        acknowledgeRequired: input.acknowledgeRequired,
        target: input.target,
        targetedCount: targeted,
        updatedAt: now,
      })
      .where(and(eq(articles.tenantId, actor.tenantId), eq(articles.id, id)));
    await unlinkAttachmentsExcept(tx, actor.tenantId, id, input.attachmentIds ?? []);
    await linkFiles(tx, actor.tenantId, id, fileIds);
    await recordChange(
      tx,
      actor,
      {
        action: 'update',
        entity: 'article',
        entityId: id,
        before: { title: before.title, categoryId: before.categoryId, target: before.target },
        after: { title: input.title, categoryId: input.categoryId, target: input.target, targeted },
      },
      now,
    );
  });
  return getArticle(context, actor, id, 'zh-CN');
}

// Publishes an article in the caller's transaction: a delivery row per targeted store (one
// INSERT … SELECT), the article published. Returns how many stores it reached.
export async function publishArticleIn(tx: Executor, actor: Actor, article: ArticleRow, now: Date): Promise<number> {
  const delivered = await insertDeliveries(
    tx,
    actor.tenantId,
    article.id,
    article.target ?? {},
    beijingDateOf(now),
    now,
  );
  await tx
    .update(articles)
    .set({ status: 'published', publishedAt: now, targetedCount: delivered, updatedAt: now })
    .where(and(eq(articles.tenantId, actor.tenantId), eq(articles.id, article.id)));
  await recordChange(
    tx,
    actor,
    {
      action: 'publish',
      entity: 'article',
      entityId: article.id,
      after: { delivered, publishedAt: now.toISOString() },
    },
    now,
  );
  return delivered;
}

export async function publishArticle(
  context: AppContext,
  actor: Actor,
  id: number,
  input: { publishAt?: string | null },
) {
  const now = context.now();
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  await context.db.transaction(async (tx) => {
    const article = await findWritable(tx, actor, id);
    if (!canEdit(article.status)) throw new DomainError('ARTICLE_NOT_EDITABLE');
    // The scope is checked again: the stores may have moved since the article was saved.
    await checkTarget(tx, actor, article.target, now);
    if (publicationOf(publishAt, now) === 'now') {
      await publishArticleIn(tx, actor, article, now);
      return;
    }
    await tx
      .update(articles)
      .set({ status: 'scheduled', publishAt, updatedAt: now })
      .where(and(eq(articles.tenantId, actor.tenantId), eq(articles.id, id)));
    await recordChange(
      tx,
      actor,
      { action: 'update', entity: 'article', entityId: id, after: { status: 'scheduled', publishAt } },
      now,
    );
  });
  return getArticle(context, actor, id, 'zh-CN');
}

export async function withdrawArticle(context: AppContext, actor: Actor, id: number) {
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const article = await findWritable(tx, actor, id);
    if (article.status === 'withdrawn') return;
    await tx
      .update(articles)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(and(eq(articles.tenantId, actor.tenantId), eq(articles.id, id)));
    await recordChange(
      tx,
      actor,
      { action: 'withdraw', entity: 'article', entityId: id, before: { status: article.status } },
      now,
    );
  });
  return getArticle(context, actor, id, 'zh-CN');
}

// The publisher job: every scheduled article whose time has come, published as the job.
export async function publishDueArticles(context: AppContext): Promise<{ articles: number; deliveries: number }> {
  const now = context.now();
  const due = await context.db
    .select({ tenantId: articles.tenantId, id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), sql`${articles.publishAt} <= ${now.toISOString()}::timestamptz`));
  let deliveries = 0;
  for (const { tenantId, id } of due) {
    deliveries += await context.db.transaction(async (tx) => {
      const article = await findArticle(tx, tenantId, id, sql`true`, true);
      if (article?.status !== 'scheduled') return 0;
      return publishArticleIn(tx, systemActor(tenantId, 'article-publisher'), article, now);
    });
  }
  return { articles: due.length, deliveries };
}

// The reminder job: each delivery of an important article not acknowledged 24 h after delivery is
// marked reminded (once) and its store sent a short notice through the outbound gateway, after
// the transaction. (The portal's reminder and the worklist read the same condition directly.)
export async function sendArticleReminders(context: AppContext): Promise<{ reminders: number }> {
  const now = context.now();
  const messages: OutboundMessage[] = [];
  await context.db.transaction(async (tx) => {
    const reminded = rowsOf<{ tenant_id: number; article_id: number; customer_id: number; title: string }>(
      await tx.execute(sql`
        UPDATE ${articleDeliveries} d SET reminded_at = ${now.toISOString()}::timestamptz
        FROM ${articles} a
        WHERE a.tenant_id = d.tenant_id AND a.id = d.article_id AND a.status = 'published' AND a.acknowledge_required
          AND d.acknowledged_at IS NULL AND d.reminded_at IS NULL
          AND d.delivered_at <= ${reminderCutoff(now).toISOString()}::timestamptz
        RETURNING d.tenant_id, d.article_id, d.customer_id, a.title`),
    );
    const byArticle = new Map<string, number>();
    for (const row of reminded) {
      messages.push({
        channel: 'sms',
        customerId: Number(row.customer_id),
        text: `【客我】重要资讯“${row.title.slice(0, 30)}”待您确认，请登录客我门户阅读并确认。`,
      });
      const key = `${row.tenant_id}:${row.article_id}`;
      byArticle.set(key, (byArticle.get(key) ?? 0) + 1);
    }
    for (const [key, count] of byArticle) {
      const [tenantId, articleId] = key.split(':').map(Number);
      await recordChange(
        tx,
        systemActor(tenantId, 'article-publisher'),
        { action: 'remind', entity: 'article', entityId: articleId, after: { stores: count } },
        now,
      );
    }
  });
  for (const message of messages) await context.outbound.send(message);
  return { reminders: messages.length };
}

// ── Reads (console) ──

export async function listArticlesFor(
  context: AppContext,
  actor: Actor,
  query: { status?: ArticleStatus; categoryId?: number; q?: string; limit: number; offset: number },
) {
  const rows = await listArticles(context.db, actor.tenantId, { ...query, visible: visibleArticlesSql(actor.scope) });
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((row) => ({
      id: Number(row.id),
      title: row.title,
      categoryId: Number(row.category_id),
      category: row.category,
      status: row.status,
      acknowledgeRequired: row.acknowledge_required,
      publishAt: iso(row.publish_at),
      publishedAt: iso(row.published_at),
      targeted: Number(row.targeted_count),
      read: Number(row.read),
      acknowledged: Number(row.acknowledged),
      authorName: row.author_name,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
  };
}

function fileView(file: { id: number; kind: ArticleFileKind; fileName: string; sizeBytes: number }) {
  return { id: file.id, kind: file.kind, fileName: file.fileName, sizeBytes: file.sizeBytes, url: fileUrl(file.id) };
}

async function coverAndAttachments(executor: Executor, tenantId: number, article: ArticleRow) {
  const files = await filesOf(executor, tenantId, [article.id]);
  const cover = files.find((file) => file.id === article.coverFileId);
  return {
    cover: cover ? { ...fileView(cover), kind: 'cover' as const } : null,
    attachments: files.filter((file) => file.kind === 'attachment').map(fileView),
  };
}

export async function getArticle(context: AppContext, actor: Actor, id: number, locale: Locale) {
  const article = await findArticle(context.db, actor.tenantId, id, visibleArticlesSql(actor.scope));
  if (!article) throw new DomainError('NOT_FOUND');
  const [counts] = rowsOf<{ read: number; acknowledged: number }>(
    await context.db.execute(sql`
      SELECT count(read_at)::int AS read, count(acknowledged_at)::int AS acknowledged
      FROM ${articleDeliveries} WHERE tenant_id = ${actor.tenantId} AND article_id = ${id}`),
  );
  const [writable] = rowsOf<{ ok: boolean }>(
    await context.db.execute(
      sql`SELECT ${writableArticlesSql(actor.scope)} AS ok FROM ${articles} WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
    ),
  );
  let targetLabel = describeSegment(article.target ?? {}, locale);
  if (article.target?.branchIds) {
    const names = await orgUnitNames(context.db, actor.tenantId, article.target.branchIds);
    targetLabel = describeSegment({ ...article.target, branchIds: undefined }, locale);
    const branches = article.target.branchIds.map((branchId) => names.get(branchId) ?? String(branchId)).join('、');
    const prefix = locale === 'zh-CN' ? `分公司：${branches}` : `branches: ${branches}`;
    targetLabel = Object.keys(article.target).length === 1 ? prefix : `${prefix}；${targetLabel}`;
  }
  return {
    id: article.id,
    title: article.title,
    categoryId: article.categoryId,
    category: article.category,
    status: article.status,
    acknowledgeRequired: article.acknowledgeRequired,
    publishAt: iso(article.publishAt),
    publishedAt: iso(article.publishedAt),
    targeted: article.targetedCount,
    read: Number(counts?.read ?? 0),
    acknowledged: Number(counts?.acknowledged ?? 0),
    authorName: article.authorName,
    updatedAt: article.updatedAt.toISOString(),
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    ...(await coverAndAttachments(context.db, actor.tenantId, article)),
    target: article.target as Record<string, unknown> | null,
    targetLabel,
    canEdit: Boolean(writable?.ok) && canEdit(article.status),
  };
}

// The caller's stores among the delivery rows (d): their scope, via the customers record.
function scopedDeliveriesSql(actor: Actor) {
  if (isCityWideScope(actor.scope)) return sql`true`;
  const inScope = scopeCondition(actor.scope, {
    orgPath: sql`c.org_path`,
    managerId: sql`c.manager_id`,
    customerId: sql`c.id`,
  });
  return sql`EXISTS (SELECT 1 FROM ${customers} c WHERE c.tenant_id = d.tenant_id AND c.id = d.customer_id AND ${inScope})`;
}

const groupColumns = { branch: 'branch_id', manager: 'manager_id', class: 'class_code', format: 'format' } as const;

export async function getReceipts(
  context: AppContext,
  actor: Actor,
  id: number,
  groupBy: keyof typeof groupColumns,
  locale: Locale,
) {
  const article = await findArticle(context.db, actor.tenantId, id, visibleArticlesSql(actor.scope));
  if (!article) throw new DomainError('NOT_FOUND');
  const rows = await receiptsBy(context.db, actor.tenantId, id, groupColumns[groupBy], scopedDeliveriesSql(actor));
  const ids = rows.map((row) => Number(row.key)).filter((key) => Number.isInteger(key) && key > 0);
  const names =
    groupBy === 'branch'
      ? await orgUnitNames(context.db, actor.tenantId, ids)
      : groupBy === 'manager'
        ? await userNames(context.db, actor.tenantId, ids)
        : undefined;
  const none = locale === 'zh-CN' ? '（未指定）' : '(none)';
  const labelOf = (key: string | null): string => {
    if (key === null) return none;
    if (names) return names.get(Number(key)) ?? key;
    const labels = (groupBy === 'class' ? customerClassLabels[locale] : customerFormatLabels[locale]) as Record<
      string,
      string
    >;
    return labels[key] ?? key;
  };
  return {
    rows: rows.map((row) => ({
      key: row.key ?? '',
      label: labelOf(row.key),
      targeted: Number(row.targeted),
      read: Number(row.read),
      acknowledged: Number(row.acknowledged),
    })),
  };
}

export async function listUnreadStores(
  context: AppContext,
  actor: Actor,
  id: number,
  paging: { limit: number; offset: number },
) {
  const article = await findArticle(context.db, actor.tenantId, id, visibleArticlesSql(actor.scope));
  if (!article) throw new DomainError('NOT_FOUND');
  const done = article.acknowledgeRequired ? sql`d.acknowledged_at IS NULL` : sql`d.read_at IS NULL`;
  const rows = rowsOf<{
    customer_id: number;
    name: string;
    licence_no: string;
    branch_name: string | null;
    manager_name: string | null;
    read_at: string | Date | null;
    total: number;
  }>(
    await context.db.execute(sql`
      SELECT d.customer_id, c.name, c.licence_no, o.name AS branch_name, u.display_name AS manager_name, d.read_at,
        count(*) OVER ()::int AS total
      FROM ${articleDeliveries} d
      JOIN ${customers} c ON c.tenant_id = d.tenant_id AND c.id = d.customer_id
      LEFT JOIN org_units o ON o.id = c.branch_id
      LEFT JOIN users u ON u.id = c.manager_id
      WHERE d.tenant_id = ${actor.tenantId} AND d.article_id = ${id} AND ${done} AND ${scopedDeliveriesSql(actor)}
      ORDER BY o.name, c.name, d.customer_id
      LIMIT ${paging.limit} OFFSET ${paging.offset}`),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((row) => ({
      customerId: Number(row.customer_id),
      customerName: row.name,
      licenceNo: row.licence_no,
      branchName: row.branch_name ?? '',
      managerName: row.manager_name ?? '',
      readAt: iso(row.read_at),
    })),
  };
}

const worklistDays = 30;

// The manager's worklist lines: their stores with an important article not acknowledged 24 h on,
// delivered in the last 30 days (older ones are history, not a visit's errand), newest first.
export async function getWorklist(context: AppContext, actor: Actor) {
  const cutoff = reminderCutoff(context.now()).toISOString();
  const since = new Date(context.now().getTime() - worklistDays * 86_400_000).toISOString();
  const rows = rowsOf<{
    article_id: number;
    title: string;
    customer_id: number;
    name: string;
    manager_name: string | null;
    delivered_at: string | Date;
    read_at: unknown;
  }>(
    await context.db.execute(sql`
      SELECT d.article_id, a.title, d.customer_id, c.name, u.display_name AS manager_name, d.delivered_at, d.read_at
      FROM ${articleDeliveries} d
      JOIN ${articles} a ON a.tenant_id = d.tenant_id AND a.id = d.article_id
        AND a.status = 'published' AND a.acknowledge_required
      JOIN ${customers} c ON c.tenant_id = d.tenant_id AND c.id = d.customer_id
      LEFT JOIN users u ON u.id = c.manager_id
      WHERE d.tenant_id = ${actor.tenantId} AND d.acknowledged_at IS NULL
        AND d.delivered_at <= ${cutoff}::timestamptz AND d.delivered_at > ${since}::timestamptz
        AND ${scopedDeliveriesSql(actor)}
      ORDER BY d.delivered_at DESC, c.name LIMIT 500`),
  );
  return {
    items: rows.map((row) => ({
      articleId: Number(row.article_id),
      title: row.title,
      customerId: Number(row.customer_id),
      customerName: row.name,
      managerName: row.manager_name ?? '',
      deliveredAt: new Date(row.delivered_at).toISOString(),
      read: row.read_at !== null,
    })),
  };
}

// ── Portal ──

const pageSize = 20;

export async function listPortalFeed(context: AppContext, actor: Actor, query: { cursor?: string; q?: string }) {
  const customerId = retailerStoreOf(actor);
  const conditions = [sql`d.tenant_id = ${actor.tenantId}`, sql`d.customer_id = ${customerId}`];
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new DomainError('ARTICLE_CURSOR_INVALID', {}, 'cursor');
    const read = cursor.read ? 1 : 0;
    const at = cursor.deliveredAt.toISOString();
    conditions.push(sql`(
      (CASE WHEN d.read_at IS NULL THEN 0 ELSE 1 END) > ${read}
      OR ((CASE WHEN d.read_at IS NULL THEN 0 ELSE 1 END) = ${read}
        AND (d.delivered_at < ${at}::timestamptz OR (d.delivered_at = ${at}::timestamptz AND d.article_id < ${cursor.articleId}))))`);
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(sql`(a.title ILIKE ${like} OR a.summary ILIKE ${like} OR a.body_html ILIKE ${like})`);
  }
  const rows = rowsOf<{
    id: number;
    title: string;
    category: string;
    delivered_at: string | Date;
    published_at: string | Date;
    read_at: unknown;
    acknowledged_at: unknown;
    acknowledge_required: boolean;
  }>(
    await context.db.execute(sql`
      SELECT a.id, a.title, c.name AS category, d.delivered_at, a.published_at, d.read_at, d.acknowledged_at,
        a.acknowledge_required
      FROM ${articleDeliveries} d
      JOIN ${articles} a ON a.tenant_id = d.tenant_id AND a.id = d.article_id AND a.status = 'published'
      JOIN ${articleCategories} c ON c.tenant_id = a.tenant_id AND c.id = a.category_id
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY (CASE WHEN d.read_at IS NULL THEN 0 ELSE 1 END), d.delivered_at DESC, d.article_id DESC
      LIMIT ${pageSize + 1}`),
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: Number(row.id),
      title: row.title,
      category: row.category,
      publishedAt: new Date(row.published_at).toISOString(),
      read: row.read_at !== null,
      acknowledgeRequired: row.acknowledge_required,
      acknowledged: row.acknowledged_at !== null,
    })),
    nextCursor:
      rows.length > pageSize && last
        ? encodeCursor({
            read: last.read_at !== null,
            deliveredAt: new Date(last.delivered_at),
            articleId: Number(last.id),
          })
        : null,
  };
}

export async function listPortalReminders(context: AppContext, actor: Actor) {
  const customerId = retailerStoreOf(actor);
  const rows = rowsOf<{ id: number; title: string; published_at: string | Date }>(
    await context.db.execute(sql`
      SELECT a.id, a.title, a.published_at FROM ${articleDeliveries} d
      JOIN ${articles} a ON a.tenant_id = d.tenant_id AND a.id = d.article_id
        AND a.status = 'published' AND a.acknowledge_required
      WHERE d.tenant_id = ${actor.tenantId} AND d.customer_id = ${customerId} AND d.acknowledged_at IS NULL
        AND d.delivered_at <= ${reminderCutoff(context.now()).toISOString()}::timestamptz
      ORDER BY d.delivered_at DESC LIMIT 5`),
  );
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      title: row.title,
      publishedAt: new Date(row.published_at).toISOString(),
    })),
  };
}

export async function getPortalArticle(context: AppContext, actor: Actor, id: number) {
  const customerId = retailerStoreOf(actor);
  const [delivery] = await context.db
    .select({ readAt: articleDeliveries.readAt, acknowledgedAt: articleDeliveries.acknowledgedAt })
    .from(articleDeliveries)
    .where(
      and(
        eq(articleDeliveries.tenantId, actor.tenantId),
        eq(articleDeliveries.articleId, id),
        eq(articleDeliveries.customerId, customerId),
      ),
    );
  const article = delivery ? await findArticle(context.db, actor.tenantId, id) : undefined;
  if (!delivery || article?.status !== 'published' || !article.publishedAt) throw new DomainError('NOT_FOUND');
  return {
    id: article.id,
    title: article.title,
    category: article.category,
    publishedAt: article.publishedAt.toISOString(),
    bodyHtml: article.bodyHtml,
    ...(await coverAndAttachments(context.db, actor.tenantId, article)),
    read: delivery.readAt !== null,
    acknowledgeRequired: article.acknowledgeRequired,
    acknowledged: delivery.acknowledgedAt !== null,
  };
}

// Read or acknowledge (which reads too): idempotent; only the first time is written and audited.
export async function markArticle(context: AppContext, actor: Actor, id: number, kind: 'read' | 'acknowledge') {
  const customerId = retailerStoreOf(actor);
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const outcome = await setArticleReceipt(tx, actor.tenantId, id, customerId, kind, now);
    if (!outcome.delivered) throw new DomainError('NOT_FOUND');
    if (!outcome.changed) return;
    await recordChange(
      tx,
      actor,
      { action: kind, entity: 'article_receipt', entityId: id, after: { customerId } },
      now,
    );
  });
}

// ── The newsletter (小报) ──

export async function writeNewsletter(context: AppContext, actor: Actor, month: string | undefined) {
  const now = context.now();
  const theMonth = month ?? beijingDateOf(now).slice(0, 7);
  const { from, to } = monthBounds(theMonth);
  const reach = isCityWideScope(actor.scope)
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM ${articleDeliveries} d WHERE d.tenant_id = a.tenant_id AND d.article_id = a.id
        AND ${scopedDeliveriesSql(actor)})`;
  const rows = rowsOf<{
    id: number;
    title: string;
    category: string;
    published_at: string | Date;
    body_html: string;
    summary: string;
    cover_file_id: number | null;
  }>(
    await context.db.execute(sql`
      SELECT a.id, a.title, c.name AS category, a.published_at, a.body_html, a.summary, a.cover_file_id
      FROM ${articles} a JOIN ${articleCategories} c ON c.tenant_id = a.tenant_id AND c.id = a.category_id
      WHERE a.tenant_id = ${actor.tenantId} AND a.status = 'published'
        AND a.published_at >= ${from.toISOString()}::timestamptz AND a.published_at < ${to.toISOString()}::timestamptz
        AND ${reach}
      ORDER BY c.position, a.published_at, a.id LIMIT 60`),
  );
  const covers = new Map<number, { contentType: string; bytes: Buffer }>();
  for (const row of rows) {
    if (row.cover_file_id === null) continue;
    const [file] = rowsOf<{ content_type: string; content: Buffer | Uint8Array }>(
      await context.db.execute(sql`
        SELECT s.content_type, s.content FROM article_files f JOIN files s ON s.tenant_id = f.tenant_id AND s.id = f.file_id
        WHERE f.tenant_id = ${actor.tenantId} AND f.id = ${row.cover_file_id}`),
    );
    if (file) covers.set(Number(row.id), { contentType: file.content_type, bytes: Buffer.from(file.content) });
  }
  const [tenant] = rowsOf<{ name: string }>(
    await context.db.execute(sql`SELECT name FROM tenants WHERE id = ${actor.tenantId}`),
  );
  const unitName = actor.scope.kind === 'org' && !isCityWideScope(actor.scope) ? actor.scope.orgUnitName : '';
  const list: NewsletterArticle[] = rows.map((row) => ({
    title: row.title,
    category: row.category,
    publishedOn: beijingDateOf(new Date(row.published_at)),
    bodyHtml: row.body_html,
    cover: covers.get(Number(row.id)) ?? null,
  }));
  const document = await writeNewsletterDocument({
    tenantName: tenant?.name ?? '',
    unitName,
    month: theMonth,
    articles: list,
  });
  return { fileName: `信息小报-${unitName || tenant?.name || ''}-${theMonth}.docx`, document };
}
