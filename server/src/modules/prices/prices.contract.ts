import { z } from 'zod';
import {
  idParam,
  idSchema,
  instantParam,
  instantSchema,
  multilineText,
  ruleCheckedNumber,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { isoWeekPattern } from './price-observation.rules.ts';
import {
  priceReportSources,
  warningLevels,
  warningRegionKinds,
  warningRuleScopes,
  warningStatuses,
} from './prices.schema.ts';

// Requests and answers of 价格监管 (shared with the web app as types). Prices in answers are yuan a
// pack; indices are points (100 = the suggested retail price), rounded to 2 decimals.

// A price in yuan as typed: checked by the rules (PRICE_INVALID names what is wrong).
const packPrice = ruleCheckedNumber.describe('yuan a pack, > 0, at most 2 decimals');
const isoWeek = z.string().max(8).regex(isoWeekPattern, 'YYYY-Www').describe('ISO week, e.g. 2026-W49');
const districtCode = z
  .string()
  .regex(/^\d{6}$/, 'GB/T 2260 code')
  .describe('区县 GB/T 2260');

// ── Observations ──────────────────────────────────────────────────────────────────────────────

// POST /portal/prices: the signed-in retailer's own store. customerId, if sent, must be it (403).
export const portalPriceBody = z.strictObject({
  productId: idSchema,
  packPrice,
  confirm: z.boolean().optional().describe('true: keep a price outside 30–300 % of the suggested (flagged)'),
  customerId: idSchema.optional().describe('your own store; another store → 403'),
});
export type PortalPriceInput = z.infer<typeof portalPriceBody>;
export const portalPriceResultSchema = z.object({
  id: z.number(),
  observedAt: z.date(),
  flagged: z.boolean(),
});

// POST /prices/observations: an inspector's market check (明察暗访), a store or a market point.
export const inspectionBody = z.strictObject({
  productId: idSchema,
  packPrice,
  customerId: idSchema.optional(),
  marketPoint: singleLineText(100, { min: 1, trim: true }).optional().describe('a store-less point'),
  districtCode: districtCode.optional().describe('the market point’s district'),
  branchId: idSchema.optional().describe('the market point’s branch (optional)'),
  observedAt: instantSchema.optional().describe('default now; within 31 days'),
  note: multilineText(500).optional(),
  confirm: z.boolean().optional(),
});
export type InspectionInput = z.infer<typeof inspectionBody>;

// Every source of an observation: visits' (the visits module's) and the price reports'.
export const observationSources = ['visit', ...priceReportSources] as const;
export type ObservationSource = (typeof observationSources)[number];
// Without a week or a from, the list covers the last 13 weeks.
export const defaultObservationDays = 91;

// A region key as the index's rows name it (a format or urban/rural code, 'market_point').
const regionKey = singleLineText(40, { min: 1, trim: true });

export const observationListQuery = z.strictObject({
  productId: idParam.optional(),
  brand: singleLineText(60, { min: 1 }).optional(),
  priceClass: z.coerce.number().int().min(1).max(5).optional(),
  customerId: idParam.optional(),
  source: z.enum(observationSources).optional(),
  branchId: z
    .union([z.literal('none'), idParam])
    .optional()
    .describe('a branch id, or none: market points of no branch'),
  districtCode: districtCode.optional(),
  format: regionKey.optional().describe('the store’s format, or market_point'),
  urbanRural: regionKey.optional().describe('the store’s urban/rural code, or market_point'),
  week: isoWeek.optional().describe('the ISO week observed (Beijing time); with from/to, both apply'),
  counted: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only what the index counts (flagged reports and outliers left out), as its observations figure'),
  flagged: z.enum(['true', 'false']).optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ObservationListQuery = z.infer<typeof observationListQuery>;

export const observationSchema = z.object({
  // The source's own id: the report's, or the visit's (source visit; one visit, several products).
  id: z.number(),
  // Unique in a list: source, id and product.
  key: z.string(),
  source: z.enum(observationSources),
  productId: z.number(),
  productName: z.string(),
  brand: z.string(),
  customerId: z.number().nullable(),
  storeName: z.string().nullable(),
  licenceNo: z.string().nullable(),
  marketPoint: z.string().nullable(),
  districtCode: z.string(),
  branchId: z.number().nullable(),
  packPrice: z.number(),
  suggestedPackPrice: z.number(),
  observedAt: z.date(),
  reportedBy: z.number(),
  reporterName: z.string(),
  flagged: z.boolean(),
  flagReason: z.string().nullable(),
  note: z.string(),
});
export const observationListSchema = z.object({ items: z.array(observationSchema), total: z.number() });

export const reviewBody = z.strictObject({
  flagged: z.boolean().describe('false: count it in the index; true: keep it out'),
  note: multilineText(500).optional(),
});

// ── The index ─────────────────────────────────────────────────────────────────────────────────

export const indexGroupings = [
  'none',
  'branch',
  'district',
  'format',
  'urban_rural',
  'brand',
  'price_class',
  'product',
] as const;
export type IndexGrouping = (typeof indexGroupings)[number];

export const indexQuery = z.strictObject({
  productId: idParam.optional(),
  brand: singleLineText(60, { min: 1 }).optional(),
  priceClass: z.coerce.number().int().min(1).max(5).optional(),
  week: isoWeek.optional().describe('default: this week'),
  groupBy: z.enum(indexGroupings).default('none'),
});
export type IndexQuery = z.infer<typeof indexQuery>;

const figures = {
  observations: z.number(),
  meanPackPrice: z.number().nullable().describe('one product only'),
  suggestedPackPrice: z.number().nullable().describe('one product only'),
  index: z.number().nullable().describe('null: no counted observation'),
  simpleIndex: z.number().nullable(),
  weightedIndex: z.number().nullable(),
  weighting: z.enum(['product', 'sales', 'simple', 'none']),
  products: z.number(),
  weightCartons: z.number(),
};
export const indexRowSchema = z.object({ key: z.string(), label: z.string(), ...figures });
export type IndexRow = z.infer<typeof indexRowSchema>;
export const indexSchema = z.object({
  week: z.string(),
  // The server's week now (Beijing time; the demo's fixed clock), whichever week was asked.
  currentWeek: z.string(),
  weekStart: z.string(),
  rows: z.array(indexRowSchema),
  definition: z.object({ zh: z.string(), en: z.string() }),
});

export const trendQuery = z.strictObject({
  productId: idParam.optional(),
  brand: singleLineText(60, { min: 1 }).optional(),
  from: isoWeek.optional().describe('default: 12 weeks before to'),
  to: isoWeek.optional().describe('default: this week'),
  districtCode: districtCode.optional(),
  branchId: idParam.optional(),
});
export type TrendQuery = z.infer<typeof trendQuery>;
export const trendSchema = z.object({
  points: z.array(z.object({ week: z.string(), weekStart: z.string(), ...figures })),
});

export const heatQuery = z.strictObject({ week: isoWeek.optional() });
export const heatSchema = z.object({
  week: z.string(),
  weekStart: z.string(),
  districts: z.array(z.object({ key: z.string(), label: z.string(), ...figures })),
  brands: z.array(z.object({ brand: z.string(), ...figures })),
  cells: z.array(
    z.object({ districtCode: z.string(), brand: z.string(), index: z.number().nullable(), observations: z.number() }),
  ),
});

// ── Warning rules ─────────────────────────────────────────────────────────────────────────────

const points = z.number().min(0).max(1_000);
export const ruleBody = z.strictObject({
  scope: z.enum(warningRuleScopes),
  priceClass: z.number().int().min(1).max(5).nullable().optional(),
  productId: idSchema.nullable().optional(),
  yellowFloor: points,
  yellowCeiling: points,
  redFloor: points,
  redCeiling: points,
  dropPoints: points.nullable().optional().describe('null: no week-on-week rule'),
  minObservations: z.number().int().min(1).max(10_000),
});
export type RuleInput = z.infer<typeof ruleBody>;
export const rulePatchBody = z.strictObject({
  yellowFloor: points.optional(),
  yellowCeiling: points.optional(),
  redFloor: points.optional(),
  redCeiling: points.optional(),
  dropPoints: points.nullable().optional(),
  minObservations: z.number().int().min(1).max(10_000).optional(),
});
export type RulePatch = z.infer<typeof rulePatchBody>;

export const ruleSchema = z.object({
  id: z.number().nullable().describe('null: the built-in default'),
  scope: z.enum(warningRuleScopes),
  priceClass: z.number().nullable(),
  productId: z.number().nullable(),
  productName: z.string().nullable(),
  yellowFloor: z.number(),
  yellowCeiling: z.number(),
  redFloor: z.number(),
  redCeiling: z.number(),
  dropPoints: z.number().nullable(),
  minObservations: z.number(),
  updatedAt: z.date().nullable(),
});
export const ruleListSchema = z.object({ items: z.array(ruleSchema), builtIn: ruleSchema });

// ── Warnings ──────────────────────────────────────────────────────────────────────────────────

export const warningListQuery = z.strictObject({
  status: z.enum(warningStatuses).optional(),
  productId: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});

export const warningSchema = z.object({
  id: z.number(),
  productId: z.number(),
  productName: z.string(),
  productCode: z.string(),
  brand: z.string(),
  region: z.object({ kind: z.enum(warningRegionKinds), key: z.string(), label: z.string() }),
  week: z.string(),
  weekStart: z.string(),
  firstWeek: z.string(),
  weeks: z.number(),
  index: z.number(),
  previousIndex: z.number().nullable(),
  observations: z.number(),
  meanPackPrice: z.number(),
  suggestedPackPrice: z.number(),
  level: z.enum(warningLevels),
  rule: z.string(),
  status: z.enum(warningStatuses),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  actionNote: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  actionTakenAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});
export const warningListSchema = z.object({ items: z.array(warningSchema) });

export const warningPatchBody = z.strictObject({
  status: z.enum(['acknowledged', 'action_taken', 'closed']),
  note: multilineText(1_000).optional(),
  ownerId: idSchema.optional().describe('default: you, when it has no owner'),
});
export type WarningPatch = z.infer<typeof warningPatchBody>;

export const evaluateBody = z.strictObject({
  week: isoWeek.optional().describe('default: the last complete week'),
});
export const evaluateResultSchema = z.object({
  week: z.string(),
  weekStart: z.string(),
  evaluated: z.number().describe('product-region figures judged'),
  created: z.number(),
  extended: z.number(),
  refreshed: z.number(),
});

// What the web needs to open the next cycle's allocation from a warning (限点限量): the cycle, the
// product, and the warning's region as a segment (supply's vocabulary) to reduce.
export const allocationDraftSchema = z.object({
  warningId: z.number(),
  cycle: z
    .object({ id: z.number(), code: z.string(), weekStart: z.string(), status: z.string() })
    .nullable()
    .describe('the earliest draft cycle from this week on (only a draft’s allocation can be set); null: none'),
  createWeekStart: z.string().nullable().describe('when cycle is null: the Monday of the next cycle to create'),
  product: z.object({ id: z.number(), code: z.string(), name: z.string(), brand: z.string() }),
  region: z.object({ kind: z.enum(warningRegionKinds), key: z.string(), label: z.string() }),
  segment: z.object({ districtCodes: z.array(z.string()).optional(), branchIds: z.array(z.number()).optional() }),
  regionMultipliers: z
    .object({
      districts: z.record(z.string(), z.number()).optional(),
      branches: z.record(z.string(), z.number()).optional(),
    })
    .describe('supply’s 区域系数 for the product’s strategy: the region’s quota × factor ({} for the city)'),
  factor: z.number().describe('the suggested factor: 0.5 red, 0.7 yellow, below the band; 1 above it'),
  level: z.enum(warningLevels),
  index: z.number(),
  suggestion: z.object({ zh: z.string(), en: z.string() }),
});
