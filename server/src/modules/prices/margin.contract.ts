import { z } from 'zod';
import { calendarDate } from '../../platform/http/input-bounds.ts';
import { retailSources } from './margin.rules.ts';

// Requests and answers of 零售毛利率 (retail gross margin), 明码标价 compliance, the retailer's own
// margin and suggested prices (portal) and a store's prices in the 360° view (shared with the web app
// as types). Money is in yuan (2 decimals); margins and shares are fractions 0–1.

// At most a year and a week between from and to (a year to date, a year's weeks).
export const maxRangeDays = 371;

export const marginGroupings = ['none', 'branch', 'class', 'district', 'week'] as const;
export type MarginGrouping = (typeof marginGroupings)[number];

export const marginQuery = z.strictObject({
  groupBy: z.enum(marginGroupings).default('none'),
  // Beijing days; the weeks whose Monday lies in [Monday of from, to]. Defaults: 1 January of this
  // year to today (the year to date).
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type MarginQuery = z.infer<typeof marginQuery>;

const sourceShares = z
  .object(
    Object.fromEntries(retailSources.map((source) => [source, z.number()])) as Record<
      (typeof retailSources)[number],
      z.ZodNumber
    >,
  )
  .nullable()
  .describe(
    'Shares of the cartons whose retail price was the store’s own observed price, its district’s mean, or the suggested price',
  );

const amounts = {
  retailAmount: z.number().describe('Σ retail price × cartons, yuan'),
  wholesaleAmount: z.number().describe('Σ wholesale price × cartons, yuan'),
  margin: z.number().nullable().describe('(retail − wholesale) ÷ retail, 0–1; null without sales'),
};

export const marginRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  ...amounts,
  cartons: z.number().int(),
  stores: z.number().int().describe('Store-weeks behind the row: a store counts once for each week it ordered'),
  sources: sourceShares,
  // The same weeks a year earlier (52 weeks before), the same grouping.
  lastYear: z.object(amounts).nullable(),
  change: z.number().nullable().describe('margin − lastYear.margin (a fraction; × 100 = points)'),
});
export type MarginRow = z.infer<typeof marginRowSchema>;

export const marginSchema = z.object({
  from: z.string(),
  to: z.string(),
  lastYearFrom: z.string(),
  lastYearTo: z.string(),
  groupBy: z.enum(marginGroupings),
  // How the figures were read: weeks from the roll-up (as of refreshedUntil) and weeks read live.
  storedWeeks: z.number().int(),
  liveWeeks: z.number().int(),
  asOf: z.string().nullable().describe('When the oldest stored week of the range was computed (null: all live)'),
  rows: z.array(marginRowSchema),
  // The whole range for the caller's scope, the total of the rows.
  total: marginRowSchema,
});
export type MarginAnswer = z.infer<typeof marginSchema>;

// ── Portal ─────────────────────────────────────────────────────────────────────────────────────

export const portalMarginQuery = z.strictObject({
  by: z.enum(['week', 'brand']).default('week'),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const portalMarginSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['week', 'brand']),
  rows: z.array(marginRowSchema.omit({ stores: true })),
  total: marginRowSchema.omit({ stores: true }),
});

export const suggestedPriceSchema = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  brand: z.string(),
  priceClass: z.number().int(),
  wholesaleCartonPrice: z.number(),
  suggestedCartonPrice: z.number(),
  suggestedPackPrice: z.number(),
  // The retailer's margin at the suggested price: (suggested − wholesale) ÷ suggested.
  marginAtSuggested: z.number(),
  lastOrderedWeek: z.string().nullable(),
  cartonsOrdered: z.number().int().describe('Cartons ordered in the last 13 weeks'),
  // The store's latest own observation of the product (visit, own report or inspection).
  lastObservedPackPrice: z.number().nullable(),
  lastObservedAt: z.string().nullable(),
});
export const suggestedPricesSchema = z.object({ items: z.array(suggestedPriceSchema) });

// ── 360° ───────────────────────────────────────────────────────────────────────────────────────

export const customerPriceObservationSchema = z.object({
  source: z.enum(['visit', 'retailer', 'inspection']),
  productId: z.number().int(),
  productName: z.string(),
  packPrice: z.number(),
  suggestedPackPrice: z.number(),
  // observed ÷ suggested × 100.
  index: z.number(),
  observedAt: z.string(),
});

export const customerPricesSchema = z.object({
  customerId: z.number().int(),
  // The latest 100 observations at the store, newest first.
  observations: z.array(customerPriceObservationSchema),
  // The store's own index per product over the last 4 weeks: mean observed ÷ suggested × 100.
  index: z.array(
    z.object({
      productId: z.number().int(),
      productName: z.string(),
      observations: z.number().int(),
      meanPackPrice: z.number(),
      suggestedPackPrice: z.number(),
      index: z.number(),
    }),
  ),
  // Its margin by week over the last 13 weeks, and the 13 weeks together.
  margin: z.object({
    rows: z.array(marginRowSchema.omit({ stores: true })),
    total: marginRowSchema.omit({ stores: true }),
  }),
});
