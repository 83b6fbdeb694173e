import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { renderAt } from '../surveys/surveys-test-fixtures.tsx';
import { AppealDetailPage } from './AppealDetail.tsx';
import { AppealsPage } from './Appeals.tsx';
import { CustomerCredit } from './components/CustomerCredit.tsx';
import {
  appeal,
  appealListItem,
  customerCredit,
  distribution,
  inspector,
  marketing,
  model,
  run,
  storePage,
  violations,
} from './credit-test-fixtures.tsx';
import { CreditDistributionPage } from './Distribution.tsx';
import { CreditModelEditorPage } from './ModelEditor.tsx';
import { CreditRunDetailPage } from './RunDetail.tsx';
import { ViolationsPage } from './Violations.tsx';

// ECharts is the browser's (shared/SupplyChart.tsx); here a chart says what it was given.
vi.mock('../../shared/SupplyChart.tsx', () => ({
  chartColors: { primary: '#1f5fbf' },
  SupplyChart: () => <div data-testid="chart" />,
}));

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const centreWrites = [
  'POST /api/v1/credit/models',
  'PUT /api/v1/credit/models/:id',
  'POST /api/v1/credit/models/:id/approve',
  'POST /api/v1/credit/models/preview',
  'POST /api/v1/credit/runs',
  'POST /api/v1/credit/runs/:id/publish',
];
const inspectorWrites = [
  'POST /api/v1/credit/violations',
  'POST /api/v1/credit/violations/import',
  'POST /api/v1/credit/violations/:id/void',
  'POST /api/v1/credit/appeals/:id/decision',
];

describe('信用分布', () => {
  it('shows the stores per level in force, by branch, and the stores behind a count', async () => {
    const fetchMock = stubApi({
      ...grants(),
      'GET /credit/distribution': { status: 200, body: distribution },
      'GET /credit/runs/12/stores': { status: 200, body: storePage },
    });
    renderAt('/credit', [{ path: '/credit', element: <CreditDistributionPage /> }], marketing);
    expect(await screen.findByText('2026-12-01 起生效的评价结果，共 2,000 户')).toBeTruthy();
    expect(screen.getByText('1,910')).toBeTruthy();
    expect(screen.getByText('95.5%')).toBeTruthy();

    fireEvent.click(screen.getByText('按分公司'));
    const row = (await screen.findByText('芗城分公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('1,150（95.8%）')).toBeTruthy();
    // AAA and B both have 8 stores here: the second is B's.
    fireEvent.click(within(row).getAllByText('8（0.7%）')[1] as HTMLElement);
    expect(await screen.findByText('芗城分公司 · B 级客户')).toBeTruthy();
    expect(await screen.findByText('红星便利')).toBeTruthy();
    const [call] = callsTo(fetchMock, 'GET', '/credit/runs/12/stores');
    expect(String(call?.[0])).toContain('level=B');
    expect(String(call?.[0])).toContain('branchId=3');
  });

  it('says so when no run is published yet', async () => {
    stubApi({
      ...grants(),
      'GET /credit/distribution': { status: 200, body: { total: 0, levels: [], runId: null, effectiveFrom: null } },
    });
    renderAt('/credit', [{ path: '/credit', element: <CreditDistributionPage /> }], marketing);
    expect(await screen.findByText('还没有发布过信用评价。评价发布后，这里显示各等级的户数。')).toBeTruthy();
  });
});

describe('信用模型', () => {
  it('edits a draft, previews the distribution on current data, saves and approves it', async () => {
    const draft = model({ id: 2, version: 2, status: 'draft', approvedAt: null });
    const fetchMock = stubApi({
      ...grants(...centreWrites),
      'GET /credit/models/2': { status: 200, body: draft },
      'POST /credit/models/preview': { status: 200, body: { total: 2000, levels: distribution.levels } },
      'PUT /credit/models/2': { status: 200, body: draft },
      'POST /credit/models/2/approve': { status: 200, body: { ...draft, status: 'approved' } },
    });
    renderAt('/credit/models/2', [{ path: '/credit/models/:id', element: <CreditModelEditorPage /> }], marketing);
    const lateRow = (await screen.findByDisplayValue('逾期结算')).closest('tr') as HTMLElement;
    expect(within(lateRow).getByText('late_payment').tagName).toBe('CODE');
    // The form opens for editing once the server says the user may save (useCan).
    await screen.findByText('保 存');
    const points = within(lateRow).getByLabelText('分值') as HTMLInputElement;
    fireEvent.focus(points);
    fireEvent.input(points, { target: { value: '-3' } });
    fireEvent.blur(points);

    fireEvent.click(await screen.findByText('预览分布'));
    expect(await screen.findByTestId('credit-preview')).toBeTruthy();
    const previewed = sentBody(callsTo(fetchMock, 'POST', '/credit/models/preview')[0]) as {
      definition: { rules: { rule: string; points: number; minCount?: number }[] };
    };
    expect(previewed.definition.rules.find((rule) => rule.rule === 'late_payment')?.points).toBe(-3);
    // What the form does not show is kept: the unmarked-price rule's count.
    expect(previewed.definition.rules.find((rule) => rule.rule === 'unmarked_prices')?.minCount).toBe(3);

    fireEvent.click(screen.getByText('保 存'));
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/credit/models/2')).toHaveLength(1));
    const saved = sentBody(callsTo(fetchMock, 'PUT', '/credit/models/2')[0]) as {
      name: string;
      definition: { bands: { min: number | null }[] };
    };
    expect(saved.name).toBe('信用评价模型（默认）');
    expect(saved.definition.bands.at(-1)?.min).toBeNull();

    fireEvent.click(screen.getByText('批 准'));
    fireEvent.click(await screen.findByText('确 定'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/credit/models/2/approve')).toHaveLength(1));
  });

  it('refuses bands out of order before asking the server', async () => {
    stubApi({
      ...grants(...centreWrites),
      'GET /credit/models/2': { status: 200, body: model({ id: 2, status: 'draft' }) },
    });
    renderAt('/credit/models/2', [{ path: '/credit/models/:id', element: <CreditModelEditorPage /> }], marketing);
    await screen.findByText('保 存');
    const aa = (await screen.findByLabelText('AA 最低分（含）')) as HTMLInputElement;
    fireEvent.focus(aa);
    fireEvent.input(aa, { target: { value: '130' } });
    fireEvent.blur(aa);
    expect(await screen.findByText('等级区间须从高到低，每档的最低分低于上一档')).toBeTruthy();
    expect((screen.getByText('保 存').closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an approved version read-only, without the write buttons', async () => {
    stubApi({ ...grants(...centreWrites), 'GET /credit/models/1': { status: 200, body: model() } });
    renderAt('/credit/models/1', [{ path: '/credit/models/:id', element: <CreditModelEditorPage /> }], marketing);
    expect(await screen.findByText('此版本已批准，只能查看；要修改请以它为基础新建版本。')).toBeTruthy();
    expect(screen.queryByText('保 存')).toBeNull();
    expect(screen.queryByText('批 准')).toBeNull();
  });
});

describe('信用评价', () => {
  it("shows a run's summary against last month and publishes it with an effective date", async () => {
    const fetchMock = stubApi({
      ...grants(...centreWrites),
      'GET /credit/runs/12': { status: 200, body: run() },
      'GET /credit/runs/11': {
        status: 200,
        body: run({
          id: 11,
          month: '2026-10',
          status: 'published',
          summary: { ...run().summary!, levels: distribution.levels },
        }),
      },
      'GET /credit/models': { status: 200, body: { items: [model()] } },
      'GET /credit/runs/12/stores': { status: 200, body: storePage },
      'POST /credit/runs/12/publish': { status: 200, body: run({ status: 'published', effectiveFrom: '2026-12-01' }) },
    });
    renderAt('/credit/runs/12', [{ path: '/credit/runs/:id', element: <CreditRunDetailPage /> }], marketing);
    expect(await screen.findByText('2026-11 信用评价')).toBeTruthy();
    expect(screen.getByText('AA 级占比由 0.5% 变为 2.9%，超过预警阈值')).toBeTruthy();
    expect(await screen.findByText('信用模型：信用评价模型（默认） · 第 1 版', { exact: false })).toBeTruthy();
    const movers = screen.getByText('变动最大的客户').closest('.ant-card') as HTMLElement;
    const mover = within(movers).getByText('红星便利').closest('tr') as HTMLElement;
    expect(within(mover).getByText('101.0')).toBeTruthy();
    expect(within(mover).getByText('84.0')).toBeTruthy();

    const branches = screen.getByText('各分公司升降').closest('.ant-card') as HTMLElement;
    const branch = within(branches).getByText('芗城分公司').closest('tr') as HTMLElement;
    fireEvent.click(within(branch).getByText('4'));
    expect(await screen.findByText('芗城分公司 · 降级客户')).toBeTruthy();
    await waitFor(() =>
      expect(String(callsTo(fetchMock, 'GET', '/credit/runs/12/stores')[0]?.[0])).toContain('moved=down'),
    );

    fireEvent.click(await screen.findByText('发 布'));
    const dialog = (await screen.findByText('发布评价结果')).closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(dialog).getByText('发 布'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/credit/runs/12/publish')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/credit/runs/12/publish')[0])).toEqual({ effectiveFrom: '2026-12-01' });
  });
});

describe('违规记录', () => {
  it('lists the records, voids one with a reason, and shows an import’s bad rows', async () => {
    const fetchMock = stubApi({
      ...grants(...inspectorWrites),
      'GET /credit/violations': { status: 200, body: violations },
      'POST /credit/violations/7/void': {
        status: 200,
        body: { id: 7, voidedAt: '2026-12-02T02:00:00Z', voidReason: '文书撤销' },
      },
      'POST /credit/violations/import': {
        status: 422,
        body: {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          code: 'CREDIT_VIOLATION_IMPORT_INVALID',
          detail: '2 行有误',
          errorCount: 1,
          errors: [{ row: 3, column: '许可证号', value: '350602999999', message: '没有这个许可证号的客户' }],
        },
      },
    });
    renderAt('/credit/violations', [{ path: '/credit/violations', element: <ViolationsPage /> }], inspector);
    const row = (await screen.findByText('漳烟专罚〔2026〕31号')).closest('tr') as HTMLElement;
    expect(within(row).getByText('违规进货')).toBeTruthy();
    expect(within(row).getByText('较重')).toBeTruthy();
    expect(screen.getByText('已作废：录入重复', { exact: false })).toBeTruthy();

    fireEvent.click(within(row).getByText('作废'));
    const dialog = await screen.findByRole('dialog', { name: '作废违规记录' });
    fireEvent.change(within(dialog).getByLabelText('作废原因'), { target: { value: '文书撤销' } });
    fireEvent.click(within(dialog).getByText('作 废'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/credit/violations/7/void')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/credit/violations/7/void')[0])).toEqual({ reason: '文书撤销' });

    fireEvent.click(screen.getByText('导入'));
    const importDialog = (await screen.findByText('导入违规记录')).closest('.ant-modal') as HTMLElement;
    expect(within(importDialog).getByText('下载导入模板').closest('a')?.getAttribute('href')).toBe(
      '/api/v1/credit/violations/import/template',
    );
    const input = importDialog.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'violations.xlsx')] } });
    fireEvent.click(within(importDialog).getByText('开始导入'));
    expect(await within(importDialog).findByText('没有这个许可证号的客户')).toBeTruthy();
    expect(within(importDialog).getByText('1 处错误，整份文件未导入：')).toBeTruthy();
  });

  it('offers a reader no write', async () => {
    stubApi({ ...grants(), 'GET /credit/violations': { status: 200, body: violations } });
    renderAt('/credit/violations', [{ path: '/credit/violations', element: <ViolationsPage /> }], marketing);
    await screen.findByText('漳烟专罚〔2026〕31号');
    expect(screen.queryByText('登记违规')).toBeNull();
    expect(screen.queryByText('导入')).toBeNull();
    expect(screen.queryByText('作 废')).toBeNull();
    expect(screen.queryByText('作废')).toBeNull();
  });
});

describe('信用申诉', () => {
  it('queues the open appeals with their deadlines and decides one with a note', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T02:00:00Z') });
    const fetchMock = stubApi({
      ...grants(...inspectorWrites),
      'GET /credit/appeals': {
        status: 200,
        body: {
          total: 2,
          page: 1,
          pageSize: 200,
          items: [
            appealListItem(),
            appealListItem({ id: 6, customerName: '金叶烟酒', dueOn: '2026-12-04', itemKey: null }),
          ],
        },
      },
      'GET /credit/appeals/5': { status: 200, body: appeal() },
      'POST /credit/appeals/5/decision': { status: 200, body: { ...appeal(), status: 'accepted' } },
    });
    renderAt(
      '/credit/appeals',
      [
        { path: '/credit/appeals', element: <AppealsPage /> },
        { path: '/credit/appeals/:id', element: <AppealDetailPage /> },
      ],
      inspector,
    );
    const late = (await screen.findByText('金叶烟酒')).closest('tr') as HTMLElement;
    expect(within(late).getByText('（已超期 3 天）')).toBeTruthy();
    expect(within(late).getByText('信用等级')).toBeTruthy();
    const first = screen.getByText('红星便利').closest('tr') as HTMLElement;
    expect(within(first).getByText('台账事项（订单 812）')).toBeTruthy();
    expect(within(first).getByText('（剩 15 天）')).toBeTruthy();
    vi.useRealTimers();

    fireEvent.click(screen.getByText('红星便利'));
    expect(await screen.findByText('信用申诉 · 红星便利')).toBeTruthy();
    expect(screen.getByText('逾期结算')).toBeTruthy();
    expect(screen.getByText('订单 812')).toBeTruthy();
    expect(document.querySelector('img[src="/api/v1/credit/appeals/5/photos/31"]')).toBeTruthy();
    fireEvent.click(await screen.findByText('采 纳'));
    expect(await screen.findByText('请填写处理说明')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('说明'), { target: { value: '核实银行回单，当天已结清' } });
    fireEvent.click(screen.getByText('采 纳'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/credit/appeals/5/decision')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/credit/appeals/5/decision')[0])).toEqual({
      outcome: 'accepted',
      note: '核实银行回单，当天已结清',
    });
  });
});

describe('360° 信用', () => {
  it('shows the level, the ledger reconciling to the score with its sources, caps, indicators and the appeal', async () => {
    stubApi({ ...grants(), 'GET /customers/280/credit': { status: 200, body: customerCredit } });
    renderCustomerTab(<CustomerCredit customerId={280} />, 'credit');
    expect(await screen.findByText('基础分 100.0 分，加减分合计 −16 分，得分 84.0 分。')).toBeTruthy();
    expect(screen.getByText('12 个月内严重违规：最高 B 级')).toBeTruthy();
    // A customer manager reads the kind and number of a violation; a ticket links to its page.
    expect(screen.getByText('违规记录 7').closest('a')).toBeNull();
    expect(screen.getByText('投诉工单 55').closest('a')?.getAttribute('href')).toBe('/tickets/55');
    expect(screen.getByText('申诉中')).toBeTruthy();
    expect(screen.getByText('92.5%')).toBeTruthy();
    expect(screen.getByText('40 个月')).toBeTruthy();
    // The appeal names its item: the ledger's 逾期结算, and the appeal card's.
    expect(screen.getAllByText('逾期结算')).toHaveLength(2);
    expect(screen.getByText('2026-10')).toBeTruthy();
  });

  it('says so when the store has no result yet', async () => {
    stubApi({
      ...grants(),
      'GET /customers/280/credit': {
        status: 200,
        body: { ...customerCredit, level: null, score: null, items: [], caps: [], history: [], appeal: null },
      },
    });
    renderCustomerTab(<CustomerCredit customerId={280} />, 'credit');
    expect(await screen.findByText('该客户还没有信用评价结果。')).toBeTruthy();
  });
});
