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
import { tenants } from '../../platform/identity/identity.schema.ts';
import { customers } from '../customers/index.ts';
import type { Segment } from '../supply/index.ts';
import type { TestQuestion } from './training.rules.ts';

// 培训: sessions (品牌培育大课堂, 经营技能, 法规与诚信经营, 服务) led by a staff member or a retailer
// 内训师, for a segment of stores; the stores' sign-ups (confirmed while seats remain, else waitlisted),
// their check-in, post-test and rating; the stores designated as in-house trainers (内训师).

export const sessionKinds = ['brand_classroom', 'business_skills', 'law_integrity', 'service'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionStatuses = ['open', 'cancelled'] as const;
export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];
export const checkInMethods = ['code', 'trainer'] as const;

export const trainingSessions = pgTable(
  'training_sessions',
  {
    tenantId: integer('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: integer('id').generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    description: text('description'),
    // The organising branch (org unit id); null: the city company (every branch's stores may come).
    branchId: integer('branch_id'),
    // The trainer: a staff user or a store designated as 内训师 (exactly one).
    trainerUserId: integer('trainer_user_id'),
    trainerCustomerId: integer('trainer_customer_id'),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    // The stores it is open to (the shared segment vocabulary); null: every store.
    segment: jsonb('segment').$type<Segment>(),
    signupDeadline: timestamp('signup_deadline', { withTimezone: true }).notNull(),
    cancelDeadline: timestamp('cancel_deadline', { withTimezone: true }).notNull(),
    // The secret the rotating check-in code is derived from (training.rules.ts); never sent to stores.
    checkInSecret: text('check_in_secret').notNull(),
    questions: jsonb('questions').$type<TestQuestion[]>().notNull().default([]),
    passPercent: smallint('pass_percent').notNull().default(60),
    status: text('status', { enum: sessionStatuses }).notNull().default('open'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('training_sessions_starts_idx').on(table.tenantId, table.startsAt),
  ],
);

// A store's sign-up to a session: one row a store and session (a cancelled one may sign up again).
// The waitlist is in order of signed_up_at, then id.
export const trainingSignups = pgTable(
  'training_signups',
  {
    tenantId: integer('tenant_id').notNull(),
    id: integer('id').generatedAlwaysAsIdentity(),
    sessionId: integer('session_id').notNull(),
    customerId: integer('customer_id').notNull(),
    status: text('status', { enum: signupStatuses }).notNull(),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkInMethod: text('check_in_method', { enum: checkInMethods }),
    checkedInBy: integer('checked_in_by'),
    testAnswers: jsonb('test_answers').$type<number[]>(),
    testScore: smallint('test_score'),
    testPassed: boolean('test_passed'),
    testedAt: timestamp('tested_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      columns: [table.tenantId, table.sessionId],
      foreignColumns: [trainingSessions.tenantId, trainingSessions.id],
    }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    uniqueIndex('training_signups_store_key').on(table.tenantId, table.sessionId, table.customerId),
    index('training_signups_customer_idx').on(table.tenantId, table.customerId),
  ],
);

// 内训师: a store designated as an in-house trainer, with the topics it teaches.
export const trainingTrainers = pgTable(
  'training_trainers',
  {
    tenantId: integer('tenant_id').notNull(),
    customerId: integer('customer_id').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    designatedAt: timestamp('designated_at', { withTimezone: true }).notNull(),
    designatedBy: integer('designated_by'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.customerId] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  ],
);
