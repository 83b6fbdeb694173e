import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { CustomerServiceRequests } from './components/CustomerServiceRequests.tsx';
import type { ServiceRequest } from './visits.api.ts';

const request = (overrides: Partial<ServiceRequest>): ServiceRequest => ({
  id: 9,
  customerId: 280,
  customerName: '芗城便民店',
  itemId: 5,
  itemName: '品牌培育大课堂',
  category: 'brand',
  note: '希望下周安排',
  status: 'open',
  requestedAt: '2026-11-28T02:00:00.000Z',
  fulfilledAt: null,
  fulfilledVisitId: null,
  ...overrides,
});

const renderTab = () => renderCustomerTab(<CustomerServiceRequests customerId={280} />, 'serviceRequests');

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CustomerServiceRequests', () => {
  it('lists every request of the store with what became of it', async () => {
    const fetchMock = stubApi({
      'GET /services/requests': {
        status: 200,
        body: {
          total: 2,
          items: [
            request({}),
            request({
              id: 4,
              itemName: '陈列指导',
              category: 'image',
              note: '',
              status: 'fulfilled',
              requestedAt: '2026-10-10T02:00:00.000Z',
              fulfilledAt: '2026-10-15T03:00:00.000Z',
              fulfilledVisitId: 77,
            }),
          ],
        },
      },
    });
    renderTab();
    const rows = await screen.findAllByTestId('customer-service-request-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByText('品牌培育大课堂')).toBeTruthy();
    expect(first.getByText('品牌培育')).toBeTruthy();
    expect(first.getByText('希望下周安排')).toBeTruthy();
    expect(first.getByText('待处理')).toBeTruthy();
    const second = within(rows[1]);
    expect(second.getByText('陈列指导')).toBeTruthy();
    expect(second.getByText('终端形象')).toBeTruthy();
    expect(second.getByText('已完成')).toBeTruthy();
    // The fulfilling visit opens from its date.
    expect(second.getByTitle('查看走访记录')).toBeTruthy();
    expect(screen.getByText('共 2 条')).toBeTruthy();
    const url = String(fetchMock.mock.calls.find(([input]) => String(input).includes('/services/requests'))?.[0]);
    expect(url).toContain('customerId=280');
    expect(url).toContain('limit=10');
    expect(url).not.toContain('status=');
  });

  it('says so when the store has asked for nothing', async () => {
    stubApi({ 'GET /services/requests': { status: 200, body: { total: 0, items: [] } } });
    renderTab();
    expect(await screen.findByText('该客户还没有申请过服务')).toBeTruthy();
    expect(screen.queryAllByTestId('customer-service-request-row')).toHaveLength(0);
  });

  it('shows the server’s refusal instead of an empty list', async () => {
    stubApi({
      'GET /services/requests': {
        status: 404,
        body: { status: 404, code: 'NOT_FOUND', title: '未找到', detail: '要找的记录不存在。', type: 'about:blank' },
      },
    });
    renderTab();
    expect(await screen.findByText('要找的记录不存在。')).toBeTruthy();
  });
});
