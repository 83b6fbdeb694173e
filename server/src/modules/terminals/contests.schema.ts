import {
  date,
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
import type { ContestCriterion, RankedEntry } from './contests.rules.ts';

// 陈列创意大赛 (the display contest): a contest with its period, entry deadline, rules, criteria
// (weighted) and judges; stores' photo entries; each judge's scores of an entry, given once and
// never shown to the other judges; the ranking computed from those scores when the winners are
// published (kept as it was published, and reproducible from the scores, contests.rules.ts).

export const contestStatuses = ['open', 'published'] as const;
export type ContestStatus = (typeof contestStatuses)[number];

export const contests = pgTable(
  'contests',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    rules: text('rules').notNull(),
    startsOn: date('starts_on').notNull(),
    entryDeadline: date('entry_deadline').notNull(),
    endsOn: date('ends_on').notNull(),
    criteria: jsonb('criteria').$type<ContestCriterion[]>().notNull(),
    winnerCount: smallint('winner_count').notNull(),
    status: text('status', { enum: contestStatuses }).notNull().default('open'),
    ranking: jsonb('ranking').$type<RankedEntry[]>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

// The judges: staff users named by the organisers.
export const contestJudges = pgTable(
  'contest_judges',
  {
    tenantId: integer('tenant_id').notNull(),
    contestId: integer('contest_id').notNull(),
    userId: integer('user_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.contestId, table.userId] }),
    foreignKey({ columns: [table.tenantId, table.contestId], foreignColumns: [contests.tenantId, contests.id] }),
  ],
);

// One entry a store and contest, submitted by the retailer (portal) or its manager.
export const contestEntries = pgTable(
  'contest_entries',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    contestId: integer('contest_id').notNull(),
    customerId: integer('customer_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    submittedBy: integer('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.contestId], foreignColumns: [contests.tenantId, contests.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    uniqueIndex('contest_entries_store_key').on(table.tenantId, table.contestId, table.customerId),
  ],
);

// An entry's photos: uploaded first (the uploader's until an entry cites them), then the entry's,
// in the order the entry lists them.
export const contestPhotos = pgTable(
  'contest_photos',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    uploadedBy: integer('uploaded_by').notNull(),
    fileId: integer('file_id').notNull(),
    entryId: integer('entry_id'),
    position: smallint('position'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.fileId], foreignColumns: [storedFiles.tenantId, storedFiles.id] }),
    index('contest_photos_entry_idx').on(table.tenantId, table.entryId),
  ],
);

// A judge's scores of an entry (criterion key → score) and comment: once each, never changed.
export const contestScores = pgTable(
  'contest_scores',
  {
    tenantId: integer('tenant_id').notNull(),
    contestId: integer('contest_id').notNull(),
    entryId: integer('entry_id').notNull(),
    judgeId: integer('judge_id').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.entryId, table.judgeId] }),
    foreignKey({
      columns: [table.tenantId, table.entryId],
      foreignColumns: [contestEntries.tenantId, contestEntries.id],
    }),
    index('contest_scores_contest_idx').on(table.tenantId, table.contestId),
  ],
);
