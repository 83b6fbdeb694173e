import { z } from 'zod';
import { calendarDate, idParam } from '../../platform/http/input-bounds.ts';

// 明码标价 compliance: requests and answers (shared with the web app as types).

export const complianceGroupings = ['none', 'branch', 'manager', 'class', 'week'] as const;
export type ComplianceGrouping = (typeof complianceGroupings)[number];

export const complianceQuery = z.strictObject({
  groupBy: z.enum(complianceGroupings).default('branch'),
  // Beijing days, inclusive. Defaults: the 13 weeks up to today.
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const complianceRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  visits: z.number().int().describe('Visits (the newest record of each) in the range'),
  marked: z.number().int().describe('…of which prices were clearly marked (checklist.pricesMarked)'),
  share: z.number().nullable().describe('marked ÷ visits, 0–1; null without visits'),
  failedStores: z.number().int().describe('Stores of the row whose latest two visits both failed'),
});

export const complianceSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(complianceGroupings),
  rows: z.array(complianceRowSchema),
  total: complianceRowSchema,
});

export const repeatFailuresQuery = z.strictObject({
  branchId: idParam.optional(),
  managerId: idParam.optional(),
});

export const repeatFailureSchema = z.object({
  customerId: z.number().int(),
  licenceNo: z.string(),
  name: z.string(),
  branchId: z.number().int(),
  branchName: z.string(),
  managerId: z.number().int(),
  managerName: z.string(),
  classCode: z.string().nullable(),
  // The latest two visits, newest first (both failed).
  visits: z.array(z.object({ visitId: z.number().int(), checkInAt: z.string() })),
});

export const repeatFailuresSchema = z.object({
  // Stores whose latest two visits (within the last 180 days) both found prices not clearly marked,
  // newest failure first; at most 500 (total says how many there are).
  items: z.array(repeatFailureSchema),
  total: z.number().int(),
});
