import { z } from 'zod';
import {
  idSchema,
  instantParam,
  instantSchema,
  listOf,
  multilineText,
  singleLineText,
} from '../../platform/http/input-bounds.ts';
import { segmentSchema } from '../supply/index.ts';
import { checkInMethods, sessionKinds, sessionStatuses, signupStatuses } from './training.schema.ts';

// 培训's HTTP shapes.

const questionSchema = z.strictObject({
  text: singleLineText(200, { trim: true, min: 1 }),
  options: listOf(singleLineText(100, { trim: true, min: 1 }), 6, 2),
  answer: z.number().int().min(0).max(5).describe('The index of the right option'),
});

export const sessionInputSchema = z.strictObject({
  title: singleLineText(100, { trim: true, min: 1 }),
  kind: z.enum(sessionKinds).describe('品牌培育大课堂, 经营技能, 法规与诚信经营, 服务'),
  description: multilineText(2000, { trim: true }).nullable().optional(),
  trainerUserId: idSchema.nullable().optional().describe('A staff trainer (or trainerCustomerId)'),
  trainerCustomerId: idSchema.nullable().optional().describe('A store designated as 内训师'),
  place: singleLineText(100, { trim: true, min: 1 }),
  startsAt: instantSchema,
  endsAt: instantSchema,
  capacity: z.number().int().min(1).max(2000),
  segment: segmentSchema.nullable().optional().describe('The stores it is open to; absent: every store'),
  signupDeadline: instantSchema,
  cancelDeadline: instantSchema,
  questions: listOf(questionSchema, 20).default([]).describe('The post-test (multiple choice)'),
  passPercent: z.number().int().min(0).max(100).default(60),
});

const trainerSchema = z.object({
  kind: z.enum(['staff', 'store']),
  id: z.number(),
  name: z.string(),
});

export const sessionSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(sessionKinds),
  description: z.string().nullable(),
  branchId: z.number().nullable(),
  branchName: z.string().nullable(),
  trainer: trainerSchema,
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  segment: z.record(z.string(), z.unknown()).nullable(),
  signupDeadline: z.string(),
  cancelDeadline: z.string(),
  status: z.enum(sessionStatuses),
  questions: z.array(z.object({ text: z.string(), options: z.array(z.string()), answer: z.number() })),
  passPercent: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  checkedIn: z.number(),
  passed: z.number(),
  ratings: z.number(),
  ratingAverage: z.number().nullable(),
  canManage: z.boolean().describe('The caller may edit it, cancel it and mark attendance'),
  isTrainer: z.boolean().describe('The caller is its staff trainer (shows the code, marks attendance)'),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

export const sessionListQuery = z.strictObject({
  from: instantParam.optional().describe('Sessions starting from (default: 1 January this year)'),
  to: instantParam.optional().describe('… until before (default: a year after from)'),
});

export const signupListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      customerId: z.number(),
      customerName: z.string(),
      licenceNo: z.string(),
      branchName: z.string().nullable(),
      status: z.enum(signupStatuses),
      waitlistPosition: z.number().nullable(),
      signedUpAt: z.string(),
      checkedInAt: z.string().nullable(),
      checkInMethod: z.enum(checkInMethods).nullable(),
      testScore: z.number().nullable(),
      testPassed: z.boolean().nullable(),
      rating: z.number().nullable(),
      ratingComment: z.string().nullable(),
      certificate: z.boolean(),
    }),
  ),
});

export const checkInCodeSchema = z.object({
  code: z.string(),
  validUntil: z.string().describe('Show the next code before then (it rotates every 5 minutes)'),
  link: z.string().describe('The portal check-in link with the code (the QR code shows it)'),
});

export const attendanceInputSchema = z.strictObject({
  customerId: idSchema,
  present: z.boolean().default(true),
});

export const trainerInputSchema = z.strictObject({
  topics: listOf(singleLineText(30, { trim: true, min: 1 }), 10),
  active: z.boolean().default(true),
});
export const trainerParams = z.strictObject({
  customerId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const certificateParams = trainerParams.extend({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const trainerListSchema = z.object({
  items: z.array(
    z.object({
      customerId: z.number(),
      customerName: z.string(),
      licenceNo: z.string(),
      branchName: z.string().nullable(),
      topics: z.array(z.string()),
      active: z.boolean(),
      designatedAt: z.string(),
      sessionsLed: z.number(),
      hours: z.number(),
      ratings: z.number(),
      ratingAverage: z.number().nullable(),
    }),
  ),
});

export const staffTrainerListSchema = z.object({
  items: z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() })),
});

export const kpiQuery = sessionListQuery;
export const kpiSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      key: z.number().describe('The branch (org unit id); 0: the city company'),
      label: z.string(),
      sessions: z.number(),
      signups: z.number().describe('Confirmed sign-ups of sessions that have started'),
      checkIns: z.number(),
      attendanceRate: z.number().nullable().describe('checkIns ÷ signups'),
      trainerHours: z.number().describe('Hours of sessions held, by the trainer’s branch'),
      inHouseTrainerHours: z.number().describe('… of them by 内训师'),
    }),
  ),
  total: z.object({
    signups: z.number(),
    checkIns: z.number(),
    attendanceRate: z.number().nullable(),
    trainerHours: z.number(),
  }),
});

// ── Portal ──

export const portalSessionSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(sessionKinds),
  description: z.string().nullable(),
  trainerName: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  signupDeadline: z.string(),
  cancelDeadline: z.string(),
  status: z.enum(sessionStatuses),
  my: z
    .object({
      status: z.enum(signupStatuses),
      waitlistPosition: z.number().nullable(),
      checkedInAt: z.string().nullable(),
      testScore: z.number().nullable(),
      testPassed: z.boolean().nullable(),
      rating: z.number().nullable(),
    })
    .nullable(),
  canSignUp: z.boolean(),
  canCancel: z.boolean(),
  canCheckIn: z.boolean(),
  hasTest: z.boolean(),
  certificateUrl: z.string().nullable(),
});
export const portalSessionListSchema = z.object({ items: z.array(portalSessionSchema) });

export const signupResultSchema = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.number().nullable(),
});
export const checkInInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .max(12)
    .regex(/^\d{6}$/, { message: '6 digits' }),
});
export const checkInResultSchema = z.object({ checkedInAt: z.string() });

export const portalTestSchema = z.object({
  passPercent: z.number(),
  questions: z.array(z.object({ text: z.string(), options: z.array(z.string()) })),
});
export const testInputSchema = z.strictObject({ answers: listOf(z.number().int().min(0).max(5), 20, 1) });
export const testResultSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  right: z.number(),
  total: z.number(),
});
export const ratingInputSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: multilineText(500, { trim: true }).nullable().optional(),
});
