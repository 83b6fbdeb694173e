import { z } from 'zod';
import { calendarDate, idSchema, singleLinePattern, singleLineText } from '../../platform/http/input-bounds.ts';
import { segmentSchema } from '../supply/index.ts';
import { confidenceLevels } from './sampling.rules.ts';
import { questionnaireKinds, responseChannels, waveStatuses } from './surveys.schema.ts';
import { templateKinds } from './templates.ts';

// Requests and answers of 需求调研、满意度 (shared with the web app as types). Questionnaires are
// SurveyJS JSON (definition), responses SurveyJS result JSON (data); ids of questionnaires, waves
// and responses are uuids.

const uuid = z.uuid();
const json = z.record(z.string(), z.unknown());

export const uuidParams = z.strictObject({ id: uuid });
export const waveIdParams = z.strictObject({ waveId: uuid });
export const codeParams = z.strictObject({ code: z.string().min(1).max(60).regex(singleLinePattern) });

// ── Need items ──
export const needItemSchema = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  area: z.string(),
  department: z.string(),
  serviceItemId: z.number().int().nullable(),
  serviceItemName: z.string().nullable(),
  sort: z.number().int(),
  active: z.boolean(),
});
export const needItemListSchema = z.object({ items: z.array(needItemSchema) });
export const needItemBody = z.strictObject({
  labelZh: singleLineText(60, { min: 1 }).optional(),
  labelEn: singleLineText(100, { min: 1 }).optional(),
  department: singleLineText(40, { min: 1 }).optional(),
  serviceItemId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
});
export type NeedItemInput = z.infer<typeof needItemBody>;

// ── Questionnaires ──
export const templateSchema = z.object({
  kind: z.enum(questionnaireKinds),
  templateKind: z.enum(templateKinds),
  title: z.string(),
  definition: json,
});
export const templateListSchema = z.array(templateSchema);

export const questionnaireSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(questionnaireKinds),
  title: z.string(),
  version: z.number().int(),
  copiedFrom: z.string().nullable(),
  locked: z.boolean(),
  waves: z.number().int(),
  updatedAt: z.string(),
});
export const questionnaireListSchema = z.object({ items: z.array(questionnaireSummarySchema) });
export const questionnaireSchema = questionnaireSummarySchema.extend({ definition: json, createdAt: z.string() });

export const questionnaireCreateBody = z.union([
  z.strictObject({
    templateKind: z.enum(templateKinds),
    title: singleLineText(100, { min: 1 }).optional(),
  }),
  z.strictObject({
    title: singleLineText(100, { min: 1 }),
    kind: z.enum(questionnaireKinds),
    definition: json,
  }),
]);
export type QuestionnaireCreateInput = z.infer<typeof questionnaireCreateBody>;
export const questionnairePatchBody = z.strictObject({
  title: singleLineText(100, { min: 1 }).optional(),
  definition: json.optional(),
});
export type QuestionnairePatch = z.infer<typeof questionnairePatchBody>;

// ── Waves ──
const marginOfError = z.number().min(0.01).max(0.1).describe('± margin of error, 0.01–0.1');
const confidence = z
  .number()
  .min(0.9)
  .max(0.99)
  .refine((value) => (confidenceLevels as readonly number[]).includes(value), {
    error: 'confidence must be 0.9, 0.95 or 0.99 / 置信度须为 0.9、0.95 或 0.99',
  })
  .describe('confidence level: 0.9, 0.95 or 0.99');

export const samplePreviewBody = z.strictObject({
  segment: segmentSchema,
  marginOfError,
  confidence,
  sampleSize: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('a size of your own instead of the computed one'),
});
export type SamplePreviewInput = z.infer<typeof samplePreviewBody>;
export const strataPreviewSchema = z.object({
  population: z.number().int(),
  sampleSize: z.number().int(),
  strata: z.array(
    z.object({ key: z.string(), label: z.string(), population: z.number().int(), sample: z.number().int() }),
  ),
});

export const waveTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), segment: segmentSchema }),
  z.strictObject({
    kind: z.literal('sample'),
    segment: segmentSchema,
    marginOfError,
    confidence,
    seed: singleLineText(60, { min: 1 }).optional().describe('default: the wave id'),
    sampleSize: z.number().int().min(1).max(1_000_000).optional().describe('a size of your own (> population → 400)'),
  }),
]);
const weights = z
  .strictObject({
    tangibles: z.number().min(0).max(100).optional(),
    reliability: z.number().min(0).max(100).optional(),
    responsiveness: z.number().min(0).max(100).optional(),
    assurance: z.number().min(0).max(100).optional(),
    empathy: z.number().min(0).max(100).optional(),
  })
  .describe('satisfaction-index weights per SERVQUAL dimension (normalised; default equal)');

// PUT /surveys/waves/:id/weights: all five, whole numbers 1–100 (normalised when used: wᵢ ÷ Σ w; all
// equal → the default equal weights).
const weightValue = z.number().int().min(1).max(100);
export const waveWeightsBody = z
  .strictObject({
    tangibles: weightValue,
    reliability: weightValue,
    responsiveness: weightValue,
    assurance: weightValue,
    empathy: weightValue,
  })
  .describe('satisfaction-index weights of the five SERVQUAL dimensions, whole numbers 1–100 (normalised)');
export type WaveWeightsInput = z.infer<typeof waveWeightsBody>;

export const waveCreateBody = z.strictObject({
  questionnaireId: uuid,
  title: singleLineText(100, { min: 1 }),
  opensOn: calendarDate,
  closesOn: calendarDate,
  target: waveTargetSchema,
  weights: weights.optional(),
});
export type WaveCreateInput = z.infer<typeof waveCreateBody>;

export const waveSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  questionnaireId: z.string(),
  questionnaireTitle: z.string(),
  kind: z.enum(questionnaireKinds),
  status: z.enum(waveStatuses),
  opensOn: z.string(),
  closesOn: z.string(),
  population: z.number().int().nullable(),
  sent: z.number().int(),
  responses: z.number().int(),
  responseRate: z.number().nullable(),
});
export const waveListSchema = z.object({ items: z.array(waveSummarySchema) });
export const waveSchema = waveSummarySchema.extend({
  target: json,
  weights: json,
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  strata: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      sent: z.number().int(),
      responses: z.number().int(),
      responseRate: z.number().nullable(),
    }),
  ),
});
export const remindResultSchema = z.object({ reminded: z.number().int() });

// ── Responses ──
export const responseBody = z.strictObject({ data: json });
export const visitResponseBody = z.strictObject({ customerId: idSchema, data: json });
export const responseResultSchema = z.object({ id: z.string(), submittedAt: z.string() });
export const draftBody = z.strictObject({ data: json, page: z.number().int().min(0).max(200) });

export const portalSurveyListSchema = z.object({
  items: z.array(
    z.object({
      waveId: z.string(),
      title: z.string(),
      status: z.enum(waveStatuses),
      answered: z.boolean(),
      opensOn: z.string(),
      closesOn: z.string(),
      kind: z.enum(questionnaireKinds),
    }),
  ),
});
export const portalSurveySchema = z.object({
  waveId: z.string(),
  title: z.string(),
  status: z.enum(waveStatuses),
  answered: z.boolean(),
  closesOn: z.string(),
  survey: json,
  draft: z.object({ data: json, page: z.number().int() }).nullable(),
  response: z.object({ data: json, submittedAt: z.string() }).nullable(),
});

export const customerResponsesSchema = z.object({
  open: z.array(
    z.object({
      waveId: z.string(),
      title: z.string(),
      kind: z.enum(questionnaireKinds),
      closesOn: z.string(),
      survey: json,
    }),
  ),
  items: z.array(
    z.object({
      waveId: z.string(),
      responseId: z.string(),
      title: z.string(),
      kind: z.enum(questionnaireKinds),
      submittedAt: z.string(),
      channel: z.enum(responseChannels),
      answers: z.array(z.object({ title: z.string(), value: z.string() })),
    }),
  ),
});
