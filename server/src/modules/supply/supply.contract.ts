import { z } from 'zod';
import { customerFormats, urbanRuralKinds } from '../customers/index.ts';
import { cycleStatuses, orderChannelsOfOrders, orderStatuses } from './supply.schema.ts';

// Requests and responses of 货源 supply: cycles, allocation strategies, orders, reports.

const id = z.number().int().positive().max(2_147_483_647);
const customerClass = z.enum(['demonstration', 'growth', 'ordinary', 'special']);
const multiplier = z.number().positive().max(10);

// Order lines are checked by order.rules.ts (empty, >200 lines, whole positive cartons, each
// product once) so each problem gets its own message; the schema only bounds the body.
export const orderLinesSchema = z
  .array(z.strictObject({ productId: id, qty: z.number().describe('cartons (条), a positive integer') }))
  .max(1_000);

export const placeOrderSchema = z.strictObject({ lines: orderLinesSchema });
export const phoneOrderSchema = z.strictObject({ customerId: id, lines: orderLinesSchema });

export const orderResultSchema = z.object({
  orderId: z.number(),
  cycleId: z.number(),
  lines: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      qty: z.number(),
      unitPrice: z.number().describe('yuan per carton'),
      amount: z.number(),
    }),
  ),
  total: z.number().describe('yuan'),
});

export const portalCycleSchema = z.object({
  cycleId: z.number(),
  cycleCode: z.string(),
  window: z.object({ opensAt: z.string(), closesAt: z.string() }),
  isOpen: z.boolean().describe('the window contains now and the store has quotas in the cycle'),
  items: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      brand: z.string(),
      priceClass: z.number(),
      wholesalePrice: z.number(),
      retailPrice: z.number(),
      isNew: z.boolean(),
      quota: z.number().nullable().describe('null: unlimited'),
      ordered: z.number(),
      remaining: z.number().nullable().describe('null: unlimited'),
    }),
  ),
});

export const orderViewSchema = z.object({
  orderId: z.number(),
  cycleId: z.number(),
  cycleCode: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  licenceNo: z.string(),
  channel: z.enum(orderChannelsOfOrders),
  status: z.enum(orderStatuses),
  total: z.number(),
  quantity: z.number(),
  lines: orderResultSchema.shape.lines,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const orderListSchema = z.object({ items: z.array(orderViewSchema) });

export const portalOrdersQuery = z.strictObject({ cycleId: z.coerce.number().int().positive().optional() });
export const staffOrdersQuery = z.strictObject({
  cycleId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ── Cycles and strategies ─────────────────────────────────────────────────────────────────────

export const strategySchema = z.strictObject({
  base: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('grade_table'),
      table: z
        .array(z.strictObject({ fromGrade: z.number(), toGrade: z.number(), qty: z.number() }))
        .min(1)
        .max(30),
    }),
    z.strictObject({ kind: z.literal('proportional') }),
    z.strictObject({ kind: z.literal('unlimited') }),
  ]),
  classMultipliers: z.partialRecord(customerClass, multiplier).optional(),
  creditMultipliers: z.record(z.string().max(10), multiplier).optional(),
  eligibility: z
    .strictObject({
      classes: z.array(customerClass).optional(),
      formats: z.array(z.enum(customerFormats)).optional(),
      districtCodes: z.array(z.string().regex(/^\d{6}$/)).optional(),
      urbanRural: z.array(z.enum(urbanRuralKinds)).optional(),
      gradeMin: z.number().optional(),
      gradeMax: z.number().optional(),
    })
    .optional(),
  cap: z.number().optional().describe('限量: at most this many cartons per store'),
});

export const cycleProductsSchema = z.strictObject({
  products: z
    .array(z.strictObject({ productId: id, supply: z.number().nullable(), strategy: strategySchema }))
    .max(500),
});

export const newCycleSchema = z.strictObject({
  weekStart: z.iso.date().describe('the Monday of the week'),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  orderDayOnly: z.boolean().default(true).describe('true: each store orders on its order day only'),
  dailyCutoff: z.string().default('17:00').describe('HH:MM Beijing time, the order day cutoff'),
});

export const cycleSchema = z.object({
  id: z.number(),
  code: z.string(),
  weekStart: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  orderDayOnly: z.boolean(),
  dailyCutoff: z.string(),
  status: z.enum(cycleStatuses),
  productCount: z.number(),
  publishedAt: z.string().nullable(),
});
export const cycleListSchema = z.object({ items: z.array(cycleSchema) });

const outcomeSchema = z
  .object({ allocated: z.number(), eligibleStores: z.number(), storesAtZero: z.number(), scale: z.number() })
  .nullable();

export const cycleDetailSchema = cycleSchema.extend({
  products: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      brand: z.string(),
      priceClass: z.number(),
      wholesalePrice: z.number(),
      supply: z.number().nullable(),
      strategy: z.any(),
      outcome: outcomeSchema,
    }),
  ),
});

export const previewSchema = z.object({
  products: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      supply: z.number().nullable(),
      allocated: z.number(),
      eligibleStores: z.number(),
      storesAtZero: z.number(),
      scale: z.number(),
      unlimited: z.boolean(),
      distribution: z.array(z.object({ quota: z.number(), stores: z.number() })),
    }),
  ),
  totals: z.object({ supply: z.number(), allocated: z.number() }),
});

export const publishResultSchema = cycleSchema.extend(previewSchema.shape);

export const storeQuotasSchema = z.object({
  cycleId: z.number(),
  customerId: z.number(),
  inCycle: z.boolean(),
  items: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      wholesalePrice: z.number(),
      quota: z.number().nullable(),
      ordered: z.number(),
      remaining: z.number().nullable(),
      explanation: z.string(),
    }),
  ),
});

export const demandSchema = z.object({
  cycleId: z.number(),
  cycleCode: z.string(),
  items: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      brand: z.string(),
      supply: z.number().nullable(),
      quotaTotal: z.number().nullable(),
      ordered: z.number(),
      storesOrdered: z.number(),
      storesAtCap: z.number().describe('stores that ordered their whole quota: unmet demand'),
      amount: z.number(),
    }),
  ),
});

const rateRow = {
  stores: z.number(),
  storesOrdered: z.number(),
  storesOnline: z.number(),
  storeRate: z.number().nullable().describe('storesOnline / storesOrdered'),
  qty: z.number(),
  qtyOnline: z.number(),
  volumeRate: z.number().nullable().describe('qtyOnline / qty'),
};
export const onlineRateSchema = z.object({
  cycleId: z.number(),
  cycleCode: z.string(),
  byBranch: z.array(z.object({ branchId: z.number(), branchName: z.string(), ...rateRow })),
  total: z.object(rateRow),
});

export const cycleStoreParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  customerId: z.coerce.number().int().positive().max(2_147_483_647),
});

// ── Grades ────────────────────────────────────────────────────────────────────────────────────

export const newGradeRunSchema = z.strictObject({
  weights: z.strictObject({ amount: z.number(), quantity: z.number() }).default({ amount: 70, quantity: 30 }),
  effectiveOn: z.iso.date().optional().describe('default: the next Monday'),
});

export const gradeRunSchema = z.object({
  id: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
  weights: z.object({ amount: z.number(), quantity: z.number() }),
  effectiveOn: z.string(),
  status: z.enum(['draft', 'published']),
  storeCount: z.number(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export const gradeRunListSchema = z.object({ items: z.array(gradeRunSchema) });
export const gradeRunDetailSchema = gradeRunSchema.extend({
  distribution: z.array(z.object({ grade: z.number(), count: z.number() })),
});
export const customerGradesSchema = z.object({
  items: z.array(
    z.object({
      runId: z.number(),
      grade: z.number(),
      score: z.number(),
      amount: z.number().describe('yuan bought in the period'),
      quantity: z.number().describe('cartons bought in the period'),
      periodFrom: z.string(),
      periodTo: z.string(),
      effectiveOn: z.string(),
    }),
  ),
});
