import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import type { PortalCredit } from '../../shared/credit.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { customerCredit } from '../../test/credit-fixture.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { CreditAppealPage } from './CreditAppealPage.tsx';
import { CreditHomeCard } from './CreditHomeCard.tsx';
import { CreditPage } from './CreditPage.tsx';

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
  scope: { kind: 'customer', customerId: 280 },
  mustChangePassword: false,
} as unknown as CurrentUser;

const credit = (overrides: Partial<PortalCredit> = {}): PortalCredit => ({
  ...customerCredit,
  howToRaise: [{ kind: 'indicator', text: '按时结算率达到 95% 可加 1 分' }],
  ...overrides,
});

function renderAt(path: string) {
  return renderPortalPages(
    [
      { path: '/portal', element: <CreditHomeCard />, card: true },
      { path: '/portal/mine/credit', element: <CreditPage /> },
      { path: '/portal/mine/credit/appeal', element: <CreditAppealPage /> },
    ],
    path,
    retailer,
  );
}

describe('我的信用', () => {
  it("shows the level on the home and, on its page, the score, the tips, the ledger and the open appeal's deadline", async () => {
    stubApi({ 'GET /portal/credit': { status: 200, body: credit() } });
    const router = renderAt('/portal');
    expect(await screen.findByText('B 级 · 84.0 分 · 申诉处理中')).toBeTruthy();
    fireEvent.click(screen.getByTestId('portal-credit-card'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/mine/credit'));
    expect(await screen.findByText('按时结算率达到 95% 可加 1 分')).toBeTruthy();
    expect(screen.getByText('92.5%')).toBeTruthy();
    expect(screen.getByText('2026-12-22 前答复')).toBeTruthy();
    expect(screen.getByText('申诉中，暂不计分')).toBeTruthy();
    // One open appeal at a time: nothing more to appeal until it is decided.
    expect(screen.queryByText('申诉')).toBeNull();
    expect(screen.queryByText('对信用等级有异议？')).toBeNull();
  });

  it('appeals a ledger item with a reason', async () => {
    const fetchMock = stubApi({
      'GET /portal/credit': { status: 200, body: credit({ appeal: null }) },
      'POST /portal/credit/appeals': { status: 201, body: { id: 9, status: 'open', dueOn: '2026-12-23' } },
    });
    const router = renderAt('/portal/mine/credit');
    const appealLinks = await screen.findAllByText('申诉');
    fireEvent.click(appealLinks[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/mine/credit/appeal'));
    expect(await screen.findByText('较重违规')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('申诉理由'), { target: { value: '该处罚已被复议撤销' } });
    fireEvent.click(screen.getByText('提交申诉'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/credit/appeals')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/credit/appeals')[0])).toEqual({
      reason: '该处罚已被复议撤销',
      itemKey: 'violation_major:violation:7',
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/mine/credit'));
  });

  it('shows nothing on the home before the store has a level', async () => {
    stubApi({ 'GET /portal/credit': { status: 200, body: credit({ level: null, score: null }) } });
    renderAt('/portal');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByTestId('portal-credit-card')).toBeNull();
  });
});
