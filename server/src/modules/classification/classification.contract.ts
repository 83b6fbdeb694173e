import { z } from 'zod';
import {
  calendarDate,
  idParam,
  idSchema,
  maxInteger,
  multilineText,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { customerClasses, demoTypes } from '../customers/index.ts';
import { indicatorKeys, scoredClasses } from './classification.rules.ts';

const classEnum = z.enum(customerClasses);
const demoTypeEnum = z.enum(demoTypes);

const weight = z.object({ indicator: z.string(), weight: z.number() });
const threshold = z.object({ class: z.string(), from: z.number(), to: z.number() });
const demoTypeRule = z.object({
  demoType: z.string(),
  conditions: z.array(z.object({ indicator: z.string(), min: z.number() })),
});

// A score on the 0–100 scale every indicator and the total are measured on.
const score = z.number().min(0).max(100);

// Indicators are strings here so that an unknown one is refused by name (CLASSIFICATION_RULE_SET_INVALID).
export const ruleSetInputSchema = z.strictObject({
  name: singleLineText(60, { trim: true, min: 1 }),
  note: multilineText(500, { trim: true }).nullable().optional(),
  weights: z
    .array(z.strictObject({ indicator: singleLineText(30), weight: z.number().min(0).max(100) }))
    .min(1)
    .max(20)
    .describe(`weights of the indicators (${indicatorKeys.join(', ')}); they must add up to 100`),
  thresholds: z
    .array(z.strictObject({ class: singleLineText(30), from: score, to: score }))
    .min(1)
    .max(3)
    .describe(`score ranges [from, to) of ${scoredClasses.join(', ')}, covering 0–100 without overlap or gap`),
  demoTypes: z
    .array(
      z.strictObject({
        demoType: singleLineText(30),
        conditions: z
          .array(z.strictObject({ indicator: singleLineText(30), min: score }))
          .min(1)
          .max(8),
      }),
    )
    .max(6)
    .describe('sub-type rules for demonstration stores, tried in order; every condition is score ≥ min'),
});

export const ruleSetSchema = z.object({
  id: z.number(),
  version: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  weights: z.array(weight),
  thresholds: z.array(threshold),
  demoTypes: z.array(demoTypeRule),
  createdAt: z.string(),
});
export const ruleSetListSchema = z.object({ items: z.array(ruleSetSchema) });

export const distributionSchema = z.object({
  total: z.number(),
  classes: z.array(z.object({ class: classEnum, count: z.number(), share: z.number().describe('percent') })),
  demoTypes: z.array(z.object({ demoType: demoTypeEnum, count: z.number(), share: z.number().describe('percent') })),
});

export const previewSchema = distributionSchema.extend({
  changed: z.number().describe('stores whose class would change'),
});

const groupDistribution = distributionSchema.extend({ key: z.string(), name: z.string() });

export const distributionReportSchema = distributionSchema.extend({
  unclassified: z.number(),
  branches: z.array(groupDistribution),
  districts: z.array(groupDistribution),
});

export const distributionQuery = z.strictObject({
  branchId: idParam.optional(),
  districtCode: z
    .string()
    .max(6)
    .regex(/^\d{6}$/)
    .optional(),
});

export const newRunSchema = z.strictObject({
  ruleSetId: idSchema,
  effectiveOn: calendarDate.optional().describe('default: next Monday'),
});

export const runSchema = z.object({
  id: z.number(),
  ruleSetId: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
  effectiveOn: z.string(),
  status: z.enum(['proposed', 'partly_applied', 'applied']),
  storeCount: z.number(),
  appliedBranchIds: z.array(z.number()),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
});
export const runListSchema = z.object({ items: z.array(runSchema) });
export const computedRunSchema = runSchema.extend({ distribution: distributionSchema });
export const approvedRunSchema = runSchema.extend({
  changed: z.number(),
  pending: z.boolean().describe('true: the classes take effect on effectiveOn, the stores keep theirs until then'),
});

export const runDetailSchema = runSchema.extend({
  isLatest: z.boolean(),
  distribution: distributionSchema,
  diff: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      changed: z.number(),
      applied: z.boolean(),
      moves: z.array(z.object({ from: classEnum.nullable(), to: classEnum, count: z.number() })),
    }),
  ),
});

const whySchema = z.object({
  indicators: z.array(
    z.object({
      indicator: z.string(),
      value: z.number().nullable(),
      score: z.number(),
      weight: z.number(),
      missing: z.boolean(),
    }),
  ),
  score: z.number(),
  threshold: threshold,
  demoTypeRule: demoTypeRule.nullable(),
});

const overrideView = z.object({ class: classEnum, demoType: demoTypeEnum.nullable(), reason: z.string() }).nullable();

export const proposalSchema = z.object({
  customerId: z.number(),
  licenceNo: z.string(),
  name: z.string(),
  branchId: z.number(),
  branchName: z.string(),
  currentClass: classEnum.nullable(),
  currentDemoType: demoTypeEnum.nullable(),
  proposedClass: classEnum,
  proposedDemoType: demoTypeEnum.nullable(),
  override: overrideView,
  why: whySchema,
});

export const proposalPageSchema = z.object({ items: z.array(proposalSchema), total: z.number() });

export const proposalQuery = z.strictObject({
  branchId: idParam.optional(),
  from: z.enum([...customerClasses, 'none']).optional(),
  to: classEnum.optional(),
  changed: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const runCustomerParams = z.strictObject({
  id: idParam,
  customerId: idParam,
});

export const overrideSchema = z.strictObject({
  class: classEnum.nullable().describe('null clears the override'),
  demoType: demoTypeEnum.nullable().optional(),
  reason: multilineText(500).optional(),
});

export const approveSchema = z.strictObject({
  branchIds: z.array(idSchema).min(1).max(500).optional().describe('default: every branch not yet approved'),
});

export const handClassSchema = z.strictObject({
  class: classEnum.nullable(),
  demoType: demoTypeEnum.nullable().optional(),
  reason: multilineText(500).describe('required'),
});

export const handClassResultSchema = z.object({
  customerId: z.number(),
  class: classEnum.nullable(),
  demoType: demoTypeEnum.nullable(),
  reason: z.string(),
  effectiveOn: z.string(),
});

export const customerClassificationSchema = z.object({
  customerId: z.number(),
  class: classEnum.nullable(),
  demoType: demoTypeEnum.nullable(),
  why: whySchema
    .extend({
      runId: z.number(),
      ruleSetId: z.number(),
      ruleSetVersion: z.number(),
      effectiveOn: z.string(),
      proposedClass: classEnum,
      proposedDemoType: demoTypeEnum.nullable(),
      override: overrideView,
    })
    .nullable(),
  history: z.array(
    z.object({
      id: z.number(),
      fromClass: classEnum.nullable(),
      fromDemoType: demoTypeEnum.nullable(),
      toClass: classEnum.nullable(),
      toDemoType: demoTypeEnum.nullable(),
      runId: z.number().nullable(),
      reason: z.string().nullable(),
      effectiveOn: z.string(),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
      pending: z.boolean().describe('approved, takes effect on effectiveOn'),
    }),
  ),
});

export const newSpotCheckSchema = z.strictObject({
  size: z.number().int().min(1).max(2000).default(200),
  seed: z.number().int().min(0).max(maxInteger).optional().describe('the seed of an earlier sample draws it again'),
});

export const spotCheckSchema = z.object({
  id: z.number(),
  seed: z.number(),
  size: z.number(),
  ruleSetId: z.number(),
  createdAt: z.string(),
});
export const spotCheckListSchema = z.object({ items: z.array(spotCheckSchema) });

export const spotCheckReportSchema = spotCheckSchema.extend({
  stats: z.object({
    sampled: z.number(),
    assessed: z.number(),
    accuracy: z.number().nullable().describe('percent of assessed stores where the inspector agrees'),
    consistency: z.number().describe('percent of sampled stores a re-run classes the same'),
    completeness: z.number().describe('percent of sampled stores with every measured indicator present'),
  }),
  items: z.array(
    z.object({
      customerId: z.number(),
      licenceNo: z.string(),
      name: z.string(),
      branchId: z.number(),
      branchName: z.string(),
      sampledClass: classEnum,
      sampledDemoType: demoTypeEnum.nullable(),
      rerunClass: classEnum,
      complete: z.boolean(),
      inspectorClass: classEnum.nullable(),
      agrees: z.boolean().nullable(),
      note: z.string().nullable(),
      assessedAt: z.string().nullable(),
    }),
  ),
});

export const assessSchema = z.strictObject({
  inspectorClass: classEnum,
  note: multilineText(500).nullable().optional(),
});
export const assessResultSchema = z.object({ customerId: z.number(), inspectorClass: classEnum, agrees: z.boolean() });
