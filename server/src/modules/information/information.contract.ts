import { z } from 'zod';
import {
  calendarMonth,
  idSchema,
  instantSchema,
  listOf,
  multilineText,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { offsetPaging } from '../../platform/http/route-helpers.ts';
import { segmentSchema } from '../supply/index.ts';
import { articleFileKinds, articleStatuses } from './information.schema.ts';

// 信息推送's HTTP shapes: the console's (articles, categories, files, receipts, the worklist, the
// newsletter) and the portal's (the feed, an article, read and acknowledge).

export const maxBodyChars = 200_000;

export const categoryInputSchema = z.strictObject({
  name: singleLineText(20, { trim: true, min: 1 }),
  position: z.number().int().min(0).max(999).optional(),
  archived: z.boolean().optional(),
});
export const categorySchema = z.object({
  id: z.number(),
  name: z.string(),
  position: z.number(),
  archived: z.boolean(),
  articles: z.number().describe('Articles in it'),
});
export const categoryListSchema = z.object({ items: z.array(categorySchema) });

export const articleInputSchema = z.strictObject({
  categoryId: idSchema,
  title: singleLineText(100, { trim: true, min: 1 }),
  summary: multilineText(300, { trim: true }).optional().describe('Shown in lists; default: the body’s first words'),
  bodyHtml: multilineText(maxBodyChars, { min: 1 }).describe(
    'Rich text; sanitised on the server (no script, no event handlers, images only /api/v1/article-files/<id>)',
  ),
  coverFileId: idSchema.nullable().optional().describe('An image uploaded with POST /article-files/images'),
  attachmentIds: listOf(idSchema, 10).optional().describe('Files uploaded with POST /article-files/attachments'),
  acknowledgeRequired: z.boolean().default(false).describe('重要 — the store is asked to confirm it'),
  target: segmentSchema.nullable().describe('A segment (客户范围), or null for every store'),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const publishInputSchema = z.strictObject({
  publishAt: instantSchema.nullable().optional().describe('Later: scheduled (the publisher job); absent/past: now'),
});

export const previewInputSchema = z.strictObject({ bodyHtml: multilineText(maxBodyChars) });
export const previewSchema = z.object({ html: z.string(), removed: z.boolean() });

export const articleListQuery = z.strictObject({
  status: z.enum(articleStatuses).optional(),
  categoryId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  q: singleLineText(50, { trim: true }).optional(),
  ...offsetPaging,
});

const fileSchema = z.object({
  id: z.number(),
  kind: z.enum(articleFileKinds),
  fileName: z.string(),
  sizeBytes: z.number(),
  url: z.string(),
});
export const articleFileSchema = fileSchema;

export const articleSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  categoryId: z.number(),
  category: z.string(),
  status: z.enum(articleStatuses),
  acknowledgeRequired: z.boolean(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  targeted: z.number(),
  read: z.number(),
  acknowledged: z.number(),
  authorName: z.string(),
  updatedAt: z.string(),
});
export const articleListSchema = z.object({ items: z.array(articleSummarySchema), total: z.number() });

export const articleSchema = articleSummarySchema.extend({
  summary: z.string(),
  bodyHtml: z.string(),
  cover: fileSchema.nullable(),
  attachments: z.array(fileSchema),
  target: z.record(z.string(), z.unknown()).nullable(),
  targetLabel: z.string(),
  canEdit: z.boolean(),
});

export const receiptGroupings = ['branch', 'manager', 'class', 'format'] as const;
export const receiptsQuery = z.strictObject({ groupBy: z.enum(receiptGroupings).default('branch') });
export const receiptsSchema = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      targeted: z.number(),
      read: z.number(),
      acknowledged: z.number(),
    }),
  ),
});

export const unreadQuery = z.strictObject({ ...offsetPaging });
export const unreadListSchema = z.object({
  items: z.array(
    z.object({
      customerId: z.number(),
      customerName: z.string(),
      licenceNo: z.string(),
      branchName: z.string(),
      managerName: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
});

export const worklistSchema = z.object({
  items: z.array(
    z.object({
      articleId: z.number(),
      title: z.string(),
      customerId: z.number(),
      customerName: z.string(),
      managerName: z.string(),
      deliveredAt: z.string(),
      read: z.boolean(),
    }),
  ),
});

export const newsletterQuery = z.strictObject({
  month: calendarMonth.optional().describe('YYYY-MM; default: this month'),
});

// ---- Portal ----
export const portalFeedQuery = z.strictObject({
  cursor: singleLineText(64).optional(),
  q: singleLineText(50, { trim: true }).optional().describe('Search titles and text'),
});
export const portalFeedSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      category: z.string(),
      publishedAt: z.string(),
      read: z.boolean(),
      acknowledgeRequired: z.boolean(),
      acknowledged: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export const portalRemindersSchema = z.object({
  items: z.array(z.object({ id: z.number(), title: z.string(), publishedAt: z.string() })),
});
export const portalArticleSchema = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  publishedAt: z.string(),
  bodyHtml: z.string(),
  cover: fileSchema.nullable(),
  attachments: z.array(fileSchema),
  read: z.boolean(),
  acknowledgeRequired: z.boolean(),
  acknowledged: z.boolean(),
});
