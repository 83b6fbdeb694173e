import { z } from 'zod';
import { idParam, idSchema, multilineText, singleLineText } from '../../platform/http/input-bounds.ts';
import { offsetPaging } from '../../platform/http/route-helpers.ts';
import { assetConditions, assetEventKinds, assetStatuses, assetTypes } from './assets.schema.ts';

// The fixture register's HTTP shapes (资产台账).

const assetType = z
  .enum(assetTypes)
  .describe('cabinet 烟柜, rack 烟架, cover 烟套, signboard 招牌, screen 数字屏, other 其他');
const assetStatus = z.enum(assetStatuses).describe('in_stock 在库, issued 在用 (at a store), written_off 已报废');
const condition = z.enum(assetConditions).describe('good 完好, fair 一般, damaged 损坏, missing 缺失');
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const assetTag = singleLineText(40, { trim: true, min: 1 }).regex(/^[\w\-./]+$/, {
  message: 'letters, digits and - _ . / only',
});

export const assetInputSchema = z.strictObject({
  tag: assetTag.describe('The fixture’s tag (资产编号), unique in the city company'),
  type: assetType,
  model: singleLineText(100, { trim: true }).nullable().optional(),
  valueYuan: z.number().min(0).max(10_000_000).describe('Book value in yuan'),
  auditIntervalMonths: z.number().int().min(1).max(60).optional().describe('Months between audits (default 6)'),
  note: multilineText(500, { trim: true }).nullable().optional(),
  customerId: idSchema.optional().describe('Issue it to this store at once (a store in business within your scope)'),
});

export const issueSchema = z.strictObject({ customerId: idSchema, note: multilineText(500).nullable().optional() });
export const transferSchema = z.strictObject({
  toCustomerId: idSchema,
  note: multilineText(500).nullable().optional(),
});
export const returnSchema = z.strictObject({ note: multilineText(500).nullable().optional() });
export const writeOffSchema = z.strictObject({ reason: multilineText(500, { trim: true, min: 1 }) });
export const auditInputSchema = z.strictObject({
  condition,
  photoId: idSchema.optional().describe('A photo uploaded with POST /assets/photos'),
  note: multilineText(500, { trim: true }).nullable().optional(),
  visitId: idSchema.optional().describe('The visit this audit was made on (a visit to the store holding it)'),
});

export const assetQuery = z.strictObject({
  customerId: idParam.optional(),
  status: assetStatus.optional(),
  type: assetType.optional(),
  branchId: idParam.optional().describe('Fixtures at this branch’s stores or in its store room'),
  auditOverdue: flag.optional().describe('true: fixtures at stores whose next audit date has passed'),
  recovery: flag.optional().describe('true: fixtures at stores that closed or were cancelled (待回收)'),
  tag: singleLineText(40).optional().describe('A tag prefix'),
  ...offsetPaging,
});

export const assetExportQuery = assetQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const assetSchema = z.object({
  id: z.number(),
  tag: z.string(),
  type: assetType,
  model: z.string().nullable(),
  valueYuan: z.number(),
  status: assetStatus,
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  licenceNo: z.string().nullable(),
  heldSince: z.string().nullable(),
  condition,
  lastAuditedOn: z.string().nullable(),
  nextAuditOn: z.string().nullable(),
  auditIntervalMonths: z.number(),
  auditOverdue: z.boolean(),
  forRecovery: z.boolean().describe('At a store that closed or was cancelled: to be recovered'),
  writeOffReason: z.string().nullable(),
  note: z.string().nullable(),
});

export const assetPageSchema = z.object({ items: z.array(assetSchema), total: z.number() });

export const assetEventSchema = z.object({
  id: z.number(),
  kind: z.enum(assetEventKinds),
  fromCustomerId: z.number().nullable(),
  fromCustomerName: z.string().nullable(),
  toCustomerId: z.number().nullable(),
  toCustomerName: z.string().nullable(),
  condition: condition.nullable(),
  visitId: z.number().nullable(),
  photoId: z.number().nullable(),
  note: z.string().nullable(),
  actorName: z.string(),
  occurredAt: z.string(),
});

export const assetDetailSchema = assetSchema.extend({ history: z.array(assetEventSchema) });

export const assetPhotoSchema = z.object({ id: z.number(), contentType: z.string(), sizeBytes: z.number() });

export const assetImportResultSchema = z.object({ rows: z.number(), created: z.number(), issued: z.number() });
