import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type {
  Gaps,
  NeedItem,
  NeedsCell,
  NeedsSummary,
  Questionnaire,
  QuestionnaireSummary,
  SamplePreview,
  Trend,
  WaveDetail,
  WaveResults,
  WaveSummary,
} from './surveys.api.ts';

// The surveys pages' tests: who signs in, and what the server answers (the shapes of the surveys
// plan) for the seed city's annual needs questionnaire and its satisfaction waves.

const tenant = { id: 1, name: '漳州市烟草公司' };

export function renderAt(path: string, routes: { path: string; element: ReactElement }[], user: CurrentUser) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}

export const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林',
  role: 'marketing',
  tenant,
  orgUnit: tenant,
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

export const manager: CurrentUser = {
  id: 6,
  username: 'manager01',
  displayName: '客户经理 陈',
  role: 'manager',
  tenant,
  orgUnit: { id: 3, name: '芗城分公司' },
  scope: { kind: 'own' },
  mustChangePassword: false,
  deploymentOperator: false,
};

export const satisfactionDefinition = {
  title: '零售客户满意度调查',
  pages: [
    {
      name: 'servqual',
      elements: [
        {
          type: 'rating',
          name: 'R1_e',
          title: '您期望烟草公司按约定时间送货',
          rateMin: 1,
          rateMax: 7,
          isRequired: true,
          kewoRole: 'expectation',
          servqual: 'reliability',
          servqualItem: 'R1',
        },
        {
          type: 'rating',
          name: 'R1_p',
          title: '烟草公司按约定时间送货',
          rateMin: 1,
          rateMax: 7,
          isRequired: true,
          kewoRole: 'perception',
          servqual: 'reliability',
          servqualItem: 'R1',
        },
      ],
    },
    {
      name: 'overall',
      elements: [
        { type: 'rating', name: 'overall', title: '总体满意度', rateMin: 1, rateMax: 5, kewoRole: 'overall' },
        { type: 'rating', name: 'nps', title: '您会向同行推荐网上订货吗', rateMin: 0, rateMax: 10, kewoRole: 'nps' },
      ],
    },
  ],
};

export const needsDefinition = {
  title: '年度客户需求调查',
  pages: [
    {
      name: 'needs',
      elements: [
        {
          type: 'checkbox',
          name: 'needs',
          title: '您最需要哪些服务？',
          kewoRole: 'needs',
          isRequired: true,
          choices: [
            { value: 'settlement', text: '结算与信用卡服务' },
            { value: 'display', text: '陈列指导' },
          ],
        },
        {
          type: 'ranking',
          name: 'urgency',
          title: '请按迫切程度排序',
          kewoRole: 'urgency',
          choicesFromQuestion: 'needs',
          choicesFromQuestionMode: 'selected',
        },
      ],
    },
  ],
};

export const questionnaireSummary = (overrides: Partial<QuestionnaireSummary> = {}): QuestionnaireSummary => ({
  id: 'q-sat-1',
  kind: 'satisfaction',
  title: '零售客户满意度调查',
  version: 1,
  copiedFrom: null,
  locked: false,
  updatedAt: '2026-11-02T02:00:00.000Z',
  waves: 0,
  ...overrides,
});

export const questionnaire = (overrides: Partial<Questionnaire> = {}): Questionnaire => ({
  ...questionnaireSummary(),
  definition: satisfactionDefinition,
  createdAt: '2026-11-01T02:00:00.000Z',
  ...overrides,
});

export const templates = [
  { kind: 'needs' as const, templateKind: 'needs' as const, title: '年度客户需求调查', definition: needsDefinition },
  {
    kind: 'satisfaction' as const,
    templateKind: 'satisfaction' as const,
    title: '零售客户满意度调查（SERVQUAL）',
    definition: satisfactionDefinition,
  },
];

export const waveSummary = (overrides: Partial<WaveSummary> = {}): WaveSummary => ({
  id: 'w-2',
  title: '2026 年下半年满意度调查',
  questionnaireId: 'q-sat-1',
  questionnaireTitle: '零售客户满意度调查',
  kind: 'satisfaction',
  status: 'closed',
  opensOn: '2026-10-08',
  closesOn: '2026-10-31',
  population: 25_000,
  sent: 1024,
  responses: 812,
  responseRate: 812 / 1024,
  ...overrides,
});

export const waveDetail = (overrides: Partial<WaveDetail> = {}): WaveDetail => ({
  ...waveSummary({ status: 'open', responses: 300, responseRate: 300 / 1024 }),
  target: { kind: 'sample', segment: {}, marginOfError: 0.03, confidence: 0.95, seed: 'x' },
  weights: {},
  createdAt: '2026-10-01T00:00:00.000Z',
  openedAt: '2026-10-08T00:00:00.000Z',
  closedAt: null,
  lastRemindedAt: null,
  strata: [
    { key: '3|growth|rural', label: '芗城分公司 · 成长客户 · 乡村', sent: 40, responses: 10, responseRate: 0.25 },
    { key: '3|ordinary|urban', label: '芗城分公司 · 普通客户 · 城镇', sent: 120, responses: 90, responseRate: 0.75 },
  ],
  ...overrides,
});

export const samplePlan: SamplePreview = {
  population: 25_000,
  sampleSize: 1024,
  strata: [
    { key: '3|ordinary|urban', label: '芗城分公司 · 普通客户 · 城镇', population: 12_000, sample: 492 },
    { key: '3|growth|rural', label: '芗城分公司 · 成长客户 · 乡村', population: 13_000, sample: 532 },
  ],
};

const dimension = (name: string, expectation: number, perception: number) => ({
  dimension: name,
  expectation,
  perception,
  gap: perception - expectation,
  score: 80,
  weight: 0.2,
  items: 4,
});

export const results: WaveResults = {
  waveId: 'w-2',
  title: '2026 年下半年满意度调查',
  kind: 'satisfaction',
  status: 'closed',
  responses: 812,
  sent: 1024,
  responseRate: 812 / 1024,
  satisfactionIndex: 86.4,
  indexFormula: '满意度指数 = Σ 权重 × 维度得分（5 级 100/80/60/30/0）',
  weights: {},
  target: 85,
  nps: 31.5,
  npsCounts: { n: 800, promoters: 400, passives: 248, detractors: 152 },
  overall: { n: 800, mean: 4.3, score: 86 },
  dimensions: [dimension('tangibles', 6.1, 5.9), dimension('reliability', 6.5, 5.7)],
  by: null,
  segments: [],
};

const gapItem = (item: string, dimensionName: string, label: string, expectation: number, perception: number) => ({
  item,
  dimension: dimensionName,
  label,
  expectation,
  perception,
  gap: Math.round((perception - expectation) * 100) / 100,
  ciLow: Math.round((perception - expectation - 0.14) * 100) / 100,
  ciHigh: Math.round((perception - expectation + 0.14) * 100) / 100,
  n: 812,
});

export const gaps: Gaps = {
  waveId: 'w-2',
  title: '2026 年下半年满意度调查',
  items: [
    gapItem('R1', 'reliability', '按约定时间送货', 6.5, 5.4),
    gapItem('T2', 'tangibles', '宣传资料美观', 5.8, 5.9),
  ],
  dimensions: [],
  by: null,
  segments: [],
  method: '',
};

const cell = (segment: string, n: number, chosen: number, overrides: Partial<NeedsCell> = {}): NeedsCell => ({
  segment,
  row: segment,
  col: null,
  n,
  chosen,
  share: chosen / n,
  meanRank: 2,
  small: n < 30,
  difference: null,
  p: 0.2,
  highlight: false,
  ...overrides,
});

export const needsSummary: NeedsSummary = {
  waveId: 'w-needs',
  title: '2026 年度需求调查',
  rows: 'group',
  cols: null,
  n: 2980,
  rowSegments: [
    { key: 'urban', label: '城镇', n: 2200 },
    { key: 'rural', label: '乡村', n: 24 },
  ],
  colSegments: [],
  cellSegments: [],
  items: [
    {
      code: 'settlement',
      label: '结算与信用卡服务',
      area: 'convenience',
      department: '客户服务部',
      serviceItemId: 5,
      chosen: 900,
      share: 0.302,
      meanRank: 1.8,
      ranked: 700,
      cells: [cell('urban', 2200, 500), cell('rural', 24, 20)],
    },
    {
      code: 'display',
      label: '陈列指导',
      area: 'image',
      department: '市场部',
      serviceItemId: null,
      chosen: 1200,
      share: 0.403,
      meanRank: 2.4,
      ranked: 1000,
      cells: [cell('urban', 2200, 1150, { highlight: true, p: 0.0001 }), cell('rural', 24, 5)],
    },
  ],
  rule: '',
};

export const trend: Trend = {
  target: 85,
  waves: [
    {
      id: 'w-1',
      title: '2026 年上半年满意度调查',
      status: 'closed',
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
      satisfactionIndex: 82.1,
      nps: 18,
      responses: 790,
    },
    {
      id: 'w-2',
      title: '2026 年下半年满意度调查',
      status: 'closed',
      opensOn: '2026-10-08',
      closesOn: '2026-10-31',
      satisfactionIndex: 86.4,
      nps: 31.5,
      responses: 812,
    },
  ],
};

export const needItems: NeedItem[] = [
  {
    code: 'settlement',
    labelZh: '结算与信用卡服务',
    labelEn: 'Settlement and credit-card service',
    area: 'convenience',
    department: '客户服务部',
    serviceItemId: 5,
    serviceItemName: '金融服务',
    sort: 1,
    active: true,
  },
  {
    code: 'display',
    labelZh: '陈列指导',
    labelEn: 'Display guidance',
    area: 'image',
    department: '市场部',
    serviceItemId: null,
    serviceItemName: null,
    sort: 2,
    active: true,
  },
];

export const serviceItems = {
  items: [{ id: 5, name: '金融服务', category: 'convenience', active: true }],
};
