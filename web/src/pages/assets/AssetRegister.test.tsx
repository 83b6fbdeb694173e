import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderAt } from '../brand/brand-test-fixtures.tsx';
import { AssetDetailPage } from './AssetDetail.tsx';
import {
  cabinet,
  cabinetDetail,
  keeperOperations,
  manager,
  marketing,
  rackAtClosedStore,
} from './assets-test-fixtures.tsx';
import { AssetRegisterPage } from './index.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reference = {
  status: 200,
  body: {
    districts: [],
    branches: [
      { id: 3, name: '芗城分公司' },
      { id: 4, name: '龙文分公司' },
    ],
    managers: [],
    tags: [],
  },
};

const routes = [
  { path: '/terminal-assets', element: <AssetRegisterPage /> },
  { path: '/terminal-assets/:id', element: <AssetDetailPage /> },
];

function renderList(path = '/terminal-assets', user = marketing, operations = keeperOperations) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /assets': { status: 200, body: { items: [cabinet, rackAtClosedStore], total: 2 } },
    'GET /customers/reference': reference,
  });
  const router = renderAt(path, routes, user);
  return { fetchMock, router };
}

const lastListQuery = (fetchMock: ReturnType<typeof stubApi>) =>
  new URL(String(callsTo(fetchMock, 'GET', '/assets').at(-1)?.[0]), 'http://kewo').searchParams;

describe('AssetRegisterPage', () => {
  it('lists the fixtures with their type, holder, condition, audits and what needs doing', async () => {
    renderList();
    const row = (await screen.findByText('YG-2026-0041')).closest('tr') as HTMLElement;
    expect(within(row).getByText('烟柜')).toBeTruthy();
    expect(within(row).getByText('立式烟柜 1.2 米')).toBeTruthy();
    expect(within(row).getByText('1,800.00')).toBeTruthy();
    expect(within(row).getByText('在用')).toBeTruthy();
    expect(within(row).getByText('盘点逾期')).toBeTruthy();
    expect(within(row).getByText('芗城区好运便利店')).toBeTruthy();
    expect(within(row).getByText('完好')).toBeTruthy();
    const closed = screen.getByText('YJ-2026-0042').closest('tr') as HTMLElement;
    expect(within(closed).getByText('待回收')).toBeTruthy();
    expect(within(closed).getByText('损坏')).toBeTruthy();
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /登记资产/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导\s*入/ })).toBeTruthy();
  });

  it('reads its filters from the URL and sends them; the two work lists are a tick away', async () => {
    const { fetchMock, router } = renderList('/terminal-assets?type=cabinet&branch=3&overdue=1&page=2');
    await screen.findByText('YG-2026-0041');
    const query = lastListQuery(fetchMock);
    expect(query.get('type')).toBe('cabinet');
    expect(query.get('branchId')).toBe('3');
    expect(query.get('auditOverdue')).toBe('true');
    expect(query.get('offset')).toBe('20');
    fireEvent.click(screen.getByLabelText('只看待回收（客户已歇业或注销）'));
    await waitFor(() => expect(lastListQuery(fetchMock).get('recovery')).toBe('true'));
    expect(lastListQuery(fetchMock).get('offset')).toBe('0');
    expect(router.state.location.search).toContain('recovery=1');
  });

  it('offers no register, import or move to a role the server refuses them', async () => {
    renderList('/terminal-assets', manager, []);
    await screen.findByText('YG-2026-0041');
    expect(screen.queryByRole('button', { name: /登记资产/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导\s*入/ })).toBeNull();
    // The export is every reader's.
    expect(screen.getByRole('button', { name: /导\s*出/ })).toBeTruthy();
  });

  it('refuses a registration without its tag, type or value and sends nothing', async () => {
    const { fetchMock } = renderList();
    fireEvent.click(await screen.findByRole('button', { name: /登记资产/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('资产编号'), { target: { value: '柜 1' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByText('只能包含字母、数字及 - _ . /')).toBeTruthy();
    expect(within(drawer).getByText('请选择资产类型')).toBeTruthy();
    expect(within(drawer).getByText('请输入价值')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/assets')).toHaveLength(0);
  });
});

function renderDetail(user = marketing, operations = keeperOperations) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /assets/41': { status: 200, body: cabinetDetail },
    'GET /customers': {
      status: 200,
      body: { items: [{ id: 290, licenceNo: '350602100290', name: '芗城区新华烟酒店', branchName: '芗城分公司' }] },
    },
    'POST /assets/41/transfers': {
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'ASSET_STORE_NOT_ACTIVE',
        detail: '该客户已歇业或注销，不能接收资产。',
      },
    },
  });
  renderAt('/terminal-assets/41', routes, user);
  return fetchMock;
}

describe('AssetDetailPage', () => {
  it('shows where the fixture is and its history, newest first, with the audit’s visit and photo', async () => {
    renderDetail();
    expect(await screen.findByText('资产 YG-2026-0041')).toBeTruthy();
    expect(screen.getByText('芗城区好运便利店（350602100280）')).toBeTruthy();
    expect(screen.getByText('6 个月')).toBeTruthy();
    const entries = screen.getAllByTestId('asset-history-entry');
    expect(entries).toHaveLength(3);
    const audit = within(entries[0] as HTMLElement);
    expect(audit.getByText('盘点')).toBeTruthy();
    expect(audit.getByText('一般')).toBeTruthy();
    expect(audit.getByText('走访 #9001')).toBeTruthy();
    expect(audit.getByText('柜门松动')).toBeTruthy();
    expect((audit.getByRole('img') as HTMLImageElement).src).toContain('/api/v1/assets/photos/77');
    expect(within(entries[2] as HTMLElement).getByText('登记')).toBeTruthy();
  });

  it('offers the moves of a fixture at a store; a manager only the audit', async () => {
    renderDetail();
    expect(await screen.findByRole('button', { name: /^调\s*拨$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^收\s*回$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^报\s*废$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^盘\s*点$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^发\s*放$/ })).toBeNull();
    cleanup();
    renderDetail(manager, ['POST /api/v1/assets/:id/audits']);
    expect(await screen.findByRole('button', { name: /^盘\s*点$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^调\s*拨$/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^报\s*废$/ })).toBeNull();
  });

  it('transfers to a store found by name, and shows the server’s refusal in words', async () => {
    const fetchMock = renderDetail();
    fireEvent.click(await screen.findByRole('button', { name: /^调\s*拨$/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /^调\s*拨$/ }));
    expect(await within(dialog).findByText('请选择客户')).toBeTruthy();
    const picker = within(dialog).getByLabelText('调入客户');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '新华' } });
    fireEvent.click(await screen.findByText('芗城区新华烟酒店（350602100290）'));
    fireEvent.click(within(dialog).getByRole('button', { name: /^调\s*拨$/ }));
    expect(await within(dialog).findByText('该客户已歇业或注销，不能接收资产。')).toBeTruthy();
    const [call] = callsTo(fetchMock, 'POST', '/assets/41/transfers');
    expect(sentBody(call)).toEqual({ toCustomerId: 290, note: null });
    const search = new URL(String(callsTo(fetchMock, 'GET', '/customers').at(-1)?.[0]), 'http://kewo').searchParams;
    expect(search.get('status')).toBe('active');
  });
});
