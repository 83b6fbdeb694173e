import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
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
} from 'drizzle-orm/pg-core';
import { tenants, users } from '../../platform/identity/identity.schema.ts';
import { customerClasses, customers, demoTypes } from '../customers/index.ts';
import type { RuleSetDefinition } from './classification.rules.ts';

// 客户分类 (C2): versioned rule sets, runs that propose a class for every store, the history of
// every store's class, and 抽查 spot-checks. The current class itself is customers.class_code.

// A rule set version: saving an edit makes a new version; versions are never changed.
export const classificationRuleSets = pgTable(
  'classification_rule_sets',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    note: text('note'),
    definition: jsonb('definition').$type<RuleSetDefinition>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('classification_rule_sets_tenant_version_idx').on(table.tenantId, table.version),
  ],
);

export const classificationRunStatuses = ['proposed', 'partly_applied', 'applied'] as const;
export type ClassificationRunStatus = (typeof classificationRunStatuses)[number];

// A run: every active store's proposed class under one rule set version. Approval (whole run or per
// branch) writes the classes to customers and the history; only the latest run may be approved.
export const classificationRuns = pgTable(
  'classification_runs',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    ruleSetId: integer('rule_set_id').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: classificationRunStatuses }).notNull().default('proposed'),
    storeCount: integer('store_count').notNull(),
    // Branches whose classes were approved and applied.
    appliedBranchIds: integer('applied_branch_ids').array().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.ruleSetId],
      foreignColumns: [classificationRuleSets.tenantId, classificationRuleSets.id],
    }),
  ],
);

// One store's proposal in a run, with what decided it: raw indicator values and their 0–100 scores
// (in the order of classification.rules' indicatorKeys), the weighted score, and a manager's override.
export const classProposals = pgTable(
  'class_proposals',
  {
    tenantId: integer('tenant_id').notNull(),
    runId: integer('run_id').notNull(),
    customerId: integer('customer_id').notNull(),
    branchId: integer('branch_id').notNull(),
    currentClass: text('current_class', { enum: customerClasses }),
    currentDemoType: text('current_demo_type', { enum: demoTypes }),
    proposedClass: text('proposed_class', { enum: customerClasses }).notNull(),
    proposedDemoType: text('proposed_demo_type', { enum: demoTypes }),
    score: real('score').notNull(),
    values: real('values').array().notNull(),
    scores: real('scores').array().notNull(),
    // Indicators without data for this store (their score is the neutral one), by key.
    missing: text('missing').array().notNull(),
    overrideClass: text('override_class', { enum: customerClasses }),
    overrideDemoType: text('override_demo_type', { enum: demoTypes }),
    overrideReason: text('override_reason'),
    overrideBy: integer('override_by'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.runId, table.customerId] }),
    foreignKey({
      columns: [table.tenantId, table.runId],
      foreignColumns: [classificationRuns.tenantId, classificationRuns.id],
    }).onDelete('cascade'),
    index('class_proposals_customer_idx').on(table.tenantId, table.customerId),
  ],
);

// Every change of a store's class: who, when, from → to, by which run (or by hand), why, from when.
export const customerClassHistory = pgTable(
  'customer_class_history',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    fromClass: text('from_class', { enum: customerClasses }),
    fromDemoType: text('from_demo_type', { enum: demoTypes }),
    toClass: text('to_class', { enum: customerClasses }),
    toDemoType: text('to_demo_type', { enum: demoTypes }),
    runId: integer('run_id'),
    reason: text('reason'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    changedBy: integer('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    // Approved with a later effective date: the store keeps its class until then (the switch applies
    // it and clears the flag).
    pending: boolean('pending').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('customer_class_history_customer_idx').on(table.tenantId, table.customerId),
    index('customer_class_history_pending_idx').on(table.tenantId, table.effectiveOn).where(sql`${table.pending}`),
  ],
);

// 抽查: a stratified random sample of stores (by class and branch) drawn with a stored seed, re-assessed
// by inspectors.
export const spotChecks = pgTable(
  'spot_checks',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    seed: integer('seed').notNull(),
    size: integer('size').notNull(),
    ruleSetId: integer('rule_set_id').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    tenantId: integer('tenant_id').notNull(),
    spotCheckId: integer('spot_check_id').notNull(),
    customerId: integer('customer_id').notNull(),
    branchId: integer('branch_id').notNull(),
    // The class at sampling, and what a re-run of the rule set on the same data gives.
    sampledClass: text('sampled_class', { enum: customerClasses }).notNull(),
    sampledDemoType: text('sampled_demo_type', { enum: demoTypes }),
    rerunClass: text('rerun_class', { enum: customerClasses }).notNull(),
    complete: boolean('complete').notNull(),
    inspectorClass: text('inspector_class', { enum: customerClasses }),
    agrees: boolean('agrees'),
    note: text('note'),
    assessedBy: integer('assessed_by'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    position: smallint('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.spotCheckId, table.customerId] }),
    foreignKey({
      columns: [table.tenantId, table.spotCheckId],
      foreignColumns: [spotChecks.tenantId, spotChecks.id],
    }).onDelete('cascade'),
  ],
);

// What each store bought in each closed weekly cycle, summarised once by the first run that reads
// the week (a closed cycle's orders no longer change): a run then reads 13 rows a store instead of
// joining 13 weeks of orders to their lines. A cycle listed in storeWeekPurchaseCycles is complete.
export const storeWeekPurchases = pgTable(
  'store_week_purchases',
  {
    tenantId: integer('tenant_id').notNull(),
    cycleId: integer('cycle_id').notNull(),
    customerId: integer('customer_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    // The amount in 一类/二类 (price class ≤ 2).
    highClassAmountFen: bigint('high_class_amount_fen', { mode: 'number' }).notNull(),
    // The store ordered online (the portal) that week.
    online: boolean('online').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.cycleId, table.customerId] })],
);

export const storeWeekPurchaseCycles = pgTable(
  'store_week_purchase_cycles',
  {
    tenantId: integer('tenant_id').notNull(),
    cycleId: integer('cycle_id').notNull(),
    summarisedAt: timestamp('summarised_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.cycleId] })],
);
