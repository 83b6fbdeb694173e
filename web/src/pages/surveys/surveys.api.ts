import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { segmentSchema } from '../../../../server/src/modules/supply/supply.contract.ts';
import type {
  gapsSchema,
  needsSummariesSchema,
  needsSummarySchema,
  resultsSchema,
  Segmentation as ServerSegmentation,
  trendSchema,
} from '../../../../server/src/modules/surveys/analytics.contract.ts';
import type {
  needItemBody,
  needItemSchema,
  questionnaireCreateBody,
  questionnaireSchema,
  questionnaireSummarySchema,
  samplePreviewBody,
  strataPreviewSchema,
  templateSchema,
  waveCreateBody,
  waveSchema,
  waveSummarySchema,
  waveTargetSchema,
  waveWeightsBody,
} from '../../../../server/src/modules/surveys/surveys.contract.ts';
import type { serviceItemListSchema } from '../../../../server/src/modules/visits/visits.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { Body, SameCodes, Wire } from '../../shared/wire.ts';

// 需求调研、满意度 (/api/v1/surveys/…): the surveys module's contract (surveys.contract.ts,
// analytics.contract.ts). Rates and shares are fractions 0–1; the index is 0–100; NPS −100…100;
// expectation, perception and gaps are on the questionnaire's rating scale (1–5 or 1–7).

export const questionnaireKinds = ['needs', 'satisfaction', 'other'] as const;
export type QuestionnaireKind = SameCodes<(typeof questionnaireKinds)[number], QuestionnaireSummary['kind']>;

export const servqualDimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof servqualDimensions)[number];

export const waveStatuses = ['draft', 'open', 'closed'] as const;
export type WaveStatus = SameCodes<(typeof waveStatuses)[number], WaveSummary['status']>;

// The segmentations the summary table, the gaps and the results compare (分业态、分类别、分群体、分区域).
export const segmentations = ['format', 'class', 'group', 'region'] as const;
export type Segmentation = SameCodes<(typeof segmentations)[number], ServerSegmentation>;

export const needAreas = ['brand', 'business', 'image', 'information', 'convenience', 'supply'] as const;
export type NeedArea = (typeof needAreas)[number];

// 客户范围, the vocabulary brand programmes and the allocation's 限点 share (supply's segmentSchema).
export type Segment = Body<typeof segmentSchema>;

// A SurveyJS questionnaire (the form library's JSON): pages of elements, or elements at the top.
export type SurveyJson = Record<string, unknown> & {
  title?: string;
  pages?: SurveyPage[];
  elements?: SurveyQuestion[];
};
export type SurveyPage = Record<string, unknown> & { name?: string; elements?: SurveyQuestion[] };
export type SurveyQuestion = Record<string, unknown> & { name: string; type: string };

export type QuestionnaireSummary = Wire<typeof questionnaireSummarySchema>;
export type Questionnaire = Omit<Wire<typeof questionnaireSchema>, 'definition'> & { definition: SurveyJson };
export type QuestionnaireTemplate = Omit<Wire<typeof templateSchema>, 'definition'> & { definition: SurveyJson };
export type TemplateKind = QuestionnaireTemplate['templateKind'];
export type NewQuestionnaire = Body<typeof questionnaireCreateBody>;

export type NeedItem = Wire<typeof needItemSchema>;
export type NeedItemPatch = Body<typeof needItemBody>;

export type WaveTarget = Body<typeof waveTargetSchema>;
export type Confidence = SamplePreviewInput['confidence'];
export type WaveSummary = Wire<typeof waveSummarySchema>;
export type WaveDetail = Omit<Wire<typeof waveSchema>, 'target'> & { target: WaveTarget };
export type WaveStratum = WaveDetail['strata'][number];
export type NewWave = Body<typeof waveCreateBody>;
export type WaveWeights = Body<typeof waveWeightsBody>;

export type SamplePreviewInput = Body<typeof samplePreviewBody>;
export type SamplePreview = Wire<typeof strataPreviewSchema>;

export type WaveResults = Wire<typeof resultsSchema>;
export type DimensionResult = WaveResults['dimensions'][number];
export type SegmentResult = WaveResults['segments'][number];
export type NeedsSummary = Wire<typeof needsSummarySchema>;
export type NeedsSummaries = Wire<typeof needsSummariesSchema>;
export type NeedsRow = NeedsSummary['items'][number];
export type NeedsCell = NeedsRow['cells'][number];
export type Gaps = Wire<typeof gapsSchema>;
export type GapItem = Gaps['items'][number];
export type Trend = Wire<typeof trendSchema>;

export const surveysKeys = {
  all: ['surveys'] as const,
  needItems: ['surveys', 'need-items'] as const,
  questionnaires: ['surveys', 'questionnaires'] as const,
  questionnaire: (id: string) => ['surveys', 'questionnaire', id] as const,
  templates: ['surveys', 'templates'] as const,
  waves: ['surveys', 'waves'] as const,
  wave: (id: string) => ['surveys', 'wave', id] as const,
  results: (id: string, by?: Segmentation) => ['surveys', 'results', id, by ?? 'none'] as const,
  needsSummary: (id: string, rows: Segmentation, cols?: Segmentation) =>
    ['surveys', 'needs-summary', id, rows, cols ?? 'none'] as const,
  needsSummaries: (id: string) => ['surveys', 'needs-summaries', id] as const,
  gaps: (id: string, by?: Segmentation) => ['surveys', 'gaps', id, by ?? 'none'] as const,
  trend: ['surveys', 'trend'] as const,
};

// ── 需求项 ─────────────────────────────────────────────────────────────────────────────────────

export function useNeedItems() {
  return useQuery({
    queryKey: surveysKeys.needItems,
    queryFn: ({ signal }) => api.get<{ items: NeedItem[] }>('/surveys/need-items', undefined, { signal }),
  });
}

export const updateNeedItem = ({ code, patch }: { code: string; patch: NeedItemPatch }) =>
  api.put<NeedItem>(`/surveys/need-items/${encodeURIComponent(code)}`, patch);

// ── 问卷 ───────────────────────────────────────────────────────────────────────────────────────

export function useQuestionnaires() {
  return useQuery({
    queryKey: surveysKeys.questionnaires,
    queryFn: ({ signal }) =>
      api.get<{ items: QuestionnaireSummary[] }>('/surveys/questionnaires', undefined, { signal }),
  });
}

export function useQuestionnaire(id: string | undefined) {
  return useQuery({
    queryKey: surveysKeys.questionnaire(id ?? ''),
    queryFn: ({ signal }) => api.get<Questionnaire>(`/surveys/questionnaires/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

// The server answers the templates as a list (or, should it wrap them, as {items}).
export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: surveysKeys.templates,
    queryFn: async ({ signal }) => {
      const answer = await api.get<QuestionnaireTemplate[] | { items: QuestionnaireTemplate[] }>(
        '/surveys/templates',
        undefined,
        { signal },
      );
      return Array.isArray(answer) ? answer : answer.items;
    },
    enabled,
    staleTime: 60_000,
  });
}

export const createQuestionnaire = (input: NewQuestionnaire) =>
  api.post<Questionnaire>('/surveys/questionnaires', input);
export const updateQuestionnaire = ({
  id,
  patch,
}: {
  id: string;
  patch: { title?: string; definition?: SurveyJson };
}) => api.patch<Questionnaire>(`/surveys/questionnaires/${id}`, patch);
export const copyQuestionnaire = (id: string) => api.post<Questionnaire>(`/surveys/questionnaires/${id}/copy`);

// ── 调查批次 ───────────────────────────────────────────────────────────────────────────────────

export function useWaves() {
  return useQuery({
    queryKey: surveysKeys.waves,
    queryFn: ({ signal }) => api.get<{ items: WaveSummary[] }>('/surveys/waves', undefined, { signal }),
  });
}

// The wave with its response rate per stratum, refreshed while it is open (live).
export function useWave(id: string | undefined) {
  return useQuery({
    queryKey: surveysKeys.wave(id ?? ''),
    queryFn: ({ signal }) => api.get<WaveDetail>(`/surveys/waves/${id}`, undefined, { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 30_000 : false),
  });
}

export const samplePreview = (input: SamplePreviewInput) =>
  api.post<SamplePreview>('/surveys/waves/sample-preview', input);
export const createWave = (input: NewWave) => api.post<WaveDetail>('/surveys/waves', input);
export const openWave = (id: string) => api.post<WaveDetail>(`/surveys/waves/${id}/open`);
export const closeWave = (id: string) => api.post<WaveDetail>(`/surveys/waves/${id}/close`);
export const remindWave = (id: string) => api.post<{ reminded?: number }>(`/surveys/waves/${id}/remind`);
export const setWaveWeights = ({ id, weights }: { id: string; weights: WaveWeights }) =>
  api.put<WaveDetail>(`/surveys/waves/${id}/weights`, weights);

// ── 结果 ───────────────────────────────────────────────────────────────────────────────────────

export function useResults(id: string | undefined, by?: Segmentation) {
  return useQuery({
    queryKey: surveysKeys.results(id ?? '', by),
    queryFn: ({ signal }) => api.get<WaveResults>(`/surveys/waves/${id}/results`, by ? { by } : undefined, { signal }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useNeedsSummary(id: string | undefined, rows: Segmentation, cols?: Segmentation) {
  return useQuery({
    queryKey: surveysKeys.needsSummary(id ?? '', rows, cols),
    queryFn: ({ signal }) => api.get<NeedsSummary>(`/surveys/waves/${id}/needs-summary`, { rows, cols }, { signal }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

// The summary by each of the four segmentations, in one request (switching rows asks nothing more).
export function useNeedsSummaries(id: string | undefined) {
  return useQuery({
    queryKey: surveysKeys.needsSummaries(id ?? ''),
    queryFn: ({ signal }) => api.get<NeedsSummaries>(`/surveys/waves/${id}/needs-summaries`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

export const needsSummaryXlsxUrl = (id: string, rows: Segmentation, cols?: Segmentation) =>
  buildUrl(`/surveys/waves/${id}/needs-summary.xlsx`, { rows, cols });

export function useGaps(id: string | undefined, by?: Segmentation) {
  return useQuery({
    queryKey: surveysKeys.gaps(id ?? '', by),
    queryFn: ({ signal }) => api.get<Gaps>(`/surveys/waves/${id}/gaps`, by ? { by } : undefined, { signal }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useTrend() {
  return useQuery({
    queryKey: surveysKeys.trend,
    queryFn: ({ signal }) => api.get<Trend>('/surveys/trend', undefined, { signal }),
  });
}

// 《客户服务需求年度报告》 (.docx): a link the browser follows and saves.
export const annualReportUrl = (year: number) => buildUrl('/surveys/annual-report', { year });

// The service menu's items (菜单式服务), which a need item may be answered by.
export type ServiceItem = Wire<typeof serviceItemListSchema>['items'][number];

export function useServiceItems() {
  return useQuery({
    queryKey: ['services', 'items'],
    queryFn: () => api.get<{ items: ServiceItem[] }>('/services/items'),
    staleTime: 600_000,
  });
}

// Every surveys query is refreshed after a change.
export function useSurveysMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: surveysKeys.all }),
  });
}
