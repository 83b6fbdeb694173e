import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab, testManager } from '../../test/customer-tab.tsx';
import { renderAt } from '../brand/brand-test-fixtures.tsx';
import { ApplicationsPage } from './ApplicationsPage.tsx';
import { CustomerTerminal } from './components/CustomerTerminal.tsx';
import { InspectionFormPage, tallyInspection } from './InspectionFormPage.tsx';
import { MapPage, mapSeries } from './MapPage.tsx';
import { StoresPage } from './StoresPage.tsx';
import { TiersPage } from './TiersPage.tsx';
import { application, awardedStore, higherTier, inspection, storeTerminal, tier } from './terminals-test-fixtures.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tiersReply = { status: 200, body: { items: [higherTier, tier] } };

describe('ApplicationsPage', () => {
  function renderApplications(operations: string[]) {
    const fetchMock = stubApi({
      ...grants(...operations),
      'GET /terminals/tiers': tiersReply,
      'GET /terminals/applications': {
        status: 200,
        body: {
          items: [application(), application({ id: 42, customerName: '胜利烟酒行', status: 'reviewed' })],
          total: 2,
        },
      },
      'POST /terminals/applications/41/review': { status: 200, body: application({ status: 'reviewed' }) },
    });
    renderAt(
      '/terminal-applications',
      [{ path: '/terminal-applications', element: <ApplicationsPage /> }],
      testManager,
    );
    return fetchMock;
  }

  it('shows each application’s status in words and the step the role may take', async () => {
    const fetchMock = renderApplications([
      'POST /api/v1/terminals/applications/:id/review',
      'POST /api/v1/terminals/inspections',
    ]);
    const row = (await screen.findByText('芗城便民店')).closest('tr') as HTMLElement;
    expect(within(row).getByText('待分公司审核')).toBeTruthy();
    expect(within(row).getByText('零售户申报')).toBeTruthy();
    const reviewed = screen.getByText('胜利烟酒行').closest('tr') as HTMLElement;
    expect(within(reviewed).getByText('待营销中心审批')).toBeTruthy();
    // A manager reviews, but does not approve: no approval button on the reviewed row.
    expect(within(reviewed).queryByRole('button', { name: /^审\s*批$/ })).toBeNull();
    expect(within(row).getByRole('link', { name: '验收' }).getAttribute('href')).toBe(
      '/terminal-inspections/new?customerId=280&tierId=3',
    );
    fireEvent.click(within(row).getByRole('button', { name: /^审\s*核$/ }));
    fireEvent.change(await screen.findByLabelText('审核意见（选填）'), { target: { value: '情况属实' } });
    fireEvent.click(screen.getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/terminals/applications/41/review')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/terminals/applications/41/review')[0])).toEqual({
      approve: true,
      note: '情况属实',
    });
  });

  it('offers no review, approval or inspection to a role the server refuses them', async () => {
    renderApplications([]);
    await screen.findByText('芗城便民店');
    expect(screen.queryByRole('button', { name: /^审\s*核$/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^审\s*批$/ })).toBeNull();
    expect(screen.queryByRole('link', { name: '验收' })).toBeNull();
  });
});

describe(tallyInspection.name, () => {
  it.each<{
    case: string;
    results: Parameters<typeof tallyInspection>[1];
    score: number;
    isComplete: boolean;
    isPassing: boolean;
  }>([
    { case: 'nothing entered', results: {}, score: 0, isComplete: false, isPassing: false },
    {
      case: 'all met, enough points',
      results: {
        licence: { passed: true, score: null },
        visible: { passed: true, score: 18 },
        clean: { passed: true, score: 15 },
      },
      score: 33,
      isComplete: true,
      isPassing: false,
    },
    {
      case: 'a mandatory item failed, whatever the points',
      results: {
        licence: { passed: false, score: null },
        visible: { passed: true, score: 20 },
        clean: { passed: true, score: 20 },
      },
      score: 40,
      isComplete: true,
      isPassing: false,
    },
  ])('$case', ({ results, score, isComplete, isPassing }) => {
    const low = { ...tier, passScore: 60 };
    const tally = tallyInspection(low, results);
    expect(tally).toMatchObject({ score, isComplete });
    expect(tally.isPassing).toBe(isPassing);
    expect(tallyInspection({ ...tier, passScore: 30 }, results).isPassing).toBe(
      score >= 30 && results.licence?.passed === true,
    );
  });
});

describe('InspectionFormPage', () => {
  it('lists the tier’s checklist, keeps the running score, and holds the submit until all is entered', async () => {
    stubApi({
      ...grants('POST /api/v1/terminals/inspections'),
      'GET /terminals/tiers': tiersReply,
      'GET /customers/280': { status: 200, body: { name: '芗城便民店', licenceNo: '350602100280' } },
    });
    renderAt(
      '/terminal-inspections/new?customerId=280&tierId=3',
      [{ path: '/terminal-inspections/new', element: <InspectionFormPage /> }],
      testManager,
    );
    expect(await screen.findByText('芗城便民店（350602100280）')).toBeTruthy();
    expect(await screen.findAllByTestId('inspection-item')).toHaveLength(3);
    const submit = screen.getByRole('button', { name: /提交验收/ });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('显眼度 得分'), { target: { value: '18' } });
    fireEvent.blur(screen.getByLabelText('显眼度 得分'));
    await waitFor(() => expect(screen.getByTestId('inspection-tally').textContent).toContain('当前得分 18'));
    expect(screen.getByText('每一项都须填写结果，计分项须打分，并上传至少 3 张照片。')).toBeTruthy();
  });
});

describe('StoresPage', () => {
  it('lists the benchmark stores with their next re-inspection, overdue marked', async () => {
    stubApi({
      ...grants(),
      'GET /terminals/tiers': tiersReply,
      'GET /terminals/stores': { status: 200, body: { items: [awardedStore], total: 1 } },
      'GET /terminals/re-inspections-due': { status: 200, body: { items: [], total: 0, dueBy: '2027-01-06' } },
    });
    renderAt('/terminal-stores', [{ path: '/terminal-stores', element: <StoresPage /> }], testManager);
    const row = (await screen.findByText('芗城便民店')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已逾期')).toBeTruthy();
    expect(within(row).getByText('品牌示范店')).toBeTruthy();
    expect(within(row).queryByRole('link', { name: '复查' })).toBeNull();
    fireEvent.click(screen.getByText('30 天内待复查'));
    expect(await screen.findByText('近期没有待复查的标杆店')).toBeTruthy();
  });
});

describe('MapPage', () => {
  it('colours the points by tier, one series each, and counts per branch', async () => {
    const map = {
      tiers: [
        { id: 2, name: '品牌精品店', rank: 3 },
        { id: 3, name: '品牌示范店', rank: 2 },
      ],
      points: [
        [280, 117.65, 24.51, 3],
        [281, 117.66, 24.52, 2],
        [282, 117.67, 24.53, 3],
      ],
    };
    const series = mapSeries(map);
    expect(series.map((one) => [one.name, one.data.length])).toEqual([
      ['品牌精品店', 1],
      ['品牌示范店', 2],
    ]);
    expect(series[1].data[0]).toEqual([117.65, 24.51, 280]);
    stubApi({
      'GET /terminals/map': { status: 200, body: map },
      'GET /terminals/summary': {
        status: 200,
        body: {
          tiers: map.tiers,
          branches: [{ branchId: 3, branchName: '芗城分公司', total: 1234, counts: [{ tierId: 3, count: 1234 }] }],
          totals: [{ tierId: 3, count: 1234 }],
          total: 1234,
        },
      },
    });
    renderAt('/terminal-map', [{ path: '/terminal-map', element: <MapPage /> }], testManager);
    const row = (await screen.findByText('芗城分公司')).closest('tr') as HTMLElement;
    expect(within(row).getAllByText('1,234')).toHaveLength(2);
    expect(screen.getByText('标杆店分布图（3 家）')).toBeTruthy();
  });
});

describe('TiersPage', () => {
  it('shows each tier’s standard; the edit buttons only to the marketing centre', async () => {
    stubApi({ ...grants(), 'GET /terminals/tiers': tiersReply });
    renderAt('/terminal-tiers', [{ path: '/terminal-tiers', element: <TiersPage /> }], testManager);
    expect(await screen.findAllByTestId('tier-card')).toHaveLength(2);
    expect(screen.getAllByText('亮证经营、明码标价')).toHaveLength(2);
    expect(screen.getAllByText('5,000 元')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /新增等级/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑/ })).toBeNull();
  });

  it('saves an edited standard with its items', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/terminals/tiers', 'PUT /api/v1/terminals/tiers/:id'),
      'GET /terminals/tiers': { status: 200, body: { items: [tier] } },
      'PUT /terminals/tiers/3': { status: 200, body: tier },
    });
    renderAt('/terminal-tiers', [{ path: '/terminal-tiers', element: <TiersPage /> }], testManager);
    fireEvent.click(await screen.findByRole('button', { name: /编辑/ }));
    expect(await screen.findByText('编辑等级：品牌示范店')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'PUT', '/terminals/tiers/3')).toHaveLength(1));
    const body = sentBody(callsTo(fetchMock, 'PUT', '/terminals/tiers/3')[0]) as {
      items: unknown[];
      passScore: number;
    };
    expect(body.passScore).toBe(60);
    expect(body.items).toHaveLength(3);
  });
});

describe('CustomerTerminal', () => {
  it('shows the tier held, its overdue re-inspection and the inspections', async () => {
    stubApi({
      ...grants('POST /api/v1/terminals/inspections'),
      'GET /customers/280/terminal': { status: 200, body: storeTerminal },
    });
    renderCustomerTab(<CustomerTerminal customerId={280} />, 'terminal');
    expect((await screen.findByTestId('customer-tier')).textContent).toBe('品牌示范店');
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.getByText('授牌')).toBeTruthy();
    expect(screen.getByText('已授牌')).toBeTruthy();
    expect(screen.getByRole('link', { name: '复查' }).getAttribute('href')).toBe(
      '/terminal-inspections/new?customerId=280&tierId=3',
    );
    expect(screen.queryByRole('button', { name: /代为申报/ })).toBeNull();
    expect(inspection.photoIds).toHaveLength(3);
  });
});
