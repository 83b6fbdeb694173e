import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../shared/api-client.ts';
import type { CustomerClass, DemoType } from '../customers/customer-codes.ts';

export type { CustomerClass };

// The classification API (/api/v1/classification/…, issue 5).

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

export type Weight = { indicator: IndicatorKey; weight: number };
export type Threshold = { class: ScoredClass; from: number; to: number };
export type DemoTypeRule = { demoType: DemoType; conditions: { indicator: IndicatorKey; min: number }[] };
export type RuleSetInput = {
  name: string;
  note?: string | null;
  weights: Weight[];
  thresholds: Threshold[];
  demoTypes: DemoTypeRule[];
};
export type RuleSet = RuleSetInput & { id: number; version: number; note: string | null; createdAt: string };

export type Distribution = {
  total: number;
  classes: { class: CustomerClass; count: number; share: number }[];
  demoTypes: { demoType: DemoType; count: number; share: number }[];
};
export type DistributionReport = Distribution & {
  unclassified: number;
  branches: (Distribution & { key: string; name: string })[];
  districts: (Distribution & { key: string; name: string })[];
};

export type RunStatus = 'proposed' | 'partly_applied' | 'applied';
export type Run = {
  id: number;
  ruleSetId: number;
  periodFrom: string;
  periodTo: string;
  effectiveOn: string;
  status: RunStatus;
  storeCount: number;
  appliedBranchIds: number[];
  createdAt: string;
  appliedAt: string | null;
};
export type RunDetail = Run & {
  isLatest: boolean;
  distribution: Distribution;
  diff: {
    branchId: number;
    branchName: string;
    changed: number;
    applied: boolean;
    moves: { from: CustomerClass | null; to: CustomerClass; count: number }[];
  }[];
};

export type Why = {
  indicators: { indicator: IndicatorKey; value: number | null; score: number; weight: number; missing: boolean }[];
  score: number;
  threshold: Threshold;
  demoTypeRule: DemoTypeRule | null;
};
export type Override = { class: CustomerClass; demoType: DemoType | null; reason: string } | null;
export type Proposal = {
  customerId: number;
  licenceNo: string;
  name: string;
  branchId: number;
  branchName: string;
  currentClass: CustomerClass | null;
  currentDemoType: DemoType | null;
  proposedClass: CustomerClass;
  proposedDemoType: DemoType | null;
  override: Override;
  why: Why;
};

export type CustomerClassification = {
  customerId: number;
  class: CustomerClass | null;
  demoType: DemoType | null;
  why:
    | (Why & {
        runId: number;
        ruleSetId: number;
        ruleSetVersion: number;
        effectiveOn: string;
        proposedClass: CustomerClass;
        proposedDemoType: DemoType | null;
        override: Override;
      })
    | null;
  history: {
    id: number;
    fromClass: CustomerClass | null;
    fromDemoType: DemoType | null;
    toClass: CustomerClass | null;
    toDemoType: DemoType | null;
    runId: number | null;
    reason: string | null;
    effectiveOn: string;
    changedBy: string | null;
    changedAt: string;
    pending: boolean;
  }[];
};

export type SpotCheck = { id: number; seed: number; size: number; ruleSetId: number; createdAt: string };
export type SpotCheckItem = {
  customerId: number;
  licenceNo: string;
  name: string;
  branchId: number;
  branchName: string;
  sampledClass: CustomerClass;
  sampledDemoType: DemoType | null;
  rerunClass: CustomerClass;
  complete: boolean;
  inspectorClass: CustomerClass | null;
  agrees: boolean | null;
  note: string | null;
  assessedAt: string | null;
};
export type SpotCheckReport = SpotCheck & {
  stats: { sampled: number; assessed: number; accuracy: number | null; consistency: number; completeness: number };
  items: SpotCheckItem[];
};

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
  return api.post<Distribution & { changed: number }>('/classification/rule-sets/preview', input);
}

export function saveRuleSet(input: RuleSetInput) {
  return api.post<RuleSet>('/classification/rule-sets', input);
}

export function useRuns() {
  return useQuery({
    queryKey: [...classificationKey, 'runs'],
    queryFn: ({ signal }) => api.get<{ items: Run[] }>('/classification/runs', undefined, { signal }),
  });
}

export function useRun(id: number | undefined) {
  return useQuery({
    queryKey: [...classificationKey, 'runs', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<RunDetail>(`/classification/runs/${id}`, undefined, { signal }),
  });
}

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

export function computeRun(input: { ruleSetId: number; effectiveOn?: string }) {
  return api.post<Run & { distribution: Distribution }>('/classification/runs', input);
}

export function approveRun(input: { runId: number; branchIds?: number[] }) {
  return api.post<Run & { changed: number; pending: boolean }>(
    `/classification/runs/${input.runId}/approve`,
    input.branchIds ? { branchIds: input.branchIds } : {},
  );
}

export function overrideProposal(input: {
  runId: number;
  customerId: number;
  class: CustomerClass | null;
  demoType?: DemoType | null;
  reason?: string;
}) {
  const { runId, customerId, ...body } = input;
  return api.put<Proposal>(`/classification/runs/${runId}/proposals/${customerId}/override`, body);
}

export function setClassByHand(input: {
  customerId: number;
  class: CustomerClass | null;
  demoType?: DemoType | null;
  reason: string;
}) {
  const { customerId, ...body } = input;
  return api.put(`/classification/customers/${customerId}/class`, body);
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
    queryFn: ({ signal }) => api.get<{ items: SpotCheck[] }>('/classification/spot-checks', undefined, { signal }),
  });
}

export function useSpotCheck(id: number | undefined) {
  return useQuery({
    queryKey: [...classificationKey, 'spot-checks', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<SpotCheckReport>(`/classification/spot-checks/${id}`, undefined, { signal }),
  });
}

export function createSpotCheck(input: { size: number; seed?: number }) {
  return api.post<SpotCheck>('/classification/spot-checks', input);
}

export function assessSpotCheckItem(input: {
  spotCheckId: number;
  customerId: number;
  inspectorClass: CustomerClass;
  note?: string | null;
}) {
  const { spotCheckId, customerId, ...body } = input;
  return api.put(`/classification/spot-checks/${spotCheckId}/items/${customerId}`, body);
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
