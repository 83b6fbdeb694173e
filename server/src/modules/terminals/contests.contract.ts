import { z } from 'zod';
import { calendarDate, idSchema, listOf, multilineText, singleLineText } from '../../platform/http/input-bounds.ts';
import { contestStatuses } from './contests.schema.ts';

// The display contest's HTTP shapes (陈列创意大赛).

const criterionSchema = z.strictObject({
  key: singleLineText(30).regex(/^[a-z][a-z0-9_]*$/, { message: 'lower-case letters, digits and _' }),
  label: singleLineText(40, { trim: true, min: 1 }),
  weight: z.number().min(0).max(100),
  maxScore: z.number().int().min(1).max(100),
});

export const contestInputSchema = z.strictObject({
  title: singleLineText(100, { trim: true, min: 1 }),
  rules: multilineText(4000, { trim: true, min: 1 }).describe('Entry rules as the stores read them'),
  startsOn: calendarDate,
  entryDeadline: calendarDate.describe('The last day entries are taken (Beijing)'),
  endsOn: calendarDate,
  criteria: listOf(criterionSchema, 10, 1).describe('Weighted criteria; each judge scores each from 0 to maxScore'),
  judgeIds: listOf(idSchema, 30, 1).describe('Staff users who judge'),
  winnerCount: z.number().int().min(1).max(50).default(10).describe('How many winners the booklet shows'),
});

export const contestSchema = z.object({
  id: z.number(),
  title: z.string(),
  rules: z.string(),
  startsOn: z.string(),
  entryDeadline: z.string(),
  endsOn: z.string(),
  criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), maxScore: z.number() })),
  winnerCount: z.number(),
  status: z.enum(contestStatuses),
  judges: z.array(z.object({ id: z.number(), displayName: z.string() })),
  entryCount: z.number(),
  isJudge: z.boolean().describe('The caller judges this contest'),
  publishedAt: z.string().nullable(),
});
export const contestListSchema = z.object({ items: z.array(contestSchema) });

export const entryInputSchema = z.strictObject({
  customerId: idSchema.describe('A store in your scope'),
  title: singleLineText(100, { trim: true, min: 1 }),
  description: multilineText(1000, { trim: true }).nullable().optional(),
  photoIds: listOf(idSchema, 6, 1).describe('1–6 photos uploaded with POST /contests/photos'),
});
export const portalEntryInputSchema = entryInputSchema.omit({ customerId: true }).extend({
  photoIds: listOf(idSchema, 6, 1).describe('1–6 photos uploaded with POST /portal/contests/photos'),
});

export const entryCreatedSchema = z.object({ id: z.number(), contestId: z.number(), submittedAt: z.string() });

export const entryParams = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  entryId: z.coerce.number().int().min(1).max(2_147_483_647),
});

const myScoreSchema = z
  .object({ scores: z.record(z.string(), z.number()), comment: z.string().nullable(), scoredAt: z.string() })
  .nullable();

export const entrySchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  branchName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  photoIds: z.array(z.number()),
  submittedAt: z.string(),
  myScore: myScoreSchema.describe('Your own scores of it, if you judged it; never another judge’s'),
  canScore: z.boolean().describe('You are a judge, it is not your branch’s, you have not scored it, not published'),
});
export const entryListSchema = z.object({ items: z.array(entrySchema) });

export const scoreInputSchema = z.strictObject({
  scores: z.record(singleLineText(30), z.number().min(0).max(100)).describe('criterion key → score'),
  comment: multilineText(500, { trim: true }).nullable().optional(),
});
export const scoreCreatedSchema = z.object({ entryId: z.number(), total: z.number(), scoredAt: z.string() });

export const rankingSchema = z.object({
  contestId: z.number(),
  status: z.enum(contestStatuses),
  tieBreak: z.string(),
  items: z.array(
    z.object({
      entryId: z.number(),
      rank: z.number().nullable(),
      score: z.number().nullable(),
      judges: z.number(),
      criteria: z.record(z.string(), z.number()),
      separatedBy: z.string().nullable(),
      customerName: z.string(),
      title: z.string(),
      winner: z.boolean(),
    }),
  ),
});

export const portalContestListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      rules: z.string(),
      startsOn: z.string(),
      entryDeadline: z.string(),
      endsOn: z.string(),
      status: z.enum(contestStatuses),
      criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), maxScore: z.number() })),
      canEnter: z.boolean(),
      myEntry: z.object({ id: z.number(), title: z.string(), rank: z.number().nullable() }).nullable(),
      winners: z.array(z.object({ rank: z.number(), customerName: z.string(), title: z.string(), score: z.number() })),
      bookletUrl: z.string().nullable().describe('GET it when the results are published'),
    }),
  ),
});

export const contestPhotoSchema = z.object({ id: z.number(), contentType: z.string(), sizeBytes: z.number() });
