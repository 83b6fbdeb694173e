import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AfterVisitSubmit } from '../../app/page-module.ts';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { cabinet, rackAtClosedStore } from './assets-test-fixtures.tsx';
import { CustomerAssets } from './components/CustomerAssets.tsx';
import { auditsOf, VisitAssetCheck } from './components/VisitAssetCheck.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const returned = { ...cabinet, id: 43, tag: 'YT-2026-0043', type: 'cover' as const, status: 'in_stock' as const };
const storeAssets = { status: 200, body: { items: [cabinet, rackAtClosedStore, returned], total: 3 } };

describe('CustomerAssets (360° tab)', () => {
  it('lists the fixtures the store holds, their worth and what needs doing', async () => {
    stubApi({ 'GET /customers/280/assets': storeAssets });
    renderCustomerTab(<CustomerAssets customerId={280} />, 'assets');
    const tab = await screen.findByTestId('customer-assets');
    expect(within(tab).getByText('共 2 件，价值 2,100.00 元')).toBeTruthy();
    const row = within(tab).getByText('YG-2026-0041').closest('tr') as HTMLElement;
    expect(within(row).getByText('烟柜 · 立式烟柜 1.2 米')).toBeTruthy();
    expect(within(row).getByText('盘点逾期')).toBeTruthy();
    expect(within(tab).getByText('待回收')).toBeTruthy();
    // Back in the store room: no longer the store's.
    expect(within(tab).queryByText('YT-2026-0043')).toBeNull();
    expect(within(tab).getByRole('link', { name: '资产台账' }).getAttribute('href')).toBe('/terminal-assets?store=280');
  });

  it('says so when the store holds none', async () => {
    stubApi({ 'GET /customers/280/assets': { status: 200, body: { items: [], total: 0 } } });
    renderCustomerTab(<CustomerAssets customerId={280} />, 'assets');
    expect(await screen.findByText('该客户没有在用的资产。')).toBeTruthy();
  });
});

describe(auditsOf.name, () => {
  it('audits only the fixtures confirmed, with their condition and photo, on the visit', () => {
    const checks = {
      41: { isChecked: true, condition: 'fair' as const, photoId: 5 },
      42: { isChecked: false, condition: 'missing' as const },
    };
    expect(auditsOf([cabinet, rackAtClosedStore], checks, 9001).map(({ asset, body }) => [asset.id, body])).toEqual([
      [41, { condition: 'fair', visitId: 9001, photoId: 5 }],
    ]);
    expect(auditsOf([cabinet], {}, 9001)).toEqual([]);
  });
});

describe('VisitAssetCheck (the visit form’s section)', () => {
  function renderCheck(operations: string[]) {
    const fetchMock = stubApi({
      ...grants(...operations),
      'GET /customers/280/assets': storeAssets,
      'POST /assets/41/audits': { status: 200, body: { ...cabinet, history: [] } },
    });
    let run: AfterVisitSubmit | null = null;
    const onAfterSubmit = vi.fn((_key: string, registered: AfterVisitSubmit | null) => {
      run = registered;
    });
    renderCustomerTab(<VisitAssetCheck customerId={280} onAfterSubmit={onAfterSubmit} />, 'assets');
    return { fetchMock, runAfterSubmit: (visitId: number) => (run as AfterVisitSubmit | null)?.(visitId) };
  }

  it('lists the store’s fixtures to confirm and audits those confirmed once the visit is saved', async () => {
    const { fetchMock, runAfterSubmit } = renderCheck(['POST /api/v1/assets/:id/audits']);
    const section = await screen.findByTestId('visit-asset-check');
    expect(within(section).getAllByTestId('visit-asset')).toHaveLength(2);
    fireEvent.click(within(section).getByLabelText('YG-2026-0041 · 烟柜 · 立式烟柜 1.2 米'));
    const condition = await within(section).findByLabelText('状况');
    fireEvent.mouseDown(condition);
    fireEvent.click(await screen.findByText('损坏', { selector: '.ant-select-item-option-content' }));
    await runAfterSubmit(9001);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/assets/41/audits')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/assets/41/audits')[0])).toEqual({
      condition: 'damaged',
      visitId: 9001,
    });
    expect(callsTo(fetchMock, 'POST', '/assets/42/audits')).toHaveLength(0);
  });

  it('shows nothing to a role that does not audit', async () => {
    renderCheck([]);
    await waitFor(() => expect(screen.queryByTestId('visit-asset-check')).toBeNull());
    expect(screen.queryByText('资产盘点')).toBeNull();
  });
});
