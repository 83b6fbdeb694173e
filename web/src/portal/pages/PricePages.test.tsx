import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { PortalMarginPage } from './PortalMarginPage.tsx';
import { PriceReportPage, parsePackPrice } from './PriceReportPage.tsx';
import type { PortalMargin, SuggestedPrice } from './prices.api.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const retailer = {
  id: 900,
  username: '350602100009',
  displayName: '红星便利',
  role: 'retailer',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: null,
  scope: { kind: 'customer', customerId: 9 },
  mustChangePassword: false,
} as unknown as CurrentUser;

const item: SuggestedPrice = {
  productId: 11,
  code: '6901028000011',
  name: '七匹狼(通仙)',
  brand: '七匹狼',
  priceClass: 2,
  wholesaleCartonPrice: 210,
  suggestedCartonPrice: 250,
  suggestedPackPrice: 25,
  marginAtSuggested: 0.16,
  lastOrderedWeek: '2026-W48',
  cartonsOrdered: 12,
  lastObservedPackPrice: 24,
  lastObservedAt: '2026-11-30T02:00:00.000Z',
};

function renderPage(page: React.ReactElement, path = '/portal/mine/report-price') {
  renderPortalPages([{ path: '/portal/mine/*', element: page }], path, retailer);
}

describe('报价格', () => {
  it.each([
    ['23.5', 23.5],
    ['¥25', 25],
    ['24，80', 24.8],
    ['0', null],
    ['23.456', null],
    ['abc', null],
    ['', null],
  ])('reads %s as %s', (text, value) => expect(parsePackPrice(text)).toBe(value));

  it('sends a pack price; one far from the suggested asks first, then goes with confirm', async () => {
    let calls = 0;
    const fetchMock = stubApi({
      'GET /portal/prices/suggested': { status: 200, body: { items: [item] } },
      'POST /portal/prices': () => {
        calls += 1;
        return calls === 2
          ? {
              status: 409,
              body: {
                type: 'about:blank',
                title: 'Conflict',
                status: 409,
                code: 'PRICE_CONFIRMATION_REQUIRED',
                detail: '…',
              },
            }
          : { status: 201, body: { id: calls, observedAt: '2026-12-02T02:00:00.000Z', flagged: calls === 3 } };
      },
    });
    renderPage(<PriceReportPage />, '/portal/mine/report-price?productId=11');
    expect(await screen.findByTestId('portal-suggested-price')).toBeTruthy();
    expect(screen.getByText('建议零售价 ¥25.00/包')).toBeTruthy();
    const price = screen.getByLabelText('单包售价（元）');

    fireEvent.change(price, { target: { value: '23.456' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('请填写大于 0 的价格，最多两位小数')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/portal/prices')).toHaveLength(0);

    fireEvent.change(price, { target: { value: '24.5' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('已提交，感谢您的配合')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('单包售价（元）'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect((await screen.findAllByText('价格是否填写正确？')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getAllByRole('button', { name: /确认提交/ })[0] as HTMLElement);
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/prices')).toHaveLength(3));
    expect(callsTo(fetchMock, 'POST', '/portal/prices').map(sentBody)).toEqual([
      { productId: 11, packPrice: 24.5 },
      { productId: 11, packPrice: 90 },
      { productId: 11, packPrice: 90, confirm: true },
    ]);
  });
});

describe('我的毛利', () => {
  it('shows my margin beside last year’s, by week, and the suggested prices of what I buy', async () => {
    const row = {
      key: '2026-W48',
      label: '2026-W48',
      retailAmount: 3200,
      wholesaleAmount: 2820,
      margin: 0.11875,
      cartons: 14,
      sources: { own: 0.8, district: 0.2, suggested: 0 },
      lastYear: { retailAmount: 3000, wholesaleAmount: 2690, margin: 0.1033 },
      change: 0.0154,
    };
    const margin: PortalMargin = {
      from: '2026-09-07',
      to: '2026-12-02',
      by: 'week',
      rows: [row],
      total: { ...row, key: 'all', label: '合计' },
    };
    stubApi({
      'GET /portal/prices/margin': { status: 200, body: margin },
      'GET /portal/prices/suggested': { status: 200, body: { items: [item] } },
    });
    renderPage(<PortalMarginPage />, '/portal/mine/margin');
    expect((await screen.findByTestId('portal-margin-total')).textContent).toBe('11.88%');
    expect(screen.getByText('去年同期 10.33%')).toBeTruthy();
    expect((await screen.findByTestId('portal-margin-row')).textContent).toContain('本店采集价');
    const suggested = await screen.findByTestId('portal-suggested-row');
    expect(suggested.textContent).toContain('¥25.00');
    expect(suggested.getAttribute('href')).toBe('/portal/mine/report-price?productId=11');
  });
});
