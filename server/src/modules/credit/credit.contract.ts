import { z } from 'zod';
import {
  calendarDate,
  calendarMonth,
  idParam,
  idSchema,
  listOf,
  multilineText,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { capRuleKeys, creditLevels, indicatorKeys, ledgerRuleKeys, sourceKinds } from './credit.rules.ts';
import {
  appealStatuses,
  creditModelStatuses,
  creditRunStatuses,
  violationSeverities,
  violationTypes,
} from './credit.schema.ts';

// The credit module's HTTP shapes. Rule, level and source-kind names are strings here so that an
// unknown one is refused by name (400 CREDIT_MODEL_INVALID), like classification's indicators.

const points = z.number().min(-100).max(100);
const level = singleLineText(4);

export const definitionSchema = z.strictObject({
  base: z.number().min(0).max(1000),
  bands: listOf(z.strictObject({ level, min: z.number().min(-1000).max(1000).nullable() }), 6).describe(
    `levels (${creditLevels.join(', ')}) from the best down, each with its minimum score; the last has min null`,
  ),
  rules: listOf(
    z.strictObject({
      rule: singleLineText(40),
      label: singleLineText(60, { trim: true }),
      points,
      sourceKind: singleLineText(20),
      minCount: z.number().int().min(1).max(52).optional(),
      cycles: z.number().int().min(1).max(104).optional(),
    }),
    20,
  ).describe(`ledger rules (${ledgerRuleKeys.join(', ')}), each reading facts of one kind (${sourceKinds.join(', ')})`),
  caps: listOf(
    z.strictObject({ rule: singleLineText(40), label: singleLineText(60, { trim: true }), capLevel: level }),
    5,
  ).describe(`caps (${capRuleKeys.join(', ')}) that lower the level`),
  indicators: listOf(
    z.strictObject({
      indicator: singleLineText(40),
      label: singleLineText(60, { trim: true }),
      steps: listOf(z.strictObject({ min: z.number().min(-1_000_000).max(1_000_000), points }), 6, 1),
    }),
    indicatorKeys.length,
  ).describe(
    `indicators (${indicatorKeys.join(', ')}) scored by steps: the first step with value ≥ min gives its points`,
  ),
  activityAxis: z.boolean(),
  alertSharePoints: z
    .number()
    .min(0)
    .max(100)
    .describe('an alert when a level’s share moves more than this many percentage points'),
});

export const modelInputSchema = z.strictObject({
  name: singleLineText(60, { trim: true, min: 1 }),
  definition: definitionSchema,
});
export const previewInputSchema = z.strictObject({ definition: definitionSchema });

const definitionOut = z.object({
  base: z.number(),
  bands: z.array(z.object({ level: z.string(), min: z.number().nullable() })),
  rules: z.array(
    z.object({
      rule: z.string(),
      label: z.string(),
      points: z.number(),
      sourceKind: z.string(),
      minCount: z.number().optional(),
      cycles: z.number().optional(),
    }),
  ),
  caps: z.array(z.object({ rule: z.string(), label: z.string(), capLevel: z.string() })),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      label: z.string(),
      steps: z.array(z.object({ min: z.number(), points: z.number() })),
    }),
  ),
  activityAxis: z.boolean(),
  alertSharePoints: z.number(),
});

export const modelSchema = z.object({
  id: z.number(),
  version: z.number(),
  name: z.string(),
  status: z.enum(creditModelStatuses),
  definition: definitionOut,
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
});
export const modelListSchema = z.object({ items: z.array(modelSchema) });

const levelShare = z.object({ level: z.string(), count: z.number(), share: z.number().describe('percent') });
export const previewSchema = z.object({ total: z.number(), levels: z.array(levelShare) });

export const summarySchema = z.object({
  total: z.number(),
  levels: z.array(levelShare),
  branches: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      total: z.number(),
      up: z.number(),
      down: z.number(),
      changed: z.number(),
    }),
  ),
  movers: z.array(
    z.object({
      customerId: z.number(),
      name: z.string(),
      branchName: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      fromScore: z.number().nullable(),
      toScore: z.number(),
    }),
  ),
  alerts: z.array(z.object({ level: z.string(), fromShare: z.number(), toShare: z.number(), points: z.number() })),
  comparedWithRunId: z.number().nullable(),
});

export const runSchema = z.object({
  id: z.number(),
  modelId: z.number(),
  month: z.string(),
  status: z.enum(creditRunStatuses),
  effectiveFrom: z.string().nullable(),
  createdAt: z.string(),
  computedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  summary: summarySchema.nullable().optional(),
});
export const runListSchema = z.object({ items: z.array(runSchema) });
export const newRunSchema = z.strictObject({ modelId: idSchema, month: calendarMonth });
export const publishSchema = z.strictObject({ effectiveFrom: calendarDate });

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
export const runStoresQuery = z.strictObject({
  level: z.enum(creditLevels).optional(),
  branchId: idParam.optional(),
  moved: z.enum(['up', 'down']).optional(),
  ...page,
});
export const runStorePageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      customerId: z.number(),
      licenceNo: z.string(),
      name: z.string(),
      branchId: z.number(),
      branchName: z.string(),
      score: z.number(),
      level: z.string(),
      activity: z.number().nullable(),
      previousLevel: z.string().nullable(),
      previousScore: z.number().nullable(),
    }),
  ),
});

export const distributionQuery = z.strictObject({ by: z.enum(['branch', 'class']).optional() });
export const distributionSchema = z.object({
  total: z.number(),
  levels: z.array(levelShare),
  runId: z.number().nullable(),
  effectiveFrom: z.string().nullable(),
  groups: z
    .array(z.object({ key: z.string(), label: z.string(), total: z.number(), levels: z.array(levelShare) }))
    .optional(),
});

const source = z.object({ kind: z.string(), id: z.string(), at: z.string() });
const itemSchema = z.object({
  key: z.string().describe('the item in an appeal (itemKey)'),
  rule: z.string(),
  label: z.string(),
  points: z.number(),
  source,
  frozen: z.boolean().optional().describe('under an open appeal'),
});
const appealSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  runId: z.number(),
  itemKey: z.string().nullable(),
  reason: z.string(),
  photoIds: z.array(z.number()),
  status: z.enum(appealStatuses),
  dueOn: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const customerCreditSchema = z.object({
  customerId: z.number(),
  level: z.string().nullable(),
  score: z.number().nullable().describe('= base + Σ items.points'),
  effectiveFrom: z.string().nullable(),
  runId: z.number().nullable(),
  month: z.string().nullable(),
  base: z.number().nullable(),
  items: z.array(itemSchema),
  caps: z.array(z.object({ rule: z.string(), label: z.string(), capLevel: z.string(), source })),
  indicators: z.array(
    z.object({ indicator: z.string(), label: z.string(), value: z.number().nullable(), points: z.number() }),
  ),
  activity: z
    .number()
    .nullable()
    .describe('0–4, 0 = no purchase for 3 months; null when the model has no activity axis'),
  history: z.array(
    z.object({ runId: z.number(), month: z.string(), effectiveFrom: z.string(), level: z.string(), score: z.number() }),
  ),
  appeal: appealSchema.nullable().describe('the latest appeal'),
});
export const portalCreditSchema = customerCreditSchema.extend({
  howToRaise: z.array(
    z.object({
      kind: z.enum(['points', 'cap', 'expiry', 'indicator']),
      text: z.string(),
      points: z.number().optional(),
      level: z.string().optional(),
      at: z.string().optional(),
    }),
  ),
});

export const appealInputSchema = z.strictObject({
  reason: multilineText(1000, { trim: true, min: 2 }),
  itemKey: singleLineText(120).nullable().optional(),
  photoIds: listOf(idSchema, 6).optional(),
});
export const appealCreatedSchema = z.object({ id: z.number(), status: z.literal('open'), dueOn: z.string() });
export const appealListSchema = z.object({ items: z.array(appealSchema) });
export const photoSchema = z.object({ id: z.number(), contentType: z.string(), size: z.number() });

const staffAppeal = appealSchema.extend({
  customerName: z.string(),
  licenceNo: z.string(),
  branchName: z.string(),
  decidedByName: z.string().nullable(),
});
export const appealQuery = z.strictObject({ status: z.enum(appealStatuses).optional(), ...page });
export const staffAppealPageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(staffAppeal),
});
export const staffAppealSchema = staffAppeal.extend({
  item: itemSchema.nullable(),
  level: z.string().nullable(),
  score: z.number().nullable(),
});
export const decisionSchema = z.strictObject({
  outcome: z.enum(['accepted', 'rejected']),
  note: multilineText(1000, { trim: true, min: 2 }),
});
export const decisionResultSchema = appealSchema.extend({
  corrected: z.string().nullable().describe('violation_voided, <kind>_corrected or item_dropped'),
  rescored: z.object({ runId: z.number(), level: z.string(), score: z.number() }).nullable(),
});
export const appealPhotoParams = z.strictObject({ id: idParam, photoId: idParam });

const violationType = z.enum(violationTypes);
const severity = z.enum(violationSeverities);
export const violationInputSchema = z.strictObject({
  customerId: idSchema,
  occurredOn: calendarDate,
  type: violationType,
  severity,
  documentNo: singleLineText(60, { trim: true, min: 1 }),
  note: multilineText(500, { trim: true }).nullable().optional(),
});
export const violationSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  occurredOn: z.string(),
  type: violationType,
  severity,
  documentNo: z.string(),
  note: z.string().nullable(),
  source: z.enum(['entered', 'imported']),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export const violationQuery = z.strictObject({
  customerId: idParam.optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
  ...page,
});
export const violationPageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(violationSchema.extend({ customerName: z.string(), licenceNo: z.string(), createdAt: z.string() })),
});
export const voidSchema = z.strictObject({ reason: multilineText(500, { trim: true, min: 2 }) });
export const voidResultSchema = z.object({ id: z.number(), voidedAt: z.string(), voidReason: z.string() });
