import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { callsTo, stubApi } from '../../test/api-stub.ts';
import { OrderHistoryPage } from './OrderHistoryPage.tsx';
import { OrderPage } from './OrderPage.tsx';
import type { PortalCycle, PortalOrder } from './order.api.ts';

function keyOf(call: unknown[]): string {
  return ((call[1] as RequestInit).headers as Record<string, string>)['Idempotency-Key'];
}

const retailer: CurrentUser = {
  id: 900,
  username: '350602100006',
  displayName: '红星便利',
  role: 'retailer',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: null,
  scope: { kind: 'customer', customerId: 6 },
  mustChangePassword: false,
} as unknown as CurrentUser;

const hour = 3_600_000;

function cycleWith(overrides: Partial<PortalCycle> = {}, remainingOfHard = 4): PortalCycle {
  return {
    cycleId: 7,
    cycleCode: '2026-W48',
    window: {
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + 3 * hour).toISOString(),
    },
    isOpen: true,
    lineCap: 500,
    items: [
      {
        productId: 11,
        code: '6901028075862',
        name: '中华(硬)',
        brand: '中华',
        priceClass: 1,
        wholesalePrice: 450.5,
        retailPrice: 500,
        isNew: false,
        quota: 6,
        ordered: 6 - remainingOfHard,
        remaining: remainingOfHard,
      },
      {
        productId: 12,
        code: '6901028001915',
        name: '芙蓉王(硬)',
        brand: '芙蓉王',
        priceClass: 2,
        wholesalePrice: 210.94,
        retailPrice: 260,
        isNew: true,
        quota: null,
        ordered: 0,
        remaining: null,
      },
    ],
    ...overrides,
  };
}

const receipt = {
  orderId: 501,
  lines: [{ productId: 11, code: '6901028075862', name: '中华(硬)', qty: 2, unitPrice: 450.5, amount: 901 }],
  total: 901,
};

function order(overrides: Partial<PortalOrder> = {}): PortalOrder {
  return {
    orderId: 501,
    cycleId: 7,
    cycleCode: '2026-W48',
    customerId: 6,
    customerName: '红星便利',
    licenceNo: '350602100006',
    quantity: 2,
    channel: 'online',
    status: 'submitted',
    total: 901,
    lines: receipt.lines,
    createdAt: '2026-11-24T01:00:00.000Z',
    updatedAt: '2026-11-24T01:00:00.000Z',
    settlement: null,
    ...overrides,
  };
}

function renderAt(entry: string) {
  const router = createMemoryRouter(
    [
      { path: '/portal/order', element: <OrderPage /> },
      { path: '/portal/orders', element: <OrderHistoryPage /> },
    ],
    { initialEntries: [entry] },
  );
  render(
    <AppProviders>
      <SignedInUserProvider user={retailer}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}

function row(name: string) {
  return screen.getByRole('article', { name });
}

function plus(name: string) {
  return within(row(name)).getByRole('button', { name: `增加 ${name}` });
}

function submitButton() {
  // (antd keeps its loading icon, named "loading", a moment after a request ends)
  return screen.getByRole('button', { name: /提交订单$/ });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  sessionStorage.clear();
});

describe('OrderPage', () => {
  it('lists the cycle by brand with price, quota and 新品, and keeps a running total in fen', async () => {
    stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [] } },
    });
    renderAt('/portal/order');

    // The cycle as a store owner says it (2026-W48 is 23–29 November).
    expect(await screen.findByText('11月第4周订货周期')).toBeTruthy();
    expect(screen.getByRole('region', { name: '中华' })).toBeTruthy();
    expect(within(row('中华(硬)')).getByText('¥450.50')).toBeTruthy();
    expect(within(row('中华(硬)')).getByText('限量 6')).toBeTruthy();
    expect(within(row('中华(硬)')).getByText('可订 4')).toBeTruthy();
    expect(within(row('芙蓉王(硬)')).getByText('不限量')).toBeTruthy();
    expect(within(row('芙蓉王(硬)')).getByText('新品')).toBeTruthy();
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(plus('芙蓉王(硬)'));
    fireEvent.click(plus('芙蓉王(硬)'));
    // 450.50 + 2 × 210.94 = 872.38
    expect(screen.getByText('¥872.38')).toBeTruthy();
    expect(screen.getByText('2 种 · 3 条')).toBeTruthy();
    expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
  });

  it('stops the stepper at what is left of the quota, tapping or typing', async () => {
    stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith({}, 2) },
      'GET /portal/orders': { status: 200, body: { items: [] } },
    });
    renderAt('/portal/order');
    await screen.findByText('可订 2');

    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(plus('中华(硬)'));
    expect((plus('中华(硬)') as HTMLButtonElement).disabled).toBe(true);
    const input = within(row('中华(硬)')).getByRole('textbox', { name: '中华(硬) 订购数量' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '9' } });
    expect(input.value).toBe('2');
    fireEvent.change(input, { target: { value: '' } });
    expect(input.value).toBe('');
    expect(screen.getByText('还未选择卷烟')).toBeTruthy();
  });

  it('submits once with an Idempotency-Key and confirms what the server acknowledged', async () => {
    const fetchMock = stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [] } },
      'POST /portal/orders': { status: 201, body: receipt },
    });
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(submitButton());

    expect(await screen.findByText('订单已提交')).toBeTruthy();
    expect(screen.getByText('订单号 501')).toBeTruthy();
    expect(screen.getByText('2 条 × ¥450.50')).toBeTruthy();
    expect(screen.getAllByText('¥901.00').length).toBeGreaterThan(0);
    const [post] = callsTo(fetchMock, 'POST', '/portal/orders');
    expect(JSON.parse(String(post[1]?.body))).toEqual({ lines: [{ productId: 11, qty: 2 }] });
    expect(keyOf(post)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries an unanswered submission with the same key, and a changed order with a new one', async () => {
    let postCount = 0;
    const fetchMock = stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [] } },
      'POST /portal/orders': () => {
        postCount += 1;
        return postCount < 3 ? { status: 0 } : { status: 201, body: receipt };
      },
    });
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(submitButton());
    expect(await screen.findByText(/订单可能已经送达/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/orders')).toHaveLength(2));
    await waitFor(() => expect((plus('中华(硬)') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(submitButton());
    await screen.findByText('订单已提交');

    const [first, retry, changed] = callsTo(fetchMock, 'POST', '/portal/orders').map(keyOf);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('after a reload, keeps the cart and retries an unconfirmed submission with its key', async () => {
    let isOnline = false;
    const fetchMock = stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [] } },
      'POST /portal/orders': () => (isOnline ? { status: 201, body: receipt } : { status: 0 }),
    });
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(plus('中华(硬)'));
    fireEvent.click(submitButton());
    await screen.findByText(/订单可能已经送达/);

    cleanup();
    isOnline = true;
    renderAt('/portal/order');
    expect(await screen.findByText(/上次提交没有收到确认/)).toBeTruthy();
    expect((within(row('中华(硬)')).getByRole('textbox') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    await screen.findByText('订单已提交');

    const [first, afterReload] = callsTo(fetchMock, 'POST', '/portal/orders').map(keyOf);
    expect(afterReload).toBe(first);
    // Acknowledged: nothing is left to restore.
    cleanup();
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    expect(screen.queryByText(/上次提交没有收到确认/)).toBeNull();
    expect(screen.getByText('还未选择卷烟')).toBeTruthy();
  });

  it('names and marks the product over its quota and shows the refreshed quota', async () => {
    let cycleReads = 0;
    const fetchMock = stubApi({
      'GET /portal/cycle': () => {
        cycleReads += 1;
        return { status: 200, body: cycleWith({}, cycleReads === 1 ? 4 : 1) };
      },
      'GET /portal/orders': { status: 200, body: { items: [] } },
      'POST /portal/orders': {
        status: 409,
        body: {
          status: 409,
          code: 'QUOTA_EXCEEDED',
          detail: '“中华(硬)”超出可订量：本次 3 条，剩余 1 条。',
        },
      },
    });
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    for (let tap = 0; tap < 3; tap += 1) fireEvent.click(plus('中华(硬)'));
    fireEvent.click(submitButton());

    expect(await screen.findByText('“中华(硬)”超出可订量：本次 3 条，剩余 1 条。')).toBeTruthy();
    expect(await within(row('中华(硬)')).findByText('可订 1')).toBeTruthy();
    expect(within(row('中华(硬)')).getByText('剩余可订 1 条，请减少数量')).toBeTruthy();
    expect(within(row('中华(硬)')).getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(fetchMock, 'GET', '/portal/cycle')).toHaveLength(2);

    fireEvent.click(within(row('中华(硬)')).getByRole('button', { name: /改为 1 条/ }));
    expect((within(row('中华(硬)')).getByRole('textbox') as HTMLInputElement).value).toBe('1');
  });

  it('tells the store the window closed when the server refuses at cutoff', async () => {
    stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [] } },
      'POST /portal/orders': {
        status: 409,
        body: { status: 409, code: 'ORDER_WINDOW_CLOSED', detail: '本周期订货已于 16:00 截止。' },
      },
    });
    renderAt('/portal/order');
    await screen.findByText('可订 4');
    fireEvent.click(plus('芙蓉王(硬)'));
    fireEvent.click(submitButton());
    expect(await screen.findByText('订货已截止')).toBeTruthy();
    expect(screen.getByText('本周期订货已于 16:00 截止。')).toBeTruthy();
  });

  it('shows a closed window as a notice with every input disabled', async () => {
    stubApi({
      'GET /portal/cycle': {
        status: 200,
        body: cycleWith({
          isOpen: false,
          window: {
            opensAt: new Date(Date.now() - 9 * hour).toISOString(),
            closesAt: new Date(Date.now() - hour).toISOString(),
          },
        }),
      },
      'GET /portal/orders': { status: 200, body: { items: [] } },
    });
    renderAt('/portal/order');
    expect(await screen.findByText('本周期订货已截止')).toBeTruthy();
    expect((plus('芙蓉王(硬)') as HTMLButtonElement).disabled).toBe(true);
    expect((within(row('芙蓉王(硬)')).getByRole('textbox') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '已截止' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when the cycle has no allocation for this store', async () => {
    stubApi({ 'GET /portal/cycle': { status: 200, body: cycleWith({ isOpen: false, items: [] }) } });
    renderAt('/portal/order');
    expect(await screen.findByText('11月第4周没有给本店投放货源')).toBeTruthy();
    expect(screen.queryByText('本周期订货已截止')).toBeNull();
  });

  it('says so when no cycle is open', async () => {
    stubApi({
      'GET /portal/cycle': { status: 404, body: { status: 404, code: 'NO_OPEN_CYCLE', detail: '暂无订货周期' } },
    });
    renderAt('/portal/order');
    expect(await screen.findByText('暂无可订货的周期')).toBeTruthy();
    expect(screen.getByRole('link', { name: /查看我的订单/ })).toBeTruthy();
  });

  it('changes an order from its quantities, allowing what the order already holds, with PUT', async () => {
    const fetchMock = stubApi({
      // 4 ordered of 6: 2 in this order, 2 left.
      'GET /portal/cycle': { status: 200, body: cycleWith({}, 2) },
      'GET /portal/orders': { status: 200, body: { items: [order()] } },
      'PUT /portal/orders/501': {
        status: 200,
        body: { ...receipt, lines: [{ ...receipt.lines[0], qty: 4, amount: 1802 }], total: 1802 },
      },
    });
    renderAt('/portal/order?edit=501');
    expect(await screen.findByText('正在修改订单 501')).toBeTruthy();
    const input = within(row('中华(硬)')).getByRole('textbox') as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('2'));
    fireEvent.change(input, { target: { value: '9' } });
    expect(input.value).toBe('4');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));

    expect(await screen.findByText('订单已修改')).toBeTruthy();
    const [put] = callsTo(fetchMock, 'PUT', '/portal/orders/501');
    expect(JSON.parse(String(put[1]?.body))).toEqual({ lines: [{ productId: 11, qty: 4 }] });
    expect(callsTo(fetchMock, 'POST', '/portal/orders')).toHaveLength(0);
  });
});

describe('OrderHistoryPage', () => {
  it('lists orders newest first with cycle, channel, status and total; lines on demand', async () => {
    stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': {
        status: 200,
        body: {
          items: [
            order({
              orderId: 400,
              cycleId: 6,
              cycleCode: '2026-W47',
              channel: 'phone',
              createdAt: '2026-11-17T01:00:00Z',
            }),
            order(),
            order({ orderId: 502, status: 'cancelled', createdAt: '2026-11-24T02:00:00Z' }),
          ],
        },
      },
    });
    renderAt('/portal/orders');
    await screen.findByText('订单号 501 · 提交于 2026-11-24 09:00');
    const cards = screen.getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      '11月第4周',
      '11月第4周',
      '11月第3周',
    ]);
    expect(within(cards[0]).getByText('已取消')).toBeTruthy();
    expect(within(cards[2]).getByText('电话')).toBeTruthy();
    expect(within(cards[1]).getByText('网上')).toBeTruthy();
    expect(within(cards[1]).getByText('¥901.00')).toBeTruthy();
    // Only the open cycle's submitted order can change.
    expect(within(cards[1]).queryByRole('button', { name: /^修\s*改$/ })).toBeTruthy();
    expect(within(cards[0]).queryByRole('button', { name: /^修\s*改$/ })).toBeNull();
    expect(within(cards[2]).queryByRole('button', { name: /^修\s*改$/ })).toBeNull();

    fireEvent.click(within(cards[2]).getByRole('button', { name: /查看明细/ }));
    expect(within(cards[2]).getByText('2 条 × ¥450.50')).toBeTruthy();
  });

  it('cancels an order after the store confirms, then reloads the list', async () => {
    let cancelled = false;
    const fetchMock = stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': () => ({
        status: 200,
        body: { items: [order(cancelled ? { status: 'cancelled' } : {})] },
      }),
      'DELETE /portal/orders/501': () => {
        cancelled = true;
        return { status: 204 };
      },
    });
    renderAt('/portal/orders');
    fireEvent.click(await screen.findByRole('button', { name: '取消订单' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('确定取消这笔订单吗？').length).toBeGreaterThan(0);
    expect(callsTo(fetchMock, 'DELETE', '/portal/orders/501')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消订单' }));

    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(callsTo(fetchMock, 'DELETE', '/portal/orders/501')).toHaveLength(1);
  });

  it('opens the order page to change an order', async () => {
    stubApi({
      'GET /portal/cycle': { status: 200, body: cycleWith() },
      'GET /portal/orders': { status: 200, body: { items: [order()] } },
    });
    const router = renderAt('/portal/orders');
    fireEvent.click(await screen.findByRole('button', { name: /^修\s*改$/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?edit=501'));
    expect(router.state.location.pathname).toBe('/portal/order');
  });
});
