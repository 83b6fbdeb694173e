import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  approvedRunSchema,
  approveSchema,
  assessResultSchema,
  assessSchema,
  computedRunSchema,
  customerClassificationSchema,
  distributionReportSchema,
  distributionSchema,
  handClassResultSchema,
  handClassSchema,
  newRunSchema,
  newSpotCheckSchema,
  overrideSchema,
  proposalSchema,
  previewSchema as rulePreviewSchema,
  ruleSetInputSchema,
  ruleSetSchema,
  runDetailSchema,
  runListSchema,
  runSchema,
  spotCheckListSchema,
  spotCheckReportSchema,
  spotCheckSchema,
} from '../../../../server/src/modules/classification/classification.contract.ts';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { CustomerClass, DemoType } from '../../shared/customer-codes.ts';
import type { Body, Wire } from '../../shared/wire.ts';

export type { CustomerClass };

// The classification API (/api/v1/classification/…).

export const indicatorKeys = [
  'volume',
  'amount',
  'structure',
  'growth',
  'image',
  'information',
  'credit',
  'violations',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];
export const scoredClasses = ['demonstration', 'growth', 'ordinary'] as const;
export type ScoredClass = (typeof scoredClasses)[number];

// The classification contract, as the server declares it (classification.contract.ts).
//
// A rule set names indicators, classes and demonstration types as plain strings there, so that an
// unknown one is refused by name; the ones it stores and answers are the known keys, which the
// web narrows them to.
type RuleSetWire = Wire<typeof ruleSetSchema>;
export type Weight = RuleSetWire['weights'][number] & { indicator: IndicatorKey };
export type Threshold = RuleSetWire['thresholds'][number] & { class: ScoredClass };
export type DemoTypeRule = Omit<RuleSetWire['demoTypes'][number], 'demoType' | 'conditions'> & {
  demoType: DemoType;
  conditions: (RuleSetWire['demoTypes'][number]['conditions'][number] & { indicator: IndicatorKey })[];
};
type Rules = { weights: Weight[]; thresholds: Threshold[]; demoTypes: DemoTypeRule[] };
export type RuleSetInput = Omit<Body<typeof ruleSetInputSchema>, keyof Rules> & Rules;
export type RuleSet = Omit<RuleSetWire, keyof Rules> & Rules;

export type Distribution = Wire<typeof distributionSchema>;
export type DistributionReport = Wire<typeof distributionReportSchema>;

export type Run = Wire<typeof runSchema>;
export type RunStatus = Run['status'];
export type RunDetail = Wire<typeof runDetailSchema>;

type WhyWire = Wire<typeof proposalSchema>['why'];
export type Why = Omit<WhyWire, 'indicators' | 'threshold' | 'demoTypeRule'> & {
  indicators: (WhyWire['indicators'][number] & { indicator: IndicatorKey })[];
  threshold: Threshold;
  demoTypeRule: DemoTypeRule | null;
};
export type Override = Wire<typeof proposalSchema>['override'];
export type Proposal = Omit<Wire<typeof proposalSchema>, 'why'> & { why: Why };

type CustomerClassificationWire = Wire<typeof customerClassificationSchema>;
export type CustomerClassification = Omit<CustomerClassificationWire, 'why'> & {
  why: (Omit<NonNullable<CustomerClassificationWire['why']>, keyof Why> & Why) | null;
};

export type SpotCheck = Wire<typeof spotCheckSchema>;
export type SpotCheckReport = Wire<typeof spotCheckReportSchema>;
export type SpotCheckItem = SpotCheckReport['items'][number];

export const classificationKey = ['classification'] as const;

export function useDistribution() {
  return useQuery({
    queryKey: [...classificationKey, 'distribution'],
    queryFn: ({ signal }) => api.get<DistributionReport>('/classification/distribution', undefined, { signal }),
  });
}

export function useRuleSets() {
  return useQuery({
    queryKey: [...classificationKey, 'rule-sets'],
    queryFn: ({ signal }) => api.get<{ items: RuleSet[] }>('/classification/rule-sets', undefined, { signal }),
  });
}

export function previewRuleSet(input: RuleSetInput) {
  return api.post<Wire<typeof rulePreviewSchema>>('/classification/rule-sets/preview', input);
}

export function saveRuleSet(input: RuleSetInput) {
  return api.post<RuleSet>('/classification/rule-sets', input);
}

export function useRuns() {
  return useQuery({
    queryKey: [...classificationKey, 'runs'],
    queryFn: ({ signal }) => api.get<Wire<typeof runListSchema>>('/classification/runs', undefined, { signal }),
  });
}

export function useRun(id: number | undefined) {
  return useQuery({
    queryKey: [...classificationKey, 'runs', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<RunDetail>(`/classification/runs/${id}`, undefined, { signal }),
  });
}

// The proposals' filters as the page holds them; `changed` travels as 'true' (proposalQuery).
export type ProposalQuery = {
  branchId?: number;
  changed?: boolean;
  from?: CustomerClass | 'none';
  to?: CustomerClass;
  limit: number;
  offset: number;
};

export function useProposals(runId: number | undefined, query: ProposalQuery) {
  return useQuery({
    queryKey: [...classificationKey, 'runs', runId, 'proposals', query],
    enabled: runId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<{ items: Proposal[]; total: number }>(
        `/classification/runs/${runId}/proposals`,
        {
          ...(query.branchId ? { branchId: query.branchId } : {}),
          ...(query.changed ? { changed: 'true' } : {}),
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
          limit: query.limit,
          offset: query.offset,
        },
        { signal },
      ),
  });
}

export function computeRun(input: Body<typeof newRunSchema>) {
  return api.post<Wire<typeof computedRunSchema>>('/classification/runs', input);
}

export function approveRun(input: { runId: number } & Body<typeof approveSchema>) {
  return api.post<Wire<typeof approvedRunSchema>>(
    `/classification/runs/${input.runId}/approve`,
    input.branchIds ? { branchIds: input.branchIds } : {},
  );
}

export function overrideProposal(input: { runId: number; customerId: number } & Body<typeof overrideSchema>) {
  const { runId, customerId, ...body } = input;
  return api.put<Proposal>(`/classification/runs/${runId}/proposals/${customerId}/override`, body);
}

export function setClassByHand(input: { customerId: number } & Body<typeof handClassSchema>) {
  const { customerId, ...body } = input;
  return api.put<Wire<typeof handClassResultSchema>>(`/classification/customers/${customerId}/class`, body);
}

export function useCustomerClassification(customerId: number) {
  return useQuery({
    queryKey: [...classificationKey, 'customer', customerId],
    queryFn: ({ signal }) =>
      api.get<CustomerClassification>(`/customers/${customerId}/classification`, undefined, { signal }),
  });
}

export function useSpotChecks() {
  return useQuery({
    queryKey: [...classificationKey, 'spot-checks'],
    queryFn: ({ signal }) =>
      api.get<Wire<typeof spotCheckListSchema>>('/classification/spot-checks', undefined, { signal }),
  });
}

export function useSpotCheck(id: number | undefined) {
  return useQuery({
    queryKey: [...classificationKey, 'spot-checks', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<SpotCheckReport>(`/classification/spot-checks/${id}`, undefined, { signal }),
  });
}

export function createSpotCheck(input: Body<typeof newSpotCheckSchema>) {
  return api.post<SpotCheck>('/classification/spot-checks', input);
}

export function assessSpotCheckItem(input: { spotCheckId: number; customerId: number } & Body<typeof assessSchema>) {
  const { spotCheckId, customerId, ...body } = input;
  return api.put<Wire<typeof assessResultSchema>>(
    `/classification/spot-checks/${spotCheckId}/items/${customerId}`,
    body,
  );
}

export function spotCheckExportUrl(id: number): string {
  return buildUrl(`/classification/spot-checks/${id}/export`);
}

export function useClassificationMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: classificationKey }),
  });
}
