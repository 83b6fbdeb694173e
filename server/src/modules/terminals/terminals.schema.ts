import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import type { ScoredResult, TierItem } from './terminals.rules.ts';

// 终端建设 (C7), tiers: the tenant's benchmark store tiers and their standards, the stores'
// applications (申报), the inspections (验收, 复查) and the awards. The tier a store holds is its one
// active award; ended awards stay as its history, with the reason.

export const terminalTiers = pgTable(
  'terminal_tiers',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    rank: smallint('rank').notNull(),
    passScore: numeric('pass_score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    fundingYuan: integer('funding_yuan').notNull().default(0),
    fixtures: jsonb('fixtures').$type<string[]>().notNull().default([]),
    reinspectionMonths: smallint('reinspection_months').notNull(),
    items: jsonb('items').$type<TierItem[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('terminal_tiers_tenant_name_key').on(table.tenantId, table.name),
  ],
);

export const applicationStatuses = ['submitted', 'reviewed', 'approved', 'awarded', 'rejected'] as const;
export const applicationSources = ['portal', 'staff'] as const;
export type ApplicationSource = (typeof applicationSources)[number];

// 申报: submitted (by the store in the portal, or its manager) → reviewed by the branch → approved by
// the marketing centre → awarded when a passing inspection and the approval are both there; rejected
// at either step. One open application per store.
export const terminalApplications = pgTable(
  'terminal_applications',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    tierId: integer('tier_id').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('submitted'),
    source: text('source', { enum: applicationSources }).notNull(),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [table.tenantId, table.tierId], foreignColumns: [terminalTiers.tenantId, terminalTiers.id] }),
    uniqueIndex('terminal_applications_one_open_key')
      .on(table.tenantId, table.customerId)
      .where(sql`${table.status} IN ('submitted', 'reviewed', 'approved')`),
    index('terminal_applications_status_idx').on(table.tenantId, table.status),
  ],
);

export const inspectionOutcomes = [
  'awarded',
  'pending_approval',
  'renewed',
  'not_awarded',
  'downgraded',
  'removed',
] as const;
export type InspectionOutcomeKind = (typeof inspectionOutcomes)[number];

// 验收 / 复查: the results per item (with the standard as it was), the photos, the score and what
// followed for the store. Append-only.
export const terminalInspections = pgTable(
  'terminal_inspections',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    tierId: integer('tier_id').notNull(),
    applicationId: integer('application_id'),
    inspectedBy: integer('inspected_by').references(() => users.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    results: jsonb('results').$type<ScoredResult[]>().notNull(),
    score: numeric('score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    passScore: numeric('pass_score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    awarded: boolean('awarded').notNull(),
    outcome: text('outcome', { enum: inspectionOutcomes }).notNull(),
    reason: text('reason'),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [table.tenantId, table.tierId], foreignColumns: [terminalTiers.tenantId, terminalTiers.id] }),
    index('terminal_inspections_customer_idx').on(table.tenantId, table.customerId, table.inspectedAt),
  ],
);

export const awardStatuses = ['active', 'replaced', 'downgraded', 'removed'] as const;
export type AwardStatus = (typeof awardStatuses)[number];

// The tier a store holds (one active row) and the ones it held. due_on is the next re-inspection.
export const terminalAwards = pgTable(
  'terminal_awards',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    tierId: integer('tier_id').notNull(),
    status: text('status', { enum: awardStatuses }).notNull().default('active'),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    inspectionId: integer('inspection_id'),
    applicationId: integer('application_id'),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [table.tenantId, table.tierId], foreignColumns: [terminalTiers.tenantId, terminalTiers.id] }),
    uniqueIndex('terminal_awards_one_active_key')
      .on(table.tenantId, table.customerId)
      .where(sql`${table.status} = 'active'`),
    index('terminal_awards_tier_idx').on(table.tenantId, table.tierId).where(sql`${table.status} = 'active'`),
    index('terminal_awards_due_idx').on(table.tenantId, table.dueOn).where(sql`${table.status} = 'active'`),
    index('terminal_awards_customer_idx').on(table.tenantId, table.customerId),
  ],
);
