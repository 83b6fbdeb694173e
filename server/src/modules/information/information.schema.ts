import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { tenants } from '../../platform/identity/identity.schema.ts';
import type { Segment } from '../supply/index.ts';

// 信息推送 (C11): articles in editable categories, written by marketing (a branch for its own
// stores), targeted at a segment of the shared vocabulary (supply's 客户范围) or everyone, published
// now or when due (the publisher job), each targeted store's delivery row with its read and
// acknowledged times, and the files an article shows (cover, inline images, attachments).

export const articleStatuses = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleFileKinds = ['cover', 'image', 'attachment'] as const;
export type ArticleFileKind = (typeof articleFileKinds)[number];

// The categories (营销信息, 行业政策, 新品介绍, 真假识别, 陈列指导 seeded per tenant; marketing edits them).
export const articleCategories = pgTable(
  'article_categories',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    position: smallint('position').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('article_categories_name_key').on(table.tenantId, table.name),
  ],
);

// An article. `body_html` is stored sanitised (article-html.ts). `target` is a segment, or null for
// every store; `author_org_path` is the author's scope when written (a branch's article is its own).
export const articles = pgTable(
  'articles',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    categoryId: integer('category_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull(),
    coverFileId: integer('cover_file_id'),
    acknowledgeRequired: boolean('acknowledge_required').notNull().default(false),
    target: jsonb('target').$type<Segment | null>(),
    authorOrgPath: text('author_org_path').notNull(),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    targetedCount: integer('targeted_count').notNull().default(0),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.categoryId],
      foreignColumns: [articleCategories.tenantId, articleCategories.id],
    }),
    index('articles_status_idx').on(table.tenantId, table.status, table.publishAt),
  ],
);

// A file an article shows: uploaded first (the uploader's), then linked when the article is saved.
export const articleFiles = pgTable(
  'article_files',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    fileId: integer('file_id').notNull(),
    kind: text('kind', { enum: articleFileKinds }).notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    articleId: integer('article_id'),
    uploadedBy: integer('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.fileId], foreignColumns: [storedFiles.tenantId, storedFiles.id] }),
    index('article_files_article_idx').on(table.tenantId, table.articleId),
  ],
);

// One row per targeted store, written at publication in one INSERT … SELECT. The store's branch,
// manager, class and format as they were when delivered (the receipts group by them without a join).
export const articleDeliveries = pgTable(
  'article_deliveries',
  {
    tenantId: integer('tenant_id').notNull(),
    articleId: integer('article_id').notNull(),
    customerId: integer('customer_id').notNull(),
    branchId: integer('branch_id'),
    managerId: integer('manager_id'),
    classCode: text('class_code'),
    format: text('format'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.articleId, table.customerId] }),
    index('article_deliveries_store_idx').on(table.tenantId, table.customerId, table.deliveredAt),
  ],
);
