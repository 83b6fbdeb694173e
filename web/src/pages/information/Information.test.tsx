import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderAt } from '../contests/contests-test-fixtures.tsx';
import { ArticleDetailPage } from './ArticleDetailPage.tsx';
import { compactSegment, toArticleInput } from './ArticleEditorPage.tsx';
import { ArticlesPage } from './ArticlesPage.tsx';
import { CategoriesPage } from './CategoriesPage.tsx';
import type { Article, ArticleSummary } from './information.api.ts';
import { RemindersPage } from './RemindersPage.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林',
  role: 'marketing',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};
const manager: CurrentUser = { ...marketing, id: 40, username: 'xc-m01', displayName: '客户经理 张', role: 'manager' };

const summary: ArticleSummary = {
  id: 7,
  title: '真假识别：新版防伪标识',
  categoryId: 4,
  category: '真假识别',
  status: 'published',
  acknowledgeRequired: true,
  publishAt: null,
  publishedAt: '2026-11-20T02:00:00.000Z',
  targeted: 200,
  read: 150,
  acknowledged: 90,
  authorName: '营销中心 林',
  updatedAt: '2026-11-20T02:00:00.000Z',
};
const article: Article = {
  ...summary,
  summary: '新版防伪标识的三处要点',
  bodyHtml: '<p>看<strong>防伪线</strong>。</p>',
  cover: null,
  attachments: [
    { id: 3, kind: 'attachment', fileName: '识别手册.pdf', sizeBytes: 1000, url: '/api/v1/article-files/3' },
  ],
  target: null,
  targetLabel: '全部客户',
  canEdit: false,
};
const categories = {
  items: [
    { id: 1, name: '营销信息', position: 0, archived: false, articles: 3 },
    { id: 4, name: '真假识别', position: 3, archived: false, articles: 1 },
  ],
};

describe('ArticlesPage', () => {
  it('lists the articles with their rates and offers writing and the newsletter', async () => {
    stubApi({
      ...grants('POST /api/v1/articles'),
      'GET /articles': { status: 200, body: { items: [summary], total: 1 } },
      'GET /article-categories': { status: 200, body: categories },
    });
    renderAt('/articles', [{ path: '/articles', element: <ArticlesPage /> }], marketing);
    const row = (await screen.findByText('真假识别：新版防伪标识')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已发布')).toBeTruthy();
    expect(within(row).getByText('重要·需确认')).toBeTruthy();
    expect(within(row).getByText('75.0%')).toBeTruthy();
    expect(within(row).getByText('45.0%')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /写资讯/ })).toBeTruthy();
    const link = screen.getByText('导出本月小报').closest('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toMatch(/^\/api\/v1\/articles\/newsletter\?month=\d{4}-\d{2}$/);
  });

  it('offers no writing to a manager', async () => {
    stubApi({
      ...grants(),
      'GET /articles': { status: 200, body: { items: [summary], total: 1 } },
      'GET /article-categories': { status: 200, body: categories },
    });
    renderAt('/articles', [{ path: '/articles', element: <ArticlesPage /> }], manager);
    await screen.findByText('真假识别：新版防伪标识');
    await waitFor(() => expect(screen.queryByRole('button', { name: /写资讯/ })).toBeNull());
  });
});

describe('ArticleDetailPage', () => {
  it('shows the receipts by branch, switches to managers, and lists the stores not yet confirming', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/articles/:id/withdraw'),
      'GET /articles/7': { status: 200, body: article },
      'GET /articles/7/receipts': (init) => ({
        status: 200,
        body: { rows: [{ key: '3', label: '芗城分公司', targeted: 120, read: 100, acknowledged: 60 }] },
        ...(init ? {} : {}),
      }),
      'GET /articles/7/unread': {
        status: 200,
        body: {
          items: [
            {
              customerId: 11,
              customerName: '红星便利店',
              licenceNo: '350602100011',
              branchName: '芗城分公司',
              managerName: '张',
              readAt: null,
            },
          ],
          total: 1,
        },
      },
    });
    renderAt('/articles/7', [{ path: '/articles/:id', element: <ArticleDetailPage /> }], marketing);
    const row = (await screen.findByText('芗城分公司', { selector: 'td' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('83.3%')).toBeTruthy();
    expect(within(row).getByText('50.0%')).toBeTruthy();
    expect(await screen.findByText('红星便利店')).toBeTruthy();
    expect(screen.getByText('未确认客户')).toBeTruthy();
    expect(screen.getByText('防伪线')).toBeTruthy();
    fireEvent.click(screen.getByText('按客户经理'));
    await waitFor(() => expect(callsTo(fetchMock, 'GET', '/articles/7/receipts')).toHaveLength(2));
    expect(String(callsTo(fetchMock, 'GET', '/articles/7/receipts')[1][0])).toContain('groupBy=manager');
    expect(await screen.findByRole('button', { name: /撤\s*回/ })).toBeTruthy();
  });
});

describe('CategoriesPage', () => {
  it('adds a category', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/article-categories', 'PUT /api/v1/article-categories/:id'),
      'GET /article-categories': { status: 200, body: categories },
      'POST /article-categories': {
        status: 201,
        body: { items: [...categories.items, { id: 9, name: '服务通知', position: 50, archived: false, articles: 0 }] },
      },
    });
    renderAt('/article-categories', [{ path: '/article-categories', element: <CategoriesPage /> }], marketing);
    await screen.findByDisplayValue('营销信息');
    fireEvent.click(await screen.findByRole('button', { name: /新增栏目/ }));
    const inputs = screen.getAllByLabelText('栏目名称');
    fireEvent.change(inputs[inputs.length - 1], { target: { value: '服务通知' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/article-categories')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/article-categories')[0])).toEqual({
      name: '服务通知',
      position: 50,
      archived: false,
    });
  });
});

describe('RemindersPage', () => {
  it('lists the stores to remind', async () => {
    stubApi({
      ...grants(),
      'GET /articles/worklist': {
        status: 200,
        body: {
          items: [
            {
              articleId: 7,
              title: '真假识别：新版防伪标识',
              customerId: 11,
              customerName: '红星便利店',
              managerName: '张',
              deliveredAt: '2026-11-20T02:00:00.000Z',
              read: false,
            },
          ],
        },
      },
    });
    renderAt('/article-reminders', [{ path: '/article-reminders', element: <RemindersPage /> }], manager);
    expect(await screen.findByText('红星便利店')).toBeTruthy();
    expect(screen.getByText('未读')).toBeTruthy();
  });
});

describe('the editor’s request', () => {
  it.each([
    [{ targetMode: 'everyone' as const, segment: { classes: ['growth' as const] } }, null],
    [
      { targetMode: 'segment' as const, segment: { classes: [], branchIds: [3], gradeMin: undefined } },
      { branchIds: [3] },
    ],
  ])('targets %j → %j', (draft, target) => {
    expect(toArticleInput({ title: ' 标题 ', categoryId: 1, bodyHtml: '<p>x</p>', ...draft }, null, []).target).toEqual(
      target,
    );
  });
  it('keeps only the conditions set', () => {
    expect(compactSegment({ formats: [], gradeMax: 20 })).toEqual({ gradeMax: 20 });
  });
});
