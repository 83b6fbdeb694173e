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
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits, tenants, users } from '../../platform/identity/identity.schema.ts';
import { type CustomFieldValues, customFieldKinds } from './custom-field.rules.ts';

// 业态 business formats, 状态 statuses, 城镇/乡村, 订货方式: code names here, Chinese labels in
// customer-reference.ts.
export const customerFormats = [
  'convenience',
  'supermarket',
  'grocery',
  'tobacco_liquor',
  'entertainment',
  'mall',
  'other',
] as const;
export type CustomerFormat = (typeof customerFormats)[number];
export const customerStatuses = ['active', 'suspended', 'closed', 'cancelled'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];
export const urbanRuralKinds = ['urban', 'rural'] as const;
export type UrbanRural = (typeof urbanRuralKinds)[number];
export const orderChannels = ['online', 'phone', 'visit'] as const;
export type OrderChannel = (typeof orderChannels)[number];
// 客户分类 (C2): 示范客户 (with a sub-type), 成长客户, 普通客户, 特殊客户. The classification module
// decides them; the current one is copied onto the customer so lists, allocation and visit standards
// read it without a join. null = not yet classified.
export const customerClasses = ['demonstration', 'growth', 'ordinary', 'special'] as const;
export type CustomerClass = (typeof customerClasses)[number];
// 示范客户的类型: 品牌示范型, 终端示范型, 信息示范型.
export const demoTypes = ['brand', 'terminal', 'information'] as const;
export type DemoType = (typeof demoTypes)[number];

// The districts (GB/T 2260) a city company serves. A licence number starts with one of them.
export const districts = pgTable(
  'districts',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // Share of the district's stores that are in towns (城镇); the demo generator uses it.
    urbanShare: real('urban_share').notNull().default(0.5),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.code] })],
);

// 客户档案: one licensed retail store. Its branch and the branch's org path are copied here
// (denormalised) so a data scope is one prefix comparison without a join.
export const customers = pgTable(
  'customers',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    licenceNo: text('licence_no').notNull(),
    name: text('name').notNull(),
    owner: text('owner').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    districtCode: text('district_code').notNull(),
    urbanRural: text('urban_rural', { enum: urbanRuralKinds }).notNull(),
    format: text('format', { enum: customerFormats }).notNull(),
    status: text('status', { enum: customerStatuses }).notNull().default('active'),
    statusReason: text('status_reason'),
    managerId: integer('manager_id')
      .notNull()
      .references(() => users.id),
    branchId: integer('branch_id').notNull(),
    orgPath: text('org_path').notNull(),
    orderDay: smallint('order_day').notNull(),
    orderChannel: text('order_channel', { enum: orderChannels }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    licenceValidUntil: date('licence_valid_until', { mode: 'string' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // The current class (客户分类) and, for a demonstration store, its sub-type. Decided by the
    // classification module (an approved run, or a hand-set special class), written by
    // setCustomerClassesIn in the same workflow.
    classCode: text('class_code', { enum: customerClasses }),
    demoType: text('demo_type', { enum: demoTypes }),
    // Values of the tenant's custom fields (customer_fields), { key: value }.
    customFields: jsonb('custom_fields').$type<CustomFieldValues>().notNull().default({}),
    // Search keys, computed on write by searchKeysOf (customer-search.rules.ts): pinyin of the store
    // name ("hengxingbianlidian") and its initials ("hxbld"), the same of the owner ("zhangsan",
    // "zs"), and the 1- and 2-character grams of the name and of owner + address.
    namePinyin: text('name_pinyin'),
    nameInitials: text('name_initials'),
    ownerPinyin: text('owner_pinyin'),
    ownerInitials: text('owner_initials'),
    nameGrams: text('name_grams').array().notNull().default(sql`'{}'::text[]`),
    ownerAddressGrams: text('owner_address_grams').array().notNull().default(sql`'{}'::text[]`),
    // What the one search box looks through for Chinese substrings.
    searchText: text('search_text').generatedAlwaysAs(
      (): ReturnType<typeof sql> => sql`name || ' ' || owner || ' ' || address`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('customers_tenant_licence_key').on(table.tenantId, table.licenceNo),
    foreignKey({ columns: [table.tenantId, table.branchId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [table.tenantId, table.districtCode], foreignColumns: [districts.tenantId, districts.code] }),
    index('customers_tenant_org_path_idx').on(table.tenantId, sql`${table.orgPath} text_pattern_ops`),
    index('customers_tenant_manager_idx').on(table.tenantId, table.managerId),
    index('customers_tenant_district_idx').on(table.tenantId, table.districtCode),
    // The 在营 stores with what a segment, a data scope and a grouping read (supply's segment-stores.ts,
    // brand's KPIs): a province's 240,000 of them in one index-only scan, in id order.
    index('customers_active_segment_idx')
      .on(
        table.tenantId,
        table.id,
        table.branchId,
        table.managerId,
        table.classCode,
        table.format,
        table.districtCode,
        table.urbanRural,
        table.demoType,
        table.orgPath,
      )
      .where(sql`${table.status} = 'active'`),
    index('customers_tenant_phone_idx').on(table.tenantId, table.phone),
    index('customers_tenant_licence_prefix_idx').on(table.tenantId, sql`${table.licenceNo} text_pattern_ops`),
    index('customers_tenant_initials_idx').on(table.tenantId, sql`${table.nameInitials} text_pattern_ops`),
    index('customers_tenant_pinyin_idx').on(table.tenantId, sql`${table.namePinyin} text_pattern_ops`),
    index('customers_tenant_owner_initials_idx').on(table.tenantId, sql`${table.ownerInitials} text_pattern_ops`),
    index('customers_tenant_owner_pinyin_idx').on(table.tenantId, sql`${table.ownerPinyin} text_pattern_ops`),
    index('customers_tenant_name_idx').on(table.tenantId, table.name),
    index('customers_tenant_updated_idx').on(table.tenantId, table.updatedAt),
    // Speeds up substring search of 3+ characters. A GIN index cannot lead with tenant_id without
    // btree_gin; the tenant filter is applied on the (few) matching rows. Correctness never
    // depends on it: under LC_CTYPE=C trigrams ignore Chinese, and LIKE still answers.
    index('customers_custom_fields_idx').using('gin', sql`${table.customFields} jsonb_path_ops`),
    index('customers_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
    // 1–2 character queries (龙海, 恒, zs): one lookup of the query as an element. Like the trigram
    // index, they cannot lead with tenant_id; the licence-ordered index serves broad queries.
    index('customers_name_grams_idx').using('gin', table.nameGrams),
    index('customers_owner_address_grams_idx').using('gin', table.ownerAddressGrams),
  ],
);

// 自定义字段: the extra fields a city company keeps about its stores. Key and kind are fixed once
// created (values depend on them); label, options, required, position and active may change.
export const customerFields = pgTable(
  'customer_fields',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: customFieldKinds }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('customer_fields_tenant_key_key').on(table.tenantId, table.key),
    // The label is the spreadsheet header, so it must be unique too.
    uniqueIndex('customer_fields_tenant_label_key').on(table.tenantId, table.label),
  ],
);
