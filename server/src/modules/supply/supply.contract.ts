import { z } from 'zod';
import {
  calendarDate,
  idParam,
  idSchema,
  instantSchema,
  ruleCheckedNumber,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { customerFormats, demoTypes, urbanRuralKinds } from '../customers/index.ts';
import { defaultLineCap, lineCapRange, maxOrderLines } from './order.rules.ts';
import { maxSegmentListLength } from './segment.rules.ts';
import {
  cycleStatuses,
  orderChannelsOfOrders,
  orderStatuses,
  settlementSources,
  settlementStatuses,
} from './supply.schema.ts';

// Requests and responses of 货源 supply: cycles, allocation strategies, orders, reports.

const id = idSchema;
const customerClass = z.enum(['demonstration', 'growth', 'ordinary', 'special']);
const multiplier = z.number().positive().max(10);

// Order lines are checked by order.rules.ts (empty, >200 lines, whole positive cartons, each
// product once, at most the cycle's cap of cartons per line) so each problem gets its own
// message; the schema only bounds the body.
export const orderLinesSchema = z
  .array(
    z.strictObject({
      productId: id,
      qty: z
        .number()
        .describe(
          `cartons (条), a positive integer, at most the cycle's lineCap (default ${defaultLineCap}, never above ${lineCapRange.max})`,
        ),
    }),
  )
  .max(1_000)
  .describe(`at most ${maxOrderLines} lines, each product once`);

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
  lineCap: z.number().describe('the most cartons of one product one order may hold'),
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
  settlement: z
    .object({
      status: z.enum(settlementStatuses),
      lateDays: z.number().nullable(),
      source: z.enum(settlementSources).nullable(),
    })
    .nullable()
    .describe('结算: null until set or imported'),
});
export const orderListSchema = z.object({ items: z.array(orderViewSchema) });

// ── Settlements (结算) ───────────────────────────────────────────────────────────────────────

export const settlementSchema = z.strictObject({
  status: z.enum(settlementStatuses).describe('on_time 按时 | late 逾期 | failed 扣款失败'),
  lateDays: ruleCheckedNumber.nullable().optional().describe('late only: 1–365 whole days'),
});
export const settlementResultSchema = z.object({
  orderId: z.number(),
  status: z.enum(settlementStatuses),
  lateDays: z.number().nullable(),
  source: z.enum(settlementSources),
  recordedAt: z.string(),
});
export const settlementImportResultSchema = z.object({
  rows: z.number().describe('data rows in the file'),
  updated: z.number().describe('orders whose settlement changed'),
  unchanged: z.number(),
  keptByAppeal: z.number().describe('orders an accepted credit appeal set on time, left so whatever the file says'),
});

export const portalOrdersQuery = z.strictObject({ cycleId: idParam.optional() });
export const staffOrdersQuery = z.strictObject({
  cycleId: idParam.optional(),
  customerId: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ── Cycles and strategies ─────────────────────────────────────────────────────────────────────

// 客户范围 segment (segment.rules.ts): the allocation's 限点 and a brand programme's target stores.
// The schema bounds the shape; segmentProblems says, in zh-CN and English, what is wrong with the
// values (an empty list, a grade outside 1–30, a lowest grade above the highest).
export const segmentSchema = z
  .strictObject({
    classes: z.array(customerClass).max(20).optional().describe('客户分类'),
    demoTypes: z.array(z.enum(demoTypes)).max(20).optional().describe('示范类型 (customers.demo_type)'),
    formats: z.array(z.enum(customerFormats)).max(20).optional().describe('业态'),
    branchIds: z.array(id).max(maxSegmentListLength).optional().describe('分公司: org-unit ids'),
    districtCodes: z
      .array(
        z
          .string()
          .max(6)
          .regex(/^\d{6}$/),
      )
      .max(maxSegmentListLength)
      .optional()
      .describe('区县 (GB/T 2260)'),
    urbanRural: z.array(z.enum(urbanRuralKinds)).max(20).optional().describe('城乡'),
    gradeMin: ruleCheckedNumber.optional().describe('档位 from (1–30)'),
    gradeMax: ruleCheckedNumber.optional().describe('档位 to (1–30)'),
  })
  .describe('every key present narrows (AND); values of one key: any of them; absent = everyone');

export const strategySchema = z.strictObject({
  base: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('grade_table'),
      table: z
        .array(z.strictObject({ fromGrade: ruleCheckedNumber, toGrade: ruleCheckedNumber, qty: ruleCheckedNumber }))
        .min(1)
        .max(30),
    }),
    z.strictObject({ kind: z.literal('proportional') }),
    z.strictObject({ kind: z.literal('unlimited') }),
  ]),
  classMultipliers: z.partialRecord(customerClass, multiplier).optional(),
  creditMultipliers: z.record(singleLineText(10), multiplier).optional(),
  regionMultipliers: z
    .strictObject({
      districts: z
        .record(
          z
            .string()
            .max(6)
            .regex(/^\d{6}$/),
          multiplier,
        )
        .optional()
        .describe('区县 (GB/T 2260) → factor'),
      branches: z
        .record(
          z
            .string()
            .max(10)
            .regex(/^[1-9]\d*$/),
          multiplier,
        )
        .optional()
        .describe('分公司 org-unit id → factor'),
    })
    .optional()
    .describe('区域系数: a store’s factor is its district’s × its branch’s (default 1); at most 500 of each'),
  eligibility: segmentSchema.optional().describe('限点: the stores that may order it'),
  cap: ruleCheckedNumber.optional().describe('限量: at most this many cartons per store'),
});

export const cycleProductsSchema = z.strictObject({
  products: z
    .array(z.strictObject({ productId: id, supply: ruleCheckedNumber.nullable(), strategy: strategySchema }))
    .max(500),
});

export const newCycleSchema = z.strictObject({
  weekStart: calendarDate.describe('the Monday of the week'),
  opensAt: instantSchema.optional(),
  closesAt: instantSchema.optional(),
  orderDayOnly: z.boolean().default(true).describe('true: each store orders on its order day only'),
  dailyCutoff: singleLineText(5).default('17:00').describe('HH:MM Beijing time, the order day cutoff'),
  lineCap: z
    .number()
    .int()
    .min(lineCapRange.min)
    .max(lineCapRange.max)
    .default(defaultLineCap)
    .describe('每单每品限订: the most cartons of one product one order may hold, quota or not'),
});

export const cycleSchema = z.object({
  id: z.number(),
  code: z.string(),
  weekStart: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  orderDayOnly: z.boolean(),
  dailyCutoff: z.string(),
  lineCap: z.number().describe('cartons of one product one order may hold'),
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
  creditLevel: z
    .string()
    .nullable()
    .optional()
    .describe('信用等级 the allocation used (in force on the cycle’s Monday); null: none published'),
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
  id: idParam,
  customerId: idParam,
});

// ── Grades ────────────────────────────────────────────────────────────────────────────────────

export const newGradeRunSchema = z.strictObject({
  weights: z
    .strictObject({ amount: ruleCheckedNumber, quantity: ruleCheckedNumber })
    .default({ amount: 70, quantity: 30 }),
  effectiveOn: calendarDate.optional().describe('default: the next Monday'),
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

// ── A store's orders in its 360° view ─────────────────────────────────────────────────────────

export const customerOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const customerOrderListSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      orderId: z.number(),
      cycleId: z.number(),
      cycleCode: z.string(),
      weekStart: z.string().describe("the cycle's Monday (YYYY-MM-DD)"),
      channel: z.enum(orderChannelsOfOrders),
      status: z.enum(orderStatuses),
      lineCount: z.number().describe('products in the order'),
      quantity: z.number().describe('cartons'),
      total: z.number().describe('yuan'),
      settlementStatus: z.enum(settlementStatuses).nullable().describe('结算: null until set or imported'),
      settlementLateDays: z.number().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

export const purchaseTrendSchema = z.object({
  from: z.string().describe('Monday of the first of the 13 weeks'),
  to: z.string().describe('Monday of the current week'),
  weeks: z
    .array(
      z.object({
        weekStart: z.string(),
        quantity: z.number().describe('cartons of submitted orders'),
        amount: z.number().describe('yuan of submitted orders'),
      }),
    )
    .describe('only the weeks with submitted orders, oldest first'),
});
