import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { ContestDetailPage } from './ContestDetail.tsx';
import { contest, entries, judgeUser, marketing, ranking, renderAt } from './contests-test-fixtures.tsx';
import { ContestsPage } from './index.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const organiser = [
  'POST /api/v1/contests',
  'POST /api/v1/contests/:id/publish',
  'POST /api/v1/contests/:id/entries',
  'POST /api/v1/contests/:id/entries/:entryId/scores',
];
const routes = [
  { path: '/contests', element: <ContestsPage /> },
  { path: '/contests/:id', element: <ContestDetailPage /> },
];

describe('ContestsPage', () => {
  it('lists the contests with their status, period, deadline, entries and judges', async () => {
    stubApi({
      ...grants(...organiser),
      'GET /contests': { status: 200, body: { items: [{ ...contest, isJudge: true }] } },
    });
    renderAt('/contests', routes, marketing);
    const row = (await screen.findByText('2026 年冬季陈列创意大赛')).closest('tr') as HTMLElement;
    expect(within(row).getByText('进行中')).toBeTruthy();
    expect(within(row).getByText('我是评委')).toBeTruthy();
    expect(within(row).getByText('2026-11-01 至 2026-12-20')).toBeTruthy();
    expect(within(row).getByText('服务中心 陈、稽查 王')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /新建大赛/ })).toBeTruthy();
  });

  it('offers a new contest only to those the server lets organise', async () => {
    stubApi({ ...grants(), 'GET /contests': { status: 200, body: { items: [contest] } } });
    renderAt('/contests', routes, judgeUser);
    await screen.findByText('2026 年冬季陈列创意大赛');
    await waitFor(() => expect(screen.queryByRole('button', { name: /新建大赛/ })).toBeNull());
  });
});

describe('ContestDetailPage', () => {
  it('shows a judge only their own scores, no ranking, and sends a score with the weighted total', async () => {
    const judged = [
      {
        ...entries[0],
        myScore: { scores: { c1: 8, c2: 9, c3: 7 }, comment: '层次分明', scoredAt: '2026-12-01T02:00:00.000Z' },
      },
      { ...entries[1], canScore: true },
      entries[2],
    ];
    const fetchMock = stubApi({
      ...grants('POST /api/v1/contests/:id/entries/:entryId/scores'),
      'GET /contests/5': { status: 200, body: { ...contest, isJudge: true } },
      'GET /contests/5/entries': { status: 200, body: { items: judged } },
      'POST /contests/5/entries/2/scores': {
        status: 201,
        body: { entryId: 2, total: 85, scoredAt: '2026-12-02T02:00:00.000Z' },
      },
    });
    renderAt('/contests/5', routes, judgeUser);
    expect(await screen.findByText(/只能看到自己的评分/)).toBeTruthy();
    // 0.4·8/10 + 0.3·9/10 + 0.3·7/10 = 80
    expect(await screen.findByText('我的评分：80 分')).toBeTruthy();
    expect(screen.getByText('我的评语：层次分明')).toBeTruthy();
    expect(screen.getByText('本单位作品，回避评分')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '排名' })).toBeNull();
    expect(callsTo(fetchMock, 'GET', '/contests/5/ranking')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /发布结果/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /评\s*分/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('创意性'), { target: { value: '9' } });
    fireEvent.change(within(dialog).getByLabelText('整洁度'), { target: { value: '8.5' } });
    fireEvent.change(within(dialog).getByLabelText('丰富度'), { target: { value: '8' } });
    await waitFor(() => expect(within(dialog).getByText('加权得分：85.5 分（满分 100）')).toBeTruthy());
    fireEvent.click(within(dialog).getByRole('button', { name: /提交评分/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/contests/5/entries/2/scores')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/contests/5/entries/2/scores')[0])).toEqual({
      scores: { c1: 9, c2: 8.5, c3: 8 },
      comment: null,
    });
  });

  it('refuses a score out of range or off the half-point steps before sending it', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/contests/:id/entries/:entryId/scores'),
      'GET /contests/5': { status: 200, body: { ...contest, isJudge: true } },
      'GET /contests/5/entries': { status: 200, body: { items: [{ ...entries[1], canScore: true }] } },
    });
    renderAt('/contests/5', routes, judgeUser);
    fireEvent.click(await screen.findByRole('button', { name: /评\s*分/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('创意性'), { target: { value: '7.3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交评分/ }));
    await waitFor(() => expect(dialog.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(3));
    expect(callsTo(fetchMock, 'POST', '/contests/5/entries/2/scores')).toHaveLength(0);
  });

  it('shows an organiser the ranking with the tie-break in words, and publishes', async () => {
    const fetchMock = stubApi({
      ...grants(...organiser),
      'GET /contests/5': { status: 200, body: contest },
      'GET /contests/5/entries': { status: 200, body: { items: entries } },
      'GET /contests/5/ranking': { status: 200, body: ranking },
      'POST /contests/5/publish': { status: 200, body: { ...ranking, status: 'published' } },
    });
    renderAt('/contests/5', routes, marketing);
    fireEvent.click(await screen.findByRole('tab', { name: '排名' }));
    const table = await screen.findByTestId('contest-ranking');
    const third = (await within(table).findByText('好又多商行')).closest('tr') as HTMLElement;
    expect(within(third).getByText('评分项“创意性”')).toBeTruthy();
    expect(within(third).getByText('80.00')).toBeTruthy();
    expect(within(table).getAllByText('获奖')).toHaveLength(2);
    expect(screen.getByText(/同分时依次比较/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /发布结果/ }));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/contests/5/publish')).toHaveLength(1));
  });

  it('counts on the entries tab the entries this user sees, not the whole contest', async () => {
    stubApi({
      ...grants(),
      'GET /contests/5': { status: 200, body: { ...contest, entryCount: 3 } },
      'GET /contests/5/entries': { status: 200, body: { items: entries.slice(0, 1) } },
    });
    renderAt('/contests/5', routes, judgeUser);
    expect(await screen.findByRole('tab', { name: '参赛作品（1）' })).toBeTruthy();
  });

  it('links the booklet once published', async () => {
    stubApi({
      ...grants(),
      'GET /contests/5': {
        status: 200,
        body: { ...contest, status: 'published', publishedAt: '2026-12-21T02:00:00.000Z' },
      },
      'GET /contests/5/entries': { status: 200, body: { items: entries } },
      'GET /contests/5/ranking': { status: 200, body: { ...ranking, status: 'published' } },
    });
    renderAt('/contests/5', routes, judgeUser);
    const link = await screen.findByTestId('booklet-link');
    expect(link.getAttribute('href')).toBe('/api/v1/contests/5/booklet');
    expect(await screen.findByRole('tab', { name: '排名' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /代客户投稿/ })).toBeNull();
  });
});
