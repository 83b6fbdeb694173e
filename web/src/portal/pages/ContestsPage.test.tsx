import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { ContestsPage } from './ContestsPage.tsx';
import { beijingToday, type PortalContest, portalContestState, sortPortalContests } from './contests.api.ts';

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

const criteria = [
  { key: 'c1', label: '创意性', weight: 40, maxScore: 10 },
  { key: 'c2', label: '整洁度', weight: 60, maxScore: 10 },
];
const contest = (overrides: Partial<PortalContest>): PortalContest => ({
  id: 1,
  title: '陈列大赛',
  rules: '每店限投一件作品。',
  startsOn: '2026-11-01',
  entryDeadline: '2099-12-31',
  endsOn: '2099-12-31',
  status: 'open',
  criteria,
  canEnter: true,
  myEntry: null,
  winners: [],
  bookletUrl: null,
  ...overrides,
});
const open = contest({ id: 6, title: '2026 年冬季陈列创意大赛' });
const published = contest({
  id: 4,
  title: '2026 年秋季陈列创意大赛',
  entryDeadline: '2026-10-15',
  endsOn: '2026-10-31',
  status: 'published',
  canEnter: false,
  myEntry: { id: 12, title: '烟柜焕新', rank: 2 },
  winners: [
    { rank: 1, customerName: '万家福超市', title: '品牌墙', score: 91.25 },
    { rank: 2, customerName: '红星便利', title: '烟柜焕新', score: 88 },
  ],
  bookletUrl: '/api/v1/contests/4/booklet',
});

function renderPage() {
  renderPortalPages([{ path: '/portal/mine/contests', element: <ContestsPage /> }], '/portal/mine/contests', retailer);
}

describe('ContestsPage (portal)', () => {
  it('enters an open contest with a title and photos taken on the phone', async () => {
    const fetchMock = stubApi({
      'GET /portal/contests': { status: 200, body: { items: [published, open] } },
      'POST /portal/contests/photos': { status: 201, body: { id: 77, contentType: 'image/jpeg', sizeBytes: 2048 } },
      'POST /portal/contests/6/entries': {
        status: 201,
        body: { id: 30, contestId: 6, submittedAt: '2026-12-07T02:00:00.000Z' },
      },
    });
    renderPage();
    const cards = await screen.findAllByTestId('portal-contest');
    // The open one first, with its rules and criteria.
    expect(within(cards[0]).getByText('2026 年冬季陈列创意大赛')).toBeTruthy();
    expect(within(cards[0]).getByText('投稿中')).toBeTruthy();
    expect(within(cards[0]).getByText('评分标准：创意性（权重 40）、整洁度（权重 60）')).toBeTruthy();
    fireEvent.click(within(cards[0]).getByRole('button', { name: '我要参赛' }));

    const form = await screen.findByTestId('portal-contest-entry');
    fireEvent.click(within(form).getByRole('button', { name: '提交作品' }));
    expect(await within(form).findByText('请至少上传一张照片')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/portal/contests/6/entries')).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox', { name: /作品名称/ }), { target: { value: '节日主题陈列' } });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'counter.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('portal-contest-photo-input'), { target: { files: [photo] } });
    await waitFor(() => expect(form.querySelector('img[src="/api/v1/contests/photos/77"]')).toBeTruthy());
    fireEvent.click(within(form).getByRole('button', { name: '提交作品' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/contests/6/entries')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/contests/6/entries')[0])).toEqual({
      title: '节日主题陈列',
      description: null,
      photoIds: [77],
    });
  });

  it('shows a published contest’s winners, my rank and the booklet to download', async () => {
    stubApi({ 'GET /portal/contests': { status: 200, body: { items: [published] } } });
    renderPage();
    const card = await screen.findByTestId('portal-contest');
    expect(within(card).getByText('已发布')).toBeTruthy();
    expect(within(card).getByText('第 2 名')).toBeTruthy();
    expect(within(card).getByText('第 1 名 万家福超市《品牌墙》91.25 分')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: '我要参赛' })).toBeNull();
    expect(within(card).getByTestId('portal-booklet-link').getAttribute('href')).toBe('/api/v1/contests/4/booklet');
  });

  it('says when there is no contest', async () => {
    stubApi({ 'GET /portal/contests': { status: 200, body: { items: [] } } });
    renderPage();
    expect(await screen.findByText('目前没有陈列大赛。')).toBeTruthy();
  });
});

describe(portalContestState.name, () => {
  it.each([
    ['open', '2026-11-30', '2026-11-30', 'open'],
    ['open', '2026-11-30', '2026-12-01', 'closed'],
    ['published', '2026-11-30', '2026-11-01', 'published'],
  ] as const)('%s, deadline %s, today %s → %s', (status, entryDeadline, today, state) => {
    expect(portalContestState({ status, entryDeadline }, today)).toBe(state);
  });

  it('orders open (soonest deadline), then judging, then published (newest)', () => {
    const today = '2026-12-07';
    const items = [
      contest({ id: 1, status: 'published', endsOn: '2026-06-30' }),
      contest({ id: 2, entryDeadline: '2026-12-01' }),
      contest({ id: 3, entryDeadline: '2026-12-31' }),
      contest({ id: 4, status: 'published', endsOn: '2026-10-31' }),
      contest({ id: 5, entryDeadline: '2026-12-10' }),
    ];
    expect(sortPortalContests(items, today).map((item) => item.id)).toEqual([5, 3, 2, 4, 1]);
  });

  it('takes today in Beijing', () => {
    expect(beijingToday(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
  });
});
