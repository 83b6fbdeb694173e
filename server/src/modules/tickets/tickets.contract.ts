import { z } from 'zod';
import {
  calendarDate,
  idParam,
  idSchema,
  multilineText,
  ruleCheckedNumber,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { slaOutcomes } from './sla.rules.ts';
import { assignmentTargets, categoryGroups } from './ticket-reference.ts';
import {
  ticketChannels,
  ticketJudgements,
  ticketPriorities,
  ticketStatuses,
  ticketTypes,
} from './ticket-workflow.rules.ts';

// Requests and responses of 投诉建议 tickets.

const id = idSchema;
// What a person writes (a description, a reply) may run over several lines; a name is one line.
const text = (max: number) => multilineText(max, { trim: true, min: 1 });
const line = (max: number) => singleLineText(max, { trim: true, min: 1 });
const type = z.enum(ticketTypes);
const status = z.enum(ticketStatuses);
const priority = z.enum(ticketPriorities);
const sla = z.enum(slaOutcomes);
const code = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9_]{0,39}$/);

export const portalTicketSchema = z.strictObject({
  type,
  categoryCode: code.optional(),
  description: text(2_000),
});

export const staffTicketSchema = z.strictObject({
  customerId: id,
  type,
  channel: z.enum(['phone', 'visit']).default('phone'),
  categoryCode: code.optional(),
  priority: priority.optional(),
  description: text(2_000),
});

export const ticketCreatedSchema = z.object({
  id: z.number(),
  status,
  firstResponseDueAt: z.string(),
  resolutionDueAt: z.string(),
});

export const replySchema = z.strictObject({
  body: text(2_000),
  visibleToCustomer: z.boolean(),
  awaitCustomer: z.boolean().optional().describe('pause the clocks until the customer answers'),
});
export const portalReplySchema = z.strictObject({ body: text(2_000) });

export const transitionSchema = z.strictObject({
  to: status,
  note: multilineText(2_000, { trim: true }).default(''),
  assigneeId: id.optional().describe('to: assigned — the (new) handler'),
  judgement: z
    .enum(ticketJudgements)
    .optional()
    .describe(
      'to: closed only — founded 属实 (default) | unfounded 不属实 | malicious 恶意投诉; credit counts the last two',
    ),
});

export const confirmSchema = z.strictObject({
  accepted: z.boolean(),
  rating: ruleCheckedNumber.describe('1–5'),
  comment: multilineText(500, { trim: true }).optional(),
});

export const editTicketSchema = z.strictObject({
  categoryCode: code.optional(),
  priority: priority.optional(),
  failureCode: code.nullable().optional(),
});

export const escalateSchema = z.strictObject({ note: multilineText(2_000, { trim: true }).default('') });

const failureSchema = z.object({
  code: z.string(),
  name: z.string(),
  prevention: z.string(),
  control: z.string(),
  remedy: z.string(),
});

export const ticketDetailSchema = z.object({
  id: z.number(),
  type,
  channel: z.enum(ticketChannels),
  status,
  priority,
  description: z.string(),
  customerId: z.number(),
  storeName: z.string(),
  licenceNo: z.string(),
  storePhone: z.string().nullable(),
  branchName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  categoryGroup: z.string(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.string(),
  firstRespondedAt: z.string().nullable(),
  firstResponseDueAt: z.string(),
  firstResponseSla: sla,
  resolutionDueAt: z.string(),
  resolutionSla: sla,
  waitingOnCustomer: z.boolean(),
  escalated: z.boolean(),
  resolvedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  judgement: z
    .enum(ticketJudgements)
    .nullable()
    .describe('投诉定性 set when closed: founded 属实 | unfounded 不属实 | malicious 恶意投诉'),
  rating: z.number().nullable(),
  reopenCount: z.number(),
  failure: failureSchema.nullable().describe('the linked service failure with its remedy (staff only)'),
  allowedTransitions: z.array(status),
  events: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      kind: z.string(),
      author: z.string(),
      actorName: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      body: z.string(),
      visibleToCustomer: z.boolean(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.number(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      createdAt: z.string(),
    }),
  ),
});

export const ticketListQuery = z.strictObject({
  status: status.optional(),
  type: type.optional(),
  mine: z.enum(['true', 'false']).optional(),
  breached: z.enum(['true', 'false']).optional(),
  customerId: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ticketListSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      type,
      channel: z.enum(ticketChannels),
      status,
      priority,
      storeName: z.string(),
      licenceNo: z.string(),
      categoryName: z.string(),
      assigneeName: z.string().nullable(),
      description: z.string(),
      createdAt: z.string(),
      // When it was answered / resolved (null while not yet), beside the deadline it was held to.
      firstRespondedAt: z.string().nullable(),
      firstResponseDueAt: z.string(),
      firstResponseSla: sla,
      resolvedAt: z.string().nullable(),
      resolutionDueAt: z.string(),
      resolutionSla: sla,
      escalated: z.boolean(),
      rating: z.number().nullable(),
      creditLevel: z
        .string()
        .nullable()
        .optional()
        .describe('staff only: the store’s credit level in force today (信用等级), which placed the ticket'),
      creditPriority: z
        .boolean()
        .optional()
        .describe('staff only: listed first by 信用优先 (AAA/AA stores, while new, assigned or in progress)'),
    }),
  ),
});

export const categorySchema = z.object({
  code: z.string(),
  groupCode: z.enum(categoryGroups),
  name: z.string(),
  position: z.number(),
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
  businessHours: z.boolean(),
  active: z.boolean(),
});

export const editCategorySchema = z.strictObject({
  name: line(40).optional(),
  firstResponseMinutes: z.number().int().min(10).max(43_200).optional(),
  resolutionMinutes: z.number().int().min(10).max(525_600).optional(),
  businessHours: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const assignmentRuleSchema = z.strictObject({
  groupCode: z.enum(categoryGroups).nullable(),
  categoryCode: code.nullable(),
  target: z.enum(assignmentTargets),
  userId: id.nullable(),
});
export const assignmentRulesSchema = z.strictObject({ rules: z.array(assignmentRuleSchema).max(50) });

export const serviceFailureSchema = failureSchema.extend({ active: z.boolean(), occurrences: z.number() });
export const serviceFailureInput = z.strictObject({
  code,
  name: line(60),
  prevention: text(1_000),
  control: text(1_000),
  remedy: text(1_000),
  active: z.boolean().default(true),
});

export const inboundSchema = z.strictObject({
  messageId: singleLineText(100, { min: 1 }).describe(
    "the gateway's own message id: the same id twice files one ticket",
  ),
  licenceNo: z
    .string()
    .max(12)
    .regex(/^\d{12}$/),
  type: type.default('complaint'),
  categoryCode: code.optional(),
  description: text(2_000),
});

export const channelKeySchema = z.strictObject({
  channel: z
    .string()
    .max(31)
    .regex(/^[a-z][a-z0-9_-]{1,30}$/),
});
export const channelKeyCreatedSchema = z.object({
  id: z.number(),
  channel: z.string(),
  key: z.string().describe('shown once; only its SHA-256 is kept'),
});

export const analysisQuery = z.strictObject({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const analysisSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().describe('tickets of every type'),
  complaints: z.number().describe('the complaints among them: what per1000Stores counts'),
  stores: z
    .number()
    .describe("在营客户 in the caller's scope: what per1000Stores divides by (the byBranch rows add up to it)"),
  byType: z.array(countRow),
  byCategory: z.array(countRow.extend({ group: z.string() })),
  byBranch: z
    .array(
      countRow.extend({
        stores: z.number().describe("the branch's 在营客户 within the caller's scope"),
        per1000Stores: z.number(),
      }),
    )
    .describe("complaints per branch in the caller's scope (count: complaints)"),
  byWeek: z
    .array(z.object({ week: z.string().describe('the Monday'), count: z.number() }))
    .describe('every week of the period, a week without tickets as 0'),
  hotSpots: z.array(z.object({ district: z.string(), category: z.string(), count: z.number() })),
  slaByHandler: z.array(
    z.object({
      handlerId: z.number().nullable(),
      handler: z.string(),
      team: z.string(),
      tickets: z.number(),
      firstResponseMet: z.number(),
      firstResponseDecided: z.number(),
      resolutionMet: z.number(),
      resolutionDecided: z.number(),
    }),
  ),
  handlingHours: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  satisfaction: z.object({ rated: z.number(), average: z.number().nullable(), satisfiedShare: z.number().nullable() }),
  per1000Stores: z.number(),
});

export const workloadSchema = z.array(
  z.object({ handlerId: z.number(), handler: z.string(), open: z.number(), breached: z.number(), overdue: z.number() }),
);

// ── SLA policies per category × priority, the calendar, new categories, gateway keys ──────

const minutes = ruleCheckedNumber.describe('whole minutes');
const policyTargets = z.object({
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
  custom: z.boolean().describe('set by a policy; false: the category targets scaled by priority'),
});
const calendarSchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).describe('ISO weekdays, 1 = Monday'),
  opens: z
    .string()
    .max(5)
    .regex(/^\d{2}:\d{2}$/),
  closes: z
    .string()
    .max(5)
    .regex(/^\d{2}:\d{2}$/),
  // Dates are checked by the calendar rule, which names the one that does not exist.
  holidays: z.array(singleLineText(10)).max(200),
  extraWorkdays: z.array(singleLineText(10)).max(200).describe('weekend dates that are worked (调休)'),
});
export const businessCalendarSchema = calendarSchema;

export const slaPoliciesSchema = z.object({
  categories: z.array(
    z.object({
      code: z.string(),
      groupCode: z.enum(categoryGroups),
      name: z.string(),
      active: z.boolean(),
      businessHours: z.boolean(),
      targets: z.object({
        low: policyTargets,
        normal: policyTargets,
        high: policyTargets,
        urgent: policyTargets,
      }),
    }),
  ),
  calendar: calendarSchema,
});

export const slaPolicyCellsSchema = z.strictObject({
  cells: z
    .array(
      z.strictObject({
        categoryCode: code,
        priority,
        firstResponseMinutes: minutes,
        resolutionMinutes: minutes,
      }),
    )
    .max(400),
});

export const newCategorySchema = z.strictObject({
  groupCode: z.enum(categoryGroups),
  name: line(40),
  firstResponseMinutes: z.number().int().min(10).max(43_200).default(1_440),
  resolutionMinutes: z.number().int().min(10).max(525_600).default(4_320),
  businessHours: z.boolean().default(false),
});

export const channelKeyListSchema = z.array(
  z.object({
    id: z.number(),
    channel: z.string(),
    fingerprint: z.string().describe('the first 8 hex digits of the key’s SHA-256'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  }),
);
