import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { customerClasses, customers } from '../customers/index.ts';
import { products } from '../products/index.ts';

// 菜单式服务 (C3) and 走访 (C4): the service catalogue, retailers' requests, the ratings of service
// methods, visit standards, monthly plans and their weekly adjustments, and the visit records with
// what was observed in the store (prices, stock counts, photos).

// 5 大类: 品牌培育, 经营指导, 终端形象, 信息服务, 便利服务.
export const serviceCategories = ['brand', 'guidance', 'image', 'information', 'convenience'] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

// One item of the service menu with its standard (what, how often, by whom) and the classes
// entitled to it. Edited by the marketing centre; retired items stay (requests refer to them).
export const serviceItems = pgTable(
  'service_items',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    category: text('category', { enum: serviceCategories }).notNull(),
    name: text('name').notNull(),
    standard: text('standard').notNull(),
    frequency: text('frequency').notNull(),
    performedBy: text('performed_by').notNull(),
    entitledClasses: text('entitled_classes', { enum: customerClasses }).array().notNull(),
    // 按信用等级限定: the credit levels (信用等级) a store must hold to request the item; null = any.
    creditLevels: text('credit_levels').array(),
    position: smallint('position').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('service_items_tenant_code_key').on(table.tenantId, table.code),
  ],
);

export const serviceRequestStatuses = ['open', 'fulfilled', 'cancelled'] as const;
export type ServiceRequestStatus = (typeof serviceRequestStatuses)[number];

// A retailer asks for a menu item; a visit fulfils it.
export const serviceRequests = pgTable(
  'service_requests',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    itemId: integer('item_id').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: serviceRequestStatuses }).notNull().default('open'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilledVisitId: integer('fulfilled_visit_id'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [table.tenantId, table.itemId], foreignColumns: [serviceItems.tenantId, serviceItems.id] }),
    index('service_requests_tenant_customer_idx').on(table.tenantId, table.customerId),
    index('service_requests_tenant_status_idx').on(table.tenantId, table.status),
  ],
);

// 服务方式库: a staff member's 1–5 rating of a delivered service method on 有效性, 针对性, 经济性.
export const serviceMethodRatings = pgTable(
  'service_method_ratings',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    itemId: integer('item_id').notNull(),
    visitId: integer('visit_id'),
    ratedBy: integer('rated_by')
      .notNull()
      .references(() => users.id),
    effectiveness: smallint('effectiveness').notNull(),
    pertinence: smallint('pertinence').notNull(),
    economy: smallint('economy').notNull(),
    comment: text('comment').notNull().default(''),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.itemId], foreignColumns: [serviceItems.tenantId, serviceItems.id] }),
    index('service_method_ratings_tenant_item_idx').on(table.tenantId, table.itemId),
  ],
);

// 走访标准: visits a month by class. A class without a row uses the default (visit-plan.rules.ts).
export const visitStandards = pgTable(
  'visit_standards',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    classCode: text('class_code', { enum: customerClasses }).notNull(),
    visitsPerMonth: smallint('visits_per_month').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.classCode] })],
);

// A store's own standard, over its class's (a store in trouble, a new store).
export const visitStoreOverrides = pgTable(
  'visit_store_overrides',
  {
    tenantId: integer('tenant_id').notNull(),
    customerId: integer('customer_id').notNull(),
    visitsPerMonth: smallint('visits_per_month').notNull(),
    reason: text('reason').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.customerId] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  ],
);

export const planItemStatuses = ['planned', 'done', 'dropped'] as const;
export type PlanItemStatus = (typeof planItemStatuses)[number];
export const planItemSources = ['generated', 'added'] as const;

// 月计划: one planned visit of a manager to a store on a day. The manager and the store's org path
// are copied in so the data scope needs no join.
export const visitPlanItems = pgTable(
  'visit_plan_items',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    month: text('month').notNull(),
    managerId: integer('manager_id').notNull(),
    customerId: integer('customer_id').notNull(),
    orgPath: text('org_path').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: planItemStatuses }).notNull().default('planned'),
    source: text('source', { enum: planItemSources }).notNull().default('generated'),
    visitId: integer('visit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('visit_plan_items_tenant_manager_day_idx').on(table.tenantId, table.managerId, table.plannedOn),
    index('visit_plan_items_tenant_month_idx').on(table.tenantId, table.month),
    index('visit_plan_items_tenant_customer_idx').on(table.tenantId, table.customerId),
  ],
);

export const planAdjustmentKinds = ['move', 'add', 'drop'] as const;
export type PlanAdjustmentKind = (typeof planAdjustmentKinds)[number];

// 周微调: every move, addition and drop of a plan item, with its reason.
export const visitPlanAdjustments = pgTable(
  'visit_plan_adjustments',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    planItemId: integer('plan_item_id').notNull(),
    kind: text('kind', { enum: planAdjustmentKinds }).notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    adjustedBy: integer('adjusted_by').notNull(),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('visit_plan_adjustments_tenant_item_idx').on(table.tenantId, table.planItemId),
  ],
);

export type VisitChecklist = {
  displayStandard: boolean;
  pricesMarked: boolean;
  targetBrandsOnShelf: boolean;
  issues: string;
};

// What a visit ticked on the brand programmes' checklist (pages/brand's section of the visit form):
// a target product seen on the shelf ('product') or one of the programme's actions (its kind).
// Visits keep them as given (bounded by the contract); the brand module reads them through
// visits' index.ts (brandChecksOfProgramme).
export const brandCheckKinds = ['product', 'classroom', 'display', 'service'] as const;
export type BrandCheckKind = (typeof brandCheckKinds)[number];
export type BrandCheck = { programmeId: number; kind: BrandCheckKind; title: string; done: boolean };

// 走访记录: submitted whole, never changed. A correction is a new record naming the one it corrects
// (corrects_visit_id); readers take the newest record of a chain.
export const visits = pgTable(
  'visits',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    managerId: integer('manager_id').notNull(),
    orgPath: text('org_path').notNull(),
    planItemId: integer('plan_item_id'),
    correctsVisitId: integer('corrects_visit_id'),
    correctionReason: text('correction_reason'),
    checkInAt: timestamp('check_in_at', { withTimezone: true }).notNull(),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }).notNull(),
    checkInLatitude: doublePrecision('check_in_latitude'),
    checkInLongitude: doublePrecision('check_in_longitude'),
    checkOutLatitude: doublePrecision('check_out_latitude'),
    checkOutLongitude: doublePrecision('check_out_longitude'),
    // Metres from the store at check-in (null: no position, or a store without coordinates).
    checkInDistanceM: integer('check_in_distance_m'),
    checklist: jsonb('checklist').$type<VisitChecklist>().notNull(),
    // 0–100 from the checklist (terminalImageScoreOf), kept for classification's reads.
    imageScore: smallint('image_score').notNull(),
    brandChecks: jsonb('brand_checks').$type<BrandCheck[]>().notNull().default(sql`'[]'::jsonb`),
    servicesDelivered: integer('services_delivered').array().notNull().default(sql`'{}'::integer[]`),
    requestsFulfilled: integer('requests_fulfilled').array().notNull().default(sql`'{}'::integer[]`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('visits_tenant_customer_idx').on(table.tenantId, table.customerId, table.checkInAt),
    index('visits_tenant_manager_idx').on(table.tenantId, table.managerId, table.checkInAt),
    index('visits_tenant_check_in_idx').on(table.tenantId, table.checkInAt),
    index('visits_tenant_corrects_idx').on(table.tenantId, table.correctsVisitId),
    // A programme's ticks (brand_checks @> '[{"programmeId": n}]').
    index('visits_brand_checks_idx').using('gin', table.brandChecks.op('jsonb_path_ops')),
  ],
);

// 价格采集: a retail price seen on a visit, per pack in fen. The price index reads these.
export const visitPriceObservations = pgTable(
  'visit_price_observations',
  {
    tenantId: integer('tenant_id').notNull(),
    visitId: integer('visit_id').notNull(),
    productId: integer('product_id').notNull(),
    customerId: integer('customer_id').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    packPriceFen: integer('pack_price_fen').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.visitId, table.productId] }),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
    index('visit_price_observations_tenant_product_idx').on(table.tenantId, table.productId, table.observedAt),
    // A week's observations of every product (the index by region, the weekly warning evaluation).
    index('visit_price_observations_tenant_observed_idx').on(table.tenantId, table.observedAt),
  ],
);

// 库存盘点: cartons on hand counted on a visit (存销比 reads these against orders).
export const visitStockCounts = pgTable(
  'visit_stock_counts',
  {
    tenantId: integer('tenant_id').notNull(),
    visitId: integer('visit_id').notNull(),
    productId: integer('product_id').notNull(),
    customerId: integer('customer_id').notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull(),
    cartons: doublePrecision('cartons').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.visitId, table.productId] }),
    foreignKey({ columns: [table.tenantId, table.productId], foreignColumns: [products.tenantId, products.id] }),
    index('visit_stock_counts_tenant_customer_idx').on(table.tenantId, table.customerId, table.countedAt),
  ],
);

// A photo taken on a visit: uploaded first (visit_id null), linked when the visit is submitted.
// The bytes are the platform's stored files (platform/files); visits decide who may read them.
export const visitPhotos = pgTable(
  'visit_photos',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    visitId: integer('visit_id'),
    uploadedBy: integer('uploaded_by').notNull(),
    fileId: integer('file_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.fileId], foreignColumns: [storedFiles.tenantId, storedFiles.id] }),
    index('visit_photos_tenant_visit_idx').on(table.tenantId, table.visitId),
  ],
);
