import { z } from 'zod';
import { idParam, idSchema, listOf, multilineText, singleLineText } from '../../platform/http/input-bounds.ts';
import { offsetPaging } from '../../platform/http/route-helpers.ts';
import { tierItemCategories } from './terminals.rules.ts';
import { applicationStatuses, awardStatuses, inspectionOutcomes } from './terminals.schema.ts';

// The HTTP shapes of tiers, applications, inspections, awards and the lists built on them.

const itemId = singleLineText(40, { min: 1 }).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" or "_"');

export const tierItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(tierItemCategories),
  mandatory: z.boolean(),
  maxScore: z.number(),
});

export const tierSchema = z.object({
  id: z.number(),
  name: z.string(),
  rank: z.number(),
  passScore: z.number(),
  maxScore: z.number(),
  fundingYuan: z.number(),
  fixtures: z.array(z.string()),
  reinspectionMonths: z.number(),
  active: z.boolean(),
  items: z.array(tierItemSchema),
});
export const tierListSchema = z.object({ items: z.array(tierSchema) });

export const tierInputSchema = z.strictObject({
  name: singleLineText(30, { min: 1, trim: true }),
  rank: z.number().int().min(1).max(99).describe('higher is better: a failed re-inspection downgrades to a lower rank'),
  passScore: z.number().min(0).max(1000),
  fundingYuan: z.number().int().min(0).max(100_000_000),
  fixtures: listOf(singleLineText(20, { min: 1, trim: true }), 20).describe(
    'the fixtures the tier brings (烟柜, 烟架 …)',
  ),
  reinspectionMonths: z.number().int().min(1).max(60),
  active: z.boolean().optional(),
  items: listOf(
    z.strictObject({
      id: itemId.nullish().describe('kept on edit; a new item without one gets item-<n>'),
      name: singleLineText(60, { min: 1, trim: true }),
      category: z.enum(tierItemCategories),
      mandatory: z.boolean(),
      maxScore: z.number().min(0).max(100),
    }),
    50,
    1,
  ),
});

const note = multilineText(500, { trim: true }).nullish();
const photoIds = listOf(idSchema, 20);

export const applicationSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  licenceNo: z.string(),
  customerName: z.string(),
  branchId: z.number(),
  branchName: z.string(),
  tierId: z.number(),
  tierName: z.string(),
  status: z.enum(applicationStatuses),
  source: z.enum(['portal', 'staff']),
  note: z.string().nullable(),
  photoIds: z.array(z.number()),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const applicationPageSchema = z.object({ items: z.array(applicationSchema), total: z.number() });
export const decidedApplicationSchema = applicationSchema.extend({
  awarded: z.boolean().describe('true when an inspection had already met the standard: the tier is awarded now'),
});

export const applicationInputSchema = z.strictObject({
  customerId: idSchema,
  tierId: idSchema,
  note,
  photoIds: photoIds.optional(),
});
export const portalApplicationInputSchema = z.strictObject({ tierId: idSchema, note, photoIds: photoIds.optional() });
export const applicationDecisionSchema = z.strictObject({ approve: z.boolean(), note });
export const applicationQuery = z.strictObject({
  status: z.enum(applicationStatuses).optional(),
  customerId: idParam.optional(),
  branchId: idParam.optional(),
  ...offsetPaging,
});

export const inspectionInputSchema = z.strictObject({
  customerId: idSchema,
  tierId: idSchema,
  results: listOf(
    z.strictObject({
      itemId,
      passed: z.boolean(),
      score: z.number().min(0).max(100).nullish().describe('required for a scored item, 0..its maxScore'),
    }),
    50,
  ),
  photoIds: photoIds.describe('at least 3 photos uploaded with POST /terminals/photos'),
  note,
});
export const inspectionCreatedSchema = z.object({
  id: z.number(),
  awarded: z.boolean().describe('every mandatory item passed and the score reached the pass mark'),
  score: z.number(),
  passScore: z.number(),
  outcome: z.enum(inspectionOutcomes),
  failedMandatory: z.array(z.string()),
  reason: z.string().nullable(),
  tierId: z.number().nullable().describe('the tier the store holds after the inspection'),
});

export const inspectionSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  tierId: z.number(),
  tierName: z.string(),
  applicationId: z.number().nullable(),
  inspectedAt: z.string(),
  inspectorName: z.string().nullable(),
  score: z.number(),
  passScore: z.number(),
  awarded: z.boolean(),
  outcome: z.enum(inspectionOutcomes),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.number()),
});
export const inspectionDetailSchema = inspectionSchema.extend({
  results: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      category: z.string(),
      mandatory: z.boolean(),
      maxScore: z.number(),
      passed: z.boolean(),
      score: z.number(),
    }),
  ),
});
export const inspectionPageSchema = z.object({ items: z.array(inspectionSchema), total: z.number() });
export const inspectionQuery = z.strictObject({
  customerId: idParam.optional(),
  tierId: idParam.optional(),
  ...offsetPaging,
});

export const photoSchema = z.object({ id: z.number(), contentType: z.string(), size: z.number() });

export const awardedStoreSchema = z.object({
  customerId: z.number(),
  licenceNo: z.string(),
  name: z.string(),
  address: z.string(),
  storeStatus: z.string(),
  branchId: z.number(),
  branchName: z.string(),
  managerName: z.string().nullable(),
  tierId: z.number(),
  tierName: z.string(),
  awardedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export const storesQuery = z.strictObject({
  tier: idParam.optional().describe('a tier id: only the stores holding it'),
  branchId: idParam.optional(),
  ...offsetPaging,
});
export const storePageSchema = z.object({ items: z.array(awardedStoreSchema), total: z.number() });
export const dueQuery = z.strictObject({
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
  tier: idParam.optional(),
  branchId: idParam.optional(),
  ...offsetPaging,
});
export const duePageSchema = storePageSchema.extend({ dueBy: z.string() });

const tierLegend = z.array(z.object({ id: z.number(), name: z.string(), rank: z.number() }));
export const mapQuery = z.strictObject({ branchId: idParam.optional() });
export const mapSchema = z.object({
  tiers: tierLegend,
  points: z.array(z.array(z.number())).describe('[customerId, longitude, latitude, tierId] per awarded store'),
});
export const summarySchema = z.object({
  tiers: tierLegend,
  branches: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      total: z.number(),
      counts: z.array(z.object({ tierId: z.number(), count: z.number() })),
    }),
  ),
  totals: z.array(z.object({ tierId: z.number(), count: z.number() })),
  total: z.number(),
});

const awardSchema = z.object({
  id: z.number(),
  tierId: z.number(),
  tierName: z.string(),
  status: z.enum(awardStatuses),
  awardedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});
export const storeTerminalSchema = z.object({
  customerId: z.number(),
  award: awardSchema.nullable(),
  nextDueOn: z.string().nullable(),
  history: z.array(awardSchema),
  applications: z.array(applicationSchema),
  inspections: z.array(inspectionSchema),
});
export const portalTerminalSchema = storeTerminalSchema.extend({ tiers: z.array(tierSchema) });
