import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { testManager } from '../../test/customer-tab.tsx';
import { renderAt } from '../brand/brand-test-fixtures.tsx';
import type { FeedbackItem, FeedbackSummary } from './consumer-feedback.api.ts';
import { FeedbackQueuePage } from './FeedbackQueuePage.tsx';
import { FeedbackSummaryPage, recentMonths } from './FeedbackSummaryPage.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (extra: Partial<FeedbackItem> = {}): FeedbackItem => ({
  id: 51,
  customerId: 280,
  storeName: '芗城便民店',
  licenceNo: '350602100280',
  branchId: 3,
  branchName: '芗城分公司',
  ticketId: 901,
  productId: 11,
  productName: '七匹狼(通仙)',
  topic: 'availability',
  text: '顾客说最近买不到这款烟',
  hasPhoto: false,
  state: 'open',
  responseDueAt: '2026-12-08T02:00:00.000Z',
  answer: null,
  answeredAt: null,
  answeredByName: null,
  answeredInTime: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  ...extra,
});

const answerOperation = 'POST /api/v1/consumer-feedback/:id/answer';

function renderQueue(operations: string[]) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /consumer-feedback': {
      status: 200,
      body: {
        items: [
          item(),
          item({ id: 52, storeName: '胜利烟酒行', topic: 'price', state: 'overdue' }),
          item({
            id: 53,
            storeName: '新华商店',
            state: 'answered',
            answer: '已补货',
            answeredAt: '2026-12-07T03:00:00.000Z',
            answeredInTime: true,
          }),
        ],
        total: 3,
      },
    },
    'GET /org-units': { status: 200, body: { items: [] } },
    'GET /products': { status: 200, body: { items: [{ id: 11, name: '七匹狼(通仙)' }] } },
    'POST /consumer-feedback/51/answer': {
      status: 200,
      body: item({ state: 'answered', answer: '下周到货', answeredAt: '2026-12-07T04:00:00.000Z' }),
    },
  });
  renderAt('/consumer-feedback', [{ path: '/consumer-feedback', element: <FeedbackQueuePage /> }], testManager);
  return fetchMock;
}

describe('FeedbackQueuePage', () => {
  it('shows each item’s topic, product, state and due time, unanswered first as the server orders them', async () => {
    const fetchMock = renderQueue([answerOperation]);
    const row = (await screen.findByText('芗城便民店')).closest('tr') as HTMLElement;
    expect(within(row).getByText('货源')).toBeTruthy();
    expect(within(row).getByText('七匹狼(通仙)')).toBeTruthy();
    expect(within(row).getByText('待答复')).toBeTruthy();
    const overdue = screen.getByText('胜利烟酒行').closest('tr') as HTMLElement;
    expect(within(overdue).getByText('已超时')).toBeTruthy();
    const answered = screen.getByText('新华商店').closest('tr') as HTMLElement;
    expect(within(answered).getByText('时限内')).toBeTruthy();
    expect(within(answered).queryByRole('button', { name: /答\s*复/ })).toBeNull();
    // The queue opens on the unanswered items.
    expect(String(callsTo(fetchMock, 'GET', '/consumer-feedback')[0][0])).toContain('state=open');
  });

  it('answers the store', async () => {
    const fetchMock = renderQueue([answerOperation]);
    const row = (await screen.findByText('芗城便民店')).closest('tr') as HTMLElement;
    fireEvent.click(await within(row).findByRole('button', { name: /答\s*复/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '下周到货' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /答\s*复/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/consumer-feedback/51/answer')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/consumer-feedback/51/answer')[0])).toEqual({ answer: '下周到货' });
  });

  it('offers no answer to a role the server refuses', async () => {
    renderQueue([]);
    const row = (await screen.findByText('芗城便民店')).closest('tr') as HTMLElement;
    expect(within(row).queryByRole('button', { name: /答\s*复/ })).toBeNull();
  });
});

const summary: FeedbackSummary = {
  month: '2026-12',
  rows: [
    {
      productId: 11,
      productName: '七匹狼(通仙)',
      counts: { price: 3, quality: 1, availability: 5, packaging: 0, other: 0 },
      total: 9,
    },
    {
      productId: null,
      productName: null,
      counts: { price: 0, quality: 0, availability: 0, packaging: 0, other: 2 },
      total: 2,
    },
  ],
  topicTotals: { price: 3, quality: 1, availability: 5, packaging: 0, other: 2 },
  total: 11,
  answered: 8,
  answeredInTime: 7,
  overdue: 1,
};

describe('FeedbackSummaryPage', () => {
  it('shows the month by product and topic, and links the .xlsx', async () => {
    stubApi({ 'GET /consumer-feedback/summary': { status: 200, body: summary } });
    renderAt(
      '/consumer-feedback/summary',
      [{ path: '/consumer-feedback/summary', element: <FeedbackSummaryPage /> }],
      testManager,
    );
    const row = (await screen.findAllByText('七匹狼(通仙)'))
      .map((cell) => cell.closest('tr'))
      .find(Boolean) as HTMLElement;
    expect(within(row).getByText('9')).toBeTruthy();
    expect(screen.getAllByText('未指明规格').length).toBeGreaterThan(0);
    const link = screen.getByRole('link', { name: /导出 Excel/ });
    expect(link.getAttribute('href')).toMatch(/\/api\/v1\/consumer-feedback\/summary\/export\?month=\d{4}-\d{2}/);
  });

  it('lists the last twelve Beijing months, the latest first', () => {
    expect(recentMonths(new Date('2026-12-31T17:00:00Z'), 3)).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});
