import { z } from 'zod';
import { calendarMonth, idParam, idSchema, multilineText } from '../../platform/http/input-bounds.ts';
import { offsetPaging } from '../../platform/http/route-helpers.ts';
import { feedbackStates, feedbackTopics, maxAnswerLength, maxFeedbackTextLength } from './consumer-feedback.rules.ts';

// The HTTP shapes of consumer feedback (消费者意见): relaying it (portal), the queue, answering,
// categorising and the monthly summary.

// The schema bounds the text loosely (what a request may carry at all); the rule holds it to
// 2,000 characters with its own error (CONSUMER_FEEDBACK_TEXT_TOO_LONG), counted as a person counts.
const feedbackText = multilineText(maxFeedbackTextLength * 10).describe(
  `at most ${maxFeedbackTextLength} characters → else 400 CONSUMER_FEEDBACK_TEXT_TOO_LONG, nothing written`,
);

export const portalFeedbackInputSchema = z.strictObject({
  productId: idSchema.nullish().describe('a product of the catalogue → else 400 CONSUMER_FEEDBACK_PRODUCT_UNKNOWN'),
  topic: z.enum(feedbackTopics).describe('price 价格, quality 质量, availability 货源, packaging 包装, other 其他'),
  text: feedbackText,
  photoId: idSchema
    .nullish()
    .describe(
      'a photo this store uploaded (POST /portal/consumer-feedback/photos) → else 400 CONSUMER_FEEDBACK_PHOTO_UNKNOWN',
    ),
});

export const feedbackCreatedSchema = z.object({
  id: z.number(),
  responseDueAt: z.string().describe("the first-response due time of the complaints' clock (the item's ticket)"),
});

export const photoSchema = z.object({ id: z.number(), contentType: z.string(), size: z.number() });

export const feedbackItemSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  storeName: z.string(),
  licenceNo: z.string(),
  branchId: z.number(),
  branchName: z.string().nullable(),
  ticketId: z.number(),
  productId: z.number().nullable(),
  productName: z.string().nullable(),
  topic: z.enum(feedbackTopics),
  text: z.string(),
  hasPhoto: z.boolean(),
  state: z.enum(feedbackStates),
  responseDueAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredInTime: z.boolean().nullable(),
  createdAt: z.string(),
});
export const feedbackPageSchema = z.object({ items: z.array(feedbackItemSchema), total: z.number() });

export const portalFeedbackItemSchema = feedbackItemSchema.pick({
  id: true,
  productId: true,
  productName: true,
  topic: true,
  text: true,
  hasPhoto: true,
  state: true,
  responseDueAt: true,
  answer: true,
  answeredAt: true,
  createdAt: true,
});
export const portalFeedbackPageSchema = z.object({ items: z.array(portalFeedbackItemSchema), total: z.number() });

export const feedbackQuery = z.strictObject({
  state: z.enum(['open', 'answered']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  topic: z.enum(feedbackTopics).optional(),
  productId: idParam.optional(),
  branchId: idParam.optional(),
  customerId: idParam.optional(),
  ...offsetPaging,
});

export const portalFeedbackQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const answerInputSchema = z.strictObject({
  answer: multilineText(maxAnswerLength * 10).describe(
    `at most ${maxAnswerLength} characters → else 400 CONSUMER_FEEDBACK_TEXT_TOO_LONG; once → else 409 CONSUMER_FEEDBACK_ALREADY_ANSWERED`,
  ),
});

export const categoriseInputSchema = z.strictObject({
  topic: z.enum(feedbackTopics),
  productId: idSchema.nullish(),
});

export const summaryQuery = z.strictObject({ month: calendarMonth });

const topicCounts = z.object(
  Object.fromEntries(feedbackTopics.map((topic) => [topic, z.number()])) as {
    [Topic in (typeof feedbackTopics)[number]]: z.ZodNumber;
  },
);

export const summarySchema = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      productId: z.number().nullable(),
      productName: z.string().nullable(),
      counts: topicCounts,
      total: z.number(),
    }),
  ),
  topicTotals: topicCounts,
  total: z.number(),
  answered: z.number(),
  answeredInTime: z.number(),
  overdue: z.number(),
});

export const productChoicesSchema = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), brand: z.string(), active: z.boolean() })),
});
