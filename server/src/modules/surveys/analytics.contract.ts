import { z } from 'zod';

// Requests and answers of the surveys' analytics: a wave's results (satisfaction index, NPS,
// SERVQUAL dimensions), the 服务需求识别汇总表 (needs summary, a pivot by segment), the gap analysis
// and the trend across waves. Shares are fractions 0–1; the index and NPS are 0–100 and −100…100;
// expectation, perception and gap are on the questionnaire's rating scale (1–5 or 1–7).

// How respondents are compared: 业态 (customers.format), 客户分类 (class_code), 群体 (城镇/乡村 ×
// 订货方式: urban_rural and order_channel, e.g. "rural-phone"), 区域 (the branch).
export const segmentations = ['format', 'class', 'group', 'region'] as const;
export type Segmentation = (typeof segmentations)[number];

export const waveParams = z.strictObject({ id: z.uuid() });

export const resultsQuery = z.strictObject({
  by: z.enum(segmentations).optional().describe('Also the index and NPS per segment'),
});

export const needsSummaryQuery = z
  .strictObject({
    rows: z.enum(segmentations).default('format'),
    cols: z.enum(segmentations).optional(),
  })
  .refine((query) => query.rows !== query.cols, { message: 'rows and cols must differ', path: ['cols'] });
export type NeedsSummaryQuery = z.infer<typeof needsSummaryQuery>;

export const gapsQuery = z.strictObject({ by: z.enum(segmentations).optional() });

export const trendQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const dimensionRow = z.object({
  dimension: z.string(),
  expectation: z.number().nullable().describe('Mean expectation rating (mean of the items’ means)'),
  perception: z.number().nullable().describe('Mean perception rating (mean of the items’ means)'),
  gap: z.number().nullable().describe('perception − expectation'),
  score: z.number().nullable().describe('CSI dimension mean 0–100 (scored perception)'),
  weight: z.number().nullable().describe('Normalised weight in the index'),
  items: z.number().int(),
});

const segmentFigures = z.object({
  key: z.string(),
  label: z.string(),
  responses: z.number().int(),
  sent: z.number().int(),
  responseRate: z.number().nullable(),
  satisfactionIndex: z.number().nullable(),
  nps: z.number().nullable(),
  small: z.boolean(),
});

export const resultsSchema = z.object({
  waveId: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  responses: z.number().int().describe('Responses of stores in your scope, counted live'),
  sent: z.number().int().describe('Stores in your scope the wave was sent to'),
  responseRate: z.number().nullable().describe('responses ÷ sent, 0–1'),
  satisfactionIndex: z.number().nullable().describe('0–100, 1 decimal; null without perception answers'),
  indexFormula: z.string(),
  weights: z.record(z.string(), z.number()),
  target: z.number(),
  nps: z.number().nullable().describe('−100…100, 1 decimal; null without NPS answers'),
  npsCounts: z.object({
    n: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
  }),
  overall: z
    .object({ n: z.number().int(), mean: z.number().nullable(), score: z.number().nullable() })
    .describe('Overall satisfaction (kewoRole overall): mean rating and CSI score'),
  dimensions: z.array(dimensionRow),
  by: z.enum(segmentations).nullable(),
  segments: z.array(segmentFigures),
});
export type Results = z.infer<typeof resultsSchema>;

const needCellSchema = z.object({
  segment: z.string().describe('row key, or "row|col" when crossed'),
  row: z.string(),
  col: z.string().nullable(),
  n: z.number().int().describe('Respondents in the cell'),
  chosen: z.number().int(),
  share: z.number().nullable(),
  meanRank: z.number().nullable(),
  small: z.boolean().describe('n < 30: too few to compare (greyed)'),
  difference: z.number().nullable().describe('share − overall share, percentage points'),
  p: z.number().nullable().describe('Two-proportion z-test, the cell against the other respondents'),
  highlight: z.boolean().describe('≥ 10 points above the overall share and p < 0.05, not small'),
});

const segmentHeader = z.object({ key: z.string(), label: z.string(), n: z.number().int() });

export const needsSummarySchema = z.object({
  waveId: z.string(),
  title: z.string(),
  rows: z.enum(segmentations),
  cols: z.enum(segmentations).nullable(),
  n: z.number().int().describe('Respondents (responses in your scope)'),
  rowSegments: z.array(segmentHeader),
  colSegments: z.array(segmentHeader),
  cellSegments: z.array(segmentHeader.extend({ row: z.string(), col: z.string().nullable() })),
  items: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      area: z.string().nullable(),
      department: z.string().nullable(),
      serviceItemId: z.number().nullable(),
      chosen: z.number().int(),
      share: z.number().nullable(),
      meanRank: z.number().nullable().describe('Mean urgency rank among those who ranked it, 1 = most urgent'),
      ranked: z.number().int(),
      cells: z.array(needCellSchema),
    }),
  ),
  rule: z.string(),
});
export type NeedsSummary = z.infer<typeof needsSummarySchema>;
// The summary by each of the four segmentations, uncrossed, from one scan (the console's pivot).
export const needsSummariesSchema = z.object({
  format: needsSummarySchema,
  class: needsSummarySchema,
  group: needsSummarySchema,
  region: needsSummarySchema,
});

const gapItem = z.object({
  item: z.string(),
  dimension: z.string().nullable(),
  label: z.string(),
  expectation: z.number().nullable(),
  perception: z.number().nullable(),
  gap: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  n: z.number().int().describe('Responses answering both the expectation and the perception'),
});

const gapDimension = gapItem.omit({ item: true, dimension: true }).extend({ dimension: z.string() });

export const gapsSchema = z.object({
  waveId: z.string(),
  title: z.string(),
  items: z.array(gapItem).describe('Weakest (most negative gap) first'),
  dimensions: z.array(gapDimension),
  by: z.enum(segmentations).nullable(),
  segments: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      n: z.number().int(),
      small: z.boolean(),
      items: z.array(gapItem),
      dimensions: z.array(gapDimension),
    }),
  ),
  method: z.string(),
});
export type Gaps = z.infer<typeof gapsSchema>;

export const trendSchema = z.object({
  waves: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
      satisfactionIndex: z.number().nullable(),
      nps: z.number().nullable(),
      responses: z.number().int(),
    }),
  ),
  target: z.number(),
});
export type Trend = z.infer<typeof trendSchema>;
