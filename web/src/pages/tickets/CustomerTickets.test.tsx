import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketListItem } from '../../shared/tickets.api.ts';
import { stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { CustomerTickets } from './components/CustomerTickets.tsx';

const ticket = (overrides: Partial<TicketListItem>): TicketListItem => ({
  id: 41,
  type: 'complaint',
  channel: 'portal',
  status: 'in_progress',
  priority: 'normal',
  storeName: '芗城便民店',
  licenceNo: '350602100280',
  categoryName: '送货服务',
  assigneeName: '客服 林',
  description: '送货迟到两小时，烟箱有破损',
  createdAt: '2026-11-28T02:00:00.000Z',
  firstRespondedAt: '2026-11-28T03:00:00.000Z',
  firstResponseDueAt: '2026-11-29T02:00:00.000Z',
  firstResponseSla: 'met',
  resolvedAt: null,
  resolutionDueAt: '2026-12-01T02:00:00.000Z',
  resolutionSla: 'breached',
  escalated: true,
  rating: null,
  ...overrides,
});

const renderTab = () => renderCustomerTab(<CustomerTickets customerId={280} />, 'tickets');

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CustomerTickets', () => {
  it('lists the store’s tickets with status and SLA, each linking to the ticket', async () => {
    const fetchMock = stubApi({
      'GET /tickets': {
        status: 200,
        body: {
          total: 2,
          items: [
            ticket({}),
            ticket({
              id: 17,
              type: 'suggestion',
              status: 'closed',
              categoryName: '产品质量',
              description: '希望多投放细支烟',
              firstResponseSla: 'met',
              resolutionSla: 'met',
              resolvedAt: '2026-11-02T02:00:00.000Z',
              escalated: false,
            }),
          ],
        },
      },
    });
    renderTab();
    const rows = await screen.findAllByTestId('customer-ticket-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: '#41' }).getAttribute('href')).toBe('/tickets/41');
    expect(first.getByText(/投诉 · 送货服务/)).toBeTruthy();
    expect(first.getByText('处理中')).toBeTruthy();
    expect(first.getByText('已升级')).toBeTruthy();
    expect(first.getByText('达标')).toBeTruthy();
    expect(first.getByText('超时')).toBeTruthy();
    const second = within(rows[1]);
    expect(second.getByRole('link', { name: '#17' }).getAttribute('href')).toBe('/tickets/17');
    expect(second.getByText('已关闭')).toBeTruthy();
    expect(second.getAllByText('达标')).toHaveLength(2);
    expect(second.queryByText('已升级')).toBeNull();
    // Only this store's tickets, a bounded page at a time.
    const url = String(fetchMock.mock.calls[0]?.[0]);
    expect(url).toContain('customerId=280');
    expect(url).toContain('limit=10');
    expect(url).toContain('offset=0');
  });

  it('says so when the store has no tickets', async () => {
    stubApi({ 'GET /tickets': { status: 200, body: { total: 0, items: [] } } });
    renderTab();
    expect(await screen.findByText('该客户还没有投诉建议')).toBeTruthy();
    expect(screen.queryAllByTestId('customer-ticket-row')).toHaveLength(0);
  });

  it('shows the server’s refusal instead of an empty list', async () => {
    stubApi({
      'GET /tickets': {
        status: 404,
        body: { status: 404, code: 'NOT_FOUND', title: '未找到', detail: '要找的记录不存在。', type: 'about:blank' },
      },
    });
    renderTab();
    expect(await screen.findByText('要找的记录不存在。')).toBeTruthy();
    expect(screen.queryByText('该客户还没有投诉建议')).toBeNull();
  });
});
