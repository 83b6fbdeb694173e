import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, stubApi } from '../../test/api-stub.ts';
import { kpiRow, manager, marketing, programme, renderAt, summary } from './brand-test-fixtures.tsx';
import { BrandProgrammesPage } from './index.tsx';
import { ProgrammeDetailPage } from './ProgrammeDetail.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reference = {
  status: 200,
  body: { districts: [], branches: [{ id: 3, name: '芗城分公司' }], managers: [], tags: [] },
};
const products = {
  status: 200,
  body: {
    items: programme.products.map((product) => ({
      ...product,
      priceClass: 2,
      wholesalePrice: 300,
      retailPrice: 350,
      status: 'active',
      isNew: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
    total: 2,
    nextCursor: null,
  },
};

// A row as the list answers it without the figures: they come from the programme's KPIs.
const bareSummary = {
  id: 8,
  name: '新品培育',
  status: 'draft',
  productIds: [11],
  startDate: '2026-12-07',
  endDate: '2027-01-31',
  goals: { shelvingRate: 0.5 },
  ownerId: 2,
  ownerName: '营销中心 林',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

function renderList(user = marketing, operations: string[] = ['POST /api/v1/brand-programmes']) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /brand-programmes': { status: 200, body: { items: [summary, bareSummary] } },
    'GET /brand-programmes/8/kpis': {
      status: 200,
      body: { rows: [kpiRow({ targetStores: 300, shelvingRate: 0.1, sellThroughRate: null })], definitions: [] },
    },
    'GET /products': products,
    'GET /services/items': { status: 200, body: { items: [] } },
    'GET /customers/reference': reference,
  });
  renderAt(
    '/brand-programmes',
    [
      { path: '/brand-programmes', element: <BrandProgrammesPage /> },
      { path: '/brand-programmes/:id', element: <ProgrammeDetailPage /> },
    ],
    user,
  );
  return fetchMock;
}

describe('BrandProgrammesPage', () => {
  it('lists the programmes with their status, period, products and 上柜率/动销率 against the goals', async () => {
    renderList();
    const row = (await screen.findByText('七匹狼（通系列）品牌培育')).closest('tr') as HTMLElement;
    expect(within(row).getByText('进行中')).toBeTruthy();
    expect(within(row).getByText('2026-10-05 至 2026-12-27')).toBeTruthy();
    expect(within(row).getByText('七匹狼(通仙)、七匹狼(通天)')).toBeTruthy();
    expect(within(row).getByText('2,000 店')).toBeTruthy();
    expect(within(row).getByText('61.7%')).toBeTruthy();
    expect(within(row).getByText('/ 85.0%')).toBeTruthy();
    expect(within(row).getByText('65.2%')).toBeTruthy();
    const draft = screen.getByText('新品培育').closest('tr') as HTMLElement;
    expect(within(draft).getByText('草稿')).toBeTruthy();
    expect(await within(draft).findByText('300 店')).toBeTruthy();
    expect(within(draft).getByText('10.0%')).toBeTruthy();
    expect(within(draft).getByText('七匹狼(通仙)')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /新建项目/ })).toBeTruthy();
  });

  it('offers 新建 only to a role the server lets create', async () => {
    renderList(manager, []);
    await screen.findByText('七匹狼（通系列）品牌培育');
    expect(screen.queryByRole('button', { name: /新建项目/ })).toBeNull();
  });

  it('shows what is wrong at each field and sends nothing', async () => {
    const fetchMock = renderList();
    fireEvent.click(await screen.findByRole('button', { name: /新建项目/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('上柜率目标'), { target: { value: '150' } });
    fireEvent.change(within(drawer).getByLabelText('存销比下限'), { target: { value: '2' } });
    fireEvent.change(within(drawer).getByLabelText('存销比上限'), { target: { value: '1' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByText('请输入项目名称')).toBeTruthy();
    expect(within(drawer).getByText('请至少选择一个目标产品')).toBeTruthy();
    expect(within(drawer).getByText('请选择开始日期')).toBeTruthy();
    expect(within(drawer).getByText('请输入 0–100 之间的百分数')).toBeTruthy();
    expect(within(drawer).getByText('存销比下限不能大于上限')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/brand-programmes')).toHaveLength(0);
  });
});

function renderDetailForEditing() {
  return stubApi({
    ...grants('PATCH /api/v1/brand-programmes/:id'),
    'GET /brand-programmes/7': { status: 200, body: programme },
    'GET /brand-programmes/7/kpis': { status: 200, body: { rows: [], definitions: [] } },
    'GET /products': products,
    'GET /services/items': { status: 200, body: { items: [] } },
    'GET /customers/reference': reference,
    'GET /users/directory': {
      status: 200,
      body: {
        items: [
          { id: 2, name: '营销中心 林', role: 'marketing', orgUnitName: '漳州市烟草公司' },
          { id: 31, name: '客户经理 陈', role: 'manager', orgUnitName: '龙海营销部' },
        ],
      },
    },
    'PATCH /brand-programmes/7': {
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'BRAND_PROGRAMME_CLOSED',
        detail: '项目已结束，不能再修改',
      },
    },
  });
}

describe('ProgrammeEditor on a saved programme', () => {
  it('refuses an end before the start and sends nothing', async () => {
    const fetchMock = renderDetailForEditing();
    renderAt('/brand-programmes/7', [{ path: '/brand-programmes/:id', element: <ProgrammeDetailPage /> }], marketing);
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const drawer = await screen.findByRole('dialog');
    const end = within(drawer).getByLabelText('结束日期');
    fireEvent.mouseDown(end);
    fireEvent.change(end, { target: { value: '2026-10-01' } });
    fireEvent.keyDown(end, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(callsTo(fetchMock, 'PATCH', '/brand-programmes/7')).toHaveLength(0);
  });

  it('offers the staff directory as owners, searched on the server, and sends the one chosen', async () => {
    const fetchMock = renderDetailForEditing();
    renderAt('/brand-programmes/7', [{ path: '/brand-programmes/:id', element: <ProgrammeDetailPage /> }], marketing);
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const drawer = await screen.findByRole('dialog');
    const owner = within(drawer).getByLabelText('负责人');
    fireEvent.mouseDown(owner);
    fireEvent.change(owner, { target: { value: '陈' } });
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/users/directory?q=%E9%99%88'))).toBe(true),
    );
    fireEvent.click(await screen.findByText('客户经理 陈 · 客户经理 · 龙海营销部'));
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/brand-programmes/7')).toHaveLength(1));
    const [call] = callsTo(fetchMock, 'PATCH', '/brand-programmes/7');
    expect(JSON.parse(String(call?.[1]?.body))).toMatchObject({ ownerId: 31 });
  });

  it('sends the goals back as fractions, and shows the server’s problem in the form', async () => {
    const fetchMock = renderDetailForEditing();
    renderAt('/brand-programmes/7', [{ path: '/brand-programmes/:id', element: <ProgrammeDetailPage /> }], marketing);
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const drawer = await screen.findByRole('dialog');
    expect((within(drawer).getByLabelText('项目名称') as HTMLInputElement).value).toBe(programme.name);
    expect((within(drawer).getByLabelText('上柜率目标') as HTMLInputElement).value).toBe('85');
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByTestId('programme-editor-problem')).toBeTruthy();
    expect(within(drawer).getByText('项目已结束，不能再修改')).toBeTruthy();
    const [call] = callsTo(fetchMock, 'PATCH', '/brand-programmes/7');
    expect(JSON.parse(String(call?.[1]?.body))).toMatchObject({
      name: programme.name,
      productIds: [11, 12],
      goals: { shelvingRate: 0.85, sellThroughRate: 0.6, stockToSales: { min: 0.5, max: 1.5 } },
      segment: { classes: ['demonstration', 'growth'] },
    });
    await waitFor(() => expect(callsTo(fetchMock, 'PATCH', '/brand-programmes/7')).toHaveLength(1));
  });
});
