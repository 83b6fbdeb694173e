import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { PriceIndexPage } from './index.tsx';
import { MarginPage } from './Margin.tsx';
import { MarketChecksPage } from './MarketChecks.tsx';
import {
  allocationDraft,
  defaultRule,
  definition,
  indexRow,
  inspector,
  margin,
  marketing,
  observation,
  products,
  renderAt,
  warning,
} from './prices-test-fixtures.tsx';
import { WarningRulesPage } from './Rules.tsx';
import { WarningDetailPage } from './WarningDetail.tsx';
import { WarningsPage } from './Warnings.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const heat = {
  status: 200,
  body: {
    week: '2026-W49',
    weekStart: '2026-11-30',
    districts: [
      { ...indexRow({ key: '350602', label: '芗城区', index: 93.2 }) },
      { ...indexRow({ key: '350603', label: '龙文区', index: 101.4 }) },
    ],
    brands: [{ brand: '七匹狼', ...indexRow() }],
    cells: [{ districtCode: '350602', brand: '七匹狼', index: 92.1, observations: 12 }],
  },
};

describe('价格指数', () => {
  it('shows a product’s index by branch with the observations behind each figure', async () => {
    const fetchMock = stubApi({
      ...grants('GET /api/v1/prices/observations'),
      'GET /products': products,
      'GET /prices/index': {
        status: 200,
        body: { week: '2026-W49', currentWeek: '2026-W49', weekStart: '2026-11-30', rows: [indexRow()], definition },
      },
      'GET /prices/trend': { status: 200, body: { points: [] } },
      'GET /prices/heat': heat,
      'GET /prices/observations': { status: 200, body: { items: [observation], total: 42 } },
    });
    renderAt(
      '/prices/index?productId=11&week=2026-W49',
      [{ path: '/prices/index', element: <PriceIndexPage /> }],
      marketing,
    );
    const row = (await screen.findByText('芗城分公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('¥23.40')).toBeTruthy();
    expect(within(row).getByText('¥25.00')).toBeTruthy();
    expect(within(row).getByText('93.6').getAttribute('data-level')).toBe('yellow');
    expect(screen.getByText(definition.zh)).toBeTruthy();
    const [call] = callsTo(fetchMock, 'GET', '/prices/index');
    expect(String(call?.[0])).toContain('productId=11');
    expect(String(call?.[0])).toContain('week=2026-W49');
    expect(String(call?.[0])).toContain('groupBy=branch');
    // The district tiles, lowest first.
    expect((await screen.findAllByTestId('price-heat-cell')).length).toBeGreaterThan(0);

    fireEvent.click(await within(row).findByRole('button', { name: /查看采集明细/ }));
    expect(await screen.findByText('胜利路农贸市场')).toBeTruthy();
    expect(screen.getByText('市场检查')).toBeTruthy();
    // The server filters by the figure's own keys (the week, the product, the branch) and counts
    // as the index does, so the list's total is the figure's 42.
    const [drill] = callsTo(fetchMock, 'GET', '/prices/observations');
    const sent = new URL(String(drill?.[0]), 'http://localhost').searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      week: '2026-W49',
      counted: 'true',
      productId: '11',
      branchId: '3',
      limit: '50',
      offset: '0',
    });
    expect(screen.getByText('共 42 条')).toBeTruthy();
  });

  it('opens on the server’s current week, not the browser’s', async () => {
    const fetchMock = stubApi({
      ...grants('GET /api/v1/prices/observations'),
      'GET /products': products,
      'GET /prices/index': {
        status: 200,
        body: { week: '2026-W40', currentWeek: '2026-W40', weekStart: '2026-09-28', rows: [indexRow()], definition },
      },
      'GET /prices/trend': { status: 200, body: { points: [] } },
      'GET /prices/heat': heat,
    });
    renderAt('/prices/index?productId=11', [{ path: '/prices/index', element: <PriceIndexPage /> }], marketing);
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/prices/heat')).toHaveLength(1));
    const [first] = callsTo(fetchMock, 'GET', '/prices/index');
    expect(String(first?.[0])).not.toContain('week=');
    expect(String(callsTo(fetchMock, 'GET', '/prices/heat')[0]?.[0])).toContain('week=2026-W40');
    expect(String(callsTo(fetchMock, 'GET', '/prices/trend')[0]?.[0])).toContain('to=2026-W40');
    expect(await screen.findByText(/2026-W40 ·/)).toBeTruthy();
  });

  it('shows the weighted and the simple index side by side for a brand, without a drill-down for a manager', async () => {
    stubApi({
      ...grants(),
      'GET /products': products,
      'GET /prices/index': {
        status: 200,
        body: {
          week: '2026-W49',
          currentWeek: '2026-W49',
          weekStart: '2026-11-30',
          rows: [indexRow({ weightedIndex: 96.12, simpleIndex: 94.3, index: 96.12, weighting: 'sales', products: 2 })],
          definition,
        },
      },
      'GET /prices/trend': { status: 200, body: { points: [] } },
      'GET /prices/heat': heat,
    });
    renderAt(
      '/prices/index?subject=brand&brand=七匹狼',
      [{ path: '/prices/index', element: <PriceIndexPage /> }],
      marketing,
    );
    expect(await screen.findByText('加权指数')).toBeTruthy();
    expect(screen.getByText('简单指数')).toBeTruthy();
    expect(await screen.findByText('96.1')).toBeTruthy();
    expect(screen.getByText('94.3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /查看采集明细/ })).toBeNull();
  });
});

describe('价格预警', () => {
  it('lists the new warnings with their figures', async () => {
    const fetchMock = stubApi({ ...grants(), 'GET /prices/warnings': { status: 200, body: { items: [warning] } } });
    renderAt('/prices/warnings', [{ path: '/prices/warnings', element: <WarningsPage /> }], marketing);
    const link = await screen.findByRole('link', { name: '七匹狼(通仙)' });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('芗城区')).toBeTruthy();
    expect(within(row).getByText('持续 3 周')).toBeTruthy();
    expect(within(row).getByText('93.2')).toBeTruthy();
    expect(within(row).getByText('新预警')).toBeTruthy();
    expect(String(callsTo(fetchMock, 'GET', '/prices/warnings')[0]?.[0])).toContain('status=new');
  });

  it('acknowledges a warning and opens the next allocation with the region reduced', async () => {
    const fetchMock = stubApi({
      ...grants('PATCH /api/v1/prices/warnings/:id', 'GET /api/v1/prices/warnings/:id/allocation'),
      'GET /prices/warnings/31': { status: 200, body: warning },
      'PATCH /prices/warnings/31': { status: 200, body: { ...warning, status: 'acknowledged' } },
      'GET /prices/warnings/31/allocation': { status: 200, body: allocationDraft },
    });
    const router = renderAt(
      '/prices/warnings/31',
      [
        { path: '/prices/warnings/:id', element: <WarningDetailPage /> },
        { path: '/supply/cycles/:id', element: <p>cycle</p> },
      ],
      marketing,
    );
    expect(await screen.findByText('预警 · 七匹狼(通仙) · 芗城区')).toBeTruthy();
    expect(screen.getByText(warning.rule)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /确认预警/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/prices/warnings/31')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'PATCH', '/prices/warnings/31')[0])).toEqual({ status: 'acknowledged' });

    fireEvent.click(screen.getByRole('button', { name: /调整下期投放/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/supply/cycles/52'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('product')).toBe('11');
    expect(params.get('reduceDistricts')).toBe('350602');
    expect(params.get('factor')).toBe('0.7');
    expect(params.get('from')).toBe('warning:31');
  });

  it('asks for a note before recording the action, and offers no buttons to an inspector', async () => {
    stubApi({
      ...grants('PATCH /api/v1/prices/warnings/:id'),
      'GET /prices/warnings/31': { status: 200, body: { ...warning, status: 'acknowledged' } },
    });
    renderAt('/prices/warnings/31', [{ path: '/prices/warnings/:id', element: <WarningDetailPage /> }], marketing);
    fireEvent.click(await screen.findByRole('button', { name: /登记处置/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /登记处置/ }));
    expect(await within(dialog).findByText('请填写处置说明')).toBeTruthy();
    cleanup();

    stubApi({ ...grants(), 'GET /prices/warnings/31': { status: 200, body: warning } });
    renderAt('/prices/warnings/31', [{ path: '/prices/warnings/:id', element: <WarningDetailPage /> }], inspector);
    expect(await screen.findByText('预警 · 七匹狼(通仙) · 芗城区')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /确认预警|调整下期投放|登记处置|关闭预警/ })).toBeNull();
  });
});

describe('预警规则', () => {
  it('refuses a floor at or above its ceiling before sending anything', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/prices/warning-rules'),
      'GET /prices/warning-rules': { status: 200, body: { items: [], builtIn: defaultRule } },
      'GET /products': products,
    });
    renderAt('/prices/rules', [{ path: '/prices/rules', element: <WarningRulesPage /> }], marketing);
    expect(await screen.findByText('默认（全部产品） · 内置默认')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    const floor = within(dialog).getByLabelText('黄色下限');
    fireEvent.change(floor, { target: { value: '106' } });
    fireEvent.blur(floor);
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('下限须低于上限')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/prices/warning-rules')).toHaveLength(0);
  });
});

describe('市场检查', () => {
  it('asks before sending a price far from the suggested one, then sends it with confirm', async () => {
    let calls = 0;
    const fetchMock = stubApi({
      ...grants('POST /api/v1/prices/observations'),
      'GET /products': products,
      'GET /customers/reference': {
        status: 200,
        body: { districts: [{ code: '350602', name: '芗城区' }], branches: [], managers: [], tags: [] },
      },
      'GET /prices/observations': { status: 200, body: { items: [observation], total: 1 } },
      'POST /prices/observations': () => {
        calls += 1;
        return calls === 1
          ? {
              status: 409,
              body: {
                type: 'about:blank',
                title: 'Conflict',
                status: 409,
                code: 'PRICE_CONFIRMATION_REQUIRED',
                detail: '…',
              },
            }
          : { status: 201, body: { ...observation, packPrice: 90, flagged: true } };
      },
    });
    renderAt('/prices/market-checks', [{ path: '/prices/market-checks', element: <MarketChecksPage /> }], inspector);
    expect(await screen.findByText('胜利路农贸市场')).toBeTruthy();
    await screen.findByRole('button', { name: /提交采集/ });
    fireEvent.click(screen.getByRole('radio', { name: '市场采集点' }));
    fireEvent.change(await screen.findByLabelText('采集点名称'), { target: { value: '胜利路农贸市场' } });
    const district = screen.getByRole('combobox', { name: '所在区县' });
    fireEvent.mouseDown(district);
    fireEvent.click(await screen.findByTitle('芗城区'));
    const product = screen.getByRole('combobox', { name: '产品' });
    fireEvent.mouseDown(product);
    fireEvent.click(await screen.findByTitle('七匹狼(通仙) · 七匹狼'));
    expect(await screen.findByText('建议零售价 ¥25.00/包')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('零售价（元/包）'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: /提交采集/ }));
    expect((await screen.findAllByText('价格是否填写正确？')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/¥90.00\/包 与建议零售价 ¥25.00\/包/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getAllByRole('button', { name: /确认提交/ })[0] as HTMLElement);
    expect(await screen.findByText('已记录采集')).toBeTruthy();
    const sent = callsTo(fetchMock, 'POST', '/prices/observations').map(sentBody);
    expect(sent).toEqual([
      { productId: 11, packPrice: 90, marketPoint: '胜利路农贸市场', districtCode: '350602' },
      { productId: 11, packPrice: 90, marketPoint: '胜利路农贸市场', districtCode: '350602', confirm: true },
    ]);
  });
});

describe('价格采集记录', () => {
  it('lists every source, filtered and paged on the server', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/prices/observations'),
      'GET /products': products,
      'GET /customers/reference': {
        status: 200,
        body: {
          districts: [{ code: '350602', name: '芗城区' }],
          branches: [{ id: 3, name: '芗城分公司' }],
          managers: [],
          tags: [],
        },
      },
      'GET /prices/observations': {
        status: 200,
        body: {
          items: [
            { ...observation, id: 77, key: 'visit:77:11', source: 'visit', storeName: '芗城便民店', marketPoint: null },
          ],
          total: 45,
        },
      },
    });
    renderAt('/prices/market-checks', [{ path: '/prices/market-checks', element: <MarketChecksPage /> }], inspector);
    const list = await screen.findByTestId('price-observation-list');
    expect(await within(list).findByText('芗城便民店')).toBeTruthy();
    expect(within(list).getByText('走访采集')).toBeTruthy();
    expect(within(list).getByText('共 45 条')).toBeTruthy();
    const source = within(list).getByRole('combobox', { name: '来源' });
    fireEvent.mouseDown(source);
    fireEvent.click(await screen.findByTitle('客户自报'));
    const branch = within(list).getByRole('combobox', { name: '分公司' });
    fireEvent.mouseDown(branch);
    fireEvent.click(await screen.findByTitle('芗城分公司'));
    await waitFor(() => {
      const calls = callsTo(fetchMock, 'GET', '/prices/observations');
      const sent = new URL(String(calls.at(-1)?.[0]), 'http://localhost').searchParams;
      expect(Object.fromEntries(sent)).toEqual({ source: 'retailer', branchId: '3', limit: '20', offset: '0' });
    });
    fireEvent.click(within(list).getByTitle('2'));
    await waitFor(() => {
      const calls = callsTo(fetchMock, 'GET', '/prices/observations');
      expect(String(calls.at(-1)?.[0])).toContain('offset=20');
    });
  });
});

describe('零售毛利', () => {
  it('shows the year to date beside last year, and which retail price applied', async () => {
    const fetchMock = stubApi({ ...grants(), 'GET /prices/margin': { status: 200, body: margin } });
    renderAt('/prices/margin', [{ path: '/prices/margin', element: <MarginPage /> }], marketing);
    expect((await screen.findAllByText('11.76%')).length).toBeGreaterThan(0);
    // The year to date by the server's clock: no range asked for at first, the answer's shown.
    expect(String(callsTo(fetchMock, 'GET', '/prices/margin')[0]?.[0])).not.toMatch(/from=|to=/);
    expect(screen.getByDisplayValue('2026-01-01')).toBeTruthy();
    expect(screen.getByDisplayValue('2026-12-02')).toBeTruthy();
    expect(screen.getAllByText('+1.28 个百分点').length).toBeGreaterThan(0);
    const row = screen.getByText('芗城分公司').closest('tr') as HTMLElement;
    expect(within(row).getByText('11.80%')).toBeTruthy();
    expect(within(row).getByText('10.50%')).toBeTruthy();
    expect(within(row).getByText('本店 40% · 区县 50% · 建议 10%')).toBeTruthy();
  });
});
