import { z } from 'zod';
import { idSchema, singleLineText } from '../../platform/http/input-bounds.ts';
import { orgUnitKinds, staffRoles } from '../../platform/identity/identity.schema.ts';

export const orgUnitSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string(),
  code: z.string(),
  path: z.string(),
});

const name = singleLineText(50, { trim: true, min: 1 });
const code = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const newOrgUnitSchema = z.strictObject({
  parentId: idSchema,
  kind: z.enum(['branch', 'department']),
  name,
  code,
});

export const orgUnitChangesSchema = z.strictObject({ name: name.optional(), code: code.optional() });

export const staffSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string(),
  scope: z.object({ kind: z.string(), orgUnitId: z.number().nullable().optional() }),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

// In the list, whether the user has a session to end (so 强制下线 is offered only then).
export const staffListItemSchema = staffSchema.extend({
  hasActiveSession: z.boolean().describe('signed in somewhere now: a session neither revoked nor expired'),
});

const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z][A-Za-z0-9._-]*$/, 'starts with a letter; letters, digits, . _ - only');
const password = singleLineText(128, { min: 1 });

export const newStaffSchema = z.strictObject({
  username,
  displayName: name,
  role: z.enum(staffRoles),
  orgUnitId: idSchema,
  scopeKind: z.enum(['org', 'own']),
  password,
});

export const staffChangesSchema = z.strictObject({
  displayName: name.optional(),
  role: z.enum(staffRoles).optional(),
  orgUnitId: idSchema.optional(),
  scopeKind: z.enum(['org', 'own']).optional(),
  disabled: z.boolean().optional(),
});

export const firstAdminSchema = z.strictObject({
  cityName: name.describe('市公司名称, e.g. 漳州市烟草公司'),
  cityCode: z
    .string()
    .trim()
    .max(4)
    .regex(/^\d{4}$/)
    .describe("GB/T 2260 code of the prefecture-level city (3506 漳州市): its districts become the company's"),
  province: singleLineText(20, { trim: true }).optional(),
  username,
  displayName: name,
  password,
});

// 市公司 added by the deployment's operator (the console's form for `kewo tenant create`).
export const newTenantSchema = firstAdminSchema.extend({
  tenantCode: singleLineText(32, { trim: true, min: 2 })
    .regex(/^[a-z][a-z0-9-]{1,31}$/)
    .describe('the company code, e.g. xiamen: lowercase letters, digits, hyphens'),
});

export const tenantListSchema = z.object({
  items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), province: z.string() })),
  cities: z
    .array(z.object({ code: z.string(), name: z.string(), province: z.string() }))
    .describe('the prefecture-level cities a company can be set up for'),
});

export const setupStatusSchema = z.object({
  needed: z.boolean(),
  cities: z
    .array(z.object({ code: z.string(), name: z.string(), province: z.string() }))
    .optional()
    .describe('while setup is needed: the prefecture-level cities a company can be set up for'),
});

// 员工名录: who a colleague may name (a programme's or a warning's owner), readable by every staff
// role within its data scope. Names, roles and units only; the accounts stay the admin's (/users).
export const maxDirectoryEntries = 100;
export const staffDirectoryQuery = z.strictObject({
  role: z.enum(staffRoles).optional(),
  q: singleLineText(50, { trim: true }).optional(),
  limit: z.coerce.number().int().min(1).max(maxDirectoryEntries).default(50),
});
export const staffDirectorySchema = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(staffRoles), orgUnitName: z.string() })),
});

// The console home's figures for an administrator (GET /organisation/overview).
export const organisationOverviewSchema = z.object({
  usersTotal: z
    .number()
    .describe('staff accounts in the caller’s scope, enabled or not, as the staff list counts them'),
  orgUnitsTotal: z.number().describe('org units in the caller’s scope'),
  usersByRole: z
    .array(z.object({ role: z.enum(staffRoles), total: z.number() }))
    .describe('every staff role, in order'),
});
