import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { ConsumerFeedbackPage } from './ConsumerFeedbackPage.tsx';
import type { PortalFeedbackItem } from './consumer-feedback.api.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const retailer = {
  id: 900,
  username: '350602100280',
  displayName: '芗城便民店',
  role: 'retailer',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: null,
  scope: { kind: 'customer', customerId: 280 },
  mustChangePassword: false,
} as unknown as CurrentUser;

const answered: PortalFeedbackItem = {
  id: 51,
  productId: 11,
  productName: '七匹狼(通仙)',
  topic: 'availability',
  text: '顾客说最近买不到这款烟',
  hasPhoto: false,
  state: 'answered',
  responseDueAt: '2026-12-08T02:00:00.000Z',
  answer: '已协调货源，下周到货',
  answeredAt: '2026-12-07T04:00:00.000Z',
  createdAt: '2026-12-07T02:00:00.000Z',
};

function renderPage() {
  renderPortalPages(
    [{ path: '/portal/mine/consumer-feedback', element: <ConsumerFeedbackPage /> }],
    '/portal/mine/consumer-feedback',
    retailer,
  );
}

describe('ConsumerFeedbackPage', () => {
  it('shows the store’s items with the answers', async () => {
    stubApi({
      'GET /portal/consumer-feedback': { status: 200, body: { items: [answered], total: 1 } },
      'GET /portal/consumer-feedback/products': { status: 200, body: { items: [] } },
    });
    renderPage();
    expect((await screen.findByTestId('portal-feedback-answer')).textContent).toContain('已协调货源，下周到货');
    expect(screen.getByTestId('portal-feedback-item').textContent).toContain('货源 · 七匹狼(通仙)');
  });

  it('relays a consumer’s words with a topic and a product', async () => {
    const fetchMock = stubApi({
      'GET /portal/consumer-feedback': { status: 200, body: { items: [], total: 0 } },
      'GET /portal/consumer-feedback/products': {
        status: 200,
        body: { items: [{ id: 11, name: '七匹狼(通仙)', brand: '七匹狼', active: true }] },
      },
      'POST /portal/consumer-feedback': {
        status: 201,
        body: { id: 52, responseDueAt: '2026-12-08T02:00:00.000Z' },
      },
    });
    renderPage();
    expect(await screen.findByText('还没有反馈过消费者意见')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('意见主题'));
    fireEvent.click(await screen.findByTitle('价格'));
    fireEvent.mouseDown(screen.getByLabelText('卷烟规格（可不选）'));
    fireEvent.click(await screen.findByTitle('七匹狼(通仙)'));
    fireEvent.change(screen.getByLabelText('顾客怎么说'), { target: { value: '顾客嫌价格高' } });
    fireEvent.click(screen.getByRole('button', { name: /^提\s*交$/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/consumer-feedback')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/consumer-feedback')[0])).toEqual({
      topic: 'price',
      productId: 11,
      text: '顾客嫌价格高',
    });
  });

  it('shows the server’s words when the text is refused', async () => {
    stubApi({
      'GET /portal/consumer-feedback': { status: 200, body: { items: [], total: 0 } },
      'GET /portal/consumer-feedback/products': { status: 200, body: { items: [] } },
      'POST /portal/consumer-feedback': {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'CONSUMER_FEEDBACK_TEXT_TOO_LONG',
          detail: '内容最多 2000 个字（现有 2001 个字），请精简后再提交。',
        },
      },
    });
    renderPage();
    fireEvent.mouseDown(await screen.findByLabelText('意见主题'));
    fireEvent.click(await screen.findByTitle('其他'));
    fireEvent.change(screen.getByLabelText('顾客怎么说'), { target: { value: '很长' } });
    fireEvent.click(screen.getByRole('button', { name: /^提\s*交$/ }));
    expect(await screen.findByText(/内容最多 2000 个字/)).toBeTruthy();
  });
});
