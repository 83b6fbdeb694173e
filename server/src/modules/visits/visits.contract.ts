import { z } from 'zod';
import {
  calendarDate,
  calendarMonth,
  idParam,
  idSchema,
  instantSchema,
  multilineText,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { creditLevels } from '../credit/index.ts';
import { customerClasses } from '../customers/index.ts';
import { maxPhotosPerVisit } from './visit.rules.ts';
import {
  brandCheckKinds,
  planItemSources,
  planItemStatuses,
  serviceCategories,
  serviceRequestStatuses,
} from './visits.schema.ts';

const id = idSchema;
const month = calendarMonth;
const day = calendarDate;
const reason = multilineText(200, { trim: true, min: 1 });
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const classCode = z.enum(customerClasses);

// ── Standards ─────────────────────────────────────────────────────────────────────────────────

export const standardsSchema = z.object({
  demonstration: z.number().int().min(0).max(8),
  growth: z.number().int().min(0).max(8),
  ordinary: z.number().int().min(0).max(8),
  special: z.number().int().min(0).max(8),
});
export const standardsBody = z.strictObject(standardsSchema.shape);

export const overrideParams = z.strictObject({ customerId: idParam });
export const overrideBody = z.strictObject({ visitsPerMonth: z.number().int().min(0).max(8), reason });
export const overrideSchema = z.object({
  customerId: z.number(),
  visitsPerMonth: z.number().nullable(),
  reason: z.string().nullable(),
  classCode: classCode.nullable(),
  classStandard: z.number(),
});

export const overrideListSchema = z.object({
  items: z.array(
    z.object({
      customerId: z.number(),
      customerName: z.string(),
      licenceNo: z.string(),
      classCode: classCode.nullable(),
      classStandard: z.number(),
      visitsPerMonth: z.number(),
      reason: z.string(),
      updatedAt: z.date(),
    }),
  ),
});

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────

export const generatePlanBody = z.strictObject({
  month,
  managerId: id.optional(),
  replace: z.boolean().default(false),
});
export const generatePlanResult = z.object({ month, managers: z.number(), items: z.number() });

export const planQuery = z.strictObject({
  month: month.optional(),
  customerId: idParam.optional(),
  managerId: idParam.optional(),
  date: day.optional(),
});
export const planItemSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  classCode: classCode.nullable(),
  managerId: z.number(),
  date: z.string(),
  status: z.enum(planItemStatuses),
  source: z.enum(planItemSources),
  visitId: z.number().nullable(),
});
export const planSchema = z.object({
  month: z.string(),
  managerId: z.number().nullable(),
  workingDays: z.array(z.string()),
  items: z.array(planItemSchema),
});

export const moveBody = z.strictObject({ date: day, reason });
export const dropBody = z.strictObject({ reason });
export const addBody = z.strictObject({ customerId: id, date: day, reason, managerId: id.optional() });
export const adjustmentsQuery = z.strictObject({
  month,
  managerId: idParam.optional(),
});
export const adjustmentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      planItemId: z.number(),
      customerId: z.number(),
      kind: z.string(),
      fromDate: z.string().nullable(),
      toDate: z.string().nullable(),
      reason: z.string(),
      adjustedAt: z.date(),
    }),
  ),
});

// ── Route ─────────────────────────────────────────────────────────────────────────────────────

export const routeQuery = z.strictObject({
  date: day.optional(),
  managerId: idParam.optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
});
export const routeSchema = z.object({
  date: z.string(),
  kmBefore: z.number(),
  kmAfter: z.number(),
  stops: z.array(
    z.object({
      sequence: z.number(),
      planItemId: z.number(),
      customerId: z.number(),
      customerName: z.string(),
      address: z.string(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      status: z.enum(planItemStatuses),
      legKm: z.number().nullable(),
      // The stop's place in the plan's order (kmBefore's walk); null without coordinates.
      planSequence: z.number().nullable(),
    }),
  ),
  // Stores without coordinates cannot be ordered; they come last, as planned.
  unplaced: z.number(),
});

// ── Visits ────────────────────────────────────────────────────────────────────────────────────

// The brand programmes' checklist as ticked on the visit (pages/brand's section of the form).
export const maxBrandChecksPerVisit = 200;
const brandCheck = z.strictObject({
  programmeId: id,
  kind: z.enum(brandCheckKinds),
  title: singleLineText(200, { trim: true, min: 1 }),
  done: z.boolean(),
});

const position = z.strictObject({ latitude, longitude, accuracy: z.number().min(0).max(100_000).optional() });

export const newVisitBody = z.strictObject({
  customerId: id,
  planItemId: id.optional(),
  checkInAt: instantSchema,
  checkOutAt: instantSchema,
  checkInPosition: position.nullable().default(null),
  checkOutPosition: position.nullable().default(null),
  checklist: z.strictObject({
    displayStandard: z.boolean(),
    pricesMarked: z.boolean(),
    targetBrandsOnShelf: z.boolean(),
    issues: multilineText(1000, { trim: true }).default(''),
  }),
  stockCounts: z
    // Negative counts and prices are refused by the visit rule, which names the product.
    .array(z.strictObject({ productId: id, cartons: z.number().min(-100_000).max(100_000) }))
    .max(200)
    .default([]),
  prices: z
    .array(z.strictObject({ productId: id, packPriceFen: z.number().int().min(-1_000_000).max(1_000_000) }))
    .max(200)
    .default([]),
  servicesDelivered: z.array(id).max(24).default([]),
  requestsFulfilled: z.array(id).max(50).default([]),
  photoIds: z.array(id).max(maxPhotosPerVisit).default([]),
  brandChecks: z.array(brandCheck).max(maxBrandChecksPerVisit).default([]),
});
export type NewVisit = z.infer<typeof newVisitBody>;
export const correctionBody = z.strictObject({
  ...newVisitBody.omit({ customerId: true, planItemId: true }).shape,
  reason,
});

export const visitCreatedSchema = z.object({
  id: z.number(),
  planItemId: z.number().nullable(),
  checkInDistanceM: z.number().nullable(),
  warnings: z.array(z.enum(['no_position', 'short', 'far'])),
});

export const visitsQuery = z.strictObject({
  customerId: idParam.optional(),
  managerId: idParam.optional(),
  month: month.optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const visitListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      customerId: z.number(),
      customerName: z.string(),
      managerId: z.number(),
      managerName: z.string(),
      checkInAt: z.date(),
      checkOutAt: z.date(),
      durationSeconds: z.number(),
      imageScore: z.number(),
      checkInDistanceM: z.number().nullable(),
      correctsVisitId: z.number().nullable(),
      isSuperseded: z.boolean(),
      servicesDelivered: z.array(z.number()),
      flags: z.array(z.enum(['no_position', 'short', 'far'])),
    }),
  ),
  total: z.number(),
});

export const visitDetailSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  managerId: z.number(),
  planItemId: z.number().nullable(),
  correctsVisitId: z.number().nullable(),
  correctionReason: z.string().nullable(),
  correctedBy: z.array(z.number()),
  checkInAt: z.date(),
  checkOutAt: z.date(),
  checkInLatitude: z.number().nullable(),
  checkInLongitude: z.number().nullable(),
  checkInDistanceM: z.number().nullable(),
  checklist: z.object({
    displayStandard: z.boolean(),
    pricesMarked: z.boolean(),
    targetBrandsOnShelf: z.boolean(),
    issues: z.string(),
  }),
  imageScore: z.number(),
  servicesDelivered: z.array(z.number()),
  requestsFulfilled: z.array(z.number()),
  stockCounts: z.array(z.object({ productId: z.number(), name: z.string(), cartons: z.number() })),
  prices: z.array(z.object({ productId: z.number(), name: z.string(), packPriceFen: z.number() })),
  photoIds: z.array(z.number()),
  brandChecks: z.array(
    z.object({ programmeId: z.number(), kind: z.enum(brandCheckKinds), title: z.string(), done: z.boolean() }),
  ),
  flags: z.array(z.enum(['no_position', 'short', 'far'])),
  submittedAt: z.date(),
});

export const photoCreatedSchema = z.object({ id: z.number(), contentType: z.string(), sizeBytes: z.number() });

// ── Reports ───────────────────────────────────────────────────────────────────────────────────

export const reportQuery = z.strictObject({
  month,
  groupBy: z.enum(['manager', 'branch', 'class']).default('manager'),
});
export const reportSchema = z.object({
  month: z.string(),
  groupBy: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      stores: z.number(),
      planned: z.number(),
      done: z.number(),
      completionRate: z.number().nullable(),
      storesVisited: z.number(),
      coverageRate: z.number().nullable(),
      visits: z.number(),
      flagged: z.number(),
    }),
  ),
});

// ── Service menu ──────────────────────────────────────────────────────────────────────────────

export const serviceItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  category: z.enum(serviceCategories),
  name: z.string(),
  standard: z.string(),
  frequency: z.string(),
  performedBy: z.string(),
  entitledClasses: z.array(classCode),
  creditLevels: z
    .array(z.string())
    .nullable()
    .describe('信用等级 a store must hold (in force the day it asks) to request the item; null: any level'),
  active: z.boolean(),
});
export const serviceItemListSchema = z.object({ items: z.array(serviceItemSchema) });
export const serviceItemPatch = z.strictObject({
  name: singleLineText(50, { trim: true, min: 1 }).optional(),
  standard: multilineText(500, { trim: true, min: 1 }).optional(),
  frequency: singleLineText(50, { trim: true, min: 1 }).optional(),
  performedBy: singleLineText(50, { trim: true, min: 1 }).optional(),
  entitledClasses: z.array(classCode).max(4).optional(),
  creditLevels: z
    .array(z.enum(creditLevels))
    .max(creditLevels.length)
    .nullable()
    .optional()
    .describe('null or []: any level'),
  active: z.boolean().optional(),
});

export const portalMenuSchema = z.object({
  classCode: classCode.nullable(),
  effectiveClass: classCode,
  creditLevel: z.string().nullable().optional().describe('信用等级 in force today, which the items were chosen by'),
  items: z.array(serviceItemSchema),
});
export const newRequestBody = z.strictObject({ itemId: id, note: multilineText(200, { trim: true }).default('') });
export const serviceRequestSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  itemId: z.number(),
  itemName: z.string(),
  category: z.enum(serviceCategories),
  note: z.string(),
  status: z.enum(serviceRequestStatuses),
  requestedAt: z.date(),
  fulfilledAt: z.date().nullable(),
  fulfilledVisitId: z.number().nullable(),
});
export const serviceRequestListSchema = z.object({
  total: z.number().describe('requests matching the filter (items is one page of them)'),
  items: z.array(serviceRequestSchema),
});
export const requestsQuery = z.strictObject({
  customerId: idParam.optional().describe("one store's requests (404 outside the data scope)"),
  status: z.enum(serviceRequestStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ratingBody = z.strictObject({
  itemId: id,
  visitId: id.optional(),
  effectiveness: z.number().int().min(1).max(5),
  pertinence: z.number().int().min(1).max(5),
  economy: z.number().int().min(1).max(5),
  comment: multilineText(200, { trim: true }).default(''),
});
export const methodRankingSchema = z.object({
  threshold: z.number(),
  items: z.array(
    z.object({
      itemId: z.number(),
      code: z.string(),
      name: z.string(),
      category: z.enum(serviceCategories),
      ratings: z.number(),
      effectiveness: z.number().nullable(),
      pertinence: z.number().nullable(),
      economy: z.number().nullable(),
      overall: z.number().nullable(),
      isFlaggedForRetirement: z.boolean(),
    }),
  ),
});
