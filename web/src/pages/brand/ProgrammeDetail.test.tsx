import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, type StubRoutes, stubApi } from '../../test/api-stub.ts';
import { definitions, kpiRow, manager, marketing, programme, renderAt } from './brand-test-fixtures.tsx';
import { ProgrammeDetailPage } from './ProgrammeDetail.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const weeks = [
  kpiRow({ key: '2026-10-05', label: 'W41 10/05', shelvingRate: 0.2, sellThroughRate: null }),
  kpiRow({ key: '2026-10-12', label: 'W42 10/12', shelvingRate: 0.45, sellThroughRate: 0.4 }),
];
const branches = [
  kpiRow({ key: '3', label: '芗城分公司', targetStores: 800, stockedStores: 600, shelvingRate: 0.75 }),
  kpiRow({ key: '4', label: '龙文分公司', targetStores: 1200, stockedStores: 634, shelvingRate: 0.528 }),
];

// The stub answers a path whatever its query; the KPIs differ by groupBy, so they are answered here.
function renderDetail(user = marketing, operations: string[] = [], extra: StubRoutes = {}) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /brand-programmes/7': { status: 200, body: programme },
    'GET /customers/reference': { status: 200, body: { districts: [], branches: [], managers: [], tags: [] } },
    'GET /brand-programmes/7/stores': {
      status: 200,
      body: {
        total: 1,
        items: [
          {
            customerId: 280,
            code: '350602100280',
            name: '芗城便民店',
            managerId: 5,
            managerName: '客户经理 陈',
            branchName: '芗城分公司',
            class: 'growth',
            format: 'convenience',
            grade: 18,
            lastOrderedWeek: '2026-11-23',
            orderedCartons: 12,
            stockCartons: 9,
            weeklySalesCartons: 3,
            stockToSalesRatio: 3,
            status: 'over_stock',
            reason: '库存 9 条，约 3 周的销量，高于目标上限 1.5',
          },
        ],
      },
    },
    ...extra,
  });
  const server = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/v1/brand-programmes/7/kpis') {
      const groupBy = url.searchParams.get('groupBy');
      const rows = groupBy === 'week' ? weeks : groupBy === 'none' ? [kpiRow()] : branches;
      return new Response(JSON.stringify({ rows, definitions }), { headers: { 'content-type': 'application/json' } });
    }
    return server(input, init);
  });
  renderAt('/brand-programmes/7', [{ path: '/brand-programmes/:id', element: <ProgrammeDetailPage /> }], user);
  return fetchMock;
}

describe('ProgrammeDetailPage', () => {
  it('shows each KPI with its goal and the counts it comes from, in Chinese number format', async () => {
    renderDetail();
    const shelving = await screen.findByTestId('kpi-card-shelvingRate');
    expect(within(shelving).getByText('61.7%')).toBeTruthy();
    expect(within(shelving).getByText('目标 85.0%')).toBeTruthy();
    expect(within(shelving).getByText('完成 72.6%')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-counts-shelvingRate')).getByText('1,234 / 2,000 店')).toBeTruthy();
    // On the shelf, side by side with the orders' figure.
    const observed = screen.getByTestId('kpi-card-shelvingRateObserved');
    expect(within(observed).getByText('55.0%')).toBeTruthy();
    expect(within(observed).getByText('1,100 / 2,000 店')).toBeTruthy();
    const sellThrough = screen.getByTestId('kpi-card-sellThroughRate');
    expect(within(sellThrough).getByText('65.2%')).toBeTruthy();
    expect(within(sellThrough).getByText('805 / 1,234 店')).toBeTruthy();
    expect(within(sellThrough).getByText('未动销 429 店')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-card-repeatRate')).getByText('450 / 900 店')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-card-quotaFill')).getByText('4,500 / 5,000 条')).toBeTruthy();
    expect(within(screen.getByTestId('kpi-card-fullLineRate')).getByText('300 / 1,200 行')).toBeTruthy();
    const ratio = screen.getByTestId('kpi-card-stockToSalesRatio');
    expect(within(ratio).getByText('1.8')).toBeTruthy();
    expect(within(ratio).getByText('目标 0.5–1.5')).toBeTruthy();
    expect(within(ratio).getByText('超出目标区间')).toBeTruthy();
    // The definition travels with the figure (the tooltip's icon names it).
    expect(within(shelving).getByLabelText('期内订购过目标产品的目标客户 ÷ 目标客户（在营）')).toBeTruthy();
    // The weekly progress chart (its data: groupBy=week).
    expect(await screen.findByTestId('brand-progress-chart')).toBeTruthy();
    // The grouped table, by branch first, and its export.
    expect(await screen.findByText('龙文分公司')).toBeTruthy();
    const exportLink = screen.getByRole('link', { name: /导出 Excel/ });
    expect(exportLink.getAttribute('href')).toBe('/api/v1/brand-programmes/7/kpis.xlsx?groupBy=branch');
    // The checklist as ticked on visits: done on 3 of the 4 visits that carried it.
    expect(
      within(screen.getByTestId('programme-visit-checks')).getByText(/通系列卖点课堂 · 3\/4 次走访完成/),
    ).toBeTruthy();
  });

  it('opens the stores behind a figure, with the reason', async () => {
    const fetchMock = renderDetail();
    fireEvent.click(await screen.findByTestId('kpi-stores-over_stock'));
    expect(await screen.findByText('库存 9 条，约 3 周的销量，高于目标上限 1.5')).toBeTruthy();
    expect(screen.getByText('芗城便民店')).toBeTruthy();
    const [call] = callsTo(fetchMock, 'GET', '/brand-programmes/7/stores');
    expect(String(call?.[0])).toContain('status=over_stock');
  });

  it('offers 结束 (with a confirmation) to marketing on an active programme, and nothing to a manager', async () => {
    const fetchMock = renderDetail(marketing, [
      'POST /api/v1/brand-programmes/:id/activate',
      'POST /api/v1/brand-programmes/:id/close',
      'PATCH /api/v1/brand-programmes/:id',
    ]);
    fireEvent.click(await screen.findByRole('button', { name: /结\s*束/ }));
    expect(await screen.findByText('结束后项目不能再编辑，确定结束？')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /启\s*动/ })).toBeNull();
    expect(callsTo(fetchMock, 'POST', '/brand-programmes/7/close')).toHaveLength(0);
    cleanup();
    vi.unstubAllGlobals();
    renderDetail(manager, []);
    await screen.findByTestId('kpi-card-shelvingRate');
    expect(screen.queryByRole('button', { name: /结\s*束/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
  });
});
