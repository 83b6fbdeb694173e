import { z } from 'zod';
import {
  calendarDate,
  idSchema,
  multilineText,
  ruleCheckedNumber,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { segmentSchema } from '../supply/index.ts';
import { actionKinds, programmeStatuses } from './brand.schema.ts';
import { kpiNames, storeStatuses } from './brand-kpis.rules.ts';

// Requests and answers of 品牌培育 (shared with the web app as types).

export const maxProgrammeProducts = 50;
export const maxProgrammeStores = 5_000;
export const maxProgrammeActions = 50;
export const maxPlanStores = 50;

const actionSchema = z.strictObject({
  kind: z.enum(actionKinds),
  title: singleLineText(100, { min: 1, trim: true }),
  date: calendarDate.optional(),
  serviceItemId: idSchema.optional(),
});

const goalsSchema = z.strictObject({
  // Fractions 0–1; the rule names a value outside (BRAND_GOAL_INVALID).
  shelvingRate: ruleCheckedNumber.optional(),
  sellThroughRate: ruleCheckedNumber.optional(),
  stockToSales: z.strictObject({ min: ruleCheckedNumber, max: ruleCheckedNumber }).optional(),
});

const programmeFields = {
  name: singleLineText(100, { min: 1, trim: true }),
  description: multilineText(2_000).optional(),
  productIds: z.array(idSchema).max(maxProgrammeProducts),
  startDate: calendarDate,
  endDate: calendarDate,
  segment: segmentSchema.optional(),
  customerIds: z.array(idSchema).min(1).max(maxProgrammeStores).optional(),
  goals: goalsSchema,
  actions: z.array(actionSchema).max(maxProgrammeActions).optional(),
  ownerId: idSchema.optional(),
};

export const newProgrammeBody = z.strictObject(programmeFields);
export type NewProgramme = z.infer<typeof newProgrammeBody>;

// PATCH: the same fields, all optional; segment or customerIds null switches to the other (or to
// every store).
export const programmePatchBody = z.strictObject({
  ...programmeFields,
  name: programmeFields.name.optional(),
  productIds: programmeFields.productIds.optional(),
  startDate: calendarDate.optional(),
  endDate: calendarDate.optional(),
  segment: segmentSchema.nullable().optional(),
  customerIds: programmeFields.customerIds.unwrap().nullable().optional(),
  goals: goalsSchema.optional(),
});
export type ProgrammePatch = z.infer<typeof programmePatchBody>;

const actionOut = z.object({
  kind: z.enum(actionKinds),
  title: z.string(),
  date: z.string().optional(),
  serviceItemId: z.number().optional(),
});
const goalsOut = z.object({
  shelvingRate: z.number().optional(),
  sellThroughRate: z.number().optional(),
  stockToSales: z.object({ min: z.number(), max: z.number() }).optional(),
});

export const programmeSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  status: z.enum(programmeStatuses),
  productIds: z.array(z.number()),
  products: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), brand: z.string() })),
  startDate: z.string(),
  endDate: z.string(),
  segment: z.record(z.string(), z.unknown()).nullable(),
  customerIds: z.array(z.number()).nullable(),
  targetStores: z.number(),
  goals: goalsOut,
  actions: z.array(actionOut),
  ownerId: z.number(),
  ownerName: z.string(),
  // The checklist as ticked on visits (the newest record of each), in the caller's scope: the
  // visits that carried the programme's checklist, and per item (kind, title) how many ticked it.
  visitChecks: z.object({
    visits: z.number(),
    items: z.array(z.object({ kind: z.string(), title: z.string(), done: z.number(), listed: z.number() })),
  }),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const programmeListQuery = z.strictObject({ status: z.enum(programmeStatuses).optional() });
export const programmeListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      status: z.enum(programmeStatuses),
      productIds: z.array(z.number()),
      products: z.array(z.object({ id: z.number(), name: z.string() })),
      startDate: z.string(),
      endDate: z.string(),
      goals: goalsOut,
      ownerId: z.number(),
      ownerName: z.string(),
      updatedAt: z.date(),
    }),
  ),
});

export const kpiGroupings = ['none', 'branch', 'manager', 'class', 'format', 'grade', 'week'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];

export const kpiQuery = z.strictObject({ groupBy: z.enum(kpiGroupings).default('none') });

const words = z.object({ zh: z.string(), en: z.string() });
export const kpiDefinitionSchema = z.object({
  kpi: z.enum(kpiNames),
  version: z.number(),
  name: words,
  formula: words,
});
export const kpiDefinitionListSchema = z.object({ items: z.array(kpiDefinitionSchema) });

const rate = z.number().nullable();
export const kpiRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  targetStores: z.number(),
  stockedStores: z.number(),
  stockedStoresObserved: z.number(),
  reorderedStores: z.number(),
  shelvingRate: rate,
  shelvingRateObserved: rate,
  sellThroughRate: rate,
  repeatRate: rate,
  repeatBase: z.number(),
  repeatStores: z.number(),
  quotaFill: rate,
  orderedCartons: z.number(),
  allocatedCartons: z.number(),
  fullLines: z.number(),
  orderedLines: z.number(),
  fullLineRate: rate,
  stockToSalesRatio: rate,
  stockCartons: z.number(),
  weeklySalesCartons: z.number(),
  overStockStores: z.number(),
  outOfStockStores: z.number(),
});
export type KpiRow = z.infer<typeof kpiRowSchema>;
export const kpisSchema = z.object({ rows: z.array(kpiRowSchema), definitions: z.array(kpiDefinitionSchema) });

export const storesQuery = z.strictObject({
  status: z.enum(storeStatuses).optional(),
  groupBy: z.enum(kpiGroupings).optional(),
  groupKey: singleLineText(40).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StoresQuery = z.infer<typeof storesQuery>;

export const storeRowSchema = z.object({
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  managerId: z.number(),
  managerName: z.string(),
  branchName: z.string(),
  class: z.string().nullable(),
  format: z.string(),
  grade: z.number().nullable(),
  lastOrderedWeek: z.string().nullable(),
  orderedCartons: z.number(),
  stockCartons: z.number().nullable(),
  weeklySalesCartons: z.number().nullable(),
  stockToSalesRatio: z.number().nullable(),
  status: z.enum(storeStatuses),
  reason: z.string(),
});
export const storeListSchema = z.object({ items: z.array(storeRowSchema), total: z.number() });

export const worklistQuery = z.strictObject({
  programmeId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});
export const worklistSchema = z.object({
  items: z.array(
    z.object({
      programmeId: z.number(),
      programmeName: z.string(),
      customerId: z.number(),
      code: z.string(),
      name: z.string(),
      managerId: z.number(),
      managerName: z.string(),
      status: z.enum(['not_shelved', 'not_reordered', 'over_stock', 'out_of_stock']),
      reason: z.string(),
      plannedThisWeek: z.boolean(),
    }),
  ),
});

export const worklistPlanBody = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(maxPlanStores),
  date: calendarDate.optional(),
});
export type WorklistPlan = z.infer<typeof worklistPlanBody>;
export const worklistPlanResultSchema = z.object({ added: z.number(), alreadyPlanned: z.number() });

export const customerProgrammesSchema = z.object({
  items: z.array(
    z.object({
      programmeId: z.number(),
      name: z.string(),
      status: z.enum(programmeStatuses),
      startDate: z.string(),
      endDate: z.string(),
      products: z.array(z.object({ id: z.number(), name: z.string() })),
      shelved: z.boolean(),
      shelvedObserved: z.boolean(),
      reordered: z.boolean(),
      orderedCartons: z.number(),
      stockCartons: z.number().nullable(),
      stockToSalesRatio: z.number().nullable(),
      flags: z.array(z.enum(['not_shelved', 'not_reordered', 'over_stock', 'out_of_stock'])),
      checklist: z.array(actionOut),
    }),
  ),
});
