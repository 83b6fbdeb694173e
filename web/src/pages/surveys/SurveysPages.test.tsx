import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, type StubRoutes, sentBody, stubApi } from '../../test/api-stub.ts';
import { NeedItemsPage } from './NeedItems.tsx';
import { QuestionnaireEditorPage } from './QuestionnaireEditor.tsx';
import { QuestionnairesPage } from './Questionnaires.tsx';
import { SurveyResultsPage } from './Results.tsx';
import {
  gaps,
  manager,
  marketing,
  needItems,
  needsSummary,
  questionnaire,
  questionnaireSummary,
  renderAt,
  results,
  samplePlan,
  serviceItems,
  templates,
  trend,
  waveDetail,
  waveSummary,
} from './surveys-test-fixtures.tsx';
import { WaveDetailPage } from './WaveDetail.tsx';
import { WavesPage } from './Waves.tsx';

// The form library is the portal's and the preview's (shared/surveys/SurveyForm.tsx, tested
// there); here the preview shows which questionnaire it was given.
vi.mock('../../shared/surveys/SurveyForm.tsx', () => ({
  SurveyForm: ({ definition }: { definition: { title?: string; pages?: { elements?: unknown[] }[] } }) => (
    <div data-testid="survey-form">
      {definition.title} · {(definition.pages ?? []).flatMap((page) => page.elements ?? []).length}
    </div>
  ),
}));

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const writes = [
  'POST /api/v1/surveys/questionnaires',
  'PATCH /api/v1/surveys/questionnaires/:id',
  'POST /api/v1/surveys/questionnaires/:id/copy',
  'POST /api/v1/surveys/waves',
  'POST /api/v1/surveys/waves/sample-preview',
  'POST /api/v1/surveys/waves/:id/open',
  'POST /api/v1/surveys/waves/:id/close',
  'POST /api/v1/surveys/waves/:id/remind',
  'PUT /api/v1/surveys/waves/:id/weights',
  'PUT /api/v1/surveys/need-items/:code',
  'GET /api/v1/surveys/annual-report',
];

describe('问卷', () => {
  it('lists the questionnaires and creates one from a template', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/questionnaires': {
        status: 200,
        body: { items: [questionnaireSummary({ locked: true, waves: 2, version: 2 })] },
      },
      'GET /surveys/templates': { status: 200, body: templates },
      'POST /surveys/questionnaires': { status: 201, body: questionnaire({ id: 'q-new', kind: 'needs' }) },
      'GET /surveys/questionnaires/q-new': { status: 200, body: questionnaire({ id: 'q-new' }) },
    });
    const router = renderAt(
      '/surveys/questionnaires',
      [
        { path: '/surveys/questionnaires', element: <QuestionnairesPage /> },
        { path: '/surveys/questionnaires/:id', element: <div>editor</div> },
      ],
      marketing,
    );
    const row = (await screen.findByText('零售客户满意度调查')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已锁定（已有答卷）')).toBeTruthy();
    expect(within(row).getByText('第 2 版')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /新建问卷/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByText('年度客户服务需求调查'));
    fireEvent.click(within(dialog).getByRole('button', { name: /新\s*建/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/surveys/questionnaires/q-new'));
    expect(sentBody(callsTo(fetchMock, 'POST', '/surveys/questionnaires')[0])).toEqual({ templateKind: 'needs' });
  });

  it('offers no new questionnaire to a role the server does not let write', async () => {
    stubApi({ ...grants(), 'GET /surveys/questionnaires': { status: 200, body: { items: [questionnaireSummary()] } } });
    renderAt('/q', [{ path: '/q', element: <QuestionnairesPage /> }], marketing);
    expect(await screen.findByText('零售客户满意度调查')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新建问卷/ })).toBeNull();
  });
});

describe('问卷编辑', () => {
  it('edits a question with its tags beside the preview, and saves the SurveyJS JSON', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/questionnaires/q-sat-1': { status: 200, body: questionnaire() },
      'GET /surveys/need-items': { status: 200, body: { items: needItems } },
      'PATCH /surveys/questionnaires/q-sat-1': (init) => ({
        status: 200,
        body: questionnaire({ definition: (JSON.parse(String(init?.body)) as { definition: never }).definition }),
      }),
    });
    renderAt(
      '/surveys/questionnaires/q-sat-1',
      [{ path: '/surveys/questionnaires/:id', element: <QuestionnaireEditorPage /> }],
      marketing,
    );
    expect(await screen.findAllByTestId('question-card')).toHaveLength(4);
    // The preview (the form library, lazily) shows the questionnaire being edited.
    expect((await screen.findByTestId('survey-form')).textContent).toContain('零售客户满意度调查 · 4');
    const [first] = screen.getAllByLabelText('题目');
    fireEvent.change(first as HTMLElement, { target: { value: '您期望烟草公司准时送货' } });
    expect(await screen.findByText('有未保存的修改')).toBeTruthy();
    // Each page has its own 添加题目; the second page's adds the fifth question.
    fireEvent.click(screen.getAllByRole('button', { name: /添加题目/ })[1] as HTMLElement);
    await waitFor(() => expect(screen.getAllByTestId('question-card')).toHaveLength(5));
    // A new question has no text yet: the editor says so before sending anything.
    fireEvent.click(await screen.findByRole('button', { name: /保存问卷/ }));
    expect(await screen.findByText('第 5 题没有题目')).toBeTruthy();
    expect(callsTo(fetchMock, 'PATCH', '/surveys/questionnaires/q-sat-1')).toHaveLength(0);
    fireEvent.click(screen.getAllByRole('button', { name: '删除题目' })[4] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: /保存问卷/ }));
    expect(await screen.findByText('问卷已保存')).toBeTruthy();
    const sent = sentBody(callsTo(fetchMock, 'PATCH', '/surveys/questionnaires/q-sat-1')[0]) as {
      definition: { pages: { elements: Record<string, unknown>[] }[] };
    };
    expect(sent.definition.pages[0]?.elements[0]).toMatchObject({
      name: 'R1_e',
      title: '您期望烟草公司准时送货',
      kewoRole: 'expectation',
      servqual: 'reliability',
      servqualItem: 'R1',
      rateMin: 1,
      rateMax: 7,
    });
    expect(sent.definition.pages[1]?.elements[1]).toMatchObject({
      name: 'nps',
      kewoRole: 'nps',
      rateMin: 0,
      rateMax: 10,
    });
  });

  it('adds, renames, moves and removes pages; the questions go with them', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/questionnaires/q-sat-1': { status: 200, body: questionnaire() },
      'GET /surveys/need-items': { status: 200, body: { items: needItems } },
      'PATCH /surveys/questionnaires/q-sat-1': (init) => ({
        status: 200,
        body: questionnaire({ definition: (JSON.parse(String(init?.body)) as { definition: never }).definition }),
      }),
    });
    renderAt(
      '/surveys/questionnaires/q-sat-1',
      [{ path: '/surveys/questionnaires/:id', element: <QuestionnaireEditorPage /> }],
      marketing,
    );
    expect(await screen.findAllByTestId('page-section')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /添加页/ }));
    await waitFor(() => expect(screen.getAllByTestId('page-section')).toHaveLength(3));
    expect(screen.getByText('本页还没有题目')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('第 3 页标题'), { target: { value: '开放题' } });
    // The new page first, then the servqual page removed: its questions join the page before it.
    fireEvent.click(screen.getAllByRole('button', { name: '整页上移' })[2] as HTMLElement);
    fireEvent.click(screen.getAllByRole('button', { name: '整页上移' })[1] as HTMLElement);
    fireEvent.click(screen.getAllByRole('button', { name: '删除本页' })[1] as HTMLElement);
    await waitFor(() => expect(screen.getAllByTestId('page-section')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: /保存问卷/ }));
    expect(await screen.findByText('问卷已保存')).toBeTruthy();
    const sent = sentBody(callsTo(fetchMock, 'PATCH', '/surveys/questionnaires/q-sat-1')[0]) as {
      definition: { pages: { name: string; title?: string; elements: { name: string }[] }[] };
    };
    expect(
      sent.definition.pages.map((page) => [page.name, page.title, page.elements.map((question) => question.name)]),
    ).toEqual([
      ['page3', '开放题', ['R1_e', 'R1_p']],
      ['overall', undefined, ['overall', 'nps']],
    ]);
  });

  it('sends pasted JSON to the server and shows why it refuses it', async () => {
    stubApi({
      ...grants(...writes),
      'GET /surveys/questionnaires/q-sat-1': { status: 200, body: questionnaire() },
      'GET /surveys/need-items': { status: 200, body: { items: needItems } },
      'PATCH /surveys/questionnaires/q-sat-1': {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'SURVEY_DEFINITION_INVALID',
          detail: '问卷 JSON 无法加载：题型 “slider” 未知',
        },
      },
    });
    renderAt(
      '/surveys/questionnaires/q-sat-1',
      [{ path: '/surveys/questionnaires/:id', element: <QuestionnaireEditorPage /> }],
      marketing,
    );
    fireEvent.click(await screen.findByRole('tab', { name: '粘贴 JSON' }));
    const text = await screen.findByRole('textbox', { name: '粘贴 JSON' });
    fireEvent.change(text, { target: { value: '{"pages": [' } });
    fireEvent.click(await screen.findByRole('button', { name: '应用 JSON' }));
    expect(await screen.findByText(/JSON 格式错误/)).toBeTruthy();
    fireEvent.change(text, { target: { value: '{"elements":[{"type":"slider","name":"a"}]}' } });
    fireEvent.click(screen.getByRole('button', { name: '应用 JSON' }));
    expect(await screen.findByText('问卷 JSON 无法加载：题型 “slider” 未知')).toBeTruthy();
  });

  it('shows a locked questionnaire read-only and copies it as a new version', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/questionnaires/q-sat-1': { status: 200, body: questionnaire({ locked: true }) },
      'GET /surveys/need-items': { status: 200, body: { items: needItems } },
      'POST /surveys/questionnaires/q-sat-1/copy': {
        status: 201,
        body: questionnaire({ id: 'q-sat-2', version: 2, copiedFrom: 'q-sat-1' }),
      },
      'GET /surveys/questionnaires/q-sat-2': { status: 200, body: questionnaire({ id: 'q-sat-2', version: 2 }) },
    });
    const router = renderAt(
      '/surveys/questionnaires/q-sat-1',
      [{ path: '/surveys/questionnaires/:id', element: <QuestionnaireEditorPage /> }],
      marketing,
    );
    expect(await screen.findByText(/该问卷已有答卷/)).toBeTruthy();
    for (const input of screen.getAllByLabelText('题目')) expect((input as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /保存问卷/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /添加题目/ })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /复制为新版本/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/surveys/questionnaires/q-sat-2'));
    expect(callsTo(fetchMock, 'POST', '/surveys/questionnaires/q-sat-1/copy')).toHaveLength(1);
  });
});

describe('调查批次', () => {
  it('shows the sample and its allocation per stratum before a wave to a sample is created', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/waves': { status: 200, body: { items: [waveSummary()] } },
      'GET /surveys/questionnaires': { status: 200, body: { items: [questionnaireSummary()] } },
      'GET /customers/reference': { status: 200, body: { branches: [], districts: [], managers: [] } },
      'POST /surveys/waves/sample-preview': { status: 200, body: samplePlan },
      'POST /surveys/waves': { status: 201, body: waveDetail({ id: 'w-new', status: 'draft' }) },
    });
    const router = renderAt(
      '/surveys/waves',
      [
        { path: '/surveys/waves', element: <WavesPage /> },
        { path: '/surveys/waves/:id', element: <div>wave</div> },
      ],
      marketing,
    );
    const row = (await screen.findByText('2026 年下半年满意度调查')).closest('tr') as HTMLElement;
    expect(within(row).getByText('79.3%')).toBeTruthy();
    expect(within(row).getByText('已结束')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /新建批次/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('问卷'));
    fireEvent.click(await screen.findByTitle('零售客户满意度调查 · 满意度调查 · 第 1 版'));
    fireEvent.change(within(dialog).getByLabelText('批次名称'), { target: { value: '2027 年满意度调查' } });
    // Sending to a sample waits for the plan.
    expect(within(dialog).getByText('抽样发放前请先计算样本，确认各层分配。')).toBeTruthy();
    expect((screen.getAllByRole('button', { name: /新\s*建/ }).at(-1) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: /计算样本/ }));
    const plan = await within(dialog).findByTestId('sample-plan');
    expect(within(plan).getByText('25,000')).toBeTruthy();
    expect(within(plan).getByText('1,024')).toBeTruthy();
    expect(within(plan).getByText('芗城分公司 · 成长客户 · 乡村')).toBeTruthy();
    expect(within(plan).getByText('532')).toBeTruthy();
    expect(sentBody(callsTo(fetchMock, 'POST', '/surveys/waves/sample-preview')[0])).toEqual({
      segment: {},
      marginOfError: 0.03,
      confidence: 0.95,
    });
    void router;
  });

  it('shows a wave’s response rate per stratum, with open/remind/close for marketing only', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/waves/w-2': { status: 200, body: waveDetail() },
      'GET /surveys/questionnaires': { status: 200, body: { items: [questionnaireSummary()] } },
      'POST /surveys/waves/w-2/remind': { status: 200, body: { reminded: 724 } },
    });
    renderAt('/surveys/waves/w-2', [{ path: '/surveys/waves/:id', element: <WaveDetailPage /> }], marketing);
    const row = (await screen.findByText('芗城分公司 · 成长客户 · 乡村')).closest('tr') as HTMLElement;
    expect(within(row).getByText('25.0%')).toBeTruthy();
    expect(screen.getByText('分层抽样：误差 ±3%，置信度 95%')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /提醒未答客户/ }));
    expect(await screen.findByText('已提醒未答客户')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/surveys/waves/w-2/remind')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /结束调查/ })).toBeTruthy();
  });

  it('shows a customer manager the wave without its actions', async () => {
    stubApi({
      ...grants(),
      'GET /surveys/waves/w-2': { status: 200, body: waveDetail() },
      'GET /surveys/questionnaires': { status: 403, body: { code: 'FORBIDDEN', status: 403, title: 'Forbidden' } },
    });
    renderAt('/surveys/waves/w-2', [{ path: '/surveys/waves/:id', element: <WaveDetailPage /> }], manager);
    expect(await screen.findByText('芗城分公司 · 成长客户 · 乡村')).toBeTruthy();
    expect(screen.getByText('零售客户满意度调查')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /提醒未答客户|结束调查|开始发放/ })).toBeNull();
  });
});

describe('调研结果', () => {
  const resultRoutes = (overrides: StubRoutes = {}): StubRoutes => ({
    'GET /surveys/waves': {
      status: 200,
      body: {
        items: [
          waveSummary(),
          waveSummary({ id: 'w-needs', kind: 'needs', title: '2026 年度需求调查', closesOn: '2026-03-31' }),
        ],
      },
    },
    'GET /surveys/waves/w-2/results': { status: 200, body: results },
    'GET /surveys/waves/w-2/gaps': { status: 200, body: gaps },
    'GET /surveys/waves/w-needs/results': {
      status: 200,
      body: { ...results, satisfactionIndex: null, nps: null, dimensions: [] },
    },
    'GET /surveys/waves/w-needs/gaps': { status: 200, body: { items: [] } },
    'GET /surveys/waves/w-needs/needs-summaries': {
      status: 200,
      body: {
        format: needsSummary,
        class: { ...needsSummary, rows: 'class' },
        group: { ...needsSummary, rows: 'group' },
        region: { ...needsSummary, rows: 'region' },
      },
    },
    'GET /surveys/waves/w-needs/needs-summary': { status: 200, body: { ...needsSummary, cols: 'group' } },
    'GET /surveys/trend': { status: 200, body: trend },
    ...overrides,
  });

  it('shows the wave’s cards with the index formula, the dimensions and the gaps weakest first', async () => {
    stubApi({ ...grants(...writes), ...resultRoutes() });
    renderAt('/surveys/results', [{ path: '/surveys/results', element: <SurveyResultsPage /> }], marketing);
    const index = await screen.findByTestId('index-card');
    expect(await within(index).findByText('86.4')).toBeTruthy();
    expect(within(index).getByText('满意度指数 = Σ 权重 × 维度得分（5 级 100/80/60/30/0）')).toBeTruthy();
    expect(within(await screen.findByTestId('nps-card')).getByText('+31.5')).toBeTruthy();
    expect(screen.getByText('NPS = 推荐者（9–10 分）占比 − 贬损者（0–6 分）占比')).toBeTruthy();
    const gapRows = within(await screen.findByTestId('gap-table')).getAllByRole('row');
    expect(gapRows[1]?.textContent).toContain('R1 按约定时间送货');
    expect(gapRows[1]?.textContent).toContain('[-1.24, -0.96]');
    expect(await screen.findByTestId('trend-chart')).toBeTruthy();
    // The annual report, for those the server lets download it.
    const report = screen.getByRole('link', { name: /年度报告/ });
    expect(report.getAttribute('href')).toBe('/api/v1/surveys/annual-report?year=2026');
  });

  it('shows the needs summary with n in every cell, small cells greyed and differences highlighted; exports it', async () => {
    const fetchMock = stubApi({ ...grants(), ...resultRoutes() });
    renderAt('/surveys/results?wave=w-needs', [{ path: '/surveys/results', element: <SurveyResultsPage /> }], manager);
    const pivot = await screen.findByTestId('needs-pivot');
    const row = (await within(pivot).findByText('结算与信用卡服务')).closest('tr') as HTMLElement;
    expect(within(row).getByText('客户服务部')).toBeTruthy();
    expect(within(row).getByText('30.2%')).toBeTruthy();
    const rural = within(row).getByText('83.3%').closest('[data-cell]') as HTMLElement;
    expect(rural.getAttribute('data-cell')).toBe('small');
    expect(within(rural).getByText('n=24')).toBeTruthy();
    const display = within(pivot).getByText('陈列指导').closest('tr') as HTMLElement;
    expect((within(display).getByText('52.3%').closest('[data-cell]') as HTMLElement).getAttribute('data-cell')).toBe(
      'highlight',
    );
    expect(screen.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      '/api/v1/surveys/waves/w-needs/needs-summary.xlsx?rows=format',
    );
    // The four segmentations in one request: switching the rows asks nothing more; crossing asks for the pair.
    expect(callsTo(fetchMock, 'GET', '/surveys/waves/w-needs/needs-summaries')).toHaveLength(1);
    expect(callsTo(fetchMock, 'GET', '/surveys/waves/w-needs/needs-summary')).toHaveLength(0);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '比较' }));
    const region = await waitFor(() => {
      const option = document.querySelector('.ant-select-item-option[title="分区域"]');
      if (!option) throw new Error('no option');
      return option;
    });
    fireEvent.click(region);
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toContain('rows=region'),
    );
    expect(callsTo(fetchMock, 'GET', '/surveys/waves/w-needs/needs-summaries')).toHaveLength(1);
    expect(callsTo(fetchMock, 'GET', '/surveys/waves/w-needs/needs-summary')).toHaveLength(0);
    // No index nor NPS in a needs questionnaire; no annual report for a customer manager.
    expect(within(screen.getByTestId('index-card')).getByText('本问卷未测')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /年度报告/ })).toBeNull();
  });

  it('shows the weights beside the index; marketing adjusts them and the results are asked again', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      ...resultRoutes({
        'GET /surveys/waves/w-2/results': {
          status: 200,
          body: { ...results, weights: { tangibles: 0.5, reliability: 0.5 } },
        },
        'GET /surveys/waves/w-2': { status: 200, body: waveDetail({ id: 'w-2', weights: {} }) },
        'PUT /surveys/waves/w-2/weights': { status: 200, body: waveDetail({ id: 'w-2' }) },
      }),
    });
    renderAt('/surveys/results?wave=w-2', [{ path: '/surveys/results', element: <SurveyResultsPage /> }], marketing);
    const index = await screen.findByTestId('index-card');
    expect((await within(index).findByTestId('index-weights')).textContent).toBe('权重：有形性 50.0% · 可靠性 50.0%');
    fireEvent.click(await within(index).findByRole('button', { name: '调整权重' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByLabelText('有形性').hasAttribute('disabled')).toBe(false));
    fireEvent.change(within(dialog).getByLabelText('有形性'), { target: { value: '60' } });
    expect(within(dialog).getByTestId('weight-share-tangibles').textContent).toBe('42.9%');
    const before = callsTo(fetchMock, 'GET', '/surveys/waves/w-2/results').length;
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('权重已保存，指数已重算')).toBeTruthy();
    expect(sentBody(callsTo(fetchMock, 'PUT', '/surveys/waves/w-2/weights')[0])).toEqual({
      tangibles: 60,
      reliability: 20,
      responsiveness: 20,
      assurance: 20,
      empathy: 20,
    });
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/surveys/waves/w-2/results').length).toBeGreaterThan(before));
  });

  it('offers no weights to adjust to a customer manager', async () => {
    stubApi({ ...grants(), ...resultRoutes() });
    renderAt('/surveys/results?wave=w-2', [{ path: '/surveys/results', element: <SurveyResultsPage /> }], manager);
    await screen.findByTestId('index-card');
    expect(screen.queryByRole('button', { name: '调整权重' })).toBeNull();
  });

  it('compares the gaps by segment', async () => {
    const fetchMock = stubApi({
      ...grants(),
      ...resultRoutes({
        'GET /surveys/waves/w-2/gaps': {
          status: 200,
          body: {
            ...gaps,
            by: 'group',
            segments: [
              { key: 'rural', label: '乡村', n: 24, small: true, items: gaps.items, dimensions: [] },
              { key: 'urban', label: '城镇', n: 788, small: false, items: gaps.items, dimensions: [] },
            ],
          },
        },
      }),
    });
    renderAt('/surveys/results?wave=w-2', [{ path: '/surveys/results', element: <SurveyResultsPage /> }], manager);
    await screen.findByTestId('gap-table');
    fireEvent.click(screen.getByText('分群体'));
    await waitFor(() =>
      expect(
        callsTo(fetchMock, 'GET', '/surveys/waves/w-2/gaps').some(([url]) => String(url).includes('by=group')),
      ).toBe(true),
    );
    expect((await within(screen.getByTestId('gap-table')).findAllByText('乡村')).length).toBe(2);
  });
});

describe('需求项', () => {
  it('lists the need items with their department and service, and edits one', async () => {
    const fetchMock = stubApi({
      ...grants(...writes),
      'GET /surveys/need-items': { status: 200, body: { items: needItems } },
      'GET /services/items': { status: 200, body: serviceItems },
      'PUT /surveys/need-items/display': { status: 200, body: { ...needItems[1], department: '营销中心' } },
    });
    renderAt('/n', [{ path: '/n', element: <NeedItemsPage /> }], marketing);
    const row = (await screen.findByText('结算与信用卡服务')).closest('tr') as HTMLElement;
    expect(within(row).getByText('客户服务部')).toBeTruthy();
    expect(await within(row).findByText('金融服务')).toBeTruthy();
    const display = screen.getByText('陈列指导').closest('tr') as HTMLElement;
    fireEvent.click(within(display).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('责任部门'), { target: { value: '营销中心' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('需求项已保存')).toBeTruthy();
    expect(sentBody(callsTo(fetchMock, 'PUT', '/surveys/need-items/display')[0])).toEqual({
      labelZh: '陈列指导',
      labelEn: 'Display guidance',
      department: '营销中心',
      serviceItemId: null,
      active: true,
    });
  });
});
