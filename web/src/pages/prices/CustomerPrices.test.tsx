import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { CompliancePage } from './Compliance.tsx';
import { CustomerPrices } from './components/CustomerPrices.tsx';
import { marginRow, marketing, renderAt } from './prices-test-fixtures.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const { stores: _stores, ...storeRow } = marginRow({ key: '2026-W48', label: '2026-W48', margin: 0.1234 });

describe('CustomerPrices (360° tab)', () => {
  it('shows the store’s margin, its own index per product and the prices observed at it', async () => {
    stubApi({
      'GET /customers/280/prices': {
        status: 200,
        body: {
          customerId: 280,
          observations: [
            {
              source: 'retailer',
              productId: 11,
              productName: '七匹狼(通仙)',
              packPrice: 24,
              suggestedPackPrice: 25,
              index: 96,
              observedAt: '2026-12-01T03:00:00.000Z',
            },
          ],
          index: [
            {
              productId: 11,
              productName: '七匹狼(通仙)',
              observations: 3,
              meanPackPrice: 23.5,
              suggestedPackPrice: 25,
              index: 94,
            },
          ],
          margin: { rows: [storeRow], total: { ...storeRow, key: 'all', label: '合计' } },
        },
      },
    });
    renderCustomerTab(<CustomerPrices customerId={280} />, 'prices');
    expect((await screen.findAllByText('12.34%')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('10.50%').length).toBeGreaterThan(0);
    const indexCard = screen.getByText('本店价格指数（近 4 周）').closest('.ant-card') as HTMLElement;
    expect(within(indexCard).getByText('94.0').getAttribute('data-level')).toBe('yellow');
    expect(within(indexCard).getByText('¥23.50')).toBeTruthy();
    const observed = screen.getByText('本店价格采集').closest('.ant-card') as HTMLElement;
    expect(within(observed).getByText('客户自报')).toBeTruthy();
    expect(within(observed).getByText('¥24.00')).toBeTruthy();
    expect(within(observed).getByText('2026-12-01 11:00')).toBeTruthy();
  });

  it('says so when nothing was observed at the store', async () => {
    const empty = {
      ...storeRow,
      retailAmount: 0,
      wholesaleAmount: 0,
      margin: null,
      sources: null,
      lastYear: null,
      change: null,
    };
    stubApi({
      'GET /customers/280/prices': {
        status: 200,
        body: { customerId: 280, observations: [], index: [], margin: { rows: [], total: empty } },
      },
    });
    renderCustomerTab(<CustomerPrices customerId={280} />, 'prices');
    expect((await screen.findAllByText('本店暂无价格采集。')).length).toBe(2);
  });
});

describe('明码标价', () => {
  it('shows the marked-price rate by branch and the stores unmarked twice', async () => {
    const row = { key: '3', label: '芗城分公司', visits: 400, marked: 352, share: 0.88, failedStores: 6 };
    const fetchMock = stubApi({
      ...grants(),
      'GET /prices/compliance': {
        status: 200,
        body: {
          from: '2026-09-03',
          to: '2026-12-02',
          groupBy: 'branch',
          rows: [row],
          total: { ...row, key: 'all', label: '全市' },
        },
      },
      'GET /prices/compliance/repeat-failures': {
        status: 200,
        body: {
          items: [
            {
              customerId: 280,
              licenceNo: '350602100009',
              name: '红星便利',
              branchId: 3,
              branchName: '芗城分公司',
              managerId: 5,
              managerName: '客户经理 陈',
              classCode: null,
              visits: [
                { visitId: 2, checkInAt: '2026-11-30T02:00:00.000Z' },
                { visitId: 1, checkInAt: '2026-11-16T02:00:00.000Z' },
              ],
            },
          ],
          total: 1,
        },
      },
    });
    renderAt('/prices/compliance', [{ path: '/prices/compliance', element: <CompliancePage /> }], marketing);
    const cell = await screen.findByText('88.00%', { selector: '.ant-table-cell *' });
    expect(cell.closest('tr')?.textContent).toContain('芗城分公司');
    const store = await screen.findByRole('link', { name: '红星便利' });
    expect(store.getAttribute('href')).toBe('/customers/280?tab=prices');
    expect(screen.getByText('2026-11-30、2026-11-16')).toBeTruthy();
    // The server's clock, not the browser's: the first read asks for its default range (the 13 weeks
    // up to its today), and the picker shows the range the answer covers.
    expect(String(callsTo(fetchMock, 'GET', '/prices/compliance')[0]?.[0])).not.toMatch(/from=|to=/);
    expect(await screen.findByDisplayValue('2026-09-03')).toBeTruthy();
    expect(await screen.findByDisplayValue('2026-12-02')).toBeTruthy();
  });
});
