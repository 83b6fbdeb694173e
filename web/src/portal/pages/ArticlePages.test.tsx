import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { ArticleListPage } from './ArticleListPage.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { NewsHomeCard } from './NewsHomeCard.tsx';

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

const feed = {
  items: [
    {
      id: 7,
      title: '重要：新版防伪标识',
      category: '真假识别',
      publishedAt: '2026-11-20T02:00:00.000Z',
      read: false,
      acknowledgeRequired: true,
      acknowledged: false,
    },
    {
      id: 5,
      title: '11 月营销信息',
      category: '营销信息',
      publishedAt: '2026-11-10T02:00:00.000Z',
      read: true,
      acknowledgeRequired: false,
      acknowledged: false,
    },
  ],
  nextCursor: null,
};
const article = {
  id: 7,
  title: '重要：新版防伪标识',
  category: '真假识别',
  publishedAt: '2026-11-20T02:00:00.000Z',
  bodyHtml: '<p>看<strong>防伪线</strong>。</p>',
  cover: null,
  attachments: [],
  read: false,
  acknowledgeRequired: true,
  acknowledged: false,
};

describe('portal articles', () => {
  it('lists the feed unread first and searches', async () => {
    const fetchMock = stubApi({ 'GET /portal/articles': { status: 200, body: feed } });
    renderPortalPages([{ path: '/portal/news', element: <ArticleListPage /> }], '/portal/news', retailer);
    expect(await screen.findByText('重要：新版防伪标识')).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('搜索资讯'), { target: { value: '防伪' } });
    fireEvent.keyDown(screen.getByPlaceholderText('搜索资讯'), { key: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(callsTo(fetchMock, 'GET', '/portal/articles').some(([url]) => String(url).includes('q='))).toBe(true),
    );
  });

  it('marks an article read on opening and acknowledges it', async () => {
    const fetchMock = stubApi({
      'GET /portal/articles/7': { status: 200, body: article },
      'POST /portal/articles/7/read': { status: 204 },
      'POST /portal/articles/7/acknowledge': { status: 204 },
    });
    renderPortalPages([{ path: '/portal/news/:id', element: <ArticlePage /> }], '/portal/news/7', retailer);
    expect(await screen.findByText('防伪线')).toBeTruthy();
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/articles/7/read')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('portal-article-acknowledge'));
    expect(await screen.findByText('您已确认知悉本文')).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', '/portal/articles/7/acknowledge')).toHaveLength(1);
  });

  it('shows the home card with the reminder and the unread articles', async () => {
    stubApi({
      'GET /portal/articles': { status: 200, body: feed },
      'GET /portal/articles/reminders': {
        status: 200,
        body: { items: [{ id: 7, title: '重要：新版防伪标识', publishedAt: feed.items[0].publishedAt }] },
      },
    });
    renderPortalPages([{ path: '/portal', element: <NewsHomeCard />, card: true }], '/portal', retailer);
    expect(await screen.findByText('重要资讯待确认：重要：新版防伪标识')).toBeTruthy();
    expect(screen.getByText('查看资讯（1 篇未读）')).toBeTruthy();
  });
});
