import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { TerminalPage } from './TerminalPage.tsx';
import type { PortalApplication, PortalTerminal, PortalTier } from './terminal.api.ts';

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

const tier = (id: number, name: string, rank: number): PortalTier => ({
  id,
  name,
  rank,
  passScore: 60 + rank * 5,
  maxScore: 100,
  fundingYuan: rank * 5000,
  fixtures: ['烟架', '招牌'],
  reinspectionMonths: 12,
  active: true,
  items: [],
});
const tiers = [tier(1, '品牌形象店', 4), tier(2, '品牌精品店', 3), tier(3, '品牌示范店', 2), tier(4, '品牌体验店', 1)];

const application: PortalApplication = {
  id: 41,
  customerId: 280,
  licenceNo: '350602100280',
  customerName: '芗城便民店',
  branchId: 3,
  branchName: '芗城分公司',
  tierId: 2,
  tierName: '品牌精品店',
  status: 'reviewed',
  source: 'portal',
  note: null,
  photoIds: [],
  createdAt: '2026-12-01T02:00:00.000Z',
  reviewedAt: '2026-12-02T02:00:00.000Z',
  reviewNote: '情况属实',
  decidedAt: null,
  decisionNote: null,
};

const terminal = (extra: Partial<PortalTerminal> = {}): PortalTerminal => ({
  customerId: 280,
  award: {
    id: 71,
    tierId: 3,
    tierName: '品牌示范店',
    status: 'active',
    awardedOn: '2026-06-03',
    dueOn: '2027-06-03',
    overdue: false,
    endedOn: null,
    endReason: null,
  },
  nextDueOn: '2027-06-03',
  history: [],
  applications: [],
  inspections: [],
  tiers,
  ...extra,
});

function renderPage() {
  renderPortalPages([{ path: '/portal/mine/terminal', element: <TerminalPage /> }], '/portal/mine/terminal', retailer);
}

describe('TerminalPage', () => {
  it('shows the tier held and its next re-inspection, and applies for a higher one', async () => {
    const fetchMock = stubApi({
      'GET /portal/terminal': { status: 200, body: terminal() },
      'POST /portal/terminals/applications': { status: 201, body: { ...application, status: 'submitted' } },
    });
    renderPage();
    const held = await screen.findByTestId('portal-terminal-tier');
    expect(held.textContent).toContain('品牌示范店');
    expect(held.textContent).toContain('下次复查 2027-06-03');
    fireEvent.mouseDown(screen.getByLabelText('申报等级'));
    // Only the tiers above the one held are offered.
    expect(await screen.findByTitle('品牌精品店')).toBeTruthy();
    expect(screen.getByTitle('品牌形象店')).toBeTruthy();
    expect(screen.queryByTitle('品牌体验店')).toBeNull();
    fireEvent.click(screen.getByTitle('品牌精品店'));
    expect(await screen.findByText('合格 75 分 · 扶持资金 15,000 元 · 烟架、招牌')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('申报说明'), { target: { value: '门店 40 平方米' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/terminals/applications')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/terminals/applications')[0])).toEqual({
      tierId: 2,
      note: '门店 40 平方米',
    });
  });

  it('shows the application in progress in words instead of the form', async () => {
    stubApi({ 'GET /portal/terminal': { status: 200, body: terminal({ applications: [application] }) } });
    renderPage();
    expect(await screen.findByText('申报“品牌精品店”：待营销中心审批')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交申报' })).toBeNull();
    expect(screen.getByTestId('portal-terminal-application').textContent).toContain('情况属实');
  });
});
