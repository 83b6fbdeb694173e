import { sql } from 'drizzle-orm';
import {
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
import type { CreditModelDefinition } from './credit.rules.ts';
import type { StoredExplanation } from './credit-score-storage.rules.ts';

// 零售客户信用 (C12): versioned credit models, monthly runs that score every store with its ledger,
// 专卖 violation records and the stores' appeals. The level in force on a date is the scores of the
// latest published run whose effective date has come (creditLevelInForce, credit-levels.ts):
// publishing is one update of the run row, never a rewrite of every store.

export const creditModelStatuses = ['draft', 'approved', 'retired'] as const;
export type CreditModelStatus = (typeof creditModelStatuses)[number];

// A model version: a draft is edited in place; approving it locks it (a later edit makes a new
// draft version).
export const creditModels = pgTable(
  'credit_models',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: creditModelStatuses }).notNull().default('draft'),
    definition: jsonb('definition').$type<CreditModelDefinition>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('credit_models_tenant_version_key').on(table.tenantId, table.version),
  ],
);

export const creditRunStatuses = ['computing', 'computed', 'published', 'discarded'] as const;
export type CreditRunStatus = (typeof creditRunStatuses)[number];

export type CreditRunSummary = {
  total: number;
  levels: { level: string; count: number; share: number }[];
  branches: { branchId: number; branchName: string; total: number; up: number; down: number; changed: number }[];
  movers: {
    customerId: number;
    name: string;
    branchName: string;
    from: string | null;
    to: string;
    fromScore: number | null;
    toScore: number;
  }[];
  alerts: { level: string; fromShare: number; toShare: number; points: number }[];
  comparedWithRunId: number | null;
};

export const creditRuns = pgTable(
  'credit_runs',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    modelId: integer('model_id').notNull(),
    month: text('month').notNull(),
    status: text('status', { enum: creditRunStatuses }).notNull().default('computing'),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    computedBy: integer('computed_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by').references(() => users.id),
    summary: jsonb('summary').$type<CreditRunSummary>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.modelId],
      foreignColumns: [creditModels.tenantId, creditModels.id],
    }),
    // One computing run per tenant at a time.
    uniqueIndex('credit_runs_one_computing_key').on(table.tenantId).where(sql`${table.status} = 'computing'`),
    index('credit_runs_published_idx')
      .on(table.tenantId, table.effectiveFrom)
      .where(sql`${table.status} = 'published'`),
  ],
);

// One store's score in a run, with its explanation: the ledger (every point with the fact it cites),
// the indicators and the caps that lowered the level — kept compactly, labels rebuilt from the run's
// model on read (credit-score-storage.rules.ts).
export const creditScores = pgTable(
  'credit_scores',
  {
    tenantId: integer('tenant_id').notNull(),
    runId: integer('run_id').notNull(),
    customerId: integer('customer_id').notNull(),
    branchId: integer('branch_id').notNull(),
    score: numeric('score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    level: text('level').notNull(),
    activity: smallint('activity'),
    items: jsonb('items').$type<StoredExplanation['items']>().notNull(),
    indicators: jsonb('indicators').$type<StoredExplanation['indicators']>().notNull(),
    caps: jsonb('caps').$type<StoredExplanation['caps']>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.runId, table.customerId] }),
    foreignKey({
      columns: [table.tenantId, table.runId],
      foreignColumns: [creditRuns.tenantId, creditRuns.id],
    }).onDelete('cascade'),
    index('credit_scores_customer_idx').on(table.tenantId, table.customerId),
  ],
);

export const violationTypes = ['illegal_purchase', 'out_of_scope', 'price', 'counterfeit', 'other'] as const;
export type ViolationType = (typeof violationTypes)[number];
export const violationSeverities = ['minor', 'major', 'severe'] as const;
export type ViolationSeverity = (typeof violationSeverities)[number];
export const violationSources = ['entered', 'imported'] as const;

// 专卖 violation records, entered by inspectors or imported; voided (never deleted) with a reason.
export const creditViolations = pgTable(
  'credit_violations',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    type: text('type', { enum: violationTypes }).notNull(),
    severity: text('severity', { enum: violationSeverities }).notNull(),
    documentNo: text('document_no').notNull(),
    note: text('note'),
    source: text('source', { enum: violationSources }).notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index('credit_violations_customer_idx').on(table.tenantId, table.customerId, table.occurredOn),
  ],
);

export const appealStatuses = ['open', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

// 信用申诉: a store disputes one ledger item (item_key) or its level (null); one open at a time.
export const creditAppeals = pgTable(
  'credit_appeals',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    customerId: integer('customer_id').notNull(),
    runId: integer('run_id').notNull(),
    itemKey: text('item_key'),
    reason: text('reason').notNull(),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    status: text('status', { enum: appealStatuses }).notNull().default('open'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    uniqueIndex('credit_appeals_one_open_key')
      .on(table.tenantId, table.customerId)
      .where(sql`${table.status} = 'open'`),
    index('credit_appeals_status_idx').on(table.tenantId, table.status),
  ],
);
