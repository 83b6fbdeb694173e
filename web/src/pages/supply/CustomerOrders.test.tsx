import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { CustomerOrders } from './components/CustomerOrders.tsx';
import type { CustomerOrder, PurchaseTrend } from './supply.api.ts';

const order = (overrides: Partial<CustomerOrder>): CustomerOrder => ({
  orderId: 1,
  cycleId: 49,
  cycleCode: '2026-W49',
  weekStart: '2026-11-30',
  channel: 'online',
  status: 'submitted',
  lineCount: 3,
  quantity: 12,
  total: 2_345.6,
  settlementStatus: null,
  settlementLateDays: null,
  createdAt: '2026-12-01T02:10:00.000Z',
  updatedAt: '2026-12-01T02:10:00.000Z',
  ...overrides,
});

// Three weeks with orders out of thirteen: the ten others must show as 0.
const trendWithGaps: PurchaseTrend = {
  from: '2026-09-07',
  to: '2026-11-30',
  weeks: [
    { weekStart: '2026-09-14', quantity: 8, amount: 1_200 },
    { weekStart: '2026-10-26', quantity: 5, amount: 640.5 },
    { weekStart: '2026-11-30', quantity: 12, amount: 2_345.6 },
  ],
};

const renderTab = () => renderCustomerTab(<CustomerOrders customerId={280} />, 'orders');

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CustomerOrders', () => {
  it('lists the store’s orders by cycle week, with lines, cartons, amount, status and channel', async () => {
    const fetchMock = stubApi({
      'GET /customers/280/orders': {
        status: 200,
        body: {
          total: 12,
          items: [
            order({}),
            order({
              orderId: 2,
              cycleId: 48,
              cycleCode: '2026-W48',
              weekStart: '2026-11-23',
              channel: 'phone',
              status: 'cancelled',
              lineCount: 1,
              quantity: 2,
              total: 90,
            }),
          ],
        },
      },
      'GET /customers/280/purchase-trend': { status: 200, body: trendWithGaps },
    });
    renderTab();
    const rows = await screen.findAllByTestId('customer-order-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    // The week as a store owner says it, with its dates (in the console's date format), not "2026-W49".
    expect(first.getByRole('link', { name: /^12月第1周（2026.11.30 至 2026.12.06）$/ }).getAttribute('href')).toBe(
      '/supply/cycles/49',
    );
    expect(first.getByText('3')).toBeTruthy();
    expect(first.getByText('12')).toBeTruthy();
    expect(first.getByText('¥2,345.60')).toBeTruthy();
    expect(first.getByText('已提交')).toBeTruthy();
    expect(first.getByText('网上')).toBeTruthy();
    const second = within(rows[1]);
    expect(second.getByText(/^11月第4周（2026.11.23 至 2026.11.29）$/)).toBeTruthy();
    expect(second.getByText('已取消')).toBeTruthy();
    expect(second.getByText('电话')).toBeTruthy();
    expect(screen.getByText('共 12 笔订单')).toBeTruthy();
    // The page is asked for with bounded paging.
    const url = String(fetchMock.mock.calls.find(([input]) => String(input).includes('/orders'))?.[0]);
    expect(url).toContain('limit=10');
    expect(url).toContain('offset=0');
  });

  it('draws the 13-week trend with the weeks without orders at 0', async () => {
    stubApi({
      'GET /customers/280/orders': { status: 200, body: { total: 1, items: [order({})] } },
      'GET /customers/280/purchase-trend': { status: 200, body: trendWithGaps },
    });
    renderTab();
    expect((await screen.findByTestId('purchase-trend-totals')).textContent).toBe(
      '13 周中 3 周有订货，共 25 条、¥4,186.10',
    );
    // echarts is loaded with the chart: on a busy machine that takes a while.
    const chart = await screen.findByTestId('purchase-trend-chart', undefined, { timeout: 30_000 });
    // Every one of the 13 weeks is on the axis, the empty ones too (9月第2周 … 12月第1周).
    await waitFor(() => expect(chart.querySelectorAll('text').length).toBeGreaterThan(13), { timeout: 30_000 });
    const labels = [...chart.querySelectorAll('text')].map((text) => text.textContent);
    for (const week of ['9月第2周', '9月第3周', '10月第1周', '11月第4周', '12月第1周']) {
      expect(labels, week).toContain(week);
    }
    expect(labels.filter((label) => /^\d+月第\d周$/.test(label ?? ''))).toHaveLength(13);
  });

  it('says so when the store has no orders, and draws no chart', async () => {
    stubApi({
      'GET /customers/280/orders': { status: 200, body: { total: 0, items: [] } },
      'GET /customers/280/purchase-trend': {
        status: 200,
        body: { from: '2026-09-07', to: '2026-11-30', weeks: [] },
      },
    });
    renderTab();
    expect(await screen.findByText('该客户还没有订单')).toBeTruthy();
    expect(await screen.findByText('近13周没有订货')).toBeTruthy();
    expect(screen.queryByTestId('purchase-trend-chart')).toBeNull();
    expect(screen.queryAllByTestId('customer-order-row')).toHaveLength(0);
  });

  it('shows the server’s refusal instead of an empty list', async () => {
    const notFound = {
      status: 404,
      code: 'NOT_FOUND',
      title: '未找到',
      detail: '要找的记录不存在。',
      type: 'about:blank',
    };
    stubApi({
      'GET /customers/280/orders': { status: 404, body: notFound },
      'GET /customers/280/purchase-trend': { status: 404, body: notFound },
    });
    renderTab();
    expect(await screen.findAllByText('要找的记录不存在。')).toHaveLength(2);
    expect(screen.queryByText('该客户还没有订单')).toBeNull();
  });
});
