import { z } from 'zod';
import { calendarDate, idParam, idSchema, multilineText, singleLineText } from '../../platform/http/input-bounds.ts';
import { customerSorts } from './customer-reference.ts';
import {
  customerClasses,
  customerFormats,
  customerStatuses,
  demoTypes,
  orderChannels,
  urbanRuralKinds,
} from './customers.schema.ts';

export const customerSchema = z.object({
  id: z.number(),
  licenceNo: z.string().describe('专卖许可证号'),
  name: z.string().describe('店名'),
  owner: z.string().describe('负责人'),
  phone: z.string(),
  address: z.string(),
  district: z.object({ code: z.string(), name: z.string() }).describe('GB/T 2260 district, from the licence number'),
  urbanRural: z.enum(urbanRuralKinds),
  format: z.enum(customerFormats).describe('业态'),
  status: z.enum(customerStatuses),
  statusReason: z.string().nullable(),
  managerId: z.number(),
  managerName: z.string(),
  branchId: z.number(),
  branchName: z.string(),
  orderDay: z.number().describe('1 = Monday … 7 = Sunday'),
  orderChannel: z.enum(orderChannels),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  licenceValidUntil: z.string().nullable(),
  tags: z.array(z.string()),
  class: z
    .enum(customerClasses)
    .nullable()
    .describe('客户分类: the current class (null = not yet classified); set by the classification module'),
  demoType: z
    .enum(demoTypes)
    .nullable()
    .describe('示范客户的类型 (brand/terminal/information) for a demonstration store'),
  customFields: z
    .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
    .describe('values of the custom fields by key (GET /customer-fields); a missing key is empty'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const name = singleLineText(60, { trim: true, min: 1 });
const owner = singleLineText(30, { trim: true, min: 1 });
const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile number (1xxxxxxxxxx) or a landline (0596-1234567)');
const address = singleLineText(200, { trim: true, min: 1 });
const tags = z.array(singleLineText(20, { trim: true, min: 1 })).max(20);
// A number a custom field holds: within ±10¹², where every value keeps its exact cents.
const customFieldNumber = z.number().min(-1_000_000_000_000).max(1_000_000_000_000);
// Checked against the tenant's field definitions by custom-field.rules.ts; null clears a value.
const customFields = z
  .record(
    singleLineText(30),
    z.union([multilineText(500), customFieldNumber, z.array(singleLineText(60)).max(50), z.null()]),
  )
  .describe('custom field values by key; null clears one (PATCH merges)');

const editableFields = {
  name,
  owner,
  phone,
  address,
  urbanRural: z.enum(urbanRuralKinds),
  format: z.enum(customerFormats),
  orderDay: z.number().int().min(1).max(7),
  orderChannel: z.enum(orderChannels),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  licenceValidUntil: calendarDate.nullable(),
  tags,
};

export const newCustomerSchema = z.strictObject({
  // Format and district are checked by the licence rule, which names this field in its error.
  licenceNo: singleLineText(32, { trim: true, min: 1 }),
  ...editableFields,
  managerId: idSchema.describe('a customer manager; the store joins their branch'),
  latitude: editableFields.latitude.optional(),
  longitude: editableFields.longitude.optional(),
  licenceValidUntil: editableFields.licenceValidUntil.optional(),
  tags: tags.default([]),
  customFields: customFields.default({}),
});

export const customerChangesSchema = z.strictObject({
  name: name.optional(),
  owner: owner.optional(),
  phone: phone.optional(),
  address: address.optional(),
  urbanRural: editableFields.urbanRural.optional(),
  format: editableFields.format.optional(),
  orderDay: editableFields.orderDay.optional(),
  orderChannel: editableFields.orderChannel.optional(),
  latitude: editableFields.latitude.optional(),
  longitude: editableFields.longitude.optional(),
  licenceValidUntil: editableFields.licenceValidUntil.optional(),
  tags: tags.optional(),
  customFields: customFields.optional(),
});

// Custom-field filters arrive as cf.<key>=<value>; any other unknown parameter is refused.
export const customFieldFilterParam = /^cf\.[a-z][a-z0-9_]{0,29}$/;

export const customerListQuery = z
  .object({
    q: singleLineText(50, { trim: true })
      .optional()
      .describe(
        'one box: licence number or phone (exact, first), licence prefix, Chinese substring of name/owner/address',
      ),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    cursor: singleLineText(300).optional().describe('nextCursor of the previous page'),
    sort: z.enum(customerSorts).default('licenceNo').describe('with q, better matches come first whatever the sort'),
    branchId: idParam.optional(),
    districtCode: z
      .string()
      .max(6)
      .regex(/^\d{6}$/)
      .optional(),
    managerId: idParam.optional(),
    format: z.enum(customerFormats).optional(),
    urbanRural: z.enum(urbanRuralKinds).optional(),
    status: z.enum(customerStatuses).optional(),
    class: z.enum(customerClasses).optional().describe('客户分类: the current class'),
    tag: singleLineText(20, { trim: true, min: 1 }).optional(),
  })
  .catchall(singleLineText(100).describe('cf.<key>: a custom-field filter'));

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  total: z.number(),
  totalIsEstimate: z
    .boolean()
    .describe('true when a search matches more than 5,000 customers: total is then the database estimate, not a count'),
  nextCursor: z.string().nullable(),
});

export const statusChangeSchema = z.strictObject({
  status: z.enum(customerStatuses),
  reason: multilineText(500).describe('required: why the status changes'),
});

export const reassignSchema = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(1000),
  managerId: idSchema,
});

export const reassignResultSchema = z.object({
  reassigned: z.number().describe('customers moved to the manager'),
  unchanged: z.number().describe('customers the manager already had'),
});

export const historyQuery = z.strictObject({
  cursor: idParam.optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const historyPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      actorName: z.string(),
      action: z.string().describe('create, update, change_status, reassign'),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  nextCursor: z.number().nullable(),
});

// 在营客户 and the whole of 客户档案 in the caller's scope: what each page that counts stores names.
export const storeCountsSchema = z.object({
  active: z.number().describe('在营客户: status active (the stores every other figure counts)'),
  all: z.number().describe('全部档案: every status'),
  byStatus: z.object({ active: z.number(), suspended: z.number(), closed: z.number(), cancelled: z.number() }),
});

export const customerReferenceSchema = z.object({
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  branches: z.array(z.object({ id: z.number(), name: z.string() })).describe("the units of the scope's managers"),
  managers: z.array(z.object({ id: z.number(), name: z.string(), username: z.string(), branchId: z.number() })),
  tags: z.array(z.string()).describe('tags in use, up to 500'),
});

export const portalPasswordSchema = z.object({
  username: z.string().describe('the licence number'),
  password: z.string().describe('shown once; the store must change it at its first sign-in'),
});
