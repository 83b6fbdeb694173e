import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { tenants } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import type { BusinessHours, SlaOutcome } from './sla.rules.ts';
import { assignmentTargets, categoryGroups } from './ticket-reference.ts';
import {
  ticketChannels,
  ticketJudgements,
  ticketPriorities,
  ticketStatuses,
  ticketTypes,
} from './ticket-workflow.rules.ts';

// 投诉建议 (C9): tickets with their SLA clocks, their history, photos, the complaint library
// (categories with their SLA targets), assignment rules, the service-failure library and the
// inbound gateway's channel keys. In-app notifications are the platform's (platform/notifications).

const at = (name: string) => timestamp(name, { withTimezone: true });
const slaOutcome = (name: string) =>
  text(name, { enum: ['pending', 'met', 'breached'] })
    .$type<SlaOutcome>()
    .notNull()
    .default('pending');

// 客户抱怨库: a category (小项) in its group (大类), with its SLA targets. Priority scales them
// (ticket-reference.ts); `businessHours` counts them in the tenant's calendar.
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    groupCode: text('group_code', { enum: categoryGroups }).notNull(),
    name: text('name').notNull(),
    position: smallint('position').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    businessHours: boolean('business_hours').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.code] })],
);

// 时限策略: the targets of one category at one priority, where they differ from the category's
// base targets scaled by priority (sla-policy.rules.ts). A ticket copies them when filed.
export const ticketSlaPolicies = pgTable(
  'ticket_sla_policies',
  {
    tenantId: integer('tenant_id').notNull(),
    categoryCode: text('category_code').notNull(),
    priority: text('priority', { enum: ticketPriorities }).notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.categoryCode, table.priority] }),
    foreignKey({
      columns: [table.tenantId, table.categoryCode],
      foreignColumns: [ticketCategories.tenantId, ticketCategories.code],
    }),
  ],
);

// One row per tenant: the desk's business hours (working weekdays, opening and closing). Its
// holidays and 调休 are the city company's calendar (platform/calendar), which visits plan on too.
export const ticketSettings = pgTable('ticket_settings', {
  tenantId: integer('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  calendar: jsonb('calendar').$type<BusinessHours>().notNull(),
});

export const tickets = pgTable(
  'tickets',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    type: text('type', { enum: ticketTypes }).notNull(),
    channel: text('channel', { enum: ticketChannels }).notNull(),
    customerId: integer('customer_id').notNull(),
    // The store's branch, org path and manager, copied in so a data scope needs no join.
    branchId: integer('branch_id').notNull(),
    orgPath: text('org_path').notNull(),
    managerId: integer('manager_id').notNull(),
    districtCode: text('district_code').notNull(),
    categoryCode: text('category_code').notNull(),
    priority: text('priority', { enum: ticketPriorities }).notNull().default('normal'),
    description: text('description').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull().default('new'),
    assigneeId: integer('assignee_id'),
    failureCode: text('failure_code'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    // The SLA clocks (sla.rules.ts), stored so a restart loses none.
    businessHours: boolean('business_hours').notNull().default(false),
    firstResponseDueAt: at('first_response_due_at').notNull(),
    firstResponseWarnAt: at('first_response_warn_at').notNull(),
    firstResponseWarnedAt: at('first_response_warned_at'),
    firstResponseSla: slaOutcome('first_response_sla'),
    firstResponseDecidedAt: at('first_response_decided_at'),
    firstResponseEscalatedAt: at('first_response_escalated_at'),
    firstRespondedAt: at('first_responded_at'),
    resolutionDueAt: at('resolution_due_at').notNull(),
    resolutionWarnAt: at('resolution_warn_at').notNull(),
    resolutionWarnedAt: at('resolution_warned_at'),
    resolutionSla: slaOutcome('resolution_sla'),
    resolutionDecidedAt: at('resolution_decided_at'),
    resolutionEscalatedAt: at('resolution_escalated_at'),
    pausedAt: at('paused_at'),
    escalated: boolean('escalated').notNull().default(false),
    // When the sweep must look at the ticket again (a warning, due time, held escalation or the
    // auto-confirmation); null when nothing is left to watch.
    nextCheckAt: at('next_check_at'),
    resolvedAt: at('resolved_at'),
    confirmedAt: at('confirmed_at'),
    closedAt: at('closed_at'),
    // 投诉定性: the handler's judgement when closing (founded unless said otherwise); credit reads it.
    judgement: text('judgement', { enum: ticketJudgements }),
    rating: smallint('rating'),
    reopenCount: smallint('reopen_count').notNull().default(0),
    gatewayChannel: text('gateway_channel'),
    gatewayMessageId: text('gateway_message_id'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({
      columns: [table.tenantId, table.categoryCode],
      foreignColumns: [ticketCategories.tenantId, ticketCategories.code],
    }),
    index('tickets_tenant_customer_idx').on(table.tenantId, table.customerId),
    index('tickets_tenant_status_idx').on(table.tenantId, table.status),
    index('tickets_tenant_org_path_idx').on(table.tenantId, sql`${table.orgPath} text_pattern_ops`),
    index('tickets_tenant_manager_idx').on(table.tenantId, table.managerId),
    index('tickets_tenant_assignee_idx').on(table.tenantId, table.assigneeId),
    index('tickets_tenant_created_idx').on(table.tenantId, table.createdAt),
    index('tickets_tenant_next_check_idx')
      .on(table.tenantId, table.nextCheckAt)
      .where(sql`${table.nextCheckAt} IS NOT NULL`),
    uniqueIndex('tickets_tenant_gateway_message_key').on(table.tenantId, table.gatewayChannel, table.gatewayMessageId),
  ],
);

export const ticketEventKinds = ['created', 'transition', 'reply', 'sla', 'assigned', 'escalated', 'rated'] as const;
export type TicketEventKind = (typeof ticketEventKinds)[number];
export const ticketAuthors = ['staff', 'retailer', 'system'] as const;

// Every transition, reply and SLA event of a ticket, with actor and note.
export const ticketEvents = pgTable(
  'ticket_events',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id').notNull(),
    at: at('at').notNull(),
    kind: text('kind', { enum: ticketEventKinds }).notNull(),
    author: text('author', { enum: ticketAuthors }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: text('body').notNull().default(''),
    visibleToCustomer: boolean('visible_to_customer').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    index('ticket_events_ticket_idx').on(table.tenantId, table.ticketId, table.at),
  ],
);

// A ticket's photos (at most 5): the bytes are the platform's stored files (platform/files); the
// ticket decides who may read them (whoever sees the ticket).
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id').notNull(),
    fileId: integer('file_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [table.tenantId, table.fileId], foreignColumns: [storedFiles.tenantId, storedFiles.id] }),
    index('ticket_attachments_ticket_idx').on(table.tenantId, table.ticketId),
  ],
);

// 分派规则: the first matching row (by position) decides who gets a new ticket.
export const ticketAssignmentRules = pgTable(
  'ticket_assignment_rules',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    position: smallint('position').notNull(),
    groupCode: text('group_code', { enum: categoryGroups }),
    categoryCode: text('category_code'),
    target: text('target', { enum: assignmentTargets }).notNull(),
    userId: integer('user_id'),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

// 常见服务失误: prevention (事前), in-process control (事中), remedy (事后).
export const serviceFailures = pgTable(
  'service_failures',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    prevention: text('prevention').notNull(),
    control: text('control').notNull(),
    remedy: text('remedy').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.code] })],
);

// The inbound gateway's keys (SMS, WeChat …): only the SHA-256 of each key is kept.
export const ticketChannelKeys = pgTable(
  'ticket_channel_keys',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: at('created_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('ticket_channel_keys_hash_key').on(table.keyHash),
  ],
);
